"""Every DPA issued, on record: what was asked, by whom, when, and the files' hashes."""
from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class DocumentRecord(db.Model):
    __tablename__ = "document_records"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random, unguessable
    document_id: Mapped[str] = mapped_column(String(32), index=True)  # DPA-…, from the content
    profile: Mapped[str] = mapped_column(String(40))
    company: Mapped[str] = mapped_column(String(200), index=True)
    country: Mapped[str] = mapped_column(String(2))
    request: Mapped[dict] = mapped_column(JSON)
    options: Mapped[dict] = mapped_column(JSON)
    channel: Mapped[str] = mapped_column(String(10))  # form, sales, api, cli
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    content_version: Mapped[str] = mapped_column(String(40))
    registry_version: Mapped[str] = mapped_column(String(20))
    clause_versions: Mapped[dict] = mapped_column(JSON)
    docx_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    wants_notices: Mapped[bool] = mapped_column(default=False)  # asked for change notices
    notice_days: Mapped[int | None] = mapped_column()  # the notice period this customer holds
    registry_changes: Mapped[list] = mapped_column(JSON, default=list)  # change ids in its Annex III

    __table_args__ = (Index("ix_document_records_issued_at", "issued_at"),)

    def sha256(self, fmt: str) -> str | None:
        return {"docx": self.docx_sha256, "pdf": self.pdf_sha256}[fmt]
