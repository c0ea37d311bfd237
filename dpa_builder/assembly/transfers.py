"""Choose the transfer mechanism from the customer's country."""
from dataclasses import dataclass

from ..content.schema import Authorities
from ..request import country_name

# EEA states outside the EU: the SCCs apply there, but Clause 17 must name an
# EU Member State's law, so these customers get the profile's fallback.
EEA_NOT_EU = {"IS", "LI", "NO"}
MODULES = {"controller": ("Module Two", "controller to processor"),
           "processor": ("Module Three", "processor to processor")}


@dataclass(frozen=True)
class Transfer:
    kind: str  # eu_scc, uk_addendum, swiss or none
    module: str = ""
    module_parties: str = ""
    authority: str = ""
    governing_law: str = ""

    @property
    def courts(self) -> str:
        return f"the courts of {self.governing_law}" if self.governing_law else ""


def choose_transfer(country: str, role: str, processor_country: str,
                    authorities: Authorities, fallback_law: str,
                    governing_law: str | None = None) -> Transfer:
    """Pick the mechanism for personal data leaving the customer's region.

    governing_law overrides the EU Member State named in Clauses 17 and 18
    (a sales option); it applies only to the EU SCCs.
    """
    eea = {a.country: a.name for a in authorities.eea}
    module, parties = MODULES[role]
    if country in eea and processor_country not in eea:
        law = governing_law or (fallback_law if country in EEA_NOT_EU else country)
        return Transfer("eu_scc", module, parties, eea[country], country_name(law))
    if country == authorities.uk.country and processor_country != country:
        return Transfer("uk_addendum", module, parties, authorities.uk.name, "England and Wales")
    if country == authorities.ch.country and processor_country != country:
        return Transfer("swiss", module, parties, authorities.ch.name, "Switzerland")
    return Transfer("none")


def eu_member_states(authorities: Authorities) -> list[str]:
    """Countries whose law sales may choose for Clauses 17 and 18."""
    return sorted(a.country for a in authorities.eea if a.country not in EEA_NOT_EU)
