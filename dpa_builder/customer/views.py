"""The public DPA form: a customer fills it in and gets a DPA on record."""
import secrets

from flask import Blueprint, current_app, redirect, render_template, url_for

from ..assembly.context import Options
from ..extensions import csrf, limiter
from ..field_errors import FieldErrors
from ..records.service import current_content
from .forms import DpaForm
from .submit import checked, issue_for_form, show_refusal

bp = Blueprint("customer", __name__)


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
    try:
        record = issue_for_form(form, "form", dpa_request, Options(**form.translation_options()),
                                channel="form")
    except FieldErrors as exc:  # such as a translation not ready for the language chosen
        show_refusal(form, exc)
        return _render(form), 422
    return redirect(url_for("records.summary", record_id=record.id), code=303)


def _render(form: DpaForm):
    profile = current_content(current_app.config["DPA_DEFAULT_PROFILE"]).profile
    return render_template("customer/form.html", form=form, profile=profile)
