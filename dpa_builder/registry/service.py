"""Current content and registry per profile, from stored versions and announced changes.

Reads only read: content is stored by `content_import` (at migration or `dpa content
import`) and by legal's publications, never as a side effect of showing a page.
"""
from datetime import date
from functools import lru_cache

from flask import g, has_request_context
from pydantic import ValidationError
from sqlalchemy import func, select

from ..content.annex_schema import Registry, SubProcessor
from ..content.layout import ContentError
from ..content.loader import Content, content_from_files
from ..extensions import db
from ..field_errors import FieldErrors
from ..notices.models import Customer
from .changes import Change, Described, check_change, describe, registry_on, with_announced
from .models import ContentFile, ContentVersion, Publication, RegistryChange


@lru_cache(maxsize=32)
def _parse(profile: str, version_id: str) -> Content:
    version = db.session.get(ContentVersion, version_id)
    if version is None:
        raise LookupError(f"content version {version_id} is not stored")
    return content_from_files(profile, version.snapshot())


def content_for(profile: str, version_id: str | None = None) -> Content:
    """The published content of a profile (or one stored version), parsed once per process."""
    return _parse(profile, version_id or current_version_id(profile))


class NothingPublished(ContentError):
    """No content version was ever imported or published for a profile."""


def latest_publication(profile: str) -> Publication | None:
    return db.session.scalars(select(Publication).where(Publication.profile == profile)
                              .order_by(Publication.published_at.desc(), Publication.id.desc())
                              .limit(1)).first()


def current_publication(profile: str) -> Publication:
    """The newest publication is in force; looked up once per web request."""
    cache = g.setdefault("publications", {}) if has_request_context() else {}
    if profile not in cache:
        cache[profile] = latest_publication(profile)
    if cache[profile] is None:
        raise NothingPublished([f"{profile}: no content is published; run `dpa content import`"])
    return cache[profile]


def current_version_id(profile: str) -> str:
    return current_publication(profile).version_id


def publish(profile: str, files: dict[str, bytes], user_id: int | None, note: str,
            content: Content | None = None) -> Publication:
    """Validate and store an immutable version (once), and record this publication of it."""
    content = content or content_from_files(profile, files)  # raises ContentError
    if db.session.get(ContentVersion, content.version) is None:
        db.session.add(ContentVersion(
            id=content.version, profile=profile,
            files=[ContentFile(path=p, data=d) for p, d in files.items()]))
    publication = Publication(version_id=content.version, profile=profile, note=note,
                              published_by=user_id)
    db.session.add(publication)
    db.session.commit()
    if has_request_context():
        g.pop("publications", None)  # the rest of this request sees the new version
    return publication


def changes(profile: str) -> list[Change]:
    rows = db.session.scalars(select(RegistryChange).where(RegistryChange.profile == profile)
                              .order_by(RegistryChange.effective_on, RegistryChange.id))
    return [row.change() for row in rows]


def change_record(change_id: int) -> RegistryChange:
    """The change a notice or an objection names (their foreign key: it exists)."""
    return db.session.get_one(RegistryChange, change_id)


def change_log(profile: str) -> list[Described]:
    """Every change of a profile in order of effect, each worded once."""
    return describe(content_for(profile).registry, changes(profile))


def described(record: RegistryChange) -> Described:
    return next(d for d in change_log(record.profile) if d.change.id == record.id)


def registry_for(content: Content, day: date) -> tuple[Registry, list[Change], list[Change]]:
    """The registry on a day with the changes announced for later listed; the changes
    applied to get there, and those listed."""
    known = changes(content.profile.id)
    state, applied = registry_on(content.registry, known, day)
    pending = [c for c in known if c.effective_on > day]
    return with_announced(state, pending), applied, pending


def registry_as_issued(content: Content, applied: list[int], announced: list[int]) -> Registry:
    """The registry a DPA was issued with, from the change ids its record keeps."""
    known = changes(content.profile.id)
    state, _ = registry_on(content.registry, [c for c in known if c.id in applied], date.max)
    return with_announced(state, [c for c in known if c.id in announced])


def longest_notice_days(profile: str) -> int:
    """The longest notice period any customer holds under its newest DPA: the profile's,
    or one sales agreed."""
    agreed = db.session.scalar(select(func.max(Customer.notice_days))
                               .where(Customer.profile == profile))
    return max(content_for(profile).profile.policy.notice_days, agreed or 0)


def announce(profile: str, kind: str, target: str, entry: dict | None, announced_on: date,
             effective_on: date, user_id: int | None) -> RegistryChange:
    """Validate and record a change; the caller queues its notices."""
    try:
        incoming = SubProcessor.model_validate(entry) if entry else None
    except ValidationError as exc:
        raise FieldErrors.from_validation(exc, prefix="entry") from None
    if announced_on < date.today():
        raise FieldErrors({"announced_on": "must not be in the past: notice runs from the day it is sent"})
    state = registry_on(content_for(profile).registry, changes(profile), effective_on)[0]
    problems = check_change(kind, target, incoming, announced_on, effective_on, state,
                            longest_notice_days(profile))
    if problems:
        raise FieldErrors(problems)
    record = RegistryChange(profile=profile, kind=kind, target=target,
                            entry=incoming.model_dump(mode="json") if incoming else None,
                            announced_on=announced_on, effective_on=effective_on, created_by=user_id)
    db.session.add(record)
    db.session.commit()
    return record
