"""Subscribers to advance notices, the durable outbox of notices, and objections."""
import secrets
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ..records.models import utcnow


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Customer(Model):
    """A company holding a DPA: its newest DPA decides its notice period and contacts."""

    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("profile", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(420))  # country and folded legal name
    name: Mapped[str] = mapped_column(String(200))
    record_id: Mapped[str] = mapped_column(ForeignKey("document_records.id"))  # the newest DPA
    document_id: Mapped[str] = mapped_column(String(32))
    notice_days: Mapped[int] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Subscriber(Model):
    """Someone notices go to: a page subscriber (customer_id empty), or a customer's
    contract recipient, named by its DPA or added by sales or the customer."""

    __tablename__ = "subscribers"
    # One page subscription per address, and one recipient entry per address per customer.
    __table_args__ = (Index("uq_subscribers_page_email", "profile", "email", unique=True,
                            sqlite_where=text("customer_id IS NULL"),
                            postgresql_where=text("customer_id IS NULL")),
                      UniqueConstraint("customer_id", "email"))

    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[str] = mapped_column(String(40))
    email: Mapped[str] = mapped_column(String(254))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    customer: Mapped[Customer | None] = relationship()
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)  # unsubscribes
    # Confirms, once: a new one for every confirmation email, none once confirmed.
    confirm_token: Mapped[str | None] = mapped_column(String(64), unique=True, default=new_token)
    # page, dpa-form; for contract recipients: contract (named by the DPA), sales, customer
    source: Mapped[str] = mapped_column(String(20), default="page")
    # A page subscriber's emails: the language of the page it subscribed on (en, fr, zh).
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    unsubscribed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def contractual(self) -> bool:
        """Notices the DPA promises: the recipient may change the address, not opt out."""
        return self.customer_id is not None


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
