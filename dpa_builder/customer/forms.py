"""The customer's DPA form. Validation lives in the Request model; this maps fields."""
import pycountry
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from ..request import country_name

# Form field -> dotted path in the request JSON (PRODUCT.md).
FIELD_PATHS = {
    "legal_name": "customer.legal_name", "address": "customer.address",
    "country": "customer.country", "region": "customer.region",
    "registration_number": "customer.registration_number",
    "contact_name": "customer.contact_name", "contact_email": "customer.contact_email",
    "signatory_name": "signatory.name", "signatory_title": "signatory.title",
    "signatory_email": "signatory.email", "role": "role", "workspace": "workspace",
    "ai_features": "ai_features", "language": "language", "effective_date": "effective_date",
}


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def country_choices() -> list[SelectChoice]:
    countries = sorted(((c.alpha_2, country_name(c.alpha_2)) for c in pycountry.countries),
                       key=lambda pair: pair[1])
    return choices([("", "Choose a country…"), *countries])


def region_choices() -> list[SelectChoice]:
    """German Länder (the Land decides the competent authority) and US states (their laws)."""
    regions = [SelectChoice(s.code, s.name, optgroup=country_name(country))
               for country in ("DE", "US")
               for s in sorted(pycountry.subdivisions.get(country_code=country), key=lambda s: s.name)
               if s.type in ("Land", "State", "District")]
    return [SelectChoice("", "Not stated"), *regions]


def autocomplete(token: str) -> dict:
    return {"autocomplete": token}


class DpaForm(FlaskForm):
    legal_name = StringField("Company legal name", render_kw=autocomplete("organization"))
    # Several lines: the DPA prints the address on the lines the customer gives.
    address = TextAreaField("Registered address",
                            render_kw={**autocomplete("street-address"), "rows": 3})
    # The Request model checks every choice; the form only carries them.
    country = SelectField("Country of establishment", choices=country_choices, validate_choice=False,
                          render_kw=autocomplete("country"))
    region = SelectField("Land (Germany) or state (United States) (optional)", choices=region_choices,
                         validate_choice=False, render_kw=autocomplete("address-level1"))
    registration_number = StringField("Registration number (optional)", render_kw=autocomplete("off"))
    contact_name = StringField("Privacy contact name (optional)",
                               render_kw=autocomplete("section-contact name"))
    contact_email = EmailField("Privacy contact email", render_kw=autocomplete("section-contact email"))
    signatory_name = StringField("Signatory name", render_kw=autocomplete("section-signatory name"))
    signatory_title = StringField("Signatory title",
                                  render_kw=autocomplete("section-signatory organization-title"))
    signatory_email = EmailField("Signatory email", render_kw=autocomplete("section-signatory email"))
    role = RadioField("Your company acts as", default="controller", validate_choice=False, choices=choices([
        ("controller", "Controller (you decide why and how the data is processed)"),
        ("processor", "Processor (you process it on behalf of your own customers)")]))
    workspace = StringField("Workspace (optional)", render_kw=autocomplete("off"))
    ai_features = BooleanField("We enable AI features in our workspace")
    language = SelectField("Language", default="en", validate_choice=False,
                           choices=choices([("en", "English"), ("fr", "Français"), ("zh", "中文")]))
    effective_date = DateField("Effective date (optional; default today)", validators=[Optional()])
    authorised = BooleanField("I am authorised to sign for this company", validators=[
        DataRequired("Please confirm that you are authorised to sign for this company.")])
    # One key per rendered form: posting it twice (a double click, a retry) issues once.
    idempotency_key = HiddenField()

    field_paths = {path: name for name, path in FIELD_PATHS.items()}
    fallback_field = "legal_name"

    def request_data(self) -> dict:
        """The request JSON these fields describe (validated by parse_request)."""
        data: dict = {"customer": {}, "signatory": {}}  # so that each missing field is named
        for name, path in FIELD_PATHS.items():
            value = getattr(self, name).data
            if value is None or value == "":
                continue
            node, *parts = data, *path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value.isoformat() if name == "effective_date" else value
        return data

    def expired(self) -> bool:
        """Whether only the CSRF token failed: the form was open too long, or the session ended."""
        return bool(self.csrf_token.errors)

    def key(self) -> str | None:
        """This form's idempotency key, if the page carried one of the expected shape."""
        key = (self.idempotency_key.data or "").strip()
        return key if 16 <= len(key) <= 64 and key.isascii() else None
