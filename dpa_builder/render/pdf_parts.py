"""A DPA's two parts for the PDF: the Cover Page, laid out for each customer, and the
Standard Terms, laid out once for every customer who shares them.

Each part is laid out as a document of its own, so each has its own page numbers
("Page 3 of 20" of the Standard Terms). The terms name themselves where the cover names
the document id (running title and footer): the id is the customer's, the terms are not.
"""
import dataclasses
from datetime import date
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

import pydyf
import weasyprint

from ..assembly.model import Document
from .common_faces import faces_identity

NO_DATE = date(2000, 1, 1)  # the terms' own metadata is not in the joined file


def cover_part(document: Document) -> Document:
    return dataclasses.replace(document, blocks=document.cover)


def terms_part(document: Document) -> Document:
    """The terms as a document holding nothing of the customer's."""
    name = next(block.text for block in document.terms if block.kind == "title")  # "Standard Terms"
    return dataclasses.replace(
        document, id=name, footer=document.footer.replace(document.id, name), subject="", customer="",
        issued=NO_DATE, facts={}, blocks=document.terms)


def terms_key(terms: Document, html: str, css: str, options: dict) -> str:
    """What the terms' bytes depend on, as a SHA-256: equal keys, equal bytes."""
    digest = sha256(_renderer())
    for part in (repr(sorted(options.items())), html, css, repr(terms)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _renderer() -> bytes:
    """What the terms' bytes depend on that no request changes: WeasyPrint's and pydyf's
    versions, the faces made at setup and the renderer's own code, so that an upgrade
    lays the terms out again rather than read ones an older renderer wrote to disk."""
    code = [path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py"))]
    digest = sha256()
    for part in (weasyprint.__version__.encode(), pydyf.__version__.encode(),
                 faces_identity().encode(), *code):
        digest.update(part)
        digest.update(b"\0")
    return digest.digest()
