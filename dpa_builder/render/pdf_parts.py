"""What the PDF's Standard Terms depend on: equal keys, equal bytes (parts.py says what
the two parts are)."""
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

import pydyf
import weasyprint

from ..assembly.model import Document
from .common_faces import faces_identity


def terms_key(terms: Document, html: str, css: str, options: dict) -> str:
    """What the terms' bytes depend on, as a SHA-256: equal keys, equal bytes."""
    digest = sha256(_renderer())
    for part in (repr(sorted(options.items())), html, css, repr(terms)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _renderer() -> bytes:
    """What the terms' bytes depend on that no request changes: WeasyPrint's and pydyf's
    versions, the faces made at setup and the renderer's own code, so that an upgrade
    lays the terms out again rather than read ones an older renderer wrote to disk."""
    code = [path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py"))]
    digest = sha256()
    for part in (weasyprint.__version__.encode(), pydyf.__version__.encode(),
                 faces_identity().encode(), *code):
        digest.update(part)
        digest.update(b"\0")
    return digest.digest()
