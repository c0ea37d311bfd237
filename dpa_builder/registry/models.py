"""Stored content versions and announced registry changes."""
from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..content.annex_schema import SubProcessor
from ..extensions import Model
from ..records.models import utcnow
from .changes import Change


class ContentVersion(Model):
    """An immutable snapshot of every file one profile's DPAs are built from."""

    __tablename__ = "content_versions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # the content digest
    profile: Mapped[str] = mapped_column(String(40), index=True)
    parent_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    files: Mapped[list["ContentFile"]] = relationship(cascade="all, delete-orphan",
                                                     order_by="ContentFile.path")

    def snapshot(self) -> dict[str, bytes]:
        return {f.path: f.data for f in self.files}


class Publication(Model):
    """Each time a version was made current: who, when, why. The newest one is in force."""

    __tablename__ = "content_publications"
    __table_args__ = (Index("ix_content_publications_profile_at", "profile", "published_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[str] = mapped_column(ForeignKey("content_versions.id"))
    profile: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ContentFile(Model):
    __tablename__ = "content_files"

    version_id: Mapped[str] = mapped_column(ForeignKey("content_versions.id"), primary_key=True)
    path: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RegistryChange(Model):
    """An announced addition, replacement or removal; the one record every view renders."""

    __tablename__ = "registry_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(String(60), default="")
    entry: Mapped[dict | None] = mapped_column(JSON)
    announced_on: Mapped[date] = mapped_column(Date)
    effective_on: Mapped[date] = mapped_column(Date, index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def change(self) -> Change:
        entry = SubProcessor.model_validate(self.entry) if self.entry else None
        return Change(self.id, self.kind, self.target, entry, self.announced_on, self.effective_on)
