"""Dates, lists and country names in the language of a document's texts."""
import gettext
from datetime import date
from functools import cache

import pycountry
from babel.dates import format_date
from babel.lists import format_list

# The locale each language's dates and lists follow (British English: "1 December 2026").
LOCALES = {"en": "en_GB", "fr": "fr_FR", "zh": "zh_Hans_CN"}
_GETTEXT = {"fr": "fr", "zh": "zh_CN"}  # pycountry's catalogue of each language


def long_date(value: date, language: str = "en") -> str:
    return format_date(value, "long", locale=LOCALES[language])


def join_names(names: list[str], language: str = "en") -> str:
    """"A, B and C" in English, "A, B et C" in French, "A、B和C" in Chinese."""
    return format_list(names, locale=LOCALES[language]) if names else ""


def country_name(code: str, language: str = "en") -> str:
    """The country's short name (ISO 3166-1), as its official translation gives it."""
    country = pycountry.countries.lookup(code)  # validated codes only: the request checked it
    name = getattr(country, "common_name", None) or country.name
    return _catalogue(language).gettext(name) if language in _GETTEXT else name


# English short names that a sentence gives with "the": "the law of the Netherlands".
_WITH_THE = frozenset("AE AX BS CC CF CK DO FK FO GB GM KM KY MH MP MV NL PH RU SB SC TC TF UM US "
                      "VA".split())


def country_in_text(code: str, language: str = "en") -> str:
    """The country's name as a sentence names it: "the Netherlands", "Germany"."""
    name = country_name(code, language)
    return f"the {name}" if language == "en" and code in _WITH_THE else name


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[_GETTEXT[language]])
