"""`dpa check`: validate content and templates by assembling every variant once."""
import logging

from .assembly.assemble import assemble
from .assembly.samples import sample_request, variants
from .content.loader import DOCX_TEMPLATE, HTML_TEMPLATE, Content, ContentError, load_content
from .generate import render
from .render.docx_check import check_template
from .render.pdf import MissingGlyphs


def check_content(profile: str) -> list[str]:
    """Every problem of one profile's content: files, clause texts, then the templates."""
    try:
        content = load_content(profile)
    except ContentError as exc:
        return exc.problems
    problems = []
    for country, role, ai in variants(content):
        try:
            assemble(sample_request(country, role, ai), content)
        except ContentError as exc:
            problems += [p for p in exc.problems if p not in problems]
    if problems:
        return problems
    # The same checks legal's template upload runs, sample render included.
    problems = [f"{profile}: {DOCX_TEMPLATE}: {p}"
                for p in check_template(content.files[DOCX_TEMPLATE], content)]
    return problems or _check_pdf(profile, content)


def _check_pdf(profile: str, content: Content) -> list[str]:
    """Render one sample PDF: the HTML template renders, and no character lacks a glyph."""
    glyphs = MissingGlyphs()
    logging.getLogger("weasyprint").addHandler(glyphs)
    try:
        render("pdf", assemble(sample_request(), content), content)
    except ContentError as exc:
        return [f"{profile}: {p}" for p in exc.problems]
    finally:
        logging.getLogger("weasyprint").removeHandler(glyphs)
    return [f"{profile}: {HTML_TEMPLATE}: {m}" for m in glyphs.messages]
