"""Word fields in a rendered DOCX: bookmarked headings, cross-references to them.

Clauses refer to each other by heading ("the clause headed “Sub-processors”"),
never by number, because the numbers depend on which clauses apply. Each such
heading becomes a REF field to the heading's bookmark: Word shows the same
words, follows the link with Ctrl+click, and keeps the words in step when a
lawyer renames the heading and updates the fields.
"""
import copy

from lxml import etree

from .ooxml import W, local, text_of
from .typeset import cross_references

# Heading styles and their level in the table of contents.
HEADING_LEVELS = {"Heading1": 1, "AnnexHeading": 1, "Heading2": 2}


def style_of(paragraph) -> str:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else ""


def bookmark_headings(body, first: int = 1) -> dict[str, str]:
    """A hidden bookmark around every heading's text, numbered from `first`;
    heading text -> bookmark name."""
    names: dict[str, str] = {}
    headings = [p for p in body.iter(f"{W}p") if style_of(p) in HEADING_LEVELS]
    for number, paragraph in enumerate(headings, start=first):
        name = f"_Ref{number:08d}"  # a leading underscore: hidden from the bookmark list
        start = etree.Element(f"{W}bookmarkStart", {f"{W}id": str(number), f"{W}name": name})
        properties = paragraph.find(f"{W}pPr")
        paragraph.insert(0 if properties is None else 1, start)
        etree.SubElement(paragraph, f"{W}bookmarkEnd", {f"{W}id": str(number)})
        names.setdefault(text_of(paragraph), name)
    return names


def refer_to_headings(body, bookmarks: dict[str, str]) -> None:
    """Every quoted heading in the text becomes a REF field to that heading."""
    for paragraph in body.iter(f"{W}p"):
        if style_of(paragraph) in HEADING_LEVELS:
            continue
        for run in paragraph.findall(f"{W}r"):
            texts = run.findall(f"{W}t")
            if len(texts) != 1 or len([c for c in run if local(c) != "rPr"]) != 1:
                continue
            parts = cross_references(texts[0].text or "", bookmarks)
            if not any(is_reference for _, is_reference in parts):
                continue
            for text, is_reference in parts:
                for piece in (_field(run, bookmarks[text], text) if is_reference
                              else [_run_like(run, "t", text)]):
                    run.addprevious(piece)
            run.getparent().remove(run)


def _run_like(run, kind: str, value: str = "", **attributes):
    """A run with run's properties holding one element: text, field character or instruction."""
    piece = etree.Element(f"{W}r")
    properties = run.find(f"{W}rPr")
    if properties is not None:
        piece.append(copy.deepcopy(properties))
    element = etree.SubElement(piece, f"{W}{kind}", {f"{W}{k}": v for k, v in attributes.items()})
    if value:
        element.text = value
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return piece


def _field(run, bookmark: str, shown: str) -> list:
    return [_run_like(run, "fldChar", fldCharType="begin"),
            _run_like(run, "instrText", f" REF {bookmark} \\h "),
            _run_like(run, "fldChar", fldCharType="separate"),
            _run_like(run, "t", shown),
            _run_like(run, "fldChar", fldCharType="end")]
