"""Render a Document to DOCX with docxtpl: the template lays out, the model speaks."""
import io
import zipfile
from datetime import datetime, timezone
from functools import lru_cache
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from ..assembly.model import Document

CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# A stored zip entry's time is part of the file; fixing it makes rebuilds byte-identical.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


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
    _set_properties(tpl.docx, document)
    out = io.BytesIO()
    tpl.save(out)
    return _normalise_zip(out.getvalue())


def _set_properties(docx, document: Document) -> None:
    stamp = datetime(document.issued.year, document.issued.month, document.issued.day,
                     tzinfo=timezone.utc)
    core = docx.core_properties
    core.title, core.subject, core.author = document.title, document.subject, document.author
    core.keywords, core.identifier, core.language = document.keywords, document.id, document.language
    core.category, core.comments, core.version = "Data Processing Addendum", "", document.content_version
    core.created = core.modified = stamp
    core.last_modified_by, core.revision = document.author, 1
    core.last_printed = stamp
    _add_custom_properties(docx.part.package, document.properties())


def _add_custom_properties(package, properties: dict[str, str]) -> None:
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(properties.items()), start=2))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>')
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_CT, xml.encode(), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def _normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
