"""The public DPA form: a customer fills it in and gets a DPA on record."""
import secrets

from flask import Blueprint, current_app, redirect, render_template, url_for

from ..extensions import csrf, limiter
from ..field_errors import FieldErrors
from ..form_errors import show_field_errors
from ..notices.subscriptions import subscribe
from ..records.once import fingerprint, issue_once
from ..records.service import current_content, issue
from ..request import parse_request
from .forms import DpaForm
from .wording import plain_errors

bp = Blueprint("customer", __name__)
BAD_DATE = "Enter the date as year-month-day, such as 2026-12-01, or leave it blank for today."


@bp.route("/", methods=["GET", "POST"])
@csrf.exempt  # the form checks its own token, so that an expired one keeps what was typed
@limiter.limit(lambda: current_app.config["DPA_RATE_LIMIT"], methods=["POST"])
def form():
    """Show the form; on a valid submission issue the DPA (once per form) and show its summary."""
    form = DpaForm()
    if not form.is_submitted():
        form.idempotency_key.data = secrets.token_urlsafe(18)
        return _render(form)
    dpa_request = checked(form)
    if dpa_request is None:
        return _render(form), 400 if form.expired() else 422
    profile = current_app.config["DPA_DEFAULT_PROFILE"]
    record, issued = _issue_once(form, dpa_request, profile)
    if issued and form.notices.data:  # double opt-in: this only sends the confirmation email
        subscribe(dpa_request.customer.contact_email, record.profile, source="dpa-form")
    return redirect(url_for("records.summary", record_id=record.id), code=303)


def checked(form: DpaForm):
    """The Request the form describes, or None with every problem beside its field.

    The form checks the CSRF token, the checkbox and what it parses (dates); the
    Request model checks everything the customer typed.
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


def _issue_once(form: DpaForm, dpa_request, profile: str):
    def issue_it():
        return issue(dpa_request, channel="form", profile=profile, wants_notices=form.notices.data)[0]

    digest = fingerprint(profile, dpa_request.model_dump(mode="json"), form.notices.data)
    if form.key() is None:
        return issue_it(), True
    # The same form posted again with other values is a new request: key it by both.
    return issue_once("form", fingerprint(form.key(), digest), digest, issue_it)


def _render(form: DpaForm):
    profile = current_content(current_app.config["DPA_DEFAULT_PROFILE"]).profile
    return render_template("customer/form.html", form=form, profile=profile)
