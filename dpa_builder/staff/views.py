"""Staff pages: the sales desk and the list of issued DPAs (signing in: login.py)."""
import functools
from datetime import datetime, timezone

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ..assembly.context import Options
from ..extensions import db
from ..records.models import DocumentRecord
from ..records.service import current_content, issue
from ..field_errors import FieldErrors
from ..form_errors import show_field_errors
from ..request import parse_request
from .forms import DeskForm
from .models import User

bp = Blueprint("staff", __name__, url_prefix="/staff")
PER_PAGE = 50


def utc(moment: datetime) -> datetime:
    """Stored times are UTC; SQLite drops the zone, PostgreSQL answers in its own."""
    return (moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None
            else moment.astimezone(timezone.utc))


def role_required(*roles: str):
    """Let signed-in staff with one of these roles (or admin) through; 403 for the rest."""
    def decorator(view):
        @functools.wraps(view)
        @login_required
        def wrapped(**kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return view(**kwargs)
        return wrapped
    return decorator


@bp.route("/desk", methods=("GET", "POST"))
@role_required("sales")
def desk():
    """Generate a DPA for a prospect, with the options legal allows."""
    content = current_content(current_app.config["DPA_DEFAULT_PROFILE"])
    form = DeskForm(content)
    if request.method == "GET":
        return render_template("staff/desk.html", form=form)
    form.validate()  # number and choice parsing, the notice bounds
    try:
        dpa_request = parse_request(form.request_data())
    except FieldErrors as exc:
        dpa_request = None
        show_field_errors(form, exc)
    if dpa_request is not None and not form.errors:
        try:
            record, _ = issue(dpa_request, channel="sales", user_id=current_user.id,
                              options=Options(**form.option_values()))
            return redirect(url_for("records.summary", record_id=record.id))
        except FieldErrors as exc:
            show_field_errors(form, exc)
    return render_template("staff/desk.html", form=form), 422


@bp.get("/documents")
@role_required("sales", "legal")
def documents():
    """List issued DPAs, newest first, optionally those whose company contains q."""
    q = request.args.get("q", "").strip()[:200]
    query = select(DocumentRecord).order_by(DocumentRecord.issued_at.desc(),
                                            DocumentRecord.id)
    if q:
        pattern = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(DocumentRecord.company.ilike(f"%{pattern}%", escape="\\"))
    page = db.paginate(query, per_page=PER_PAGE, max_per_page=PER_PAGE, error_out=False)
    ids = {r.issued_by for r in page.items if r.issued_by}
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())
    return render_template("staff/documents.html", page=page, q=q, names=names,
                           utc=utc)
