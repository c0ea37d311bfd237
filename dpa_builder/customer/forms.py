"""The customer's DPA form. Validation lives in the Request model; this maps fields."""
import pycountry
from flask_babel import lazy_gettext as _l
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

from ..assembly.compose import ALL_GAPS
from ..assembly.language import country_name
from ..ui_language import current_language

# Form field -> dotted path in the request JSON (PRODUCT.md).
FIELD_PATHS = {
    "legal_name": "customer.legal_name", "address": "customer.address",
    "country": "customer.country", "region": "customer.region",
    "registration_number": "customer.registration_number",
    "contact_name": "customer.contact_name", "contact_title": "customer.contact_title",
    "contact_email": "customer.contact_email",
    "signatory_name": "signatory.name", "signatory_title": "signatory.title",
    "signatory_email": "signatory.email", "role": "role", "workspace": "workspace",
    "ai_features": "ai_features", "language": "language", "effective_date": "effective_date",
}


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def country_choices() -> list[SelectChoice]:
    """Every country, named and sorted in the page's language."""
    language = current_language()
    countries = sorted(((c.alpha_2, country_name(c.alpha_2, language)) for c in pycountry.countries),
                       key=lambda pair: pair[1])
    return choices([("", _l("Choose a country…")), *countries])


def region_choices() -> list[SelectChoice]:
    """German Länder (the Land decides the competent authority) and US states (their laws)."""
    regions = [SelectChoice(s.code, s.name, optgroup=country_name(country, current_language()))
               for country in ("DE", "US")
               for s in sorted(pycountry.subdivisions.get(country_code=country), key=lambda s: s.name)
               if s.type in ("Land", "State", "District")]
    return [SelectChoice("", _l("Not stated")), *regions]


def autocomplete(token: str) -> dict:
    return {"autocomplete": token}


class DpaForm(FlaskForm):
    legal_name = StringField(_l("Company legal name"), render_kw=autocomplete("organization"))
    # Several lines: the DPA prints the address on the lines the customer gives.
    address = TextAreaField(_l("Registered address"),
                            render_kw={**autocomplete("street-address"), "rows": 3})
    # The Request model checks every choice; the form only carries them.
    country = SelectField(_l("Country of establishment"), choices=country_choices, validate_choice=False,
                          render_kw=autocomplete("country"))
    region = SelectField(_l("Land (Germany) or state (United States) (optional)"), choices=region_choices,
                         validate_choice=False, render_kw=autocomplete("address-level1"))
    registration_number = StringField(_l("Registration number (optional)"),
                                      render_kw=autocomplete("off"))
    contact_name = StringField(_l("Privacy contact name (optional)"),
                               render_kw=autocomplete("section-contact name"))
    contact_title = StringField(_l("Privacy contact position (optional)"),
                                render_kw=autocomplete("section-contact organization-title"))
    contact_email = EmailField(_l("Privacy contact email"),
                               render_kw=autocomplete("section-contact email"))
    signatory_name = StringField(_l("Signatory name"), render_kw=autocomplete("section-signatory name"))
    signatory_title = StringField(_l("Signatory title"),
                                  render_kw=autocomplete("section-signatory organization-title"))
    signatory_email = EmailField(_l("Signatory email"),
                                 render_kw=autocomplete("section-signatory email"))
    role = RadioField(_l("Your company acts as"), default="controller", validate_choice=False,
                      choices=choices([
                          ("controller", _l("Controller (you decide why and how the data is processed)")),
                          ("processor", _l("Processor (you process it on behalf of your own customers)"))]))
    workspace = StringField(_l("Workspace (optional)"), render_kw=autocomplete("off"))
    ai_features = BooleanField(_l("We enable AI features in our workspace"))
    # The DPA's language, each named in its own words; the page's language comes first.
    language = SelectField(_l("Language of the DPA"), default=current_language, validate_choice=False,
                           choices=choices([("en", "English"), ("fr", "Français"), ("zh", "中文")]))
    english_fallback = BooleanField(_l("If part of the translation is not ready yet, give that part "
                                       "in English (the DPA names it)"))
    effective_date = DateField(_l("Effective date (optional; default today)"), validators=[Optional()])
    authorised = BooleanField(_l("I am authorised to sign for this company"), validators=[
        DataRequired(_l("Please confirm that you are authorised to sign for this company."))])
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

    def translation_options(self) -> dict:
        """Options for a translated DPA: the parts not yet translated given in English, if asked."""
        return {"english_for": (ALL_GAPS,)} if self.english_fallback.data else {}

    def expired(self) -> bool:
        """Whether only the CSRF token failed: the form was open too long, or the session ended."""
        return bool(self.csrf_token.errors)

    def key(self) -> str | None:
        """This form's idempotency key, if the page carried one of the expected shape."""
        key = (self.idempotency_key.data or "").strip()
        return key if 16 <= len(key) <= 64 and key.isascii() else None
