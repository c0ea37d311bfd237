"""The sales desk: a DPA for a prospect, with the options legal allows, issued once per form."""
import secrets

from flask import current_app, redirect, render_template, request, url_for
from flask_login import current_user

from ..assembly.context import Options
from ..customer.submit import checked, issue_for_form, show_refusal
from ..extensions import csrf
from ..field_errors import FieldErrors
from ..records.service import current_content
from .forms import DeskForm
from .views import bp, role_required


@bp.route("/desk", methods=("GET", "POST"))
@csrf.exempt  # the form checks its own token, so that an expired one keeps what was typed
@role_required("sales")
def desk():
    """Generate a DPA for a prospect; its summary then shows sales what was agreed."""
    profile = current_app.config["DPA_DEFAULT_PROFILE"]
    form = DeskForm(current_content(profile))
    if request.method == "GET":
        form.idempotency_key.data = secrets.token_urlsafe(18)
        return render_template("staff/desk.html", form=form)
    dpa_request = checked(form)
    if dpa_request is not None:
        try:
            record = issue_for_form(form, f"desk:{current_user.id}", dpa_request,
                                    Options(**form.option_values()), channel="sales",
                                    user_id=current_user.id)
            return redirect(url_for("records.summary", record_id=record.id), code=303)
        except FieldErrors as exc:
            show_refusal(form, exc)
    return render_template("staff/desk.html", form=form), 400 if form.expired() else 422
