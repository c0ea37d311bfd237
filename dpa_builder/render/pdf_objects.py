"""A WeasyPrint document as PDF objects (pydyf), before they are written, and the tools to
move them between files: renumbering, and the roots a part gives up when joined.

WeasyPrint (pinned) lays out, draws, tags and makes PDF/A; these objects are its output.
References in them are bytes `b"N 0 R"`, except the page tree's Kids (number, 0, "R").
"""
import re

import pydyf
from weasyprint import DEFAULT_OPTIONS
from weasyprint.pdf import VARIANTS, generate_pdf

REFERENCE = re.compile(rb"(\d+) 0 R")
TABLE_HEADER_ID = re.compile(r"(\d+)(-\d+-\d+)")  # WeasyPrint's: table element's number-row-column
# Objects every joined file makes afresh, at fixed numbers (0 is the free head).
CATALOG, PAGES, STRUCT_ROOT, PARENT_TREE, DOCUMENT, INFO = range(1, 7)
FIRST_FREE = 7


def objects_of(document, **options) -> pydyf.PDF:
    """What `document.write_pdf(**options)` would write, as objects (its variant defaults too)."""
    options = {**DEFAULT_OPTIONS, **options}
    if options["pdf_variant"]:
        for key, value in VARIANTS[options["pdf_variant"]][1].items():
            if options.get(key) is None:
                options[key] = value
    return generate_pdf(document, None, 1, **options)


def ref(number: int) -> bytes:
    return b"%d 0 R" % number


def number(reference: bytes) -> int:
    match = REFERENCE.fullmatch(reference)
    if match is None:
        raise ValueError(f"not a reference: {reference[:40]!r}")
    return int(match.group(1))


def target(pdf: pydyf.PDF, reference: bytes) -> pydyf.Object:
    return pdf.objects[number(reference)]


def roots(pdf: pydyf.PDF) -> dict[int, pydyf.Object]:
    """A part's own roots (catalog, page tree, structure tree) by their fixed numbers."""
    struct_root = target(pdf, pdf.catalog["StructTreeRoot"])
    return {CATALOG: pdf.catalog, PAGES: pdf.pages, STRUCT_ROOT: struct_root,
            PARENT_TREE: target(pdf, struct_root["ParentTree"]),
            DOCUMENT: target(pdf, struct_root["K"][0])}


def move(pdf: pydyf.PDF, first: int, keys_before: int) -> list[pydyf.Object]:
    """Renumber a part for a joined file: roots to the fixed numbers, the rest from `first`,
    parent-tree keys after `keys_before`. Returns the rest, in order."""
    own = roots(pdf)
    rest = [obj for obj in pdf.objects[1:] if not any(obj is r for r in own.values())]
    numbers = {obj.number: fixed for fixed, obj in own.items()}
    numbers |= {obj.number: first + i for i, obj in enumerate(rest)}
    pages = own[PAGES]["Kids"]
    pages[::3] = [numbers[n] for n in pages[::3]]
    for obj in (*own.values(), *rest):
        _renumber(obj, numbers)
        for key in ("StructParents", "StructParent"):
            if isinstance(obj, dict) and key in obj:
                obj[key] += keys_before
    nums = own[PARENT_TREE]["Nums"]
    nums[::2] = [key + keys_before for key in nums[::2]]
    for obj in (*own.values(), *rest):
        obj.number = numbers[obj.number]
    return rest


def _renumber(value, numbers: dict[int, int], key: str = ""):
    """The value with every reference mapped through `numbers` (containers changed in place),
    and table header ids, which WeasyPrint makes of an object's number, with them."""
    if isinstance(value, bytes):
        return ref(numbers[number(value)]) if REFERENCE.fullmatch(value) else value
    if key in ("ID", "Headers"):
        return _header_ids(value, numbers)
    if isinstance(value, dict):
        for name, item in value.items():
            value[name] = _renumber(item, numbers, name)
    elif isinstance(value, list):
        value[:] = [_renumber(item, numbers) for item in value]
    elif isinstance(value, pydyf.Stream):
        value.extra = _renumber(value.extra, numbers)
    return value


def _header_ids(value, numbers: dict[int, int]):
    if isinstance(value, list):
        return pydyf.Array([_header_ids(item, numbers) for item in value])
    match = TABLE_HEADER_ID.fullmatch(value.string)
    if match is None:  # an id WeasyPrint 70 does not make: a new version, to look at again
        raise ValueError(f"unexpected structure id {value.string!r}")
    return pydyf.String(f"{numbers[int(match.group(1))]}{match.group(2)}")


def inner(array: list) -> bytes:
    """An array's items as written, without the brackets: to splice into another array."""
    return pydyf.Array(array).data[1:-1]
