"""Check an uploaded DOCX template before legal may publish it. Pure: bytes in, problems out.

Each problem names where it is, as a person finds it in Word: "paragraph 12",
"table 2, row 1, cell 3, paragraph 1", "section 1 footer, paragraph 1". The
checks run in stages and stop at the first stage with problems, so one
mistake does not come back as ten:

1. the file is a DOCX (a zip holding word/document.xml, within size bounds);
2. every tag starts and ends in one paragraph, and where a tag is split
   across Word runs, docxtpl's own clean-up (patch_xml) rejoins it;
3. the Jinja syntax of each part, one line per paragraph, so an error's line
   number is its paragraph (docxtpl's {%p/{%tr/{%tc/{%r tags included);
4. only known variables: `document` with Document's fields, loop variables
   over its blocks with Block's fields;
5. the XML docxtpl actually produces compiles (text boxes and the like);
6. a sample DPA renders, opens with python-docx, keeps no template syntax and
   shows every text of the document.
"""
import dataclasses
import io
import zipfile

from docx import Document as open_docx
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from .loader import DOCX_TEMPLATE, Content
from .template_places import part_places
from .template_syntax import check_patched, check_syntax, check_tags
from .template_variables import check_names

MAX_BYTES = 2 * 1024 * 1024
MAX_UNZIPPED = 50 * 1024 * 1024  # a zip bomb stops here


def check_template(data: bytes, content: Content) -> list[str]:
    """Problems with a DOCX template for this content; empty when it may be published."""
    problems = _check_package(data)
    if problems:
        return problems
    parts = list(part_places(open_docx(io.BytesIO(data))))
    env = Environment(undefined=StrictUndefined, autoescape=True)
    tpl = DocxTemplate(io.BytesIO(data))
    for stage in (lambda: [p for places in parts for p in check_tags(places, tpl)],
                  lambda: [p for places in parts for p in check_syntax(places, env)],
                  lambda: [p for places in parts for p in check_names(places, env)],
                  lambda: check_patched(tpl, env),
                  lambda: _check_sample(data, content)):
        problems = stage()
        if problems:
            return problems
    return []


def docx_lines(data: bytes) -> list[str]:
    """The text of every paragraph, headers and footers included, in reading order."""
    return [place.text for places in part_places(open_docx(io.BytesIO(data))) for place in places]


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


def _check_sample(data: bytes, content: Content) -> list[str]:
    from ..check import LEFTOVER_SYNTAX, sample_request
    from ..generate import build

    trial = dataclasses.replace(content, files={**content.files, DOCX_TEMPLATE: data})
    try:
        built = build(sample_request(), trial, formats=("docx",))
        rendered = [p for places in part_places(open_docx(io.BytesIO(built.files["docx"])))
                    for p in places]
    except Exception as exc:  # docxtpl, Jinja, lxml and python-docx each raise their own
        return [f"the sample DPA does not render: {type(exc).__name__}: {exc}"]
    problems = [f"the sample DPA keeps template syntax in {place}" for place in rendered
                if any(s in place.text for s in LEFTOVER_SYNTAX)]
    shown = " ".join(" ".join(place.text for place in rendered).split()).casefold()
    missing = [text for block in built.document.blocks
               for text in (block.text, *block.columns, *(c for row in block.rows for c in row))
               if text and " ".join(text.split()).casefold() not in shown]
    if missing:
        problems.append(f"the sample DPA leaves out {len(missing)} text(s) of the document, "
                        f"e.g. {missing[0][:60]!r}: the template must lay out every block kind")
    return problems
