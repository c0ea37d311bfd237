"""A fresh `dpa generate` on two cores (POSIX, a process of one thread).

A forked child loads the content, assembles the document and renders every format but the
PDF while this process imports WeasyPrint (half a second); this process then lays out the
PDF of the document the child sent. The messages are the child's own data, pickled down a
private pipe. If the child fails in any way there is no result: the caller builds in one
process, which raises the error itself. The files are the same bytes either way.
"""
import os
import pickle
import threading
from typing import BinaryIO

from .assembly.assemble import assemble
from .assembly.context import Options
from .content.loader import Content
from .generate import Built, render
from .request import Request


def build_apart(request: Request, load, formats: tuple[str, ...],
                options: Options) -> Built | None:
    """Both processes' files, or None; `load()` gives the checked content (it may raise)."""
    others = tuple(fmt for fmt in formats if fmt != "pdf")
    if "pdf" not in formats or not others or not hasattr(os, "fork") or (
            threading.active_count() > 1):  # a lock held by another thread stays held in the child
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(write, request, load, others, options)
    os.close(write)
    try:
        from .render import pdf  # noqa: F401 - imports WeasyPrint while the child assembles
        content = load()
        with os.fdopen(read, "rb") as pipe:
            files = _pdf_and_others(pipe, content)
    finally:
        _, status = os.waitpid(pid, 0)
    if files is None or os.waitstatus_to_exitcode(status) != 0:
        return None
    document, made = files
    return Built(document, {fmt: made[fmt] for fmt in formats})


def _pdf_and_others(pipe: BinaryIO, content: Content):
    document = _receive(pipe)
    if document is None:
        return None
    made = {"pdf": render("pdf", document, content)}
    others = _receive(pipe)
    return None if others is None else (document, made | others)


def _child(fd: int, request: Request, load, formats: tuple[str, ...], options: Options):
    status = 1
    try:
        with os.fdopen(fd, "wb") as pipe:
            content = load()
            document = assemble(request, content, options)
            _send(pipe, document)
            _send(pipe, {fmt: render(fmt, document, content) for fmt in formats})
        status = 0
    finally:
        os._exit(status)  # the parent's state stays the parent's to clean up


def _send(pipe: BinaryIO, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(data).to_bytes(8, "big") + data)
    pipe.flush()


def _receive(pipe: BinaryIO):
    """The next message, or None when the child ended without sending it whole."""
    size = pipe.read(8)
    data = pipe.read(int.from_bytes(size, "big")) if len(size) == 8 else b""
    if len(size) < 8 or len(data) < int.from_bytes(size, "big"):
        return None
    return pickle.loads(data)  # noqa: S301 - our own child's data, on a pipe only we hold
