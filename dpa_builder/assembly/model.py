"""The assembled document: one model that every renderer draws from.

Renderers only lay blocks out; every word comes from here, so the DOCX and
the PDF cannot say different things.

A DPA has two parts (the Common Paper structure), marked on each block by
`Block.part`:

- the **Cover Page** (`Document.cover`, part "cover"): every customer-specific
  value (the parties with their addresses, registration numbers, contacts and
  signatories, the effective date, the regime, authority and governing law,
  the notice period, the positions chosen, the document id and versions) and
  the signature blocks of both parties;
- the **Standard Terms** (`Document.terms`, part "terms"): the clauses and
  Annexes I–III. They refer to "the Cover Page" for every customer-specific
  value, so they are identical, block for block, for every customer with the
  same content version, registry state, regime, role, AI choice and language. Both
  renderers lay them out once for each and reuse them (render/parts.py).

`Document.blocks` holds both parts in reading order.
"""
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..content.sandbox import plain


@dataclass(frozen=True)
class Block:
    """One unit of the document body.

    kind is one of: title, subtitle, heading, subheading, paragraph, bullet,
    notice (a boxed warning, such as a specimen's), table, contents (the table
    of contents' heading; renderers list the headings under it), page_break.
    Tables have a style: "grid" (a header row and data rows), "fields" (label /
    value pairs) or "signatures" (one column per party: `columns` say for whom
    each signs, rows[0] holds the parties' legal names, rows[1] the signature
    lines, which need room above them to sign by hand, then name, title, date
    and place of signing).
    """

    kind: str
    text: str = ""
    number: str = ""
    style: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    # A bilingual DPA's translated block: its language. A translated clause paragraph keeps
    # the English paragraph's number, which renderers do not count again.
    lang: str = ""
    part: str = "terms"  # "cover" or "terms": see the module's docstring


@dataclass(frozen=True)
class Document:
    id: str
    language: str
    title: str
    subject: str
    author: str
    keywords: str
    issued: date
    content_version: str
    registry_version: str
    footer: str
    # The words around the page numbers: ("Page", "of", "") sets "Page 3 of 21".
    page_label: tuple[str, str, str]
    blocks: tuple[Block, ...]
    clause_versions: dict[str, int] = field(default_factory=dict)
    # What the record keeps and every page shows about this DPA, as plain text:
    # transfer mechanism, authority, governing law, notice period, ...
    facts: dict[str, str] = field(default_factory=dict)
    # Empty for a real DPA; for a specimen, why (example or missing configuration),
    # and the marking every page of both files shows.
    specimen: tuple[str, ...] = ()
    marking: str = ""
    # The customer's legal name, for the files' titles ("Data Processing Addendum — Acme GmbH").
    customer: str = ""

    @property
    def cover(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.part == "cover")

    @property
    def terms(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.part == "terms")

    @cached_property
    def data(self) -> dict:
        """What legal's DOCX and HTML templates see: `document`, as plain data, made once."""
        return {"document": plain(self)}

    def properties(self) -> dict[str, str]:
        """Custom properties recorded in the files: id and every version used."""
        props = {"dpa.document_id": self.id, "dpa.language": self.language,
                 "dpa.content_version": self.content_version,
                 "dpa.registry_version": self.registry_version}
        if self.specimen:
            props["dpa.specimen"] = "; ".join(self.specimen)
        props.update({f"dpa.clause.{cid}": str(v) for cid, v in self.clause_versions.items()})
        return props

    def text_lines(self, blocks: tuple[Block, ...] | None = None) -> list[str]:
        """The words in reading order, as a renderer should show them (default: all blocks)."""
        lines = []
        for block in self.blocks if blocks is None else blocks:
            if block.kind == "table":
                lines += [cell for row in (block.columns, *block.rows) for cell in row if cell]
            elif block.text:
                lines.append(f"{block.number} {block.text}".strip())
        return lines
