"""Choose the customer's regime and fill in what it leaves open: module, authority, law."""
from dataclasses import dataclass

from ..content.loader import Content
from ..content.regime_schema import Regime
from ..content.schema import Profile
from ..request import Customer, region_name
from .authority import authority_for, describe, find_region
from .language import country_in_text

MODULES = {"controller": ("Module Two", "controller to processor"),
           "processor": ("Module Three", "processor to processor")}
# The Data Privacy Framework covers transfers to certified organisations in the US only.
DPF_COUNTRY = "US"


@dataclass(frozen=True)
class Transfer:
    kind: str  # the regime's id
    module: str = ""
    module_parties: str = ""
    authority: str = ""
    governing_law: str = ""  # empty: the law that governs the Agreement
    region: str = ""  # ISO 3166-2: as given, or found from the city in the address
    dpf: str = ""  # certified or not_certified, where the DPF could cover the transfer

    @property
    def courts(self) -> str:
        return f"the courts of {self.governing_law}" if self.governing_law else ""


def find_regime(country: str, processor_country: str, regimes: dict[str, Regime]) -> Regime:
    """The regime covering the country; a transfer regime only if the data leaves it."""
    for regime in regimes.values():
        if country in regime.countries and not (
                regime.transfer and processor_country in regime.countries):
            return regime
    return next(r for r in regimes.values() if not r.countries)


def choose_transfer(customer: Customer, role: str, content: Content,
                    governing_law: str | None = None) -> Transfer:
    """Fill in the customer's regime. governing_law is a sales option: an EU Member State
    for the regimes whose law is an EU Member State's."""
    profile = content.profile
    regime = find_regime(customer.country, profile.processor.country, content.regimes)
    region = customer.region or find_region(customer.address, customer.country, regime)
    authority = authority_for(regime, customer.country, region)
    module, parties = MODULES[role] if regime.modules else ("", "")
    seat = authority.country if authority else customer.country
    return Transfer(regime.id, module, parties, describe(authority) if authority else "",
                    _law(regime, seat, profile.eu_governing_law_fallback, governing_law,
                         content.language),
                    region, _dpf(regime, profile))


def _law(regime: Regime, member_state: str, fallback: str, chosen: str | None,
         language: str) -> str:
    """The governing law's name, in the language of the content's texts."""
    law = regime.governing_law
    if law.rule == "fixed":
        return law.fixed
    if law.rule == "agreement":
        return ""
    if chosen:
        return country_in_text(chosen, language)
    own = law.rule == "member_state" and member_state not in law.fallback_for
    return country_in_text(member_state if own else fallback, language)


def _dpf(regime: Regime, profile: Profile) -> str:
    if regime.dpf is None or profile.processor.country != DPF_COUNTRY:
        return ""
    return "certified" if getattr(profile.dpf, regime.dpf.framework) else "not_certified"


def regional_law(regime: Regime, region: str) -> str:
    """The customer's region, with the law of its own that the regime names, if any."""
    if not region:
        return ""
    law = next((r.law for r in regime.regional_laws if r.region == region and r.law), "")
    return f"{region_name(region)}: {law}" if law else region_name(region)


def eu_member_states(regimes: dict[str, Regime]) -> list[str]:
    """Countries whose law sales may choose for Clauses 17 and 18."""
    return sorted({a.country for r in regimes.values() if r.governing_law.rule == "member_state"
                   for a in r.authorities if a.country not in r.governing_law.fallback_for})
