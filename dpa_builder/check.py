"""`dpa check`: validate content and templates by assembling every variant once."""
from .assembly.assemble import assemble
from .assembly.context import Options
from .assembly.samples import sample_request, variants
from .content.layout import DOCX_TEMPLATE, HTML_TEMPLATE, ContentError
from .content.loader import Content, load_content
from .render.docx_check import check_template
from .render.formats import pdf_templates
from .render.pdf import missing_glyphs
from .translation_check import translation_gaps as _gaps
from .translation_check import translation_problems


def check_content(profile: str) -> list[str]:
    """Every problem of one profile's content: files, clause texts, then the templates."""
    try:
        content = load_content(profile)
    except ContentError as exc:
        return exc.problems
    problems = []
    samples = [sample_request(country, role, ai) for country, role, ai in variants(content)]
    for request in samples:
        try:
            assemble(request, content)
        except ContentError as exc:
            problems += [p for p in exc.problems if p not in problems]
    problems += translation_problems(profile, content, samples)
    if problems:
        return problems
    # The same checks legal's template upload runs, sample render included.
    problems = [f"{profile}: {DOCX_TEMPLATE}: {p}"
                for p in check_template(content.files[DOCX_TEMPLATE], content)]
    return problems or _check_pdf(profile, content)


def _check_pdf(profile: str, content: Content) -> list[str]:
    """Render one sample PDF: the HTML template renders, and no character lacks a glyph."""
    # Bilingual Chinese: English, Chinese and whatever the notes add, in one render.
    request = sample_request().model_copy(update={"language": "zh"})
    try:
        document = assemble(request, content, Options(english_for=("all",), bilingual=True))
        missing = missing_glyphs(document, *pdf_templates(content))
    except ContentError as exc:
        return [f"{profile}: {p}" for p in exc.problems]
    return [f"{profile}: {HTML_TEMPLATE}: {m}" for m in missing]


def specimen_reasons(profile: str) -> tuple[str, ...]:
    """Why this profile's DPAs would be specimens (example or missing configuration)."""
    try:
        return load_content(profile).specimen
    except ContentError:
        return ()  # check_content reports the content's own problems


def translation_gaps(profile: str) -> list[str]:
    """The profile's missing and stale translations (none reported if its content is broken)."""
    try:
        return _gaps(load_content(profile))
    except ContentError:
        return []
