"""Subscribers to advance notices, the durable outbox of notices, and objections."""
import secrets
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from ..records.models import utcnow


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Subscriber(Model):
    __tablename__ = "subscribers"
    __table_args__ = (UniqueConstraint("profile", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[str] = mapped_column(String(40))
    email: Mapped[str] = mapped_column(String(254))
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)  # unsubscribes
    # Confirms, once: a new one for every confirmation email, none once confirmed.
    confirm_token: Mapped[str | None] = mapped_column(String(64), unique=True, default=new_token)
    source: Mapped[str] = mapped_column(String(20), default="page")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    unsubscribed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Notice(Model):
    """One notice of one change to one subscriber: queued once, sent exactly once."""

    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("change_id", "subscriber_id"),
                      Index("ix_notices_status_due", "status", "due_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("registry_changes.id"))
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id"))
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending, sending, sent, failed
    attempts: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


class Objection(Model):
    __tablename__ = "objections"

    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("registry_changes.id"), index=True)
    subscriber_id: Mapped[int | None] = mapped_column(ForeignKey("subscribers.id"))
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"))  # whose link was used
    company: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
