"""The DOCX's languages, for Word's proofing, hyphenation and East Asian fonts.

The template's defaults say British English. A French or Chinese DPA says its
own language there (the default run language, the theme's, the file's core
property); in a bilingual DPA each paragraph of a translated block says the
translation's language, down to its runs.
"""
from .ooxml import W, child, text_of

WORD_LANG = {"en": "en-GB", "fr": "fr-FR", "zh": "zh-CN"}
# Word tags a run's Latin text (w:val) apart from its East Asian text (w:eastAsia): Chinese
# goes in w:eastAsia, so the English words of a Chinese DPA still break between words.
EAST_ASIAN = {"zh"}
LATIN_OF = {"zh": "en-GB"}


def set_languages(docx, document) -> None:
    """The file's language: its default runs', its theme's and its core property's."""
    tag = WORD_LANG[document.language]
    defaults = docx.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    if defaults is not None:
        _tag(defaults, document.language)
    theme = docx.settings.element.find(f"{W}themeFontLang")
    if theme is not None:
        _tag(theme, document.language)
    docx.core_properties.language = tag


def tag_translations(root, document) -> None:
    """Each paragraph under root of a bilingual DPA's translated block, in its language."""
    translated = {b.text: b.lang for b in document.blocks if b.lang}
    for paragraph in root.iter(f"{W}p") if translated else ():
        language = translated.get(text_of(paragraph), "")
        for run in paragraph.iter(f"{W}r") if language else ():
            _tag(child(run, "rPr", "lang"), language)


def _tag(lang, language: str) -> None:
    """w:val for Latin text, w:eastAsia for Chinese: each language where Word looks for it."""
    if language in EAST_ASIAN:
        lang.set(f"{W}eastAsia", WORD_LANG[language])
        lang.set(f"{W}val", lang.get(f"{W}val") or LATIN_OF[language])
    else:
        lang.set(f"{W}val", WORD_LANG[language])
