"""Sample customers: what `dpa check`, legal's previews and the template check build."""
import itertools
from datetime import date

import pycountry

from ..content.loader import Content
from ..request import Request, parse_request


def sample_countries(content: Content) -> list[str]:
    """A customer country for every regime, and for each governing-law fallback it has.

    The regime without countries is sampled with the first country no regime lists.
    """
    regimes = content.regimes.values()
    listed = {c for r in regimes for c in r.countries}
    elsewhere = next(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in listed)
    return [c for r in regimes for c in
            (r.countries[:1] or [elsewhere]) + r.governing_law.fallback_for[:1]]


def variants(content: Content) -> list[tuple[str, str, bool]]:
    """(country, role, AI features) of every sample customer."""
    return list(itertools.product(sample_countries(content), ("controller", "processor"),
                                  (False, True)))


def sample_request(country: str = "DE", role: str = "controller",
                   ai_features: bool = False) -> Request:
    return parse_request({
        "customer": {"legal_name": "Sample Customer Ltd", "address": "1 Sample Street, Sample City",
                     "country": country, "contact_email": "privacy@customer.example"},
        "signatory": {"name": "Sam Sample", "title": "Director", "email": "sam@customer.example"},
        "role": role, "ai_features": ai_features, "effective_date": date(2026, 12, 1).isoformat(),
    })
