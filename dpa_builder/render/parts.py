"""A DPA's two parts, as each renderer lays them out apart: the Cover Page, for each
customer, and the Standard Terms, once for every customer who shares them.

Each part is a document of its own, so each has its own page numbers ("Page 3 of 20"
of the Standard Terms). The terms name themselves where the cover names the document
id (running title and footer): the id is the customer's, the terms are not.
"""
import dataclasses
from datetime import date
from hashlib import sha256

from ..assembly.model import Document

NO_DATE = date(2000, 1, 1)  # the terms' own metadata is not in the joined file


def cover_part(document: Document) -> Document:
    return dataclasses.replace(document, blocks=document.cover)


def terms_title(document: Document):
    """The terms' title block ("Standard Terms"): the running heads name it."""
    return next(block for block in document.terms if block.kind == "title")


def terms_part(document: Document) -> Document:
    """The terms as a document holding nothing of the customer's."""
    name = terms_title(document).text
    return dataclasses.replace(
        document, id=name, footer=document.footer.replace(document.id, name), subject="", customer="",
        issued=NO_DATE, facts={}, blocks=document.terms)


def digest(*parts: bytes | str) -> str:
    """The SHA-256 of the parts, each ended apart: what a cache of terms is keyed by."""
    hashed = sha256()
    for part in parts:
        hashed.update(part.encode() if isinstance(part, str) else part)
        hashed.update(b"\0")
    return hashed.hexdigest()
