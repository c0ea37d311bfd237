"""Finish a body docxtpl has rendered, as Word reads it: breaks, spacing, kept groups.

A page break in the template is a paragraph of its own; two tables in a row
fuse into one in Word; a table's introduction, its last row and a signature
block must not be left alone on a page. Each function fixes one of these on
the body's XML tree, for whatever template legal publishes.
"""
from lxml import etree

from .docx_tables import fit_columns, kind_of, text_width
from .ooxml import W, child, local

SPACER_STYLE = "TableSpacer"
# Paragraphs that bring their own space above them; a table before them needs no spacer.
SPACED_STYLES = frozenset({"Title", "Heading1", "Heading2", "AnnexHeading", "TOCHeading"})
SIGNING_SPACE = "1247"  # twips: 2.2 cm above the signature line, to sign by hand


def lay_out(body) -> None:
    fold_page_breaks(body)
    space_tables(body)
    width = text_width(body)
    first_page_group = set(_before_first_break(body))
    for table in body.iter(f"{W}tbl"):
        fit_columns(table, width)
        keep_with_table(table)
        if kind_of(table) == "signatures" or table in first_page_group:
            keep_whole(table)
        if kind_of(table) == "signatures":
            make_room_to_sign(table)


def _before_first_break(body):
    """The tables of the cover: everything before the first "page break before"."""
    for element in body:
        if element.find(f"{W}pPr/{W}pageBreakBefore") is not None:
            return
        if element.tag == f"{W}tbl":
            yield element


def fold_page_breaks(body) -> None:
    """A paragraph holding only a page break becomes "page break before" on the next paragraph."""
    for paragraph in list(body.iterchildren(f"{W}p")):
        runs = paragraph.findall(f"{W}r")
        only_break = runs and all(
            [local(c) for c in r if local(c) != "rPr"] == ["br"]
            and r.find(f"{W}br").get(f"{W}type") == "page" for r in runs)
        following = paragraph.getnext()
        if only_break and following is not None and following.tag == f"{W}p":
            child(following, "pPr", "pageBreakBefore")
            body.remove(paragraph)


def space_tables(body) -> None:
    """A small spacer after a table unless a heading follows: Word fuses adjacent tables,
    and a paragraph straight after a table would touch its rule."""
    for table in list(body.iterchildren(f"{W}tbl")):
        following = table.getnext()
        style = following.find(f"{W}pPr/{W}pStyle")
        starts_afresh = (following.find(f"{W}pPr/{W}pageBreakBefore") is not None
                         or following.find(f"{W}pPr/{W}sectPr") is not None)  # a page or section
        if following.tag == f"{W}tbl" or (
                following.tag == f"{W}p" and not starts_afresh
                and (style is None or style.get(f"{W}val") not in SPACED_STYLES)):
            table.addnext(etree.fromstring(
                f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:pStyle w:val="{SPACER_STYLE}"/></w:pPr></w:p>'))


def keep_with_table(table) -> None:
    """The paragraph introducing a table stays with it, a header row with the first row
    below it, and the last row never starts a page alone."""
    previous = table.getprevious()
    if previous is not None and previous.tag == f"{W}p":
        child(previous, "pPr", "keepNext")
    rows = table.findall(f"{W}tr")
    kept = [row for row in rows[:-1] if row.find(f"{W}trPr/{W}tblHeader") is not None]
    for row in [*kept, *rows[-2:-1]]:
        for paragraph in row.iter(f"{W}p"):
            child(paragraph, "pPr", "keepNext")


def keep_whole(table) -> None:
    """Every row keeps with the next: the table moves to the next page rather than split
    (a cover's short tables, a signature block)."""
    for row in table.findall(f"{W}tr")[:-1]:
        for paragraph in row.iter(f"{W}p"):
            child(paragraph, "pPr", "keepNext")


def make_room_to_sign(table) -> None:
    """2.2 cm above the signature line, to sign by hand.

    The model's rows are the parties' names, then the signature line, then name,
    title, date and place of signing (the order the document model documents)."""
    rows = table.findall(f"{W}tr")
    header = 1 if rows and rows[0].find(f"{W}trPr/{W}tblHeader") is not None else 0
    if len(rows) > header + 1:
        for paragraph in rows[header + 1].iter(f"{W}p"):
            child(paragraph, "pPr", "spacing", before=SIGNING_SPACE)
