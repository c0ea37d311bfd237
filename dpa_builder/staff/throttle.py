"""Back off per account: after FREE_TRIES failed sign-ins for an email, wait longer each time.

Counted per typed email whether or not an account has it, so the wait says
nothing about which accounts exist.
"""
from datetime import timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..records.models import as_utc, utcnow
from .models import LoginFailure

FREE_TRIES = 5
LONGEST_WAIT = timedelta(hours=1)


def wait(email: str) -> timedelta:
    """How long this email must wait before its next try; zero when it may try now."""
    row = db.session.get(LoginFailure, email)
    if row is None or row.failures < FREE_TRIES:
        return timedelta(0)
    delay = min(timedelta(minutes=2 ** (row.failures - FREE_TRIES)), LONGEST_WAIT)
    return max(as_utc(row.last_failed_at) + delay - utcnow(), timedelta(0))


def failed(email: str) -> None:
    if not _count(email):
        db.session.add(LoginFailure(email=email, failures=1, last_failed_at=utcnow()))
        try:
            db.session.commit()
        except IntegrityError:  # another failure for this email was recorded meanwhile
            db.session.rollback()
            _count(email)
    db.session.commit()


def _count(email: str) -> bool:
    done = db.session.execute(update(LoginFailure).where(LoginFailure.email == email).values(
        failures=LoginFailure.failures + 1, last_failed_at=utcnow()))
    return bool(done.rowcount)  # type: ignore[attr-defined]  # an UPDATE gives a CursorResult


def succeeded(email: str) -> None:
    db.session.execute(delete(LoginFailure).where(LoginFailure.email == email))
    db.session.commit()
