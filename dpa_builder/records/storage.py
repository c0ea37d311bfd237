"""Content-addressed file storage: a document's bytes are kept under their SHA-256."""
import re
from pathlib import Path

from ..files import write_atomically
from ..render.formats import FORMATS

_SHA256 = re.compile(r"[0-9a-f]{64}")


class LocalStorage:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, sha256: str, fmt: str) -> Path:
        if not _SHA256.fullmatch(sha256) or fmt not in FORMATS:
            raise ValueError("not a stored document name")
        return self.root / sha256[:2] / f"{sha256}.{fmt}"

    def save(self, sha256: str, fmt: str, data: bytes) -> None:
        """Write atomically; identical bytes are stored once."""
        target = self._path(sha256, fmt)
        if not target.exists():
            write_atomically(target, data)

    def load(self, sha256: str, fmt: str) -> bytes | None:
        path = self._path(sha256, fmt)
        return path.read_bytes() if path.exists() else None
