"""Schema of a transfer regime (regimes/<id>.yaml): the law a customer's country brings.

A regime says which customer countries it covers, how the DPA names its
transfer mechanism and authority, which governing law it takes and, where the
EU-US Data Privacy Framework could apply, which part of it. Clauses name the
regimes they belong to in their `when` condition.
"""
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .schema import Strict, Text

Code = Field(pattern=r"^[A-Z]{2}$")
REGION = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"


class Authority(Strict):
    """One row of a regime's authority table (SCC Clause 13, Annex I.C).

    Either a named authority (name, city) or, where the request lacks the fact
    that decides it (a German customer's Land), the rule itself.
    """

    country: str = Code
    # ISO 3166-2, for states with one authority per region
    region: str | None = Field(default=None, pattern=REGION)
    territories: list[str] = []  # other ISO 3166-1 codes this state's authority covers
    name: str = ""  # official name, in the national language, without an article
    english: str = ""  # the English name, where it differs from the official one
    abbreviation: str = ""
    city: str = ""
    cities: list[str] = []  # cities in the region, to find the region from an address
    rule: str = ""  # completes "Competent supervisory authority: ..."

    @model_validator(mode="after")
    def _named_or_ruled(self):
        if bool(self.rule) == bool(self.name and self.city):
            raise ValueError("give either name and city, or rule")
        return self


class Law(Strict):
    """Which law governs the transfer clauses and this DPA.

    member_state: the customer's EU Member State (sales may choose another);
    eu_fallback: the profile's eu_governing_law_fallback (sales may choose another);
    fixed: the law named in `fixed`; agreement: the law that governs the Agreement.
    """

    rule: Literal["member_state", "eu_fallback", "fixed", "agreement"]
    fixed: str = ""
    fallback_for: list[str] = []  # member_state: EEA states outside the EU take eu_fallback


class Dpf(Strict):
    """The part of the Data Privacy Framework that could cover a transfer to a US processor."""

    framework: Literal["eu", "uk_extension", "swiss"]  # the key in the profile's dpf block
    name: str = Text
    basis: str = Text  # the adequacy decision or regulation that recognises it


class RegimeLabels(Strict):
    mechanism: str = Text  # cover page and summary: the transfer mechanism
    authority: str = Text  # Annex I.C


class RegionalLaw(Strict):
    """A region's own law; without `law`, the DPA names it by the region only."""

    region: str = Field(pattern=REGION)
    law: str = ""


class Regime(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Text
    countries: list[str] = []  # empty: every country no other regime covers
    # A transfer regime applies only when the processor is outside its countries.
    transfer: bool
    modules: bool = False  # SCC Module Two (controller) or Three (processor)
    governing_law: Law
    dpf: Dpf | None = None
    labels: RegimeLabels
    authorities: list[Authority] = []
    regional_laws: list[RegionalLaw] = []

    @field_validator("authorities")
    @classmethod
    def _every_country_has_one(cls, authorities: list[Authority], info) -> list[Authority]:
        covered = {c for a in authorities if a.region is None for c in (a.country, *a.territories)}
        missing = sorted(set(info.data.get("countries", ())) - covered) if authorities else []
        if missing:
            raise ValueError(f"no row for {', '.join(missing)}, which `countries` lists")
        return authorities

def regime_problems(regimes: dict[str, Regime], files: dict[str, str]) -> list[str]:
    """What no single regime file can check: one default regime, no country in two."""
    if not regimes:
        return ["regimes: no regime files found"]
    defaults = [files[r.id] for r in regimes.values() if not r.countries]
    problems = [] if len(defaults) == 1 else [
        f"regimes: exactly one regime must leave `countries` empty (every other country); "
        f"found {len(defaults)}: {', '.join(defaults) or 'none'}"]
    owner: dict[str, str] = {}
    for regime in regimes.values():
        for country in regime.countries:
            if country in owner:
                problems.append(f"{files[regime.id]}: countries: {country} is already in "
                                f"{files[owner[country]]}")
            owner.setdefault(country, regime.id)
    return problems
