"""Content-addressed file storage: bytes are kept under their SHA-256, in one of two backends.

`files` keeps them under a folder (the embedded default with SQLite); `database` keeps
them in the `stored_files` table, so app servers sharing one PostgreSQL hold no files
of their own (the default with any other database). DPA_STORAGE chooses.
"""
import re
from pathlib import Path
from typing import Protocol

from flask import current_app
from sqlalchemy import LargeBinary, String, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model, db
from ..files import sha256_of, write_atomically
from ..render.formats import FORMATS

_SHA256 = re.compile(r"[0-9a-f]{64}")
AREAS = ("documents", "template-uploads")  # issued files; legal's checked, unpublished uploads


class Storage(Protocol):
    def save(self, sha256: str, fmt: str, data: bytes) -> None: ...
    def load(self, sha256: str, fmt: str) -> bytes | None: ...


def _checked(sha256: str, fmt: str) -> None:
    if not _SHA256.fullmatch(sha256) or fmt not in FORMATS:
        raise ValueError("not a stored document name")


class LocalStorage:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, sha256: str, fmt: str) -> Path:
        _checked(sha256, fmt)
        return self.root / sha256[:2] / f"{sha256}.{fmt}"

    def save(self, sha256: str, fmt: str, data: bytes) -> None:
        """Write atomically; identical bytes are stored once."""
        target = self._path(sha256, fmt)
        if not target.exists():
            write_atomically(target, data)

    def load(self, sha256: str, fmt: str) -> bytes | None:
        path = self._path(sha256, fmt)
        return path.read_bytes() if path.exists() else None


class StoredFile(Model):
    __tablename__ = "stored_files"

    area: Mapped[str] = mapped_column(String(20), primary_key=True)  # one of AREAS
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    format: Mapped[str] = mapped_column(String(10), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DatabaseStorage:
    def __init__(self, area: str):
        self.area = area

    def save(self, sha256: str, fmt: str, data: bytes) -> None:
        """Commit the bytes; identical bytes are stored once, even when saved twice at once."""
        _checked(sha256, fmt)
        if sha256_of(data) != sha256:
            raise ValueError("the bytes do not have this SHA-256")
        dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
        db.session.execute(dialect.insert(StoredFile).values(
            area=self.area, sha256=sha256, format=fmt, data=data).on_conflict_do_nothing())
        db.session.commit()

    def load(self, sha256: str, fmt: str) -> bytes | None:
        _checked(sha256, fmt)
        return db.session.scalar(select(StoredFile.data).where(
            StoredFile.area == self.area, StoredFile.sha256 == sha256, StoredFile.format == fmt))


def storage_for(area: str) -> Storage:
    """The configured backend for this area (see the module docstring)."""
    if area not in AREAS:
        raise ValueError(f"unknown storage area {area!r}")
    if current_app.config["DPA_STORAGE"] == "database":
        return DatabaseStorage(area)
    root = Path(current_app.config["DPA_STORAGE_DIR"])
    return LocalStorage(root if area == "documents" else root / area)
