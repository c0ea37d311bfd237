"""The output formats, one entry each: the only place that lists them.

Adding a format is one entry here (its renderer, its media type); the CLI, storage,
records, downloads, verification and the API take their list from this table. This module
imports nothing heavy: a fresh `dpa generate` reads the table before it forks (apart.py).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.layout import CSS_FILE, DOCX_TEMPLATE, HTML_TEMPLATE

if TYPE_CHECKING:
    from ..assembly.model import Document
    from ..content.loader import Content


@dataclass(frozen=True)
class OutputFormat:
    name: str  # also the file extension
    mimetype: str
    purpose: str  # what a customer downloads it for
    render: Callable[[Document, Content], bytes]  # lays the document out with the content's templates


# Renderers are imported on first use: WeasyPrint alone takes half a second to import.
def _docx(document: Document, content: Content) -> bytes:
    from .docx import render_docx
    return render_docx(document, content.files[DOCX_TEMPLATE])


def pdf_templates(content: Content) -> tuple[str, str]:
    """The HTML and CSS templates the PDF is laid out with."""
    return content.text(HTML_TEMPLATE), content.text(CSS_FILE)


def _pdf(document: Document, content: Content) -> bytes:
    from .pdf import render_pdf
    return render_pdf(document, *pdf_templates(content))


FORMATS = {f.name: f for f in (
    OutputFormat("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "for signature", _docx),
    OutputFormat("pdf", "application/pdf", "to read", _pdf),
)}


def output_format(name: str) -> OutputFormat:
    """The format of this name; an unknown one is refused, never replaced by another."""
    if name not in FORMATS:
        from ..field_errors import FieldErrors
        raise FieldErrors({"format": f"must be one of {', '.join(FORMATS)}; got {name!r}"})
    return FORMATS[name]
