"""Join a customer's pages to standard-terms pages written once: one PDF, as if written whole.

The terms part is WeasyPrint's output, renumbered after the joined file's fixed objects and
written to bytes once (`freeze`). Each DPA then only lays out, draws and writes its own
pages and the few objects that tie both parts together (`join`): the catalog, the page
tree, the structure tree's root, parent tree and Document element, the information
dictionary and the bookmarks, which WeasyPrint's own code builds from both parts' headings.
"""
import re
from dataclasses import dataclass
from functools import cached_property
from hashlib import md5
from types import SimpleNamespace

import pydyf
from weasyprint.document import Document
from weasyprint.pdf.anchors import add_outlines

from .pdf_objects import (
    CATALOG,
    DOCUMENT,
    FIRST_FREE,
    INFO,
    PAGES,
    PARENT_TREE,
    inner,
    move,
    objects_of,
    ref,
    roots,
)
from .pdf_write import HEADER, Body, body, finish, rows

SUBSET_TAG = re.compile(rb"/([A-Z]{6})\+")
Bookmarks = list[tuple[float, list]]  # per page: its height and its (level, label, point, state)


@dataclass(frozen=True)
class Terms:
    """A part written once, and what a joined file needs of it besides its bytes."""
    body: Body
    next_number: int  # the first number the customer's part may use
    pages: list[int]
    keys: int  # parent-tree keys it uses (its pages, then its annotations)
    nums: bytes  # its parent-tree pairs, as written
    kids: bytes  # its top-level structure elements, as written
    bookmarks: Bookmarks

    @cached_property
    def rows(self) -> bytes:
        """Its cross-reference rows: the same in every joined file (it comes first)."""
        return rows(self.body, len(HEADER), range(FIRST_FREE, self.next_number))


def parts_objects(document, **options) -> tuple[pydyf.PDF, Bookmarks]:
    """A rendered part's objects without bookmarks, and its bookmarks (for the joined file)."""
    bookmarks = [(page.height, page.bookmarks) for page in document.pages]
    for page in document.pages:
        page.bookmarks = []
    return objects_of(document, **options), bookmarks


def freeze(document, **options) -> Terms:
    """Write the terms part once, numbered after the fixed objects."""
    pdf, bookmarks = parts_objects(document, **options)
    own, rest = roots(pdf), move(pdf, FIRST_FREE, 0)
    for obj in rest:
        _retag_subset(obj)
    stream_number = FIRST_FREE + len(rest)
    nums = own[PARENT_TREE]["Nums"]
    return Terms(body(rest, stream_number), stream_number + 1, own[PAGES]["Kids"][::3],
                 len(nums) // 2, inner(nums), inner(own[DOCUMENT]["K"]), bookmarks)


def _retag_subset(obj: pydyf.Object) -> None:
    """Give the terms' font subsets tags of their own: two subsets of one font in one file
    must not share a tag (ISO 32000-1, 9.6.4), and WeasyPrint derives it from the font."""
    for key in ("BaseFont", "FontName"):
        if isinstance(obj, dict) and isinstance(obj.get(key), bytes):
            obj[key] = SUBSET_TAG.sub(_other_tag, obj[key], count=1)


def _other_tag(match: re.Match) -> bytes:
    digest = md5(b"standard terms " + match.group(1), usedforsecurity=False).digest()
    return b"/" + bytes(65 + byte % 26 for byte in digest[:6]) + b"+"


def join(document, terms: Terms, identifier: bytes, **options) -> bytes:
    """The customer's part (a rendered WeasyPrint document, first) and the terms as one file."""
    pdf, bookmarks = parts_objects(document, **options)
    own = roots(pdf)
    rest = move(pdf, terms.next_number, terms.keys)
    pages = own[PAGES]
    pages["Kids"].extend(n for page in terms.pages for n in (page, 0, "R"))
    pages["Count"] += len(terms.pages)
    own[PARENT_TREE]["Nums"].insert(0, terms.nums)  # the terms' keys come first
    own[DOCUMENT]["K"].append(terms.kids)
    pdf.info.number = INFO
    outlines = _outlines(own[CATALOG], [*bookmarks, *terms.bookmarks], pages["Kids"][::3],
                         terms.next_number + len(rest))
    stream_number = terms.next_number + len(rest) + len(outlines)
    part = body([*rest, *outlines, *own.values(), pdf.info], stream_number)
    return finish([(terms.body, terms.rows), (part, None)], stream_number + 2, identifier)


class _Outlines:
    """What WeasyPrint's add_outlines needs of a PDF: page references, numbering, catalog."""

    def __init__(self, catalog: pydyf.Dictionary, pages: list[int], first: int):
        self.catalog, self.first = catalog, first
        self.objects: list[pydyf.Object] = []
        self.page_references = [ref(number) for number in pages]

    def add_object(self, obj: pydyf.Object) -> None:
        obj.number = self.first + len(self.objects)
        self.objects.append(obj)


def _outlines(catalog, bookmarks: Bookmarks, pages: list[int], first: int) -> list:
    """Both parts' bookmarks in one tree, as WeasyPrint builds it for one document."""
    stand_in = SimpleNamespace(pages=[SimpleNamespace(height=height, bookmarks=marks)
                                      for height, marks in bookmarks])
    tree = Document.make_bookmark_tree(stand_in, 0.75, transform_pages=True)
    pdf = _Outlines(catalog, pages, first)
    add_outlines(pdf, tree)
    return pdf.objects
