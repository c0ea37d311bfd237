"""Every DPA issued, on record: what was asked, by whom, when, what it says, and its files."""
import unicodedata
from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model

FOLDED_LENGTH = 400  # company_folded's width: NFKC can make 18 letters of one


def fold(text: str) -> str:
    """Text as searches compare it: compatibility-normalised and case-folded (ß is ss),
    as much of it as a folded name keeps."""
    return unicodedata.normalize("NFKC", text).casefold()[:FOLDED_LENGTH]


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored time in UTC: SQLite drops the zone of a stored UTC time, PostgreSQL answers
    in its own."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class DocumentRecord(Model):
    __tablename__ = "document_records"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random, unguessable
    document_id: Mapped[str] = mapped_column(String(32), index=True)  # DPA-…, from the content
    profile: Mapped[str] = mapped_column(String(40))
    company: Mapped[str] = mapped_column(String(200), index=True)
    # The name case-folded, so that a search for MÜLLER finds Müller on every database.
    company_folded: Mapped[str] = mapped_column(String(FOLDED_LENGTH), index=True, default="")
    country: Mapped[str] = mapped_column(String(2))
    request: Mapped[dict] = mapped_column(JSON)
    options: Mapped[dict] = mapped_column(JSON)  # the options chosen, as Options' fields
    # What the DPA says, as issued (Document.facts): transfer, authority, governing law, ...
    facts: Mapped[dict] = mapped_column(JSON, default=dict)
    channel: Mapped[str] = mapped_column(String(10))  # form, sales, api, cli
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    content_version: Mapped[str] = mapped_column(String(40))
    registry_version: Mapped[str] = mapped_column(String(20))
    clause_versions: Mapped[dict] = mapped_column(JSON)
    # When the relay took the email with the link to this DPA; None if it was not sent.
    emailed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    notice_days: Mapped[int | None] = mapped_column()  # the notice period this customer holds
    registry_changes: Mapped[list] = mapped_column(JSON, default=list)  # change ids in its Annex III
    # Ids of the changes announced, not yet in effect, that it lists (Annex III, Cover Page).
    announced_changes: Mapped[list] = mapped_column(JSON, default=list)
    # Built on example or missing configuration: marked on every page, not for signature.
    specimen: Mapped[bool] = mapped_column(default=False, server_default=false())
    files: Mapped[list["DocumentFile"]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="DocumentFile.format",
        lazy="selectin")

    __table_args__ = (Index("ix_document_records_issued_at", "issued_at"),)

    def file(self, fmt: str) -> "DocumentFile | None":
        return next((f for f in self.files if f.format == fmt), None)

    def sha256(self, fmt: str) -> str | None:
        file = self.file(fmt)
        return file.sha256 if file else None


class DocumentFile(Model):
    """One issued file of a record: its format (a key of render.formats.FORMATS), hash, size."""

    __tablename__ = "document_files"

    record_id: Mapped[str] = mapped_column(ForeignKey("document_records.id"), primary_key=True)
    format: Mapped[str] = mapped_column(String(10), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int | None] = mapped_column()  # bytes; None when the migration found no file
    record: Mapped[DocumentRecord] = relationship(back_populates="files")
