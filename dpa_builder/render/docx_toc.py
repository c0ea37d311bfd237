"""The DOCX's table of contents: a TOC field whose shown result lists clauses and annexes.

Word builds a TOC field's result only when its fields are updated, so the
renderer writes the result itself: one entry per bookmarked heading, linked to
it, with the clause number Word gives the heading and a PAGEREF field for its
page. The document asks Word to update its fields when opened (settings.xml,
w:updateFields), which fills in the page numbers. LibreOffice (7.4) shows a field's
stored result, so its page numbers stay blank until its fields are updated.
"""
from xml.sax.saxutils import escape

from lxml import etree

from .docx_fields import HEADING_LEVELS, style_of
from .ooxml import W, text_of

NUMBERED = "Heading1"  # the style Word numbers "1.", "2.", ... (numbering.xml, level 0)


def fill_contents(body) -> None:
    """Give the template's empty TOC field a result: an entry per clause and annex."""
    field = _empty_toc_field(body)
    entries = _entries(body) if field is not None else []
    if not entries:
        return
    begin, instruction, separate, end = (part.getparent() for part in field)  # their runs
    placeholder = begin.getparent()
    for run in (separate, instruction, begin):  # the field opens in the first entry...
        entries[0].insert(1, run)
    entries[-1].append(end)  # ...and closes in the last
    for entry in entries:
        placeholder.addprevious(entry)
    placeholder.getparent().remove(placeholder)


def _entries(body) -> list:
    """An entry for each bookmarked heading of the first level: clauses and annexes."""
    entries, number = [], 0
    for paragraph in body.iter(f"{W}p"):
        style, bookmark = style_of(paragraph), paragraph.find(f"{W}bookmarkStart")
        if HEADING_LEVELS.get(style) != 1 or bookmark is None:
            continue
        number += style == NUMBERED
        label = f"{number}." if style == NUMBERED else ""
        entries.append(_entry(label, text_of(paragraph), bookmark.get(f"{W}name")))
    return entries


def _empty_toc_field(body):
    """The begin, instruction, separate and end of a TOC field with nothing shown yet."""
    for paragraph in body.iter(f"{W}p"):
        chars = paragraph.findall(f"{W}r/{W}fldChar")
        instructions = paragraph.findall(f"{W}r/{W}instrText")
        if (len(chars) == 3 and instructions and instructions[0].text.strip().startswith("TOC")
                and not paragraph.findall(f"{W}r/{W}t")):
            return [chars[0], instructions[0], chars[1], chars[2]]
    return None


def _entry(label: str, title: str, bookmark: str):
    xml = (f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
           f'<w:hyperlink w:anchor="{bookmark}" w:history="1">{_text(label)}'
           f'{"<w:r><w:tab/></w:r>" if label else ""}{_text(title)}<w:r><w:tab/></w:r>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           f'<w:r><w:instrText xml:space="preserve"> PAGEREF {bookmark} \\h </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>')
    return etree.fromstring(xml)


def _text(value: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r>' if value else ""
