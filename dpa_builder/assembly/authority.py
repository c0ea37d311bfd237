"""The competent supervisory authority a regime names for a customer (Clause 13, Annex I.C)."""
import re

from ..content.regime_schema import Authority, Regime
from ..request import country_name

# A locality closes a line or comma-separated part of an address, after any five-digit
# postcode: "Musterstraße 1, 10115 Berlin". The postcode only marks where the city starts; it
# says nothing about the region (German postcodes ignore Land borders).
_PARTS = re.compile(r"[,\n]")
_LOCALITY = re.compile(r"(?:^|\d{5}\s)\s*([^\d,]+?)\s*$")


def find_region(address: str, country: str, regime: Regime) -> str:
    """The region whose listed city the address names, if exactly one region's does; else ""."""
    localities = {m.group(1).casefold() for part in _PARTS.split(address)
                  if (m := _LOCALITY.search(part.strip()))}
    regions = {a.region for a in regime.authorities if a.country == country and a.region
               and localities & {city.casefold() for city in a.cities}}
    return regions.pop() if len(regions) == 1 else ""


def authority_for(regime: Regime, country: str, region: str) -> Authority | None:
    """The region's own authority where the regime has one, else the country's row."""
    rows = [a for a in regime.authorities if country in (a.country, *a.territories)]
    regional = [a for a in rows if region and a.region == region]
    return next(iter(regional or [a for a in rows if a.region is None]), None)


def describe(authority: Authority) -> str:
    """'Official name (English name, abbreviation), city, country', or the rule that decides it."""
    if authority.rule:
        return authority.rule
    aside = ", ".join(p for p in (authority.english, authority.abbreviation) if p)
    name = f"{authority.name} ({aside})" if aside else authority.name
    return f"{name}, {authority.city}, {country_name(authority.country)}"
