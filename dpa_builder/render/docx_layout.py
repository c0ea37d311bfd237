"""Finish a body docxtpl has rendered, as Word reads it: widths, breaks, kept groups.

docxtpl clones template rows and cells, so a table's widths only fit the
column count the template was drawn with; a page break is a paragraph of its
own; two tables in a row fuse into one. Each function here fixes one of
these on the body's XML tree, for whatever template legal publishes.
"""
from lxml import etree

from .columns import column_shares, split_total

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The schema order of a paragraph's properties: Word refuses them out of order.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
             "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
             "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
             "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
STYLE_KINDS = {"DPAGrid": "grid", "DPAFields": "fields", "DPASignatures": "signatures"}
SPACER_STYLE = "TableSpacer"


def lay_out(body) -> None:
    fold_page_breaks(body)
    separate_tables(body)
    width = text_width(body)
    for table in body.iter(f"{W}tbl"):
        fit_columns(table, width)
        keep_last_rows_together(table)


def text_width(body) -> int:
    """The page width less its margins, in twips, from the body's section."""
    section = body.find(f"{W}sectPr")
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    return int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))


def set_paragraph_property(paragraph, name: str) -> None:
    """Switch on an empty-element property (keepNext, pageBreakBefore) in schema order."""
    ppr = paragraph.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.SubElement(paragraph, f"{W}pPr")
        paragraph.insert(0, ppr)
    if ppr.find(f"{W}{name}") is not None:
        return
    rank = PPR_ORDER.index(name)
    position = sum(1 for child in ppr if PPR_ORDER.index(etree.QName(child).localname) < rank)
    ppr.insert(position, etree.Element(f"{W}{name}"))


def fold_page_breaks(body) -> None:
    """A paragraph holding only a page break becomes "page break before" on the next paragraph."""
    for paragraph in list(body.iterchildren(f"{W}p")):
        runs = paragraph.findall(f"{W}r")
        only_break = runs and all(
            [etree.QName(c).localname for c in r if etree.QName(c).localname != "rPr"] == ["br"]
            and r.find(f"{W}br").get(f"{W}type") == "page" for r in runs)
        following = paragraph.getnext()
        if only_break and following is not None and following.tag == f"{W}p":
            set_paragraph_property(following, "pageBreakBefore")
            body.remove(paragraph)


def separate_tables(body) -> None:
    """Word fuses adjacent tables into one: put a small spacer paragraph between them."""
    for table in list(body.iterchildren(f"{W}tbl")):
        following = table.getnext()
        if following is not None and following.tag == f"{W}tbl":
            spacer = etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:pStyle w:val='
                                      f'"{SPACER_STYLE}"/></w:pPr></w:p>')
            table.addnext(spacer)


def fit_columns(table, width: int) -> None:
    """tblW, tblGrid and every tcW consistent, fixed layout, summing to the text width."""
    rows = table.findall(f"{W}tr")
    texts = [["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in row.findall(f"{W}tc")]
             for row in rows]
    style = table.find(f"{W}tblPr/{W}tblStyle")
    kind = STYLE_KINDS.get(style.get(f"{W}val") if style is not None else "", "")
    widths = split_total(column_shares(kind, texts), width)
    props = table.find(f"{W}tblPr")
    _replace(props, "tblW", {"w": str(width), "type": "dxa"}, after=("tblStyle", "tblpPr",
             "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize"))
    _replace(props, "tblLayout", {"type": "fixed"}, after=(
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
        "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd"))
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
            _replace(tcpr, "tcW", {"w": str(value), "type": "dxa"}, after=("cnfStyle",))


def _replace(parent, name: str, attributes: dict, after: tuple[str, ...]) -> None:
    """Set parent's child `name` to these attributes, placed after the children it follows."""
    old = parent.find(f"{W}{name}")
    element = etree.Element(f"{W}{name}", {f"{W}{k}": v for k, v in attributes.items()})
    if old is not None:
        parent.replace(old, element)
        return
    position = sum(1 for child in parent if etree.QName(child).localname in after)
    parent.insert(position, element)


def keep_last_rows_together(table) -> None:
    """The last row never starts a page alone: the row before it keeps with it."""
    rows = table.findall(f"{W}tr")
    if len(rows) >= 2:
        for paragraph in rows[-2].iter(f"{W}p"):
            set_paragraph_property(paragraph, "keepNext")
