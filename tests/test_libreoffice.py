"""The DOCX opens in a real word processor and lays out like the PDF: LibreOffice, headless."""
import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from conftest import pdf_text, squash

soffice = shutil.which("soffice") or shutil.which("libreoffice")


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.skipif(soffice is None, reason="LibreOffice is installed by scripts/setup.sh")
@pytest.mark.parametrize("profile", ["helptal", "helpdesk"])
def test_the_docx_lays_out_within_a_page_of_the_pdf(built, tmp_path, profile):
    result = built("DE", ai=True, profile=profile)
    source = tmp_path / "dpa.docx"
    source.write_bytes(result.files["docx"])
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    laid_out = (tmp_path / "dpa.pdf").read_bytes()
    text = squash(pdf_text(laid_out))
    last_row = [b for b in result.document.blocks if b.style == "grid"][-1].rows[-1]
    assert "Acme Robotics GmbH" in text and squash(last_row[0]) in text
    assert "Page 2 of" in text and result.document.id in text
    assert abs(pages(laid_out) - pages(result.files["pdf"])) <= 1
