"""Build a DPA's files from a request: the one path the CLI, the web and the API share."""
from dataclasses import dataclass
from pathlib import Path

from .assembly.assemble import assemble
from .assembly.context import Options
from .assembly.model import Document
from .content.loader import Content
from .files import sha256_of, write_atomically
from .render.formats import FORMATS, output_format
from .request import Request


def render(fmt: str, document: Document, content: Content) -> bytes:
    """Lay the document out in one format with the content's own templates."""
    return output_format(fmt).render(document, content)


@dataclass(frozen=True)
class Built:
    document: Document
    files: dict[str, bytes]  # format -> bytes

    def sha256(self, fmt: str) -> str:
        return sha256_of(self.files[fmt])


def build(request: Request, content: Content, formats=tuple(FORMATS),
          options: Options = Options()) -> Built:
    """Assemble the document, then render it in each format (FieldErrors for an unknown one)."""
    renderers = [output_format(fmt) for fmt in formats]  # refuse before any work
    document = assemble(request, content, options)
    return Built(document, {r.name: r.render(document, content) for r in renderers})


def write_files(built: Built, out_dir: Path) -> dict[str, Path]:
    """Write each file atomically, named by the document id."""
    paths = {fmt: out_dir / f"{built.document.id}.{fmt}" for fmt in built.files}
    for fmt, path in paths.items():
        write_atomically(path, built.files[fmt])
    return paths
