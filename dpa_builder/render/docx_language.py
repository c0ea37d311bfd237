"""The DOCX's languages, for Word's proofing, hyphenation and East Asian fonts.

The template's defaults say British English. A French or Chinese DPA says its
own language there (the default run language, the theme's, the file's core
property); in a bilingual DPA each paragraph of a translated block says the
translation's language, down to its runs.
"""
from .ooxml import W, child, text_of

WORD_LANG = {"en": "en-GB", "fr": "fr-FR", "zh": "zh-CN"}


def set_languages(docx, document) -> None:
    tag = WORD_LANG[document.language]
    defaults = docx.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    if defaults is not None:
        defaults.set(f"{W}val", tag)
    theme = docx.settings.element.find(f"{W}themeFontLang")
    if theme is not None:
        theme.set(f"{W}val", tag)
    docx.core_properties.language = tag
    translated = {b.text: WORD_LANG[b.lang] for b in document.blocks if b.lang}
    for paragraph in docx.element.body.iter(f"{W}p") if translated else ():
        language = translated.get(text_of(paragraph))
        for run in paragraph.iter(f"{W}r") if language else ():
            child(run, "rPr", "lang", val=language)
