"""What the legal workspace lists: versions, registry changes, objections, stale DPAs."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select

from ..content.layout import ContentError
from ..content.loader import available_profiles
from ..extensions import db
from ..notices.models import Objection
from ..records.models import DocumentRecord
from ..registry import service as registry
from ..registry.changes import Change
from ..registry.models import Publication
from ..staff.models import User


@dataclass(frozen=True)
class ChangeRow:
    profile: str
    change: Change
    summary: str


@dataclass(frozen=True)
class StaleRow:
    record: DocumentRecord
    reasons: list[str]
    clauses: list[tuple[str, int, int | None]]  # clause id, version held, current version


def profiles() -> tuple[list[str], dict[str, list[str]]]:
    """Profiles whose content loads, and the problems of those that do not (e.g. unset settings)."""
    loaded, broken = [], {}
    for profile in available_profiles():
        try:
            registry.content_for(profile)
            loaded.append(profile)
        except ContentError as exc:
            broken[profile] = exc.problems
    return loaded, broken


def user_names() -> dict[int, str]:
    return dict(db.session.execute(select(User.id, User.name)).all())


def history() -> list[Publication]:
    """Every publish, newest first."""
    return list(db.session.scalars(select(Publication).order_by(
        Publication.published_at.desc(), Publication.id.desc())))


def change_rows(profile: str) -> list[ChangeRow]:
    """Each change with its one sentence, as the public page and the notices word it."""
    return [ChangeRow(profile, d.change, d.sentence) for d in registry.change_log(profile)]


def objections(summaries: dict[int, str]) -> list[tuple[Objection, str]]:
    rows = db.session.scalars(select(Objection).order_by(Objection.created_at.desc()))
    return [(o, summaries.get(o.change_id, f"change {o.change_id}")) for o in rows]


def stale(today: date) -> list[StaleRow]:
    """Each company's latest DPA, when its content or its Annex III is no longer current."""
    latest = (select(DocumentRecord.profile, DocumentRecord.company,
                     func.max(DocumentRecord.issued_at).label("issued_at"))
              .group_by(DocumentRecord.profile, DocumentRecord.company).subquery())
    records = db.session.scalars(select(DocumentRecord).join(latest, and_(
        DocumentRecord.profile == latest.c.profile, DocumentRecord.company == latest.c.company,
        DocumentRecord.issued_at == latest.c.issued_at))
        .order_by(DocumentRecord.profile, DocumentRecord.company, DocumentRecord.id))
    profiles, current, seen, rows = available_profiles(), {}, set(), []
    for record in records:
        if record.profile not in profiles or (record.profile, record.company) in seen:
            continue
        seen.add((record.profile, record.company))
        if record.profile not in current:
            current[record.profile] = _current(record.profile, today)
        version, clauses, summaries = current[record.profile]
        reasons = []
        if record.content_version != version:
            reasons.append(f"built from content version {record.content_version}; "
                           f"the current one is {version}")
        held = set(record.registry_changes or [])
        told = held | set(record.announced_changes)  # a change it listed as announced is disclosed
        reasons += [f"Annex III lacks: {text}" for cid, text in summaries.items() if cid not in told]
        reasons += [f"Annex III still carries change {cid}, no longer in effect"
                    for cid in sorted(held - summaries.keys())]
        if reasons:
            rows.append(StaleRow(record, reasons, [(cid, v, clauses.get(cid)) for cid, v
                                                   in sorted(record.clause_versions.items())]))
    return rows


def _current(profile: str, today: date):
    content = registry.content_for(profile)
    return (registry.current_version_id(profile), {c.id: c.version for c in content.clauses},
            {row.change.id: row.summary for row in change_rows(profile)
             if row.change.effective_on <= today})
