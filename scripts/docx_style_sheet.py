"""The DPA's style sheet for Word: page, fonts, paragraph and table styles, numbering.

The one place to review the DOCX's look. templates/dpa.css states the same
values for the PDF (tests/test_docx_template.py holds the two together).
Sizes in points, lengths in centimetres.
"""
from dataclasses import dataclass

# Fonts every Word has, each declared with the metric-compatible face a system
# without it (LibreOffice on Linux, the PDF renderer) uses in its place.
SERIF, SANS = "Times New Roman", "Arial"
FONTS = {SERIF: ("Liberation Serif", "roman", "02020603050405020304"),
         SANS: ("Liberation Sans", "swiss", "020B0604020202020204"),
         # East Asian faces Word ships, by the language of the text (not metric twins).
         "SimSun": ("Noto Serif CJK SC", "auto", "02010600030101010101"),
         "MS Mincho": ("Noto Serif CJK JP", "modern", "02020609040205080304"),
         "Batang": ("Noto Serif CJK KR", "roman", "02030600000101010101")}
CJK_FONTS = {"zh-CN": "SimSun", "ja-JP": "MS Mincho", "ko-KR": "Batang"}
LANGUAGE = "en-GB"

PAGE = {"width": 21.0, "height": 29.7, "top": 2.5, "bottom": 2.5, "left": 3.75, "right": 3.75,
        "header": 1.25, "footer": 1.25}
TEXT_WIDTH = PAGE["width"] - PAGE["left"] - PAGE["right"]  # 13.5 cm: 65–80 characters a line
HANG = 1.25  # clause numbers hang in this space; clause text, bullets and body align after it
BULLET_HANG = 0.6
GREY = "595959"
MARKING_RED = "B00000"  # a specimen's marking and notice; dpa.css uses the same red
RULE = "808080"


@dataclass(frozen=True)
class Style:
    """A paragraph style; None leaves a property to the style it is based on."""

    id: str
    name: str
    based_on: str | None = "Normal"
    font: str | None = None
    size: float | None = None
    bold: bool = False
    color: str | None = None
    before: float | None = None
    after: float | None = None
    line: float | None = None  # at least this many points per line
    left: float | None = None
    hanging: float | None = None
    align: str | None = None
    keep_next: bool = False
    keep_lines: bool = False
    outline: int | None = None  # 0 = level 1 of the navigation pane and contents
    numbering: tuple[int, int] | None = None  # (numId, ilvl) of numbering.xml
    tabs: tuple[tuple[str, float, str], ...] = ()  # (alignment, position, leader)
    next: str | None = None
    kind: str = "paragraph"  # or "character": a run's style, such as a run-in caption
    box: str | None = None  # a border around the paragraph, in this colour (indented by `left`)


STYLES = (
    Style("Normal", "Normal", None, SERIF, 11, line=14, after=6),
    Style("Title", "Title", font=SANS, size=22, bold=True, after=6, line=26, keep_next=True),
    Style("Subtitle", "Subtitle", size=12, after=18, keep_next=True),
    Style("Heading1", "heading 1", font=SANS, size=11, bold=True, before=14, after=6,
          keep_next=True, keep_lines=True, outline=0, numbering=(1, 0), next="Clause"),
    Style("AnnexHeading", "Annex Heading", font=SANS, size=14, bold=True, after=10, line=17,
          keep_next=True, keep_lines=True, outline=0, next="BodyText"),
    Style("Heading2", "heading 2", font=SANS, size=10.5, bold=True, before=12, after=4,
          keep_next=True, keep_lines=True, outline=1, next="BodyText"),
    Style("Clause", "Clause", numbering=(1, 1)),
    Style("BodyText", "Body Text"),
    Style("ClauseTranslation", "Clause Translation", left=HANG, color="404040"),
    Style("ListBullet", "List Bullet", after=4, numbering=(2, 0)),
    Style("TableText", "Table Text", size=9.5, line=12, after=2),
    Style("TableHeading", "Table Heading", font=SANS, size=8.5, bold=True, line=11, after=2),
    Style("Header", "header", font=SANS, size=8, color=GREY, line=10, after=0,
          tabs=(("right", TEXT_WIDTH, "none"),)),
    Style("HeaderMarking", "Header Marking", "DefaultParagraphFont", font=SANS, size=9, bold=True,
          color=MARKING_RED, kind="character"),
    # A boxed warning on the cover, such as a specimen's.
    Style("Notice", "Notice", bold=True, color=MARKING_RED, before=4, after=10, left=0.2,
          box=MARKING_RED),
    Style("Footer", "footer", font=SANS, size=8, color=GREY, line=10, after=0),
    Style("FooterPage", "Footer Page Number", "Footer", align="right"),
    Style("TableSpacer", "Table Spacer", size=6, line=6, after=0),
    Style("TOCHeading", "TOC Heading", font=SANS, size=14, bold=True, after=10, line=17,
          keep_next=True),
    Style("TOC1", "toc 1", after=3, left=HANG, hanging=HANG,
          tabs=(("left", HANG, "none"), ("right", TEXT_WIDTH, "dot"))),
    # "Changelog." opening a clause paragraph: the renderer puts it in a run of this style.
    Style("RunInCaption", "Run-in Caption", "DefaultParagraphFont", bold=True, kind="character"),
)

# numbering.xml: (numId, name, levels); a level is (format, text, style id, left, hanging).
NUMBERING = (
    (1, "DPA clauses", (("decimal", "%1.", "Heading1", HANG, HANG),
                        ("decimal", "%1.%2", "Clause", HANG, HANG))),
    (2, "DPA bullets", (("bullet", "\u2022", "ListBullet", HANG + BULLET_HANG, BULLET_HANG),)),
)

# Tables: thin rules between rows, none between columns, a ruled header row.
TABLE_CELL_MARGIN = (0.08, 0.12)  # top/bottom, left/right
TABLE_HEADER_FILL = "F2F2F2"
