"""Issue a DPA: build it, store its files, record it. Also rebuild and verify."""
import dataclasses
import secrets
from collections.abc import Callable
from datetime import date

from flask import current_app
from sqlalchemy import select

from ..assembly.context import Options
from ..content.loader import Content
from ..content.specimen import refuse_in_production
from ..extensions import db
from ..generate import build
from ..job import Built
from ..notices.contracts import enrol
from ..notices.issued import send_issued
from ..registry import service as registry
from ..render.formats import FORMATS
from ..request import Request, parse_request
from .models import DocumentFile, DocumentRecord, fold, utcnow
from .storage import storage_for


class RebuildError(Exception):
    """A record cannot be rebuilt as it was, e.g. its content version is gone."""


def current_content(profile: str) -> Content:
    """The published content; parsed once per process per version, shared by every customer."""
    return registry.content_for(profile)


def content_on(profile: str, day: date) -> tuple[Content, list, list]:
    """Content with the registry as it stands on `day` and the changes announced for later
    listed; the changes applied, and those listed."""
    content = registry.content_for(profile)
    state, applied, announced = registry.registry_for(content, day)
    return dataclasses.replace(content, registry=state), applied, announced


def issue(request: Request, *, channel: str, user_id: int | None = None,
          profile: str | None = None, options: Options = Options(),
          formats=tuple(FORMATS),
          in_same_commit: Callable[[DocumentRecord], None] | None = None,
          ) -> tuple[DocumentRecord, Built]:
    """Build, store, then record; the record is written only once its files are safe, with
    whatever `in_same_commit` adds to its transaction (an idempotency key's link).

    The record makes the DPA its customer's newest: the contacts it names receive the
    change notices it promises, and an email with the way back to it.
    """
    profile = profile or current_app.config["DPA_DEFAULT_PROFILE"]
    content, applied, announced = content_on(profile, date.today())
    refuse_in_production(profile, content.specimen, current_app.config)
    built = build(request, content, formats, options)
    for fmt, data in built.files.items():
        storage_for("documents").save(built.sha256(fmt), fmt, data)
    document = built.document
    record = DocumentRecord(
        id=secrets.token_urlsafe(18), document_id=document.id, profile=profile,
        company=request.customer.legal_name, company_folded=fold(request.customer.legal_name),
        country=request.customer.country,
        request=request.model_dump(mode="json"), options=dataclasses.asdict(options),
        facts=document.facts, channel=channel, issued_by=user_id,
        content_version=document.content_version, registry_version=document.registry_version,
        clause_versions=document.clause_versions,
        files=[DocumentFile(format=fmt, sha256=built.sha256(fmt), size=len(data))
               for fmt, data in built.files.items()],
        notice_days=options.notice_days or content.profile.policy.notice_days,
        registry_changes=[change.id for change in applied],
        announced_changes=[change.id for change in announced], specimen=bool(document.specimen))
    db.session.add(record)
    if in_same_commit:
        in_same_commit(record)
    db.session.commit()
    if send_issued(record, enrol(record, content)):
        record.emailed_at = utcnow()
        db.session.commit()
    return record, built


def rebuild(record: DocumentRecord, fmt: str) -> bytes:
    """Build the file again from the record alone: its content version and registry changes."""
    try:
        content = registry.content_for(record.profile, record.content_version)
    except LookupError:
        raise RebuildError(f"content version {record.content_version} is not stored") from None
    state = registry.registry_as_issued(content, record.registry_changes, record.announced_changes)
    content = dataclasses.replace(content, registry=state)
    built = build(parse_request(record.request, stored=True), content, (fmt,), Options(**record.options))
    return built.files[fmt]


def file_for(record: DocumentRecord, fmt: str) -> bytes | None:
    sha = record.sha256(fmt)
    return storage_for("documents").load(sha, fmt) if sha else None


def find_by_sha256(sha256: str) -> DocumentFile | None:
    """The file with this hash from the earliest record that issued it (`.record`)."""
    return db.session.scalars(
        select(DocumentFile).join(DocumentFile.record)
        .where(DocumentFile.sha256 == sha256.strip().lower())
        .order_by(DocumentRecord.issued_at)).first()

