"""`dpa check`: validate content and templates by assembling every variant once."""
import itertools
import logging
from datetime import date

from jinja2 import TemplateError

from .assembly.assemble import assemble
from .content.loader import DOCX_TEMPLATE, HTML_TEMPLATE, Content, ContentError, load_content
from .content.template_check import check_template
from .generate import render
from .render.pdf import MissingGlyphs
from .request import parse_request

# One customer per transfer mechanism: EEA (EU and non-EU), UK, Switzerland, elsewhere.
SAMPLE_COUNTRIES = ("DE", "NO", "GB", "CH", "US")
LEFTOVER_SYNTAX = ("{{", "}}", "{%", "%}")


def sample_request(country: str = "DE", role: str = "controller", ai_features: bool = False):
    return parse_request({
        "customer": {"legal_name": "Sample Customer Ltd", "address": "1 Sample Street, Sample City",
                     "country": country, "contact_email": "privacy@customer.example"},
        "signatory": {"name": "Sam Sample", "title": "Director", "email": "sam@customer.example"},
        "role": role, "ai_features": ai_features, "effective_date": date(2026, 12, 1).isoformat(),
    })


def check_content(profile: str) -> list[str]:
    try:
        content = load_content(profile)
    except ContentError as exc:
        return exc.problems
    # The same checks legal's template upload runs, sample render included.
    problems = [f"{profile}: {DOCX_TEMPLATE}: {p}"
                for p in check_template(content.files[DOCX_TEMPLATE], content)]
    for country, role, ai in itertools.product(SAMPLE_COUNTRIES, ("controller", "processor"),
                                               (False, True)):
        try:
            assemble(sample_request(country, role, ai), content)
        except (ContentError, TemplateError, KeyError) as exc:
            problems.append(f"{profile}: sample {country}/{role}/ai={ai}: {exc}")
    if not problems:
        problems += _check_pdf(profile, content)
    return problems


def _check_pdf(profile: str, content: Content) -> list[str]:
    """Render one sample PDF: no character may lack a glyph."""
    glyphs = MissingGlyphs()
    logging.getLogger("weasyprint").addHandler(glyphs)
    try:
        render("pdf", assemble(sample_request(), content), content)
    finally:
        logging.getLogger("weasyprint").removeHandler(glyphs)
    return [f"{profile}: {HTML_TEMPLATE}: {m}" for m in glyphs.messages]
