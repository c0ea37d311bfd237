"""The DPA in the request's language: English, a translation that says the English prevails, or both.

A translated DPA uses only current translations. A missing or stale one is
refused unless the options ask for that part in English, and the document then
names the parts it gives in English. Until every translation it uses names a
reviewer, it calls itself an unreviewed convenience translation.
"""
from collections.abc import Callable
from dataclasses import replace

from ..content.loader import Content
from ..content.sandbox import render_text
from ..content.translation_status import Gap
from ..content.translations import LANGUAGES
from ..field_errors import FieldErrors
from ..request import Request
from .bilingual import interleave
from .context import Options
from .model import Block, Document
from .translate import Translated, translate

ENGLISH = "en"
ALL_GAPS = "all"  # english_for: every missing or stale part the document uses
Assembler = Callable[[Request, Content, Options], Document]
_SEPARATOR = {"zh": "；"}  # between clause headings, which may hold commas themselves


class TranslationRefused(FieldErrors):
    """The translation lacks parts (missing or stale) that nobody asked to give in English.

    The request's language cannot be served as asked: it is refused like a bad
    field, naming the parts (`dpa check` says what each lacks).
    """

    def __init__(self, language: str, gaps: list[Gap]):
        clauses = [g.key for g in gaps if g.clause]
        others = len(gaps) - len(clauses)
        parts = ([f"clauses {', '.join(clauses)}"] if clauses else []) + (
            [f"{others} labels and annex texts"] if others else [])
        super().__init__({"language": (
            f"the {LANGUAGES[language]} translation of {' and '.join(parts)} is missing or out of "
            f"date; choose English, or ask for those parts in English (english_for)")})
        self.gaps = gaps


def compose(request: Request, content: Content, options: Options, assemble: Assembler) -> Document:
    if request.language == ENGLISH:
        if options.bilingual:
            raise FieldErrors({"options.bilingual": "needs a French or Chinese DPA language"})
        return assemble(request, content, options)
    translated = translate(content, request.language)
    document = assemble(request, translated.content, options)
    english = _english_parts(translated, document, options.english_for)
    document = _with_notes(document, translated.content, translated, english)
    if options.bilingual:
        original = _with_notes(assemble(request, content, options), content, translated, english)
        language = f"Bilingual: English, then {document.facts['language']}"
        document = replace(interleave(original, document), facts={**document.facts, "language": language})
    return document


def _english_parts(translated: Translated, document: Document, english_for) -> list[Gap]:
    """The gaps this document uses; TranslationRefused if one was not asked for in English."""
    used = [g for g in translated.gaps if not g.clause or g.key in document.clause_versions]
    refused = [g for g in used if ALL_GAPS not in english_for and g.key not in english_for]
    if refused:
        raise TranslationRefused(document.language, refused)
    return used


def _with_notes(document: Document, content: Content, translated: Translated,
                english: list[Gap]) -> Document:
    """The prevailing-language clause and what the reader must know, under the title."""
    labels, language = content.labels, translated.content.language
    notes = [labels[f"prevailing_language_{language}"]]
    reviewed = translated.reviewed(document.clause_versions)
    if not reviewed:
        notes.append(labels["translation_unreviewed"])
    clauses = _clause_headings(document, [g.key for g in english])
    if clauses:
        notes.append(render_text(labels["translation_english_clauses"],
                                 {"clauses": _SEPARATOR.get(content.language, "; ").join(clauses)}))
    if any(not g.clause for g in english):
        notes.append(labels["translation_english_labels"])
    top = next(i for i, b in enumerate(document.blocks) if b.kind not in ("title", "subtitle"))
    blocks = (*document.blocks[:top], *(Block("paragraph", n, part="cover") for n in notes),
              *document.blocks[top:])
    footer = document.footer if reviewed else f"{document.footer} · {labels['footer_unreviewed']}"
    facts = {**document.facts, "language": _language_fact(language, reviewed, clauses)}
    return replace(document, blocks=blocks, footer=footer, facts=facts)


def _clause_headings(document: Document, keys: list[str]) -> list[str]:
    """"5. Sub-processors" for each clause id given in English, in document order."""
    headings = {b.number: f"{b.number} {b.text}" for b in document.blocks
                if b.kind == "heading" and b.number}
    return [headings[f"{n}."] for n, cid in enumerate(document.clause_versions, start=1)
            if cid in keys]


def _language_fact(language: str, reviewed: bool, english: list[str]) -> str:
    """What records and staff pages show about the document's language, in English."""
    fact = LANGUAGES[language] + ("" if reviewed else ", an unreviewed convenience translation")
    return fact + (f"; in English: {', '.join(english)}" if english else "")
