"""templates/dpa.docx is what the style sheet builds, and dpa.css says the same."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import docx_style_sheet as sheet  # noqa: E402 - the scripts' folder is not a package
import make_docx_template  # noqa: E402

CSS = (ROOT / "templates" / "dpa.css").read_text()


def test_the_committed_template_is_the_style_sheet_built():
    assert (ROOT / "templates" / "dpa.docx").read_bytes() == make_docx_template.build(), \
        "run: python scripts/make_docx_template.py"


def css_points(selector: str) -> tuple[float, float]:
    """(font size, line height) in points that dpa.css gives a selector."""
    body = re.search(r"(?m)^" + re.escape(selector) + r" \{([^}]*)\}", CSS).group(1)
    if font := re.search(r"font: (?:bold )?([\d.]+)pt/([\d.]+)pt", body):
        return float(font.group(1)), float(font.group(2))
    size = re.search(r"font-size: ([\d.]+)pt", body).group(1)
    line = re.search(r"line-height: ([\d.]+)pt", body) or re.search(r"line-height: ([\d.]+)pt", CSS)
    return float(size), float(line.group(1))


def test_the_pdf_stylesheet_states_the_docx_style_sheets_values():
    styles = {s.id: s for s in sheet.STYLES}
    for selector, style in (("html", "Normal"), ("h1.title", "Title"), ("h2.clause", "Heading1"),
                            ("h2.annex", "AnnexHeading"), ("h2.contents", "TOCHeading"),
                            ("table", "TableText")):
        size, line = css_points(selector)
        assert (size, line) == (styles[style].size, styles[style].line or styles["Normal"].line)
    assert css_points("h3")[0] == styles["Heading2"].size
    assert re.search(r"th \{[^}]*font-size: 8.5pt", CSS) and styles["TableHeading"].size == 8.5
    page = sheet.PAGE
    assert f"margin: {page['top']}cm {page['left']}cm;" in CSS and page["top"] == page["bottom"]
    for box in ("@top-right", "@bottom-left", "@bottom-right"):
        box_css = re.search(box + r" \{[^}]*\}", CSS).group(0)
        assert 'font: 8pt/10pt "Arial", "Liberation Sans"' in box_css and "#595959" in box_css
    assert styles["Header"].size == styles["Footer"].size == 8 and sheet.GREY == "595959"
    assert '"Times New Roman", "Liberation Serif"' in CSS and sheet.FONTS[sheet.SERIF][0] == \
        "Liberation Serif"
