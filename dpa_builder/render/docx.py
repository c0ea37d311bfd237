"""Render a Document to DOCX with docxtpl: the template lays out, the model speaks."""
import io
from functools import lru_cache

from docxtpl import DocxTemplate
from lxml import etree

from ..assembly.model import Document
from ..content.layout import DOCX_TEMPLATE, ContentError
from ..content.sandbox import RENDER_ERRORS, Sandbox
from .docx_fields import bookmark_headings, refer_to_headings
from .docx_language import WORD_LANG, set_languages
from .docx_layout import lay_out
from .docx_package import normalise_zip, set_properties
from .docx_runs import set_type
from .docx_static import refusal
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

    A template the rendering policy refuses raises ContentError naming the paragraph.
    """
    tpl = DocxTemplate(io.BytesIO(template))
    try:
        tpl.render(document.data, _ENV)
    except (*RENDER_ERRORS, etree.LxmlError) as exc:
        raise ContentError([f"{DOCX_TEMPLATE}: {p}" for p in refusal(template, tpl, exc)]) from None
    body = tpl.docx.element.body
    lay_out(body)
    refer_to_headings(body, bookmark_headings(body))
    fill_contents(body)
    set_type(body, WORD_LANG[document.language])
    set_properties(tpl.docx, document)
    set_languages(tpl.docx, document)
    out = io.BytesIO()
    tpl.save(out)
    return normalise_zip(out.getvalue())
