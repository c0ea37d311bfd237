"""Fit a rendered DOCX's tables to the page, as Word reads widths.

Word lays a row out by its cells' w:tcW and the table's w:tblW, LibreOffice by
the w:tblGrid; docxtpl clones cells of the template's width whatever the
column count. Here all three are set, consistently, from the shared column
shares, summing to the text width, with a fixed layout.
"""
from lxml import etree

from .columns import column_shares, split_total
from .ooxml import W, local, text_of

STYLE_KINDS = {"DPAGrid": "grid", "DPAFields": "fields", "DPASignatures": "signatures"}
TBLPR_BEFORE_W = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                  "tblStyleColBandSize")
TBLPR_BEFORE_LAYOUT = (*TBLPR_BEFORE_W, "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                       "shd")


def kind_of(table) -> str:
    """grid, fields or signatures, from the table style the template gave it."""
    style = table.find(f"{W}tblPr/{W}tblStyle")
    return STYLE_KINDS.get(style.get(f"{W}val") if style is not None else "", "")


def text_width(body) -> int:
    """The page width less its margins, in twips, from the body's section."""
    section = body.find(f"{W}sectPr")
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    return int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))


def fit_columns(table, width: int) -> None:
    """tblW, tblGrid and every tcW consistent, fixed layout, summing to the text width."""
    rows = table.findall(f"{W}tr")
    texts = [[text_of(tc) for tc in row.findall(f"{W}tc")] for row in rows]
    widths = split_total(column_shares(kind_of(table), texts), width)
    props = table.find(f"{W}tblPr")
    _put(props, "tblW", {"w": str(width), "type": "dxa"}, TBLPR_BEFORE_W)
    _put(props, "tblLayout", {"type": "fixed"}, TBLPR_BEFORE_LAYOUT)
    grid = table.find(f"{W}tblGrid")
    for column in list(grid):
        grid.remove(column)
    for value in widths:
        etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", str(value))
    for row in rows:
        for cell, value in zip(row.findall(f"{W}tc"), widths):
            tcpr = cell.find(f"{W}tcPr")
            if tcpr is None:
                tcpr = etree.Element(f"{W}tcPr")
                cell.insert(0, tcpr)
            _put(tcpr, "tcW", {"w": str(value), "type": "dxa"}, ("cnfStyle",))


def _put(parent, name: str, attributes: dict, before: tuple[str, ...]) -> None:
    """Set parent's child `name` to these attributes, after the children that precede it."""
    element = etree.Element(f"{W}{name}", {f"{W}{k}": v for k, v in attributes.items()})
    old = parent.find(f"{W}{name}")
    if old is not None:
        parent.replace(old, element)
    else:
        parent.insert(sum(1 for c in parent if local(c) in before), element)
