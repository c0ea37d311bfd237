"""The DOCX's Standard Terms, rendered and finished once for every customer who shares them.

docxtpl renders legal's whole template for each DPA, and the Standard Terms are most
of it while being the same for every customer of one content version and option set
(assembly/model.py). So the template is rendered in two parts, each with its blocks
between two marker paragraphs (a paragraph block of words no customer can type):

- the terms, once per combination. The markers are taken out before the body is
  finished, so the terms are finished beside what the template puts around the
  blocks; what lay between the markers is kept;
- each DPA's Cover Page, with the terms' title between the markers (the running heads
  name it). After finishing, a copy of the kept terms replaces the markers and what
  lies between them.

The cover's last block is its section break, which no finishing step reads past. The
terms are rendered as the PDF's are (parts.terms_part): naming themselves where the
cover names the document id, referring to their own headings. A template that does not
show a paragraph block's words as a paragraph of its own is rendered whole.
"""
import dataclasses
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from ..assembly.model import Block, Document
from .docx_package import Counts
from .kept import Kept
from .ooxml import W, text_of
from .parts import digest, terms_part, terms_title

MARKER = Block(kind="paragraph", text=f"standard-terms-{secrets.token_hex(16)}")  # per process


@dataclass(frozen=True)
class Terms:
    """The terms' elements, finished (written as a w:body: bytes any thread may read, a
    tenth of a tree's memory, as quick to parse as a tree is to copy), and what the cover
    needs of them."""
    xml: bytes
    names: dict[str, str]  # heading text -> bookmark name
    last_bookmark: int
    counts: Counts

    def put_into(self, body) -> Counts | None:
        """Put a copy of the terms in place of body's markers and what lies between them;
        the counts of the whole body, or None (body untouched) unless there are two."""
        found = _markers(body)
        if len(found) != 2:
            return None
        position = body.index(found[0])
        del body[position:body.index(found[1]) + 1]
        counts = Counts.of(body) + self.counts
        body[position:position] = list(etree.fromstring(self.xml))
        return counts


# No terms: kept for a template the terms cannot be cut from, and what a part rendered
# whole has before it.
WHOLE = Terms(b"", {}, 0, Counts())
KEPT_ITEMS = 64  # combinations kept per process, about 0.1 MB each
KEPT: Kept[Terms] = Kept(KEPT_ITEMS)


def kept_terms(document: Document, template: bytes,
               make: Callable[[Document], Terms | None]) -> Terms | None:
    """The document's finished terms, made by `make` from terms_document() once per
    template and terms; None if the template does not part."""
    key = digest(template, repr(terms_part(document)))
    terms = KEPT.get_or_make(key, lambda: make(terms_document(document)) or WHOLE)
    return None if terms is WHOLE else terms


def cover_document(document: Document) -> Document:
    return dataclasses.replace(document, blocks=(*document.cover, MARKER, terms_title(document),
                                                 MARKER))


def terms_document(document: Document) -> Document:
    terms = terms_part(document)
    return dataclasses.replace(terms, blocks=(MARKER, *terms.blocks, MARKER))


def take_markers(body) -> tuple[list, object] | None:
    """Take body's two markers out: what lay between them, and what follows (None, body
    untouched, unless there are two with something between and something after)."""
    found = _markers(body)
    if len(found) != 2 or found[0].getnext() is found[1] or found[1].getnext() is None:
        return None
    between = list(found[0].itersiblings())
    between = between[:between.index(found[1])]
    follows = found[1].getnext()
    for marker in found:
        body.remove(marker)
    return between, follows


def kept_part(body, between: list, follows, names: dict[str, str]) -> Terms | None:
    """The finished terms: from the first element that lay between the markers up to
    what follows them (None if finishing removed either)."""
    if between[0].getparent() is not body or follows.getparent() is not body:
        return None
    children = list(body)
    for element in children[:children.index(between[0])] + children[children.index(follows):]:
        body.remove(element)
    own = {start.get(f"{W}name"): int(start.get(f"{W}id")) for start in body.iter(f"{W}bookmarkStart")}
    return Terms(etree.tostring(body), {text: name for text, name in names.items() if name in own},
                 max(own.values(), default=0), Counts.of(body))


def _markers(body) -> list:
    return [p for p in body.iterchildren(f"{W}p") if text_of(p) == MARKER.text]
