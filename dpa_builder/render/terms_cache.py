"""Standard terms written once per combination, kept in memory and on disk.

A key is the SHA-256 of everything the terms' bytes depend on (pdf_parts.terms_key: their
HTML, the style sheet, the PDF options, WeasyPrint's and pydyf's versions, the cut faces and
the renderer's code), so two customers share pages only when those pages would be the same
bytes anyway. Files live under
`<folder>/<content version>/<key>.terms`: a JSON header, then the written body. They
are data, never code: a damaged or foreign file is ignored and written again.
"""
import json
import logging
from collections.abc import Callable
from pathlib import Path

from ..files import sha256_of, write_atomically
from .kept import Kept
from .pdf_join import Terms
from .pdf_write import Body

log = logging.getLogger(__name__)
MAGIC = b"DPA standard terms 1\n"
MEMORY_ITEMS = 64  # combinations kept per process (about 0.1-0.2 MB each)


def dumps(terms: Terms) -> bytes:
    header = {"next_number": terms.next_number, "pages": terms.pages, "keys": terms.keys,
              "nums": terms.nums.decode("latin-1"), "kids": terms.kids.decode("latin-1"),
              "bookmarks": terms.bookmarks, "entries": list(terms.body.entries.items()),
              "sha256": sha256_of(terms.body.data)}
    head = json.dumps(header, separators=(",", ":")).encode()
    return MAGIC + b"%d\n" % len(head) + head + terms.body.data


def loads(data: bytes) -> Terms:
    """The terms a file holds; ValueError if it is not one of ours, whole."""
    if not data.startswith(MAGIC):
        raise ValueError("not a standard-terms file")
    size, _, rest = data[len(MAGIC):].partition(b"\n")
    header = json.loads(rest[:int(size)])
    data = rest[int(size):]
    if sha256_of(data) != header["sha256"]:
        raise ValueError("standard-terms file damaged")
    body = Body(data, {number: tuple(entry) for number, entry in header["entries"]})
    return Terms(body, header["next_number"], header["pages"], header["keys"],
                 header["nums"].encode("latin-1"), header["kids"].encode("latin-1"),
                 [(height, [tuple(mark) for mark in marks]) for height, marks in header["bookmarks"]])


class TermsCache:
    """Memory first, then the folder (if any), then `make` (kept in both)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._memory: Kept[Terms] = Kept(MEMORY_ITEMS)

    def get(self, key: str, version: str, make: Callable[[], Terms]) -> Terms:
        return self._memory.get_or_make(
            key, lambda: self._read(key, version) or self._written(key, version, make()))

    def _path(self, key: str, version: str) -> Path | None:
        return self.folder / version / f"{key}.terms" if self.folder else None

    def _read(self, key: str, version: str) -> Terms | None:
        path = self._path(key, version)
        try:
            return loads(path.read_bytes()) if path and path.exists() else None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("standard terms cache %s unreadable, laid out again: %s", path, exc)
            return None

    def _written(self, key: str, version: str, terms: Terms) -> Terms:
        path = self._path(key, version)
        if path:
            try:
                write_atomically(path, dumps(terms))
            except OSError as exc:  # a read-only folder costs speed, never a DPA
                log.warning("standard terms cache %s not written: %s", path, exc)
        return terms
