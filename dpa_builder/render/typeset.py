"""Typesetting both renderers share: run-in captions, East Asian runs, email addresses.

Pure functions of a block's text. They find structure in the words (a caption,
a Japanese name, an address to write to) so that each renderer can style it;
they never change a word.
"""
import re

# A run-in caption opens a clause paragraph: "Advance notice of changes. The Processor ..."
# It is a short noun phrase (at most ten words, no inner full stop) followed by a new
# sentence; a short sentence ("The Processor complies.", "Le Client peut ...") opens with a
# word no caption does, in English or French.
_CAPTION = re.compile(r"(\w[^.:;]{0,118}?\.) (?=[\w“«\"(])")
_MAX_CAPTION_WORDS = 10
_OPENERS = frozenset("A All An Any Each Either Every For If In It Its Neither No Nothing On "
                     "Such That The These This Those To Unless Where When Whether "
                     "Au Aux Aucun Aucune Ce Ces Cette Chaque Dans Des En Il Elle La Le Les "
                     "Lorsque Si Sauf Tout Toute Tous Un Une".split())

_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# Han ideographs, kana, hangul and the punctuation and full-width forms they are set with.
_EAST_ASIAN = re.compile("([\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3130-\u318f\u31f0-\u31ff"
                         "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
                         "\U00020000-\U0003134f]+)")
_QUOTED = re.compile("“([^”]{1,120})”")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def split_caption(text: str) -> tuple[str, str]:
    """("Advance notice of changes.", " The Processor ...") or ("", text) without a caption."""
    match = _CAPTION.match(text)
    if match is None:
        return "", text
    words = match.group(1).split()
    first, following = words[0].split("’")[0], text[match.end(1) + 1]
    if (len(words) > _MAX_CAPTION_WORDS or first in _OPENERS or not first[0].isupper()
            or (following.isalpha() and not following.isupper())):
        return "", text
    return match.group(1), text[match.end(1):]


def east_asian_language(text: str) -> str:
    """The language a text's East Asian characters are in: kana mean Japanese, hangul Korean.

    Han characters alone cannot tell; they are set as Simplified Chinese.
    """
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    return "zh-CN"


def has_east_asian(text: str) -> bool:
    return _EAST_ASIAN.search(text) is not None


def east_asian_runs(text: str, page: str = "") -> list[tuple[str, str | None]]:
    """The text in runs, each East Asian run with its language, the others with None; a run
    in the page's own language (`page`) needs no tag of its own and has None too."""
    language = east_asian_language(text)
    tag = None if language == page else language
    return [(part, tag if index % 2 else None)
            for index, part in enumerate(_EAST_ASIAN.split(text)) if part]


def cross_references(text: str, headings) -> list[tuple[str, bool]]:
    """The text in parts, a part True where it quotes one of these headings:
    the clause headed “Sub-processors” refers to that clause, whatever its number."""
    parts, position = [], 0
    for match in _QUOTED.finditer(text):
        if match.group(1) in headings:
            parts += [(text[position:match.start(1)], False), (match.group(1), True)]
            position = match.end(1)
    return [part for part in [*parts, (text[position:], False)] if part[0]]
