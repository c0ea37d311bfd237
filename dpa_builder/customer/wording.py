"""Refusals in plain words for a person at a form: say what to do, not what failed.

The core's FieldErrors speak to integrators ("customer.country: is required"); a form
shows the same problems beside its fields in words a customer or a salesperson reads.
"""
import re

from ..field_errors import FieldErrors

REQUIRED = {
    "customer.legal_name": "Enter the company's legal name, as registered.",
    "customer.address": "Enter the company's registered address.",
    "customer.country": "Choose the country where the company is established.",
    "customer.contact_email": "Enter the privacy contact's email address.",
    "signatory.name": "Enter the name of the person who signs.",
    "signatory.title": "Enter the signatory's job title, such as CEO.",
    "signatory.email": "Enter the signatory's email address.",
}
CHOICES = {
    "customer.country": REQUIRED["customer.country"],
    "role": "Choose whether the company acts as controller or processor.",
    "language": "Choose English, French or Chinese.",
    "options.governing_law": "Choose a governing law from the list.",
}
_EMAIL = "value is not a valid email address: "
_TOO_LONG = re.compile(r"must be at most (\d+) characters")


def plain(path: str, message: str) -> str:
    """One problem in the words a person at the form reads."""
    if message == "is required":
        return REQUIRED.get(path, "Fill in this field.")
    if path in CHOICES:
        return CHOICES[path]
    if message.startswith(_EMAIL):
        return f"Enter an email address such as name@example.com. {message.removeprefix(_EMAIL)}"
    if match := _TOO_LONG.fullmatch(message):
        return f"Shorten this to at most {match.group(1)} characters."
    return message[:1].upper() + message[1:].rstrip(".") + "."


def plain_errors(errors: FieldErrors) -> FieldErrors:
    return FieldErrors({path: plain(path, message) for path, message in errors.fields.items()})
