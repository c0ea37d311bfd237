"""Build a DPA's files from a request: the one path the CLI, the web and the API share."""
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .assembly.assemble import assemble
from .assembly.context import Options
from .assembly.model import Document
from .content.loader import Content
from .files import sha256_of, write_atomically
from .render.formats import FORMATS, OutputFormat, output_format
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
          options: Options = Options(), apart: bool = False) -> Built:
    """Assemble the document, then render it in each format (FieldErrors for an unknown one).

    `apart`: render every format but the last in a forked process while this one renders
    the last, so a fresh `dpa generate` uses two cores. Only in a process of one thread
    (a thread holding a lock at the fork would leave the child waiting for it forever).
    """
    renderers = [output_format(fmt) for fmt in formats]  # refuse before any work
    document = assemble(request, content, options)
    if not apart or not hasattr(os, "fork") or threading.active_count() > 1:
        return Built(document, {r.name: r.render(document, content) for r in renderers})
    children = {r.name: _forked(r, document, content) for r in renderers[:-1]}
    files = {renderers[-1].name: renderers[-1].render(document, content)}
    for renderer in renderers[:-1]:
        # A child that failed says nothing; rendering here again raises its error.
        files[renderer.name] = _collected(*children[renderer.name]) or renderer.render(
            document, content)
    return Built(document, {r.name: files[r.name] for r in renderers})


def _forked(renderer: OutputFormat, document: Document, content: Content) -> tuple[int, int]:
    """Render in a child process that sends the bytes down a pipe: (its pid, the pipe)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        status = 1
        try:
            with os.fdopen(write, "wb") as pipe:
                pipe.write(renderer.render(document, content))
            status = 0
        finally:
            os._exit(status)  # the parent's state stays the parent's to clean up
    os.close(write)
    return pid, read


def _collected(pid: int, read: int) -> bytes | None:
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    return data if os.waitstatus_to_exitcode(status) == 0 else None


def write_files(built: Built, out_dir: Path) -> dict[str, Path]:
    """Write each file atomically, named by the document id."""
    paths = {fmt: out_dir / f"{built.document.id}.{fmt}" for fmt in built.files}
    for fmt, path in paths.items():
        write_atomically(path, built.files[fmt])
    return paths
