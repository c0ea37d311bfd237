"""`dpa check`: validate content and templates by assembling every variant once."""
import io
import itertools
import logging
from datetime import date

from docx import Document as open_docx
from docxtpl import DocxTemplate
from jinja2 import TemplateError

from .assembly.assemble import assemble
from .content.loader import DOCX_TEMPLATE, Content, ContentError, load_content
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
    problems = _check_docx_template(content)
    for country, role, ai in itertools.product(SAMPLE_COUNTRIES, ("controller", "processor"),
                                               (False, True)):
        try:
            assemble(sample_request(country, role, ai), content)
        except (ContentError, TemplateError, KeyError) as exc:
            problems.append(f"{profile}: sample {country}/{role}/ai={ai}: {exc}")
    if not problems:
        problems += _check_rendering(profile, content)
    return problems


def _check_docx_template(content: Content) -> list[str]:
    names = DocxTemplate(io.BytesIO(content.files[DOCX_TEMPLATE])).get_undeclared_template_variables()
    unknown = sorted(set(names) - {"document"})
    return [f"{DOCX_TEMPLATE}: unknown variables {unknown}"] if unknown else []


def _check_rendering(profile: str, content: Content) -> list[str]:
    """Render one sample both ways: no template syntax left, no glyph missing."""
    document = assemble(sample_request(), content)
    words = [p.text for p in open_docx(io.BytesIO(render("docx", document, content))).paragraphs]
    problems = [f"{profile}: templates/dpa.docx leaves template syntax in: {w[:60]!r}"
                for w in words if any(s in w for s in LEFTOVER_SYNTAX)]
    glyphs = MissingGlyphs()
    logging.getLogger("weasyprint").addHandler(glyphs)
    try:
        render("pdf", document, content)
    finally:
        logging.getLogger("weasyprint").removeHandler(glyphs)
    return problems + [f"{profile}: templates/dpa.html: {m}" for m in glyphs.messages]
