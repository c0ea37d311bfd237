"""The checks of a DOCX template that need no rendering. Pure: bytes in, problems out.

Each problem names where it is, as a person finds it in Word: "paragraph 12",
"table 2, row 1, cell 3, paragraph 1", "section 1 footer, paragraph 1". The
checks run in stages and stop at the first stage with problems, so one
mistake does not come back as ten:

1. the file is a DOCX (a zip holding word/document.xml, within size bounds);
2. every tag starts and ends in one paragraph, and where a tag is split
   across Word runs, docxtpl's own clean-up (patch_xml) rejoins it;
3. the Jinja syntax of each part, one line per paragraph, so an error's line
   number is its paragraph (docxtpl's {%p/{%tr/{%tc/{%r tags included), and
   what the rendering policy refuses: include/import/extends, names starting
   with _;
4. only known variables: `document` with Document's fields, loop variables
   over its blocks with Block's fields;
5. the XML docxtpl actually produces compiles (text boxes and the like), and
   the document properties docxtpl renders too.
"""
import html
import io
import re
import zipfile

from docx import Document as open_docx
from docxtpl import DocxTemplate

from ..content.refusals import line_of, problem
from ..content.sandbox import sandbox
from .docx_names import check_names
from .docx_places import QUOTES, part_places
from .docx_syntax import check_patched, check_syntax, check_tags

MAX_BYTES = 2 * 1024 * 1024
MAX_UNZIPPED = 50 * 1024 * 1024  # a zip bomb stops here


def static_problems(data: bytes) -> list[str]:
    """Problems with a DOCX template found without rendering it; empty when none."""
    problems = _check_package(data)
    if problems:
        return problems
    parts = list(part_places(open_docx(io.BytesIO(data))))
    env = sandbox(None, autoescape=True)  # names are checked by type, paragraph by paragraph
    tpl = DocxTemplate(io.BytesIO(data))
    for stage in (lambda: [p for places in parts for p in check_tags(places, tpl)],
                  lambda: [p for places in parts for p in check_syntax(places, env)],
                  lambda: [p for places in parts for p in check_names(places, env)],
                  lambda: check_patched(tpl, env)):
        problems = stage()
        if problems:
            return problems
    return []


def refusal(data: bytes, tpl: DocxTemplate, exc: Exception) -> list[str]:
    """Why docxtpl could not render this template, located as Word shows it."""
    return static_problems(data) or [f"{_failed_paragraph(data, tpl, line_of(exc))}: "
                                     f"{problem(exc)}"]


def _failed_paragraph(data: bytes, tpl: DocxTemplate, line: int | None) -> str:
    """docxtpl puts each <w:p> of the part it renders on its own line: find that paragraph."""
    part = tpl.current_rendering_part
    # A failed part is never replaced by its rendering, so tpl still holds its source.
    xml = tpl.get_xml() if part is None or part is tpl.docx.part else tpl.get_part_xml(part)
    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml)).splitlines()
    if not line or line > len(lines):
        return "the template does not render"
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", lines[line - 1])).split())
    for places in part_places(open_docx(io.BytesIO(data))):
        for place in places:
            if text and " ".join(place.text.translate(QUOTES).split()) == text.translate(QUOTES):
                return str(place)
    return f'the paragraph "{text[:60]}"'


def _check_package(data: bytes) -> list[str]:
    if len(data) > MAX_BYTES:
        return [f"the file is larger than {MAX_BYTES // 1024 // 1024} MB"]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {i.filename: i.file_size for i in archive.infolist()}
    except zipfile.BadZipFile:
        return ["not a DOCX file: it is not a zip archive (whatever its name says)"]
    if "word/document.xml" not in names:
        return ["not a DOCX file: it holds no word/document.xml"]
    if sum(names.values()) > MAX_UNZIPPED:
        return ["the file unpacks to more than 50 MB"]
    try:
        open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        return [f"not a DOCX file Word can open: {type(exc).__name__}: {exc}"]
    return []
