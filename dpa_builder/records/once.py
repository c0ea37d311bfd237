"""At most one DPA per idempotency key: a double click, a retry or 30 parallel posts make one.

The first request to claim a key (a row, so the database decides the race) issues
the DPA; the others wait for its record and answer with it. A claim whose request
died before issuing is taken over once it is STALE old.
"""
import hashlib
import json
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import DateTime, ForeignKey, String, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model, db
from .models import DocumentRecord, as_utc, utcnow

STALE = timedelta(minutes=2)


class KeyReused(Exception):
    """The key was first used with a different request."""


class StillIssuing(Exception):
    """The request that claimed the key has not finished within the wait."""


class IdempotencyKey(Model):
    __tablename__ = "idempotency_keys"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)  # "form", "api:<user id>"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of what was asked
    record_id: Mapped[str | None] = mapped_column(ForeignKey("document_records.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def fingerprint(*parts) -> str:
    """The same digest for the same request, whatever order its keys came in."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def issue_once(scope: str, key: str, digest: str,
               issue: Callable[[Callable[[DocumentRecord], None]], DocumentRecord],
               wait: float = 90) -> tuple[DocumentRecord, bool]:
    """The record this key made, issuing it if nobody has; and whether this call issued it.

    `issue` gets what the record's own commit must also write: the key pointing at it, so
    that once the DPA exists a retry gets it, whatever fails after (its email, say).
    """
    while not _claim(scope, key, digest):
        record = _wait_for(scope, key, digest, wait)
        if record is not None:
            return record, False
    try:
        return issue(lambda record: _link(scope, key, record)), True
    except BaseException:
        _release(scope, key)  # only a key no record took
        raise


def _link(scope: str, key: str, record: DocumentRecord) -> None:
    db.session.flush()  # the record's row first: the key refers to it
    db.session.execute(update(IdempotencyKey).where(*_this(scope, key)).values(record_id=record.id))


def _this(scope: str, key: str):
    return IdempotencyKey.scope == scope, IdempotencyKey.key == key


def _claim(scope: str, key: str, digest: str) -> bool:
    db.session.add(IdempotencyKey(scope=scope, key=key, fingerprint=digest))
    try:
        db.session.commit()
        return True
    except IntegrityError:
        db.session.rollback()
        return False


def _release(scope: str, key: str) -> None:
    db.session.rollback()
    db.session.execute(delete(IdempotencyKey).where(*_this(scope, key), IdempotencyKey.record_id.is_(None)))
    db.session.commit()


def _wait_for(scope: str, key: str, digest: str, wait: float) -> DocumentRecord | None:
    """The claimed key's record once issued; None when the claim vanished or went stale."""
    deadline = time.monotonic() + wait
    while True:
        row = db.session.execute(select(IdempotencyKey.fingerprint, IdempotencyKey.record_id,
                                        IdempotencyKey.created_at).where(*_this(scope, key))).first()
        db.session.rollback()  # end the read so the next poll sees other commits
        if row is None:
            return None  # released by a request that failed: claim it again
        if row.fingerprint != digest:
            raise KeyReused(key)
        if row.record_id is not None:
            return db.session.get(DocumentRecord, row.record_id)
        if utcnow() - as_utc(row.created_at) > STALE:
            _release(scope, key)
            return None
        if time.monotonic() > deadline:
            raise StillIssuing(key)
        time.sleep(0.2)

