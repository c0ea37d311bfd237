"""The customer's DPA form. Validation lives in the Request model; this maps fields."""
import pycountry
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, EmailField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from ..request import country_name

# Form field -> dotted path in the request JSON (PRODUCT.md).
FIELD_PATHS = {
    "legal_name": "customer.legal_name", "address": "customer.address",
    "country": "customer.country", "registration_number": "customer.registration_number",
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


class DpaForm(FlaskForm):
    legal_name = StringField("Company legal name")
    address = StringField("Registered address")
    # The Request model checks every choice; the form only carries them.
    country = SelectField("Country of establishment", choices=country_choices, validate_choice=False)
    registration_number = StringField("Registration number (optional)")
    contact_name = StringField("Privacy contact name (optional)")
    contact_email = EmailField("Privacy contact email")
    signatory_name = StringField("Signatory name")
    signatory_title = StringField("Signatory title")
    signatory_email = EmailField("Signatory email")
    role = RadioField("Your company acts as", default="controller", validate_choice=False, choices=choices([
        ("controller", "Controller (you decide why and how the data is processed)"),
        ("processor", "Processor (you process it on behalf of your own customers)")]))
    workspace = StringField("Workspace (optional)")
    ai_features = BooleanField("We enable AI features in our workspace")
    language = SelectField("Language", default="en", validate_choice=False,
                           choices=choices([("en", "English"), ("fr", "Français"), ("zh", "中文")]))
    effective_date = DateField("Effective date (optional; default today)", validators=[Optional()])
    authorised = BooleanField("I am authorised to sign for this company", validators=[
        DataRequired("Please confirm that you are authorised to sign for this company.")])
    notices = BooleanField("Send me notice of sub-processor changes")

    field_paths = {path: name for name, path in FIELD_PATHS.items()}
    fallback_field = "legal_name"

    def request_data(self) -> dict:
        """The request JSON these fields describe (validated by parse_request)."""
        data: dict = {}
        for name, path in FIELD_PATHS.items():
            value = getattr(self, name).data
            if value is None or value == "":
                continue
            node, *parts = data, *path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value.isoformat() if name == "effective_date" else value
        return data
