"""A fresh `dpa generate` on two cores (POSIX, a process of one thread).

The process forks before it imports anything heavy. The child reads the request, loads
the content, assembles the document and renders every format but the PDF, while this
process imports WeasyPrint (half a second) and nothing of the core's validation; it then
lays out the PDF of the document the child sent. The messages are the child's own data,
pickled down a private pipe. If either process fails in any way there is no result: the
caller builds in one process (generate.build_job), which raises the error itself. The files are
the same bytes either way.
"""
import os
import pickle
import threading
from typing import BinaryIO

from .job import Built, Job


def build_apart(job: Job) -> Built | None:
    """Both processes' files, or None."""
    others = tuple(fmt for fmt in job.formats if fmt != "pdf")
    if "pdf" not in job.formats or not others or not hasattr(os, "fork") or (
            threading.active_count() > 1):  # a lock held by another thread stays held in the child
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(write, job, others)
    os.close(write)
    try:
        from .render import pdf  # imports WeasyPrint while the child assembles
        with os.fdopen(read, "rb") as pipe:  # closed first: a child still writing stops
            files = _pdf_and_others(pipe, pdf.render_pdf)
    except Exception:  # noqa: BLE001 - such as a template refused: one process reports it
        files = None
    finally:
        _, status = os.waitpid(pid, 0)
    if files is None or os.waitstatus_to_exitcode(status) != 0:
        return None
    document, made = files
    return Built(document, {fmt: made[fmt] for fmt in job.formats})


def _pdf_and_others(pipe: BinaryIO, render_pdf):
    laid_out = _receive(pipe)  # the document and the content's HTML and CSS templates
    if laid_out is None:
        return None
    made = {"pdf": render_pdf(*laid_out)}
    others = _receive(pipe)
    return None if others is None else (laid_out[0], made | others)


def _child(fd: int, job: Job, formats: tuple[str, ...]):
    status = 1
    try:
        from .generate import prepare_job, render
        from .render.formats import pdf_templates
        with os.fdopen(fd, "wb") as pipe:
            document, content = prepare_job(job)
            _send(pipe, (document, *pdf_templates(content)))
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
