"""Postal addresses as printed: the customer's own lines, the country named once.

A customer types "London E14 5AB / United Kingdom" or "40212 Düsseldorf /
Deutschland" and chooses the country from a list; the DPA prints the address
lines and then the country's name in the document's language, leaving out a
closing country name the customer typed in any of the languages customers
write it in.
"""
import gettext
import re
from functools import lru_cache

import pycountry

from .language import country_name

# The EEA's, the UK's and Switzerland's languages and those of the other regimes' countries.
LANGUAGES = ("de fr it es pt nl pl cs sk hu ro bg el hr sl et lv lt fi sv da nb nn is ga mt "
             "ja zh_CN zh_TW ko").split()
ALIASES = {"GB": ("UK", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"),
           "US": ("USA", "US", "United States of America"), "AE": ("UAE",)}


@lru_cache(maxsize=1)
def _translations() -> tuple:
    found = []
    for language in LANGUAGES:
        try:
            found.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language]))
        except OSError:  # a pycountry release without this language
            continue
    return tuple(found)


def _key(text: str) -> str:
    return re.sub(r"[\s.,()]+", "", text).casefold()


@lru_cache(maxsize=256)
def country_keys(code: str) -> frozenset[str]:
    """Every name of the country a customer might end an address with, normalised."""
    country = pycountry.countries.get(alpha_2=code)
    assert country is not None, code  # the request validated the code
    names = {country.name, country.alpha_2, country.alpha_3, country_name(code),
             getattr(country, "official_name", country.name), *ALIASES.get(code, ())}
    names |= {t.gettext(country.name) for t in _translations()}
    return frozenset(_key(name) for name in names)


def address_lines(address: str, country: str) -> list[str]:
    """The address's own lines without a closing country name (on its line or after a comma)."""
    lines = [line for line in address.split("\n") if line.strip()]
    if not lines:
        return []
    head, _, tail = lines[-1].rpartition(",")
    if _names_country(lines[-1], country):
        lines = lines[:-1]
    elif head and _names_country(tail, country):
        lines[-1] = head.strip()
    return lines


def _names_country(text: str, country: str) -> bool:
    # No country's name has a digit: a postcode line is answered without loading the
    # names in 30 languages (40 ms of a fresh process).
    return not any(c.isdigit() for c in text) and _key(text) in country_keys(country)


def postal_address(address: str, country: str, language: str = "en") -> str:
    """The address on its lines, then the country's name in the document's language, once."""
    return "\n".join([*address_lines(address, country), country_name(country, language)])
