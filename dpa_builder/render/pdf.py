"""Render a Document to PDF/A-3b with WeasyPrint, fetching nothing from outside."""
import hashlib
import logging
from functools import lru_cache

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..assembly.model import Document
from ..content.loader import HTML_TEMPLATE, ContentError
from ..content.refusals import line_of, problem
from ..content.sandbox import RENDER_ERRORS, sandbox

HTML_LANG = {"en": "en", "fr": "fr", "zh": "zh-CN"}  # bare "zh" picks Japanese glyphs


class RefusingFetcher(URLFetcher):
    """Fetch nothing: the template inlines its CSS and fonts come from the system.

    Customer text is escaped, so it cannot add a link; this stops a template
    change from ever making the renderer read a local file or call a URL.
    """

    def fetch(self, url, headers=None):
        raise ValueError(f"external resource refused: {url[:80]}")


class MissingGlyphs(logging.Handler):
    """Collect WeasyPrint's warnings about characters no installed font can draw."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        if "glyph" in record.getMessage():
            self.messages.append(record.getMessage())


_FONTS = FontConfiguration()  # font discovery is paid once per process


@lru_cache(maxsize=8)
def _template(html: str):
    return sandbox(frozenset({"document", "lang"}), autoescape=True).from_string(html)


@lru_cache(maxsize=8)
def _stylesheet(css: str) -> CSS:
    return CSS(string=css, font_config=_FONTS)


def render_html(document: Document, html: str) -> str:
    """The page WeasyPrint lays out; a template the policy refuses raises ContentError."""
    try:
        return _template(html).render(**document.data, lang=HTML_LANG[document.language])
    except RENDER_ERRORS as exc:
        line = line_of(exc)
        raise ContentError([f"{HTML_TEMPLATE}: {f'line {line}: ' if line else ''}{problem(exc)}"]
                           ) from None


def render_pdf(document: Document, html: str, css: str) -> bytes:
    """Return the PDF bytes; the same document and templates always give the same bytes."""
    page = HTML(string=render_html(document, html), url_fetcher=RefusingFetcher(), base_url=None)
    return page.write_pdf(
        stylesheets=[_stylesheet(css)], font_config=_FONTS, pdf_variant="pdf/a-3b",
        # The file identifier is normally random; derive it from the id instead.
        pdf_identifier=hashlib.sha256(document.id.encode()).hexdigest()[:32].encode())
