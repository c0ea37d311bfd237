"""Every picture in a DOCX template says what it shows (alt text), or that it is decoration.

A screen reader reads a picture's alt text (wp:docPr/@descr); Word marks a
purely decorative picture with the adec:decorative extension instead.
"""
import io
import re
import zipfile

from lxml import etree

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")


def images_without_alt_text(data: bytes) -> list[str]:
    """One problem per picture with neither alt text nor Word's "decorative" mark."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(n for n in archive.namelist() if PART.fullmatch(n)):
            for picture in etree.fromstring(archive.read(name)).iter(f"{WP}docPr"):
                decorative = any(e.get("val") in ("1", "true") for e in picture.iter(DECORATIVE))
                if not (picture.get("descr") or "").strip() and not decorative:
                    problems.append(
                        f"{name.removeprefix('word/').removesuffix('.xml')}: the picture "
                        f"{picture.get('name', '')!r} has no alt text: in Word, right-click it, "
                        "View Alt Text, and describe it (or mark it decorative)")
    return problems
