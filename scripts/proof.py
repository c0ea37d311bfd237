"""Render a DPA in both formats to PNG pages side by side, for legal and for review.

Left: the PDF as WeasyPrint wrote it. Right: the DOCX as a word processor lays it
out (LibreOffice headless converts it to PDF). Both rasterised by pdftoppm.

    python scripts/proof.py [--request examples/request.json] [--profile helptal]
                            [--out out/proof] [--dpi 50]

Writes OUT/page-NN.png (one per page of the longer document), OUT/pdf/ and
OUT/docx/ with the single pages, and the files themselves: OUT/dpa.pdf,
OUT/dpa.docx and OUT/dpa.docx.pdf (LibreOffice's layout of the DOCX).
"""
import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from dpa_builder.content.loader import load_content
from dpa_builder.generate import build
from dpa_builder.request import parse_request

GAP = 24  # pixels between the two pages


def rasterise(pdf: Path, out_dir: Path, dpi: int) -> list[Path]:
    """One PNG per page of the PDF, in page order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out_dir / "p")], check=True)
    return sorted(out_dir.glob("p-*.png"))


def docx_to_pdf(docx: Path, target: Path) -> Path:
    """Lay the DOCX out as a word processor does, in a throwaway LibreOffice profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", work, str(docx)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(Path(work) / (docx.stem + ".pdf"), target)
    return target


def side_by_side(left: Path | None, right: Path | None, target: Path) -> None:
    """PDF page left, DOCX page right; a missing page is left blank and outlined."""
    images = [Image.open(p) if p else None for p in (left, right)]
    width = max(im.width for im in images if im)
    height = max(im.height for im in images if im)
    sheet = Image.new("RGB", (2 * width + 3 * GAP, height + 2 * GAP), "#8a8a8a")
    draw = ImageDraw.Draw(sheet)
    for index, image in enumerate(images):
        x = GAP + index * (width + GAP)
        if image:
            sheet.paste(image, (x, GAP))
        else:
            draw.rectangle((x, GAP, x + width, GAP + height), outline="#444444", width=2)
    sheet.save(target, optimize=True)


def proof(request_path: Path, profile: str, out: Path, dpi: int) -> list[Path]:
    built = build(parse_request(json.loads(request_path.read_text())), load_content(profile))
    out.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out / f"dpa.{fmt}" for fmt in ("docx", "pdf")}
    for fmt, path in paths.items():
        path.write_bytes(built.files[fmt])
    pdf_pages = rasterise(paths["pdf"], out / "pdf", dpi)
    docx_pages = rasterise(docx_to_pdf(paths["docx"], out / "dpa.docx.pdf"), out / "docx", dpi)
    sheets = []
    for n in range(max(len(pdf_pages), len(docx_pages))):
        sheets.append(out / f"page-{n + 1:02d}.png")
        side_by_side(*(pages[n] if n < len(pages) else None for pages in (pdf_pages, docx_pages)),
                     sheets[-1])
    print(f"{out}: PDF {len(pdf_pages)} pages, DOCX (LibreOffice) {len(docx_pages)} pages")
    return sheets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--request", type=Path, default=Path("examples/request.json"))
    parser.add_argument("--profile", default="helptal")
    parser.add_argument("--out", type=Path, default=Path("out/proof"))
    parser.add_argument("--dpi", type=int, default=50)
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)  # pages of an earlier, longer proof must not linger
    proof(args.request, args.profile, args.out, args.dpi)


if __name__ == "__main__":
    main()
