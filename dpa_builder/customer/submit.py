"""A submitted DPA form (the customer's or the sales desk's): checked, then issued once."""
from collections.abc import Callable

from ..field_errors import FieldErrors
from ..form_errors import show_field_errors
from ..records.models import DocumentRecord
from ..records.once import fingerprint, issue_once
from ..request import Request, parse_request
from .forms import DpaForm
from .wording import plain_errors

BAD_DATE = "Enter the date as year-month-day, such as 2026-12-01, or leave it blank for today."


def checked(form: DpaForm) -> Request | None:
    """The Request the form describes, or None with every problem beside its field.

    The form checks the CSRF token, the checkboxes and what it parses (dates,
    numbers); the Request model checks everything the person typed.
    """
    form_ok = form.validate()
    if form.effective_date.errors:
        form.effective_date.errors = [BAD_DATE]
    try:
        dpa_request = parse_request(form.request_data())
    except FieldErrors as exc:
        show_field_errors(form, plain_errors(exc))
        return None
    return dpa_request if form_ok else None


def issue_for_form(form: DpaForm, scope: str, issue: Callable[..., DocumentRecord],
                   *asked) -> tuple[DocumentRecord, bool]:
    """Issue once per form and per request (`asked`): the same form posted again with the
    same values gets the first record; with other values it is a new request."""
    if form.key() is None:
        return issue(), True
    digest = fingerprint(*asked)
    return issue_once(scope, fingerprint(form.key(), digest), digest, issue)


def show_refusal(form: DpaForm, errors: FieldErrors) -> None:
    """Problems found while issuing (e.g. an option out of bounds), in plain words."""
    show_field_errors(form, plain_errors(errors))
