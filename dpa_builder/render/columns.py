"""Column widths for the document's tables, the same in the DOCX and the PDF.

Pure: the table's style and texts in, each column's share of the text width
out, for any number of columns.
"""
import unicodedata
from math import sqrt

# Label / value tables share one label width, so the cover and Annex I align.
FIXED = {"fields": (0.3, 0.7)}
# A column is never narrower than its longest word at this many text widths a character
# (9.5 pt type on a 13.5 cm line is about 0.0135 per character), plus the cell's padding.
CHAR_SHARE, PADDING_SHARE = 0.0135, 0.02
# Chinese, Japanese and Korean characters are set about twice as wide as Latin ones, and a
# line may break between any two of them: a run of them is kept whole only up to a short
# name's width (新加坡, 处理地点), never a sentence's.
WIDE_KEPT_WHOLE = 8


def column_shares(style: str, rows: list[list[str]]) -> list[float]:
    """Each column's share of the table width; the shares sum to 1."""
    count = max((len(row) for row in rows), default=1)
    if FIXED.get(style) and len(FIXED[style]) == count:
        return list(FIXED[style])
    columns = [[row[i] for row in rows if i < len(row)] for i in range(count)]
    if style == "signatures":
        return [1 / count] * count
    # The square root of the mean length: long texts get more room, short ones keep enough.
    weights = [sqrt(max(1.0, sum(map(_width, texts)) / max(1, len(texts)))) for texts in columns]
    shares = [w / sum(weights) for w in weights]
    floors = [min(0.45, PADDING_SHARE + CHAR_SHARE * _longest_word(texts)) for texts in columns]
    return _lift(shares, floors)


def _longest_word(texts: list[str]) -> int:
    return max((_unbreakable(word) for text in texts for word in text.split()), default=1)


def _width(text: str) -> int:
    """The text's width in Latin characters: a wide East Asian character counts twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _unbreakable(word: str) -> int:
    width = _width(word)
    return min(width, WIDE_KEPT_WHOLE) if width > len(word) else width


def _lift(shares: list[float], floors: list[float]) -> list[float]:
    """Raise each share to its floor, taking the room from the columns above theirs."""
    lifted = [max(s, f) for s, f in zip(shares, floors)]
    excess = sum(lifted) - 1
    spare = [max(0.0, s - f) for s, f in zip(lifted, floors)]
    if excess <= 0 or sum(spare) < excess:
        return [s / sum(lifted) for s in lifted]
    return [s - excess * room / sum(spare) for s, room in zip(lifted, spare)]


def split_total(shares: list[float], total: int) -> list[int]:
    """Whole units (twips) per column that sum exactly to total."""
    widths = [int(total * share) for share in shares]
    widths[-1] += total - sum(widths)
    return widths
