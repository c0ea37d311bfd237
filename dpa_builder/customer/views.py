"""The public DPA form: a customer fills it in and gets a DPA on record."""
from flask import Blueprint, current_app, redirect, render_template, url_for

from ..extensions import limiter
from ..notices.subscriptions import subscribe
from ..records.service import current_content, issue
from ..field_errors import FieldErrors
from ..form_errors import show_field_errors
from ..request import parse_request
from .forms import DpaForm

bp = Blueprint("customer", __name__)


@bp.route("/", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["DPA_RATE_LIMIT"], methods=["POST"])
def form():
    """Show the form; on a valid submission issue the DPA and show its summary."""
    form = DpaForm()
    if not form.is_submitted():
        return _render(form)
    # The form checks CSRF, the checkbox and what it parses (dates); the Request
    # model checks everything the customer typed.
    form_ok = form.validate()
    try:
        dpa_request = parse_request(form.request_data())
    except FieldErrors as exc:
        show_field_errors(form, exc)
        return _render(form), 422
    if not form_ok:
        return _render(form), 422
    record, _ = issue(dpa_request, channel="form", wants_notices=form.notices.data)
    if form.notices.data:  # double opt-in: this only sends the confirmation email
        subscribe(dpa_request.customer.contact_email, record.profile, source="dpa-form")
    return redirect(url_for("records.summary", record_id=record.id), code=303)


def _render(form: DpaForm):
    profile = current_content(current_app.config["DPA_DEFAULT_PROFILE"]).profile
    return render_template("customer/form.html", form=form, profile=profile)
