"""Render a Document to a tagged PDF/A-3b with WeasyPrint, fetching nothing from outside:
the Cover Page laid out for each DPA, the Standard Terms once for all who share them."""
import hashlib
import logging
from functools import lru_cache

from . import sonames  # noqa: F401 - before WeasyPrint, which it loads faster

# isort: split
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from ..assembly.model import Document
from ..files import cache_dir
from . import font_subsets
from .common_faces import FaceFetcher, font_face_rules
from .html import render_html
from .parts import cover_part, terms_part
from .pdf_join import freeze, join
from .pdf_parts import terms_key
from .terms_cache import TermsCache


class MissingGlyphs(logging.Handler):
    """Collect WeasyPrint's warnings about characters no installed font can draw."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        if "glyph" in record.getMessage():
            self.messages.append(record.getMessage())


_FONTS = FontConfiguration()  # font discovery is paid once per process
font_subsets.install()  # and each face's subset once per set of glyphs


@lru_cache(maxsize=8)
def _stylesheet(css: str) -> CSS:
    """The style sheet, after the rules of the common Chinese faces (common_faces.py)."""
    return CSS(string=font_face_rules() + css, font_config=_FONTS, url_fetcher=FaceFetcher())


OPTIONS = {
    "pdf_variant": "pdf/a-3b",
    # Tagged: structure, reading order, language and table headers for assistive
    # technology; PDF/A-3b keeps its marker (WeasyPrint 70 tags any variant).
    "pdf_tags": True,
}


@lru_cache(maxsize=1)
def terms_cache() -> TermsCache:
    """The process's standard terms: in memory, and in DPA_CACHE_DIR (see files.cache_dir)."""
    return TermsCache(cache_dir())


def laid_out(document: Document, html: str, css: str):
    """The document laid out by WeasyPrint: its pages, not yet drawn."""
    page = HTML(string=render_html(document, html), url_fetcher=FaceFetcher(), base_url=None)
    return page.render(stylesheets=[_stylesheet(css)], font_config=_FONTS, **OPTIONS)


def missing_glyphs(document: Document, html: str, css: str) -> list[str]:
    """WeasyPrint's warnings about characters no installed font can draw, in the whole
    document. Both parts are laid out and drawn here: the cached terms were drawn (and
    warned about) once, perhaps by another process, so a PDF from render_pdf may not warn."""
    glyphs = MissingGlyphs()
    logging.getLogger("weasyprint").addHandler(glyphs)
    try:
        for part in (cover_part(document), terms_part(document)):
            laid_out(part, html, css).write_pdf()  # drawing is what warns
    finally:
        logging.getLogger("weasyprint").removeHandler(glyphs)
    return glyphs.messages


def render_pdf(document: Document, html: str, css: str) -> bytes:
    """Return the PDF bytes; the same document and templates always give the same bytes.

    Only the Cover Page is laid out here. The Standard Terms come from the cache: laid
    out, drawn and written once for every customer who shares them (parts.py, terms_cache.py).
    """
    terms = terms_part(document)
    written = terms_cache().get(
        terms_key(terms, html, css, OPTIONS), document.content_version,
        lambda: freeze(laid_out(terms, html, css), **OPTIONS))
    # The file identifier is normally random; derive it from the id instead.
    identifier = hashlib.sha256(document.id.encode()).hexdigest()[:32].encode()
    return join(laid_out(cover_part(document), html, css), written, identifier, **OPTIONS)
