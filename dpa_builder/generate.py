"""Build a DPA's files from a request: the one path the CLI, the web and the API share."""
from dataclasses import dataclass
from pathlib import Path

from .assembly.assemble import assemble
from .assembly.context import Options
from .assembly.model import Document
from .content.loader import CSS_FILE, DOCX_TEMPLATE, HTML_TEMPLATE, Content
from .files import sha256_of, write_atomically
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
        return sha256_of(self.files[fmt])


def build(request: Request, content: Content, formats=("docx", "pdf"),
          options: Options = Options()) -> Built:
    document = assemble(request, content, options)
    return Built(document, {fmt: render(fmt, document, content) for fmt in formats})


def write_files(built: Built, out_dir: Path) -> dict[str, Path]:
    """Write each file atomically, named by the document id."""
    paths = {fmt: out_dir / f"{built.document.id}.{fmt}" for fmt in built.files}
    for fmt, path in paths.items():
        write_atomically(path, built.files[fmt])
    return paths
