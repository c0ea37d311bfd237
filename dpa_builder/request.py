"""The customer's request: validated, cleaned text, errors that name each field."""
import re
import unicodedata
from datetime import date, timedelta
from typing import Annotated, Literal

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, ValidationError, field_validator

from .field_errors import FieldErrors

# Characters that Word pastes invisibly or that XML cannot carry: C0/C1 controls,
# zero-width and bidi-control marks, the BOM, the soft hyphen.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_SPACES = re.compile(r"[\s\u2028\u2029]+")


def clean_text(value: str) -> str:
    """Normalise to NFC, drop invisible characters, fold every run of space to one."""
    value = unicodedata.normalize("NFC", value)
    value = _INVISIBLE.sub("", _SPACES.sub(" ", value))
    return value.strip()


_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029]")
MAX_ADDRESS_LINES = 8


def clean_address(value: str) -> str:
    """The customer's own lines, each cleaned like any text; empty lines dropped."""
    lines = [line for line in map(clean_text, _LINE_BREAKS.split(value)) if line]
    if len(lines) > MAX_ADDRESS_LINES:
        raise ValueError(f"must have at most {MAX_ADDRESS_LINES} lines")
    return "\n".join(lines)


# Cleaned text fields: a name or title is required; the rest may be blank.
Name = Annotated[str, AfterValidator(clean_text), Field(min_length=1, max_length=200)]
OptionalName = Annotated[str, AfterValidator(clean_text), Field(max_length=200)]
OptionalCode = Annotated[str, AfterValidator(clean_text), Field(max_length=100)]


def _country(code: str) -> str:
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code) or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError("must be an ISO 3166-1 alpha-2 country code, such as DE or FR")
    return code


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


def _region(code: str, country: str | None) -> str:
    """An ISO 3166-2 subdivision of the customer's country: "DE-BE", or "BE" with DE."""
    code = code.strip().upper()
    if not code or not country:  # an unknown country is reported on its own field
        return code
    if not code.startswith(f"{country}-"):
        code = f"{country}-{code}"
    if pycountry.subdivisions.get(code=code) is None:
        known = sorted(s.code for s in pycountry.subdivisions.get(country_code=country) or ())
        raise ValueError("must be an ISO 3166-2 code of a region of the customer's country"
                         + (f", such as {known[0]}" if known else "; it has none"))
    return code


def region_name(code: str) -> str:
    return pycountry.subdivisions.get(code=code).name


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Customer(_Model):
    legal_name: Name
    address: Annotated[str, AfterValidator(clean_address), Field(min_length=1, max_length=500)]
    country: Annotated[str, AfterValidator(_country)]
    # The German Land or US state, where the law turns on it (authority, state law).
    region: str = Field(default="", max_length=10, description=(
        "ISO 3166-2 code of the German Land (it decides the competent supervisory authority) or "
        "the US state, e.g. DE-BY or US-CA; optional"))
    registration_number: OptionalCode = ""
    contact_name: OptionalName = ""
    contact_title: OptionalName = ""  # the contact person's position (Annex I.A)
    contact_email: EmailStr

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str, info) -> str:
        return _region(value, info.data.get("country"))


class Signatory(_Model):
    name: Name
    title: Name
    email: EmailStr


# A DPA cannot take effect before the instruments it incorporates existed (regimes.md §0:
# Decision (EU) 2021/914 of 4 June 2021; the ICO's UK Addendum, in force 21 March 2022),
# and a date more than a year ahead is a typing slip, not a plan.
SCCS_ADOPTED = (date(2021, 6, 4), "the EU Standard Contractual Clauses were adopted")
EARLIEST = {"GB": (date(2022, 3, 21), "the UK Addendum came into force")}
MAX_DAYS_AHEAD = 366
STORED = "stored"  # the validation context of a stored request (parse_request)


def value_text(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


class Request(_Model):
    customer: Customer
    signatory: Signatory
    role: Literal["controller", "processor"] = "controller"
    workspace: OptionalCode = ""
    ai_features: bool = False
    language: Literal["en", "fr", "zh"] = "en"
    effective_date: date = Field(default_factory=date.today)

    @field_validator("effective_date")
    @classmethod
    def _plausible_date(cls, value: date, info) -> date:
        if info.context == STORED:  # checked when it was issued; rebuilt as it was
            return value
        customer = info.data.get("customer")
        earliest, event = EARLIEST.get(getattr(customer, "country", ""), SCCS_ADOPTED)
        if value < earliest:
            raise ValueError(f"must not be before {value_text(earliest)}, when {event}")
        latest = date.today() + timedelta(days=MAX_DAYS_AHEAD)
        if value > latest:
            raise ValueError(f"must not be more than a year ahead (at the latest {value_text(latest)})")
        return value


def parse_request(data, stored: bool = False) -> Request:
    """Validate raw request data (parsed JSON) into a Request, or raise FieldErrors.

    stored: the request of a DPA already issued, read to rebuild it. Its effective date
    passed the bounds of its day, which move with today's date and with the rules."""
    if not isinstance(data, dict):
        raise FieldErrors({"request": "must be a JSON object"})
    try:
        return Request.model_validate(data, context=STORED if stored else None)
    except ValidationError as exc:
        raise FieldErrors.from_validation(exc) from None
