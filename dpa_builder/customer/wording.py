"""Refusals in plain words for a person at a form: say what to do, not what failed.

The core's FieldErrors speak to integrators ("customer.country: is required"); a form
shows the same problems beside its fields in words a customer or a salesperson reads,
in the page's language.
"""
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..assembly.compose import TranslationRefused
from ..field_errors import FieldErrors

REQUIRED = {
    "customer.legal_name": _l("Enter the company's legal name, as registered."),
    "customer.address": _l("Enter the company's registered address."),
    "customer.country": _l("Choose the country where the company is established."),
    "customer.contact_email": _l("Enter the privacy contact's email address."),
    "signatory.name": _l("Enter the name of the person who signs."),
    "signatory.title": _l("Enter the signatory's job title, such as CEO."),
    "signatory.email": _l("Enter the signatory's email address."),
}
CHOICES = {
    "customer.country": REQUIRED["customer.country"],
    "role": _l("Choose whether the company acts as controller or processor."),
    "language": _l("Choose English, French or Chinese."),
    "options.governing_law": _l("Choose a governing law from the list."),
}
_EMAIL = "value is not a valid email address: "
_TOO_LONG = re.compile(r"must be at most (\d+) characters")


def plain(path: str, message: str) -> str:
    """One problem in the words a person at the form reads."""
    if message == "is required":
        return str(REQUIRED.get(path, _("Fill in this field.")))
    if path in CHOICES:
        return str(CHOICES[path])
    if message.startswith(_EMAIL):
        return _("Enter an email address such as name@example.com. %(why)s",
                 why=message.removeprefix(_EMAIL))
    if match := _TOO_LONG.fullmatch(message):
        return _("Shorten this to at most %(count)s characters.", count=match.group(1))
    return message[:1].upper() + message[1:].rstrip(".") + "."


def plain_errors(errors: FieldErrors) -> FieldErrors:
    if isinstance(errors, TranslationRefused):
        return FieldErrors({"language": _(
            "Part of this DPA's translation is not ready yet. Choose English, or tick the box "
            "below to have the parts not yet translated in English.")})
    return FieldErrors({path: plain(path, message) for path, message in errors.fields.items()})
