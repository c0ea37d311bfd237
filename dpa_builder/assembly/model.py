"""The assembled document: one model that every renderer draws from.

Renderers only lay blocks out; every word comes from here, so the DOCX and
the PDF cannot say different things.
"""
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..content.sandbox import plain


@dataclass(frozen=True)
class Block:
    """One unit of the document body.

    kind is one of: title, subtitle, heading, subheading, paragraph, bullet,
    table, contents (the table of contents' heading; renderers list the
    headings under it), page_break. Tables have a style: "grid" (a header row
    and data rows), "fields" (label / value pairs) or "signatures" (one column
    per party).
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

    @cached_property
    def data(self) -> dict:
        """What legal's DOCX and HTML templates see: `document`, as plain data, made once."""
        return {"document": plain(self)}

    def properties(self) -> dict[str, str]:
        """Custom properties recorded in the files: id and every version used."""
        props = {"dpa.document_id": self.id, "dpa.language": self.language,
                 "dpa.content_version": self.content_version,
                 "dpa.registry_version": self.registry_version}
        props.update({f"dpa.clause.{cid}": str(v) for cid, v in self.clause_versions.items()})
        return props

    def text_lines(self) -> list[str]:
        """The document's words in reading order, as a renderer should show them."""
        lines = []
        for block in self.blocks:
            if block.kind == "table":
                lines += [cell for row in (block.columns, *block.rows) for cell in row if cell]
            elif block.text:
                lines.append(f"{block.number} {block.text}".strip())
        return lines
