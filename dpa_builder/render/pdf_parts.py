"""What the PDF's Standard Terms depend on: equal keys, equal bytes (parts.py says what
the two parts are)."""
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

import pydyf
import weasyprint

from ..assembly.model import Document
from .common_faces import faces_identity
from .parts import digest


def terms_key(terms: Document, html: str, css: str, options: dict) -> str:
    """What the terms' bytes depend on, as a SHA-256: equal keys, equal bytes."""
    return digest(_renderer(), repr(sorted(options.items())), html, css, repr(terms))


@lru_cache(maxsize=1)
def _renderer() -> bytes:
    """What the terms' bytes depend on that no request changes: WeasyPrint's and pydyf's
    versions, the faces made at setup and the renderer's own code, so that an upgrade
    lays the terms out again rather than read ones an older renderer wrote to disk. All
    of render/ counts, the DOCX's modules too: a list of the PDF's own would go stale."""
    code = [path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py"))]
    digest = sha256()
    for part in (weasyprint.__version__.encode(), pydyf.__version__.encode(),
                 faces_identity().encode(), *code):
        digest.update(part)
        digest.update(b"\0")
    return digest.digest()
