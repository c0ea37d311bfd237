"""Render a Document to PDF/A-3b with WeasyPrint, fetching nothing from outside."""
import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..assembly.model import Document

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
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


@lru_cache(maxsize=4)
def _resources(folder: Path):
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined)
    font_config = FontConfiguration()
    css = CSS(string=(folder / "dpa.css").read_text(encoding="utf-8"), font_config=font_config)
    return env.get_template("dpa.html"), css, font_config


def render_html(document: Document, folder: Path = TEMPLATES) -> str:
    template, _, _ = _resources(folder)
    return template.render(document=document, lang=HTML_LANG[document.language])


def render_pdf(document: Document, folder: Path = TEMPLATES) -> bytes:
    """Return the PDF bytes; the same document always gives the same bytes."""
    _, css, font_config = _resources(folder)
    html = HTML(string=render_html(document, folder), url_fetcher=RefusingFetcher(),
                base_url=None)
    return html.write_pdf(
        stylesheets=[css], font_config=font_config, pdf_variant="pdf/a-3b",
        # The file identifier is normally random; derive it from the id instead.
        pdf_identifier=hashlib.sha256(document.id.encode()).hexdigest()[:32].encode())
