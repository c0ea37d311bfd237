"""Build a DPA's files from a request: the one path the CLI, the web and the API share."""
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .assembly.assemble import assemble
from .assembly.context import Options
from .assembly.model import Document
from .content.loader import CSS_FILE, DOCX_TEMPLATE, HTML_TEMPLATE, Content
from .request import Request

RENDERERS = ("docx", "pdf")


def render(fmt: str, document: Document, content: Content) -> bytes:
    """Lay the document out with the content's own templates."""
    # Imported on first use: WeasyPrint alone takes half a second to import.
    if fmt == "docx":
        from .render.docx import render_docx
        return render_docx(document, content.files[DOCX_TEMPLATE])
    from .render.pdf import render_pdf
    return render_pdf(document, content.text(HTML_TEMPLATE), content.text(CSS_FILE))


@dataclass(frozen=True)
class Built:
    document: Document
    files: dict[str, bytes]  # format -> bytes

    def sha256(self, fmt: str) -> str:
        return hashlib.sha256(self.files[fmt]).hexdigest()


def build(request: Request, content: Content, formats=("docx", "pdf"),
          options: Options = Options()) -> Built:
    document = assemble(request, content, options)
    return Built(document, {fmt: render(fmt, document, content) for fmt in formats})


def write_files(built: Built, out_dir: Path) -> dict[str, Path]:
    """Write each file atomically: a reader never sees half a document."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for fmt, data in built.files.items():
        target = out_dir / f"{built.document.id}.{fmt}"
        fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".tmp-", suffix=f".{fmt}")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        paths[fmt] = target
    return paths
