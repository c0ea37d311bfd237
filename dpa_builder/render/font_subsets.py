"""Font subsets made once per process for each face and set of glyphs, and compressed once.

Every PDF WeasyPrint writes embeds each face it draws with, cut to the glyphs drawn
(weasyprint.pdf.fonts.Font.subset, with HarfBuzz) and compressed at zlib level 9. The
Cover Pages of one language draw mostly the same glyphs: a Chinese one a few hundred
from four CJK faces, at about 10 ms each to cut and 5 ms to compress even from the faces
cut to GB 2312 (common_faces.py). The same face and glyphs always give the same subset,
so both are kept, keyed by what they depend on: the bytes are those WeasyPrint makes.
"""
import zlib
from hashlib import sha256

import pydyf
from weasyprint.pdf import fonts, stream

from .kept import Kept

LARGE = 32_000  # bytes: a font program, not a page's drawing
SUBSETS: Kept[bytes] = Kept(64)  # about 10-300 kB each
PACKED: Kept[bytes] = Kept(64)


class Font(fonts.Font):
    """WeasyPrint's font, taking a subset made before for the same face and glyphs."""

    file_content: bytes  # the face, then its subset (WeasyPrint's attribute)

    def subset(self, to_unicode, hinting):
        # WeasyPrint itself takes `hash` (of family, weight, style, variations) for the face
        # file: one process has one font configuration, so one file per hash.
        key = (self.hash, self.index, len(self.file_content), frozenset(to_unicode), hinting,
               bool(self.missing))  # a .notdef drawn keeps its outline
        made = SUBSETS.get(key)
        if made is None:
            whole = len(self.file_content)
            super().subset(to_unicode, hinting)
            if len(self.file_content) < whole:  # never keep a face HarfBuzz could not cut
                SUBSETS.put(key, self.file_content)
        else:
            self.file_content = made


def install() -> None:
    """Make WeasyPrint draw with this Font: its drawing code creates fonts by this name."""
    stream.Font = Font


def stream_data(obj: pydyf.Stream) -> bytes:
    """`obj.data`, as pydyf writes it; a large stream of one piece (a font) compressed once."""
    if not (obj.compress and len(obj.stream) == 1 and isinstance(obj.stream[0], bytes)
            and len(obj.stream[0]) > LARGE):
        return obj.data
    packed = PACKED.get_or_make(sha256(obj.stream[0]).digest(),
                                lambda: zlib.compress(obj.stream[0], 9))  # pydyf's level
    return pydyf.Stream([packed], pydyf.Dictionary({**obj.extra, "Filter": "/FlateDecode"})).data
