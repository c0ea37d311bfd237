"""A submitted DPA form (the customer's or the sales desk's): checked, then issued once."""
import dataclasses

from flask import current_app

from ..assembly.context import Options
from ..field_errors import FieldErrors
from ..form_errors import show_field_errors
from ..records.models import DocumentRecord
from ..records.once import fingerprint, issue_once
from ..records.service import issue
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


def issue_for_form(form: DpaForm, scope: str, dpa_request: Request, options: Options,
                   channel: str, user_id: int | None = None) -> DocumentRecord:
    """Issue once per form and per request: the same form posted again with the same
    values gets the first record; with other values it is a new request."""
    profile = current_app.config["DPA_DEFAULT_PROFILE"]

    def issue_it(link=None) -> DocumentRecord:
        return issue(dpa_request, channel=channel, user_id=user_id, profile=profile,
                     options=options, in_same_commit=link)[0]

    if form.key() is None:
        return issue_it()
    digest = fingerprint(profile, dpa_request.model_dump(mode="json"), dataclasses.asdict(options))
    return issue_once(scope, fingerprint(form.key(), digest), digest, issue_it)[0]


def show_refusal(form: DpaForm, errors: FieldErrors) -> None:
    """Problems found while issuing (e.g. an option out of bounds), in plain words."""
    show_field_errors(form, plain_errors(errors))
