"""Read a DOCX's XML as Word does: styles with inheritance, list numbers, table widths.

python-docx shows the text of a paragraph but not the number Word puts before
it, nor which widths Word uses; the tests ask these questions here.
"""
import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from dpa_builder.render.ooxml import text_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(element, path: str, default=None):
    found = element.find(path) if element is not None else None
    return found.get(f"{W}val", default) if found is not None else default


@dataclass
class Paragraph:
    style: str
    label: str  # the list number Word shows ("5.2"), or ""
    text: str
    element: object
    bullet: bool = False

    @property
    def shown(self) -> str:
        return f"{self.label} {self.text}".strip()


class WordView:
    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.styles = {s.get(f"{W}styleId"): s for s in
                       etree.fromstring(self.parts["word/styles.xml"]).iter(f"{W}style")}
        self.settings = etree.fromstring(self.parts["word/settings.xml"])
        numbering = self.parts.get("word/numbering.xml")
        self.numbering = etree.fromstring(numbering) if numbering else None

    def style_chain(self, style_id: str | None):
        """The style and those it is based on, nearest first."""
        while style_id in self.styles:
            yield self.styles[style_id]
            style_id = _val(self.styles[style_id], f"{W}basedOn")

    def style_property(self, style_id: str | None, path: str):
        return next((found for s in self.style_chain(style_id)
                     if (found := s.find(path)) is not None), None)

    def num_pr(self, paragraph) -> tuple[str, int] | None:
        """(numId, level) from the paragraph itself or, as Word falls back, its style."""
        style = _val(paragraph, f"{W}pPr/{W}pStyle")
        direct = paragraph.find(f"{W}pPr/{W}numPr")
        num_pr = direct if direct is not None else self.style_property(style, f"{W}pPr/{W}numPr")
        if num_pr is None or _val(num_pr, f"{W}numId", "0") == "0":
            return None
        return _val(num_pr, f"{W}numId"), int(_val(num_pr, f"{W}ilvl", "0"))

    def _levels(self, num_id: str) -> dict[int, tuple[str, str]]:
        num = next(n for n in self.numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
        abstract_id = _val(num, f"{W}abstractNumId")
        abstract = next(a for a in self.numbering.iter(f"{W}abstractNum")
                        if a.get(f"{W}abstractNumId") == abstract_id)
        return {int(lvl.get(f"{W}ilvl")): (_val(lvl, f"{W}numFmt"), _val(lvl, f"{W}lvlText"))
                for lvl in abstract.iter(f"{W}lvl")}

    def paragraphs(self, within=None) -> list[Paragraph]:
        """Every paragraph in reading order (tables included) with the number Word gives it."""
        counters: dict[str, list[int]] = {}
        result = []
        for p in (within if within is not None else self.document).iter(f"{W}p"):
            label, bullet = "", False
            if (numbered := self.num_pr(p)) is not None:
                num_id, level = numbered
                counts = counters.setdefault(num_id, [0] * 9)
                counts[level] += 1
                counts[level + 1:] = [0] * (8 - level)
                fmt, text = self._levels(num_id)[level]
                bullet = fmt == "bullet"
                label = "" if bullet else _fill(text, counts)
            texts = text_of(p)
            result.append(Paragraph(_val(p, f"{W}pPr/{W}pStyle", "Normal"), label, texts, p, bullet))
        return result

    def text_width(self) -> int:
        section = self.document.find(f"{W}body/{W}sectPr")
        size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
        return int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))

    def tables(self):
        return list(self.document.iter(f"{W}tbl"))


def _fill(text: str, counts: list[int]) -> str:
    for level, count in enumerate(counts, start=1):
        text = text.replace(f"%{level}", str(count))
    return text


def cell_widths(table) -> list[list[int]]:
    """Each row's w:tcW values in twips, as Word lays the row out."""
    return [[int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in tr.findall(f"{W}tc")]
            for tr in table.findall(f"{W}tr")]
