"""Sample customers: what `dpa check`, legal's previews and the template check build."""
from datetime import date

from ..request import Request, parse_request

# One customer per transfer mechanism: EEA (EU and non-EU), UK, Switzerland, elsewhere.
SAMPLE_COUNTRIES = ("DE", "NO", "GB", "CH", "US")


def sample_request(country: str = "DE", role: str = "controller",
                   ai_features: bool = False) -> Request:
    return parse_request({
        "customer": {"legal_name": "Sample Customer Ltd", "address": "1 Sample Street, Sample City",
                     "country": country, "contact_email": "privacy@customer.example"},
        "signatory": {"name": "Sam Sample", "title": "Director", "email": "sam@customer.example"},
        "role": role, "ai_features": ai_features, "effective_date": date(2026, 12, 1).isoformat(),
    })
