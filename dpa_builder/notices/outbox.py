"""The durable outbox: queue a notice per subscriber, claim batches, record outcomes.

A worker claims a batch by moving it to `sending` with a lease (`due_at`). A
worker that dies leaves its claim to expire, and another worker takes the
rows it had not yet recorded as sent. Each notice is committed as sent right
after the relay accepts it, so a crash can repeat at most the one notice in
flight at that instant.
"""
from datetime import date, timedelta

from sqlalchemy import and_, func, literal, select, update
from sqlalchemy.orm import aliased

from ..extensions import db
from ..records.models import utcnow
from ..registry.models import RegistryChange
from .models import Notice, Subscriber

MAX_ATTEMPTS = 8


def _insert(table):
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
        return insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert(table)


def _active(profile: str):
    return and_(Subscriber.profile == profile, Subscriber.confirmed_at.is_not(None),
                Subscriber.unsubscribed_at.is_(None))


def queue(change_id: int, profile: str, customer_id: int | None = None) -> int:
    """Queue one notice of a change for every active recipient (or one customer's); idempotent.

    A page subscriber whose address is also a customer's contract recipient gets the
    contractual notice only: nobody gets two.
    """
    contract = aliased(Subscriber)
    also_contract = select(contract.id).where(
        contract.customer_id.is_not(None), contract.email == Subscriber.email,
        contract.profile == profile, contract.unsubscribed_at.is_(None)).exists()
    active = select(literal(change_id), Subscriber.id, literal("pending"),
                    literal(utcnow(), Notice.due_at.type), literal(0)).where(
        _active(profile), Subscriber.customer_id.is_not(None) | ~also_contract)
    if customer_id is not None:
        active = active.where(Subscriber.customer_id == customer_id)
    statement = _insert(Notice.__table__).from_select(
        ["change_id", "subscriber_id", "status", "due_at", "attempts"], active
    ).on_conflict_do_nothing().returning(Notice.id)
    queued = len(db.session.execute(statement).all())
    db.session.commit()
    return queued


def queue_announced(today: date) -> int:
    """Queue every change not yet in effect to each active recipient still without its
    notice; idempotent, as queue() is. Announcing records the change and then queues its
    notices, in two steps; recipients join later (a new DPA, an added address, a confirmed
    subscription). Whatever a crash between the steps or a late join left out, the next
    `dpa notify` pass queues, before the change takes effect."""
    pending = db.session.execute(select(RegistryChange.id, RegistryChange.profile)
                                 .where(RegistryChange.effective_on > today)).all()
    return sum(queue(change_id, profile) for change_id, profile in pending)


def claim(worker: str, batch: int, lease: timedelta) -> list[int]:
    """Take up to `batch` due notices for this worker, in order."""
    due = (select(Notice.id).where(Notice.status.in_(("pending", "sending")), Notice.due_at <= utcnow())
           .order_by(Notice.id).limit(batch))
    if db.engine.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    result = db.session.execute(
        update(Notice).where(Notice.id.in_(due.scalar_subquery()))
        .values(status="sending", claimed_by=worker, due_at=utcnow() + lease,
                attempts=Notice.attempts + 1)
        .returning(Notice.id))
    ids = sorted(result.scalars())
    db.session.commit()
    return ids


def mark_sent(notice_id: int, worker: str) -> None:
    db.session.execute(update(Notice).where(and_(Notice.id == notice_id, Notice.claimed_by == worker))
                       .values(status="sent", sent_at=utcnow(), last_error=None))
    db.session.commit()


def cancel(notice_id: int, worker: str) -> None:
    """The subscriber left after the notice was queued: do not send it."""
    db.session.execute(update(Notice).where(and_(Notice.id == notice_id, Notice.claimed_by == worker))
                       .values(status="cancelled"))
    db.session.commit()


def mark_failed(notice_id: int, worker: str, error: str) -> None:
    """Retry later with exponential back-off, or give up after MAX_ATTEMPTS."""
    notice = db.session.get(Notice, notice_id)
    if notice is None or notice.claimed_by != worker:
        return
    notice.last_error = error[:2000]
    if notice.attempts >= MAX_ATTEMPTS:
        notice.status = "failed"
    else:
        notice.status, notice.due_at = "pending", utcnow() + timedelta(seconds=2 ** notice.attempts)
    db.session.commit()


def counts() -> dict[str, int]:
    rows = db.session.execute(select(Notice.status, func.count()).group_by(Notice.status))
    return dict(rows.all())
