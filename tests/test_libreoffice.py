"""The DOCX opens in a real word processor: LibreOffice converts it headless."""
import shutil
import subprocess

import pytest

from conftest import pdf_text, squash

soffice = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(soffice is None, reason="LibreOffice is installed by scripts/setup.sh")
def test_docx_opens_in_libreoffice(built, tmp_path):
    result = built("DE", ai=True)
    source = tmp_path / "dpa.docx"
    source.write_bytes(result.files["docx"])
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    text = squash(pdf_text((tmp_path / "dpa.pdf").read_bytes()))
    assert "Acme Robotics GmbH" in text and "Anthropic, PBC" in text
    assert "Page 2 of" in text and result.document.id in text
