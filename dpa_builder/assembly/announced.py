"""The Announced Changes: changes to the sub-processors announced but not yet in effect on
the day a DPA is issued. Annex III lists them in full and the Cover Page names them, so the
Customer signs knowing them (the clause headed "Sub-processors" says what they mean)."""
from ..content.annex_schema import AnnouncedChange, SubProcessor
from .model import Block


def announced(changes: list[AnnouncedChange], ai_features: bool, label) -> list[Block]:
    """Annex III's list of the Announced Changes, or the statement that there were none."""
    blocks = [Block("subheading", label("announced_changes"))]
    if not changes:
        return [*blocks, Block("paragraph", label("announced_none"))]
    columns = (label("col_change"), label("col_address"), label("col_location"),
               label("col_purpose"), label("col_effective"))
    rows = []
    for change in changes:
        s = change.incoming or change.outgoing
        assert s is not None  # an addition or replacement brings one in, a removal takes one out
        rows.append((change_text(change, label), s.address, s.processing_location,
                     purpose(s, ai_features, label), label.date(change.effective_on)))
    return [*blocks, Block("paragraph", label("announced_intro")),
            Block("table", style="grid", columns=columns, rows=tuple(rows))]


def cover_value(changes: list[AnnouncedChange], label) -> str:
    """The Cover Page's line: each Announced Change and its date; empty when there are none."""
    items = [label("announced_item", change=change_text(c, label), day=label.date(c.effective_on))
             for c in changes]
    return label("announced_changes_value", changes=items) if items else ""


def change_text(change: AnnouncedChange, label) -> str:
    """"Addition of …", "Replacement of … by …" or "Removal of …"."""
    return label(f"change_{change.kind}", incoming=entity(change.incoming),
                 outgoing=entity(change.outgoing))


def entity(s: SubProcessor | None) -> str:
    return s.named if s else ""


def purpose(s: SubProcessor, ai_features: bool, label) -> str:
    """The purpose, with what the customer's choice and the provider's role mean for it."""
    text = s.purpose
    if s.opt_in:
        text += " " + label("opt_in_engaged" if ai_features else "opt_in_not_engaged")
    elif s.ai_provider:
        text += " " + label("ai_included")
    if s.payment_processor:
        text += " " + label("payment_processor")
    return text
