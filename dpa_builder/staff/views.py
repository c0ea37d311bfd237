"""Staff pages: the list of issued DPAs (signing in: login.py; the sales desk: desk.py)."""
import functools

from flask import Blueprint, abort, render_template, request
from flask_login import current_user, login_required
from sqlalchemy import select

from ..extensions import db
from ..records.models import DocumentRecord, fold
from .models import User

bp = Blueprint("staff", __name__, url_prefix="/staff")
PER_PAGE = 50


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


@bp.get("/documents")
@role_required("sales", "legal")
def documents():
    """List issued DPAs, newest first, optionally those whose company contains q."""
    q = request.args.get("q", "").strip()[:200]
    query = select(DocumentRecord).order_by(DocumentRecord.issued_at.desc(),
                                            DocumentRecord.id)
    if q:
        query = query.where(DocumentRecord.company_folded.contains(fold(q), autoescape=True))
    page = db.paginate(query, per_page=PER_PAGE, max_per_page=PER_PAGE, error_out=False)
    ids = {r.issued_by for r in page.items if r.issued_by}
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())
    return render_template("staff/documents.html", page=page, q=q, names=names)
