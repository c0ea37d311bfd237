"""Set type inside a rendered DOCX's paragraphs: run-in captions, East Asian runs.

docxtpl puts each block's text in one run. Word needs a run of its own for a
caption (styled "Run-in Caption") and for Japanese, Chinese or Korean text (the
East Asian font and language of that text, so Word draws Japanese with
Japanese glyphs). The words stay as they are.
"""
import copy

from lxml import etree

from .ooxml import W, child, local
from .typeset import east_asian_runs, has_east_asian, split_caption

CAPTIONED_STYLES = frozenset({"Clause", "BodyText"})
CAPTION_STYLE = "RunInCaption"
# Word's East Asian face and language tag for each language typeset.py tells apart.
EAST_ASIAN = {"ja": ("MS Mincho", "ja-JP"), "zh-CN": ("SimSun", "zh-CN"), "ko": ("Batang", "ko-KR")}


def set_type(root, page: str = "") -> None:
    """Captions and East Asian runs in every paragraph under root (body, header or footer).

    page: the document's own language tag; its runs need no East Asian run of their own
    (the styles already set its face), which keeps a Chinese DOCX quick to render.
    """
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") in CAPTIONED_STYLES:
            _split_caption(paragraph)
        for run in paragraph.findall(f"{W}r"):
            _split_east_asian(run, page)


def _split_caption(paragraph) -> None:
    run = paragraph.find(f"{W}r")
    text = run.find(f"{W}t") if run is not None else None
    if text is None or text.text is None:
        return
    caption, rest = split_caption(text.text)
    if caption:
        first = _copy_with_text(run, caption)
        child(first, "rPr", "rStyle", val=CAPTION_STYLE)
        run.addprevious(first)
        text.text = rest


def _split_east_asian(run, page: str) -> None:
    """Rebuild a run holding East Asian text as runs in the same order, each in its language."""
    contents = [c for c in run if local(c) != "rPr"]
    if not any(t.tag == f"{W}t" and has_east_asian(t.text or "") for t in contents):
        return  # most runs: nothing to split
    split = {id(t): east_asian_runs(t.text or "", page)
             for t in contents if t.tag == f"{W}t"}
    if not any(language for parts in split.values() for _, language in parts):
        return
    for content in contents:
        for part, language in split.get(id(content), [(None, None)]):
            piece = _copy_with_text(run, part) if part is not None else _copy_with(run, content)
            if language:
                font, tag = EAST_ASIAN[language]
                child(piece, "rPr", "rFonts", eastAsia=font, hint="eastAsia")
                child(piece, "rPr", "lang", eastAsia=tag)
            run.addprevious(piece)
    run.getparent().remove(run)


def _copy_with(run, content):
    """A run with the same properties holding only this content (text, a break, a tab)."""
    piece = etree.Element(f"{W}r")
    properties = run.find(f"{W}rPr")
    if properties is not None:
        piece.append(copy.deepcopy(properties))
    piece.append(copy.deepcopy(content))
    return piece


def _copy_with_text(run, value: str):
    """A run with the same properties holding only this text."""
    t = etree.Element(f"{W}t")
    t.text = value
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return _copy_with(run, t)
