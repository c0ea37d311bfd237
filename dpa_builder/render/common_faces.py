"""Simplified Chinese faces cut to the common characters, and the style sheet rules that
let WeasyPrint draw with them. scripts/make_common_faces.py makes them at setup.

Every PDF embeds a subset of each face it draws with, and WeasyPrint makes that subset
from the whole face: a Noto CJK face (19-27 MB, 65,000 glyphs) costs 40-85 ms per PDF to
read, subset and compress, which every Chinese Cover Page paid four times. Cut to the
7,500 characters of GB 2312, a face costs about a tenth of that. dpa.css names these faces
before the full Noto ones, so a character outside GB 2312 is still drawn, by the full face.
"""
from dataclasses import dataclass
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

FOLDER = Path(__file__).with_name("fonts")  # made at setup, not in git
MANIFEST = FOLDER / "faces.json"  # what each face was cut from, and its SHA-256
SCHEME = "dpa-face:"  # the only URLs the style sheet may fetch


@dataclass(frozen=True)
class Face:
    file: str  # in FOLDER
    family: str  # as dpa.css names it
    weight: int
    source: str  # the Noto face it is cut from, as fontconfig names it


FACES = tuple(
    Face(f"Noto{kind}CJKsc-Common-{style}.otf", f"Noto {kind} CJK SC Common", weight,
         f"Noto {kind} CJK SC:style={style}")
    for kind in ("Sans", "Serif") for style, weight in (("Regular", 400), ("Bold", 700)))


def font_face_rules() -> str:
    """@font-face rules for the faces setup has made (none before it has)."""
    return "".join(
        f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
        f'src: url("{SCHEME}{face.file}"); }}\n'
        for face in FACES if (FOLDER / face.file).exists())


def faces_identity() -> str:
    """What the faces were made from (the manifest's text): part of the standard terms'
    cache key, since the terms embed subsets of these faces."""
    return MANIFEST.read_text(encoding="utf-8") if MANIFEST.exists() else ""


class FaceFetcher(URLFetcher):
    """All WeasyPrint may fetch, for the page and its style sheet: the faces made at setup.

    The template inlines its CSS and other fonts come from the system. Customer text is
    escaped, so it cannot add a link; this stops a template change from ever making the
    renderer read a local file or call a URL.
    """

    def fetch(self, url, headers=None):
        name = url.removeprefix(SCHEME)
        if url.startswith(SCHEME) and name in {face.file for face in FACES}:
            return URLFetcherResponse(url, (FOLDER / name).read_bytes())
        raise ValueError(f"external resource refused: {url[:80]}")
