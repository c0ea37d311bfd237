"""Legal's texts rendered for one document: clause paragraphs numbered, labels by key.

A refusal names the file and field the text comes from.
"""
import re

from ..content.clause_schema import Clause
from ..content.layout import LABELS_FILE, ContentError
from ..content.refusals import problem
from ..content.sandbox import RENDER_ERRORS, render_text
from .language import long_date
from .model import Block

# A full stop right after a name that ends in one ("Golden Gate Widgets, Inc..").
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def body(clauses: list[Clause], context: dict) -> list[Block]:
    """Number the clauses "N." and their paragraphs "N.M"; bullets stay unnumbered."""
    return [block for n, clause in enumerate(clauses, start=1)
            for block in _clause_blocks(clause, n, context)]


def _clause_blocks(clause: Clause, n: int, context: dict) -> list[Block]:
    where = f"clause_library: clause {clause.id!r} (version {clause.version})"
    blocks = [Block("heading", render(clause.title, context, f"{where}: title"), number=f"{n}.")]
    m = 0
    for i, paragraph in enumerate(clause.paragraphs):
        if isinstance(paragraph, str):
            m += 1
            blocks.append(Block("paragraph", render(paragraph, context, f"{where}: paragraphs[{i}]"),
                                number=f"{n}.{m}"))
        else:
            blocks += [Block("bullet", render(b, context, f"{where}: paragraphs[{i}].bullets[{j}]"))
                       for j, b in enumerate(paragraph.bullets)]
    return blocks


def render(text: str, context: dict, where: str) -> str:
    """Legal's text with the context; a refusal names the file and field it comes from."""
    try:
        out = render_text(text, context)
        return _DOUBLE_STOP.sub(".", out) if ".." in out else out
    except RENDER_ERRORS as exc:
        raise ContentError([f"{where}: {problem(exc)}"]) from None


class Labels:
    """Legal's short texts (headings, table labels), rendered with the context."""

    def __init__(self, labels: dict[str, str], context: dict, annexes: str, language: str):
        self._labels, self.context = labels, context
        self._annexes, self._language = annexes, language

    def __call__(self, key: str, **extra) -> str:
        if key not in self._labels:
            raise ContentError([f"{LABELS_FILE}: {key}: missing; the DPA needs this label"])
        return render(self._labels[key], {**self.context, **extra}, f"{LABELS_FILE}: {key}")

    def render(self, text: str) -> str:
        return render(text, self.context, f"{self._annexes}: the text {text[:40]!r}")

    def date(self, value) -> str:
        return long_date(value, self._language)
