"""Render a Document to DOCX with docxtpl: the template lays out, the model speaks."""
import io
from functools import lru_cache

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from ..assembly.model import Document
from .docx_layout import lay_out
from .docx_package import normalise_zip, set_properties


class CompileOnce(Environment):
    """docxtpl compiles the template's XML on every render; compile each distinct XML once.

    Every customer of one template version shares the compiled template: about a
    third of a DOCX render saved.
    """

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if globals is None and template_class is None:
            return self._compiled(source)
        return super().from_string(source, globals, template_class)

    @lru_cache(maxsize=16)
    def _compiled(self, source: str):
        return super().from_string(source)


# StrictUndefined: a template naming a field the model lacks fails loudly instead
# of printing nothing.
_ENV = CompileOnce(undefined=StrictUndefined, autoescape=True)


def render_docx(document: Document, template: bytes) -> bytes:
    """Return the DOCX bytes; the same document and template always give the same bytes."""
    tpl = DocxTemplate(io.BytesIO(template))
    # autoescape: "&" and "<" in a company name would otherwise cut the paragraph.
    tpl.render({"document": document}, _ENV, autoescape=True)
    lay_out(tpl.docx.element.body)
    set_properties(tpl.docx, document)
    out = io.BytesIO()
    tpl.save(out)
    return normalise_zip(out.getvalue())
