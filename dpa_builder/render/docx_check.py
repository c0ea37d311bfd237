"""Check a DOCX template before legal may publish it: the static checks, then a sample render.

The sample DPA must render, open with python-docx, keep no template syntax and
show every text of the document.
"""
import dataclasses
import io

from docx import Document as open_docx

from ..assembly.assemble import assemble
from ..assembly.samples import sample_request
from ..content.layout import DOCX_TEMPLATE, ContentError
from ..content.loader import Content
from .docx import render_docx
from .docx_images import images_without_alt_text
from .docx_places import part_places
from .docx_static import static_problems

LEFTOVER_SYNTAX = ("{{", "}}", "{%", "%}")


def check_template(data: bytes, content: Content) -> list[str]:
    """Problems with a DOCX template for this content; empty when it may be published."""
    return static_problems(data) or images_without_alt_text(data) or _check_sample(data, content)


def docx_lines(data: bytes) -> list[str]:
    """The text of every paragraph, headers and footers included, in reading order."""
    return [place.text for places in part_places(open_docx(io.BytesIO(data))) for place in places]


def _check_sample(data: bytes, content: Content) -> list[str]:
    trial = dataclasses.replace(content, files={**content.files, DOCX_TEMPLATE: data})
    try:
        document = assemble(sample_request(), trial)
        rendered = [p for places in part_places(open_docx(io.BytesIO(render_docx(document, data))))
                    for p in places]
    except ContentError as exc:
        return [problem.removeprefix(f"{DOCX_TEMPLATE}: ") for problem in exc.problems]
    except Exception as exc:  # python-docx and lxml raise their own on a broken result
        return [f"the sample DPA does not open: {type(exc).__name__}: {exc}"]
    problems = [f"the sample DPA keeps template syntax in {place}" for place in rendered
                if any(s in place.text for s in LEFTOVER_SYNTAX)]
    shown = " ".join(" ".join(place.text for place in rendered).split()).casefold()
    missing = [text for block in document.blocks
               for text in (block.text, *block.columns, *(c for row in block.rows for c in row))
               if text and " ".join(text.split()).casefold() not in shown]
    if missing:
        problems.append(f"the sample DPA leaves out {len(missing)} text(s) of the document, "
                        f"e.g. {missing[0][:60]!r}: the template must lay out every block kind")
    return problems
