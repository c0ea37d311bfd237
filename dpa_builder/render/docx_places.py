"""Find a DOCX template's paragraphs, name them as Word shows them, and give their Jinja source."""
import re
from dataclasses import dataclass

from docx.table import _Cell
from docx.text.paragraph import Paragraph

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
HEADERS = (("header", "header"), ("first_page_header", "first-page header"),
           ("even_page_header", "even-page header"), ("footer", "footer"),
           ("first_page_footer", "first-page footer"), ("even_page_footer", "even-page footer"))


@dataclass
class Place:
    name: str
    text: str
    paragraph: Paragraph
    row: object = None  # the table row and cell it sits in, for {%tr and {%tc
    cell: object = None

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return f'{self.name} ("{text[:57] + "..." if len(text) > 60 else text}")'


def part_places(docx):
    """The body, then each header and footer, as lists of places in reading order."""
    yield list(_places(docx))
    seen = set()
    for number, section in enumerate(docx.sections, start=1):
        for attr, label in HEADERS:
            part = getattr(section, attr)
            if not part.is_linked_to_previous and id(part.part) not in seen:
                seen.add(id(part.part))
                yield list(_places(part, f"section {number} {label}, "))


def _places(container, prefix="", row=None, cell=None):
    paragraphs = tables = 0
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            paragraphs += 1
            yield Place(f"{prefix}paragraph {paragraphs}", item.text, item, row, cell)
            continue
        tables += 1
        for r, tr in enumerate(item._tbl.tr_lst, start=1):
            # tc_lst, not row.cells: merged cells would repeat there.
            for c, tc in enumerate(tr.tc_lst, start=1):
                yield from _places(_Cell(tc, item), f"{prefix}table {tables}, row {r}, cell {c}, ",
                                   tr, tc)


def jinja_line(place: Place, places: list[Place]) -> str:
    """The paragraph as docxtpl hands it to Jinja, on one line."""
    for other in places:
        if other is not place and ((other.row is not None and other.row is place.row
                                    and "{%tr " in other.text)
                                   or (other.cell is not None and other.cell is place.cell
                                       and "{%tc " in other.text)):
            return ""  # docxtpl replaces the whole row or cell by the other tag
    text = re.sub(r"[\r\n]", " ", place.text)  # one paragraph, one line
    text = re.sub(r"{%\s*(?:colspan|cellbg)\s+([^%]*)%}", r"{{ \1 }}", text)
    text = re.sub(r"{%\s*[vh]m\s*%}", "", text)
    for y in ("tr", "tc", "p"):
        if match := re.search(r"({%|{{|{#)" + y + r" ([^}%#]*(?:%}|}}|#}))", text):
            text = f"{match.group(1)} {match.group(2)}"
    text = re.sub(r"({%|{{)r ", r"\1 ", text)
    return re.sub(r"(?<=\{[\{%])(.*?)(?=[\}%]})", lambda m: m.group(0).translate(QUOTES), text)


def jinja_source(places: list[Place]) -> str:
    return "\n".join(jinja_line(place, places) for place in places)
