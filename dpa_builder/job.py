"""A DPA to build and the files built, held without importing the core: a fresh
`dpa generate` holds both in the process that forks before the core is loaded (apart.py)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .files import sha256_of, write_atomically

if TYPE_CHECKING:
    from .assembly.model import Document


@dataclass(frozen=True)
class Job:
    """The request as read (not yet validated) and what to make of it."""

    data: object
    profile: str
    formats: tuple[str, ...]
    english_for: tuple[str, ...] = ()
    bilingual: bool = False


@dataclass(frozen=True)
class Built:
    document: Document
    files: dict[str, bytes]  # format -> bytes

    def sha256(self, fmt: str) -> str:
        return sha256_of(self.files[fmt])


def write_files(built: Built, out_dir: Path) -> dict[str, Path]:
    """Write each file atomically, named by the document id."""
    paths = {fmt: out_dir / f"{built.document.id}.{fmt}" for fmt in built.files}
    for fmt, path in paths.items():
        write_atomically(path, built.files[fmt])
    return paths
