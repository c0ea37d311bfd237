"""A bilingual DPA: each English block followed by its translation, the English first.

Both documents come from the same request and options, so their blocks pair
one to one (a current translation mirrors its English clause paragraph for
paragraph). The translation's blocks carry their language; a translated heading
becomes a subheading without number, and a translated paragraph keeps its English
paragraph's number for renderers to align it by, never to count it again.
"""
from dataclasses import replace

from ..content.layout import ContentError
from .model import Block, Document

# A translated heading sits under the English one, a step lower.
_TRANSLATED_KIND = {"heading": "subheading"}


def interleave(english: Document, translated: Document) -> Document:
    if [b.kind for b in english.blocks] != [b.kind for b in translated.blocks]:
        raise ContentError([f"bilingual: the {translated.language} document's blocks do not pair "
                            f"with the English ones"])
    blocks = []
    for a, b in zip(english.blocks, translated.blocks):
        blocks += _pair(a, b, translated.language)
    return replace(english, title=f"{english.title} · {translated.title}", blocks=tuple(blocks))


def _pair(english: Block, translated: Block, language: str) -> list[Block]:
    if english.kind == "page_break" or english == translated:
        return [english]
    if english.kind == "table":
        return [replace(english, columns=_cells(english.columns, translated.columns),
                        rows=tuple(_cells(a, b) for a, b in zip(english.rows, translated.rows)))]
    kind = _TRANSLATED_KIND.get(english.kind, english.kind)
    number = translated.number if kind == "paragraph" else ""  # headings: the English numbers
    return [english, replace(translated, kind=kind, number=number, lang=language)]


def _cells(english: tuple[str, ...], translated: tuple[str, ...]) -> tuple[str, ...]:
    """Each cell in English, then on a line of its own its translation where it differs."""
    return tuple(a if a == b else f"{a}\n{b}" for a, b in zip(english, translated))
