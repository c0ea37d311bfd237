"""Render a Document to DOCX with docxtpl: the template lays out, the model speaks."""
import io
from functools import lru_cache

from docxtpl import DocxTemplate
from lxml import etree

from ..assembly.model import Document
from ..content.layout import DOCX_TEMPLATE, ContentError
from ..content.sandbox import RENDER_ERRORS, Sandbox
from .docx_fields import bookmark_headings, refer_to_headings
from .docx_language import WORD_LANG, set_languages, tag_translations
from .docx_layout import lay_out
from .docx_package import Counts, normalise_zip, set_properties
from .docx_runs import set_type
from .docx_static import refusal
from .docx_terms import WHOLE, Terms, cover_document, kept_part, kept_terms, take_markers
from .docx_toc import fill_contents


class CompileOnce(Sandbox):
    """docxtpl compiles the template's XML on every render; compile each distinct XML once.

    Every customer of one template version shares the compiled template: about a
    third of a DOCX render saved.
    """

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if globals is None and template_class is None:
            return self._compiled(source)
        return super().from_string(source, globals, template_class)

    @lru_cache(maxsize=16)  # noqa: B019 - on the one module-level instance, kept for the process
    def _compiled(self, source: str):
        return super().from_string(source)


# autoescape: "&" and "<" in a company name would otherwise cut the paragraph.
_ENV = CompileOnce(frozenset({"document"}), autoescape=True)


def render_docx(document: Document, template: bytes) -> bytes:
    """Return the DOCX bytes; the same document and template always give the same bytes.

    The Standard Terms come finished from docx_terms.py, made once per combination.
    A template the rendering policy refuses raises ContentError naming the paragraph.
    """
    terms = kept_terms(document, template, lambda part: _terms(part, template))
    tpl, counts = (terms and _parted(document, template, terms)) or _whole(document, template)
    set_properties(tpl.docx, document, counts)
    set_languages(tpl.docx, document)
    out = io.BytesIO()
    tpl.save(out)
    return normalise_zip(out.getvalue())


def _parted(document: Document, template: bytes,
            terms: Terms) -> tuple[DocxTemplate, Counts] | None:
    """The cover rendered with a copy of the terms put in; None if it hid the markers."""
    tpl = _rendered(cover_document(document), template)
    _finish(tpl.docx.element.body, document, terms)
    counts = terms.put_into(tpl.docx.element.body)
    return (tpl, counts) if counts else None


def _whole(document: Document, template: bytes) -> tuple[DocxTemplate, Counts]:
    tpl = _rendered(document, template)
    _finish(tpl.docx.element.body, document, WHOLE)
    return tpl, Counts.of(tpl.docx.element.body)


def _rendered(document: Document, template: bytes) -> DocxTemplate:
    tpl = DocxTemplate(io.BytesIO(template))
    try:
        tpl.render(document.data, _ENV)
    except (*RENDER_ERRORS, etree.LxmlError) as exc:
        raise ContentError([f"{DOCX_TEMPLATE}: {p}" for p in refusal(template, tpl, exc)]) from None
    return tpl


def _finish(body, document: Document, before: Terms) -> dict[str, str]:
    """Lay out, bookmark and refer to headings (also those `before` bookmarked), fill the
    contents, set type and languages; heading text -> bookmark name."""
    lay_out(body)
    names = bookmark_headings(body, first=before.last_bookmark + 1)
    refer_to_headings(body, before.names | names)
    fill_contents(body)
    set_type(body, WORD_LANG[document.language])
    tag_translations(body, document)
    return names


def _terms(part: Document, template: bytes) -> Terms | None:
    """The terms rendered from terms_document() and finished; None if they cannot be cut out."""
    body = _rendered(part, template).docx.element.body
    taken = take_markers(body)
    if taken is None:
        return None
    between, follows = taken
    return kept_part(body, between, follows, _finish(body, part, WHOLE))
