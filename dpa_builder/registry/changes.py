"""Registry changes: what a change says, how it applies, when it may take effect. Pure."""
from dataclasses import dataclass
from datetime import date

from ..assembly.language import long_date
from ..content.annex_schema import AnnouncedChange, Registry, SubProcessor

KINDS = ("add", "replace", "remove")


@dataclass(frozen=True)
class Change:
    """One announced addition, replacement or removal of a sub-processor.

    `target` is the registry id the change removes or replaces (empty for an
    addition); `entry` is the sub-processor it brings in (None for a removal).
    """

    id: int
    kind: str
    target: str
    entry: SubProcessor | None
    announced_on: date
    effective_on: date

    def summary(self, registry: Registry) -> str:
        """One sentence, shared by the notice email, the public page and the feed."""
        old, new = find(registry, self.target), self.entry
        if new is None:
            what = f"Removal of {_name(old, self.target)}"
        elif self.kind == "replace":
            what = f"Replacement of {_name(old, self.target)} by {_describe(new)}"
        else:
            what = f"Addition of {_describe(new)}"
        return f"{what}, effective {long_date(self.effective_on)}."


@dataclass(frozen=True)
class Described:
    """A change with its one sentence and the registry just before it takes effect."""

    change: Change
    sentence: str
    before: Registry


def describe(registry: Registry, changes: list[Change]) -> list[Described]:
    """Word every change once, in order of effect; every face shows these sentences."""
    state, described = registry, []
    for change in sorted(changes, key=lambda c: (c.effective_on, c.id)):
        described.append(Described(change, change.summary(state), state))
        state = registry_on(state, [change], date.max)[0]
    return described


def _name(entry: SubProcessor | None, fallback: str) -> str:
    return entry.named if entry else fallback


def _describe(entry: SubProcessor) -> str:
    return (f"{entry.named}, {entry.address}, processing in "
            f"{entry.processing_location}: {entry.purpose.rstrip('.')}")


def find(registry: Registry, subprocessor_id: str) -> SubProcessor | None:
    return next((s for s in registry.subprocessors if s.id == subprocessor_id), None)


def registry_on(registry: Registry, changes: list[Change], day: date) -> tuple[Registry, list[Change]]:
    """The registry as it stands on `day`, and the changes applied to get there."""
    applied = sorted((c for c in changes if c.effective_on <= day),
                     key=lambda c: (c.effective_on, c.id))
    entries = list(registry.subprocessors)
    for change in applied:
        index = next((i for i, s in enumerate(entries) if s.id == change.target), len(entries))
        if change.kind != "add" and index < len(entries):
            del entries[index]
        if change.entry is not None:
            entries.insert(index, change.entry)
    version = max([registry.version, *(c.effective_on for c in applied)])
    return registry.model_copy(update={"subprocessors": entries, "version": version}), applied


def with_announced(state: Registry, pending: list[Change]) -> Registry:
    """The registry with the changes not yet in effect listed as announced, each with the
    sub-processor it brings in and the one it takes out: what a DPA issued now discloses."""
    listed = [AnnouncedChange.model_validate(
        {"kind": d.change.kind, "incoming": d.change.entry,
         "outgoing": find(d.before, d.change.target), "effective_on": d.change.effective_on})
        for d in describe(state, pending)]
    return state.model_copy(update={"announced": listed})


def check_change(kind: str, target: str, entry: SubProcessor | None, announced_on: date,
                 effective_on: date, registry: Registry, notice_days: int) -> dict[str, str]:
    """Problems with a proposed change, by form field; empty when it may be announced.

    `registry` is the registry as it will stand just before the change;
    `notice_days` the longest notice period any customer holds.
    """
    problems = {}
    ids = {s.id for s in registry.subprocessors}
    if kind not in KINDS:
        problems["kind"] = f"must be one of {', '.join(KINDS)}"
    if kind in ("replace", "remove") and target not in ids:
        problems["target"] = "is not a current sub-processor"
    if kind in ("add", "replace") and entry is None:
        problems["entry"] = "the incoming sub-processor is required"
    if entry is not None and entry.id in ids and entry.id != target:
        problems["entry.id"] = f"{entry.id!r} is already in the registry"
    if entry is not None and entry.category not in {c.id for c in registry.categories}:
        problems["entry.category"] = "is not a registry category"
    if effective_on <= announced_on:
        problems["effective_on"] = "must be after the announcement date"
    elif needs_notice(kind):
        earliest = announced_on.toordinal() + notice_days
        if effective_on.toordinal() < earliest:
            problems["effective_on"] = (
                f"falls inside the {notice_days}-day notice period customers hold for every new "
                f"sub-processor; the earliest is {long_date(date.fromordinal(earliest))}")
    return problems


def needs_notice(kind: str) -> bool:
    """Every addition or replacement needs the full notice period, whatever the provider
    processes: the DPA promises it (clause "Sub-processors") and SCC Clause 9(a) Option 2
    requires it for any sub-processor. A removal needs none."""
    return kind != "remove"
