"""Build a DPA's files from a request: the one path the CLI, the web and the API share."""
from .assembly.assemble import assemble
from .assembly.context import Options
from .assembly.model import Document
from .content.loader import Content, load_content
from .content.specimen import refuse_in_production
from .job import Built, Job
from .render.formats import FORMATS, output_format
from .request import Request, parse_request


def render(fmt: str, document: Document, content: Content) -> bytes:
    """Lay the document out in one format with the content's own templates."""
    return output_format(fmt).render(document, content)


def build(request: Request, content: Content, formats=tuple(FORMATS),
          options: Options = Options()) -> Built:
    """Assemble the document, then render it in each format (FieldErrors for an unknown one)."""
    renderers = [output_format(fmt) for fmt in formats]  # refuse before any work
    document = assemble(request, content, options)
    return Built(document, {r.name: r.render(document, content) for r in renderers})


def checked_content(profile: str) -> Content:
    """The profile's content; ContentError, or SpecimenRefused for a specimen in production."""
    content = load_content(profile)
    refuse_in_production(profile, content.specimen)
    return content


def _options(job: Job) -> Options:
    return Options(english_for=job.english_for, bilingual=job.bilingual)


def prepare_job(job: Job) -> tuple[Document, Content]:
    """The job's document assembled, and the content it was assembled from."""
    request, content = parse_request(job.data), checked_content(job.profile)
    return assemble(request, content, _options(job)), content


def build_job(job: Job) -> Built:
    """The job's files, built in this process (FieldErrors before any content is loaded)."""
    document, content = prepare_job(job)
    return Built(document, {fmt: render(fmt, document, content) for fmt in job.formats})
