"""File helpers: content hashes, writes a reader never sees half of, and the instance folder."""
import hashlib
import os
import tempfile
from pathlib import Path


def instance_dir() -> Path:
    """DPA_INSTANCE_DIR, default ./instance: the embedded database, documents and caches."""
    return Path(os.environ.get("DPA_INSTANCE_DIR", Path.cwd() / "instance")).resolve()


def cache_dir() -> Path | None:
    """DPA_CACHE_DIR, default the instance folder's cache/; set empty, nothing is kept on disk."""
    chosen = os.environ.get("DPA_CACHE_DIR")
    if chosen is None:
        return instance_dir() / "cache"
    return Path(chosen).resolve() if chosen else None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
