"""Legal's workspace: the overview, clause edits previewed before publishing, stale DPAs."""
import hmac
from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from ..content.layout import ContentError
from ..content.loader import available_profiles
from ..registry import service as registry
from ..registry.models import Publication
from ..staff.views import role_required
from . import overview
from .forms import ClauseForm
from .preview import Preview, clause_preview, editable, normalise, proof
from .variables import clause_variables

bp = Blueprint("legal", __name__, url_prefix="/legal")


def known_profile(profile: str) -> str:
    if profile not in available_profiles():
        abort(404)
    return profile


def published(publication: Publication) -> Response:
    flash(_("Published content version %(version)s; the next DPA is built from it.",
            version=publication.version_id))
    return redirect(url_for("legal.index"))


@bp.get("/")
@role_required("legal")
def index():
    """Current versions, every publish, registry changes and objections, for every profile."""
    profiles, broken = overview.profiles()
    changes = [row for profile in profiles for row in overview.change_rows(profile)]
    current = {p: registry.current_publication(p) for p in profiles}
    return render_template(
        "legal/index.html", profiles=profiles, broken=broken, current=current, changes=changes,
        history=overview.history(),
        files={p: sorted(filter(editable, registry.content_for(p).files)) for p in profiles},
        objections=overview.objections({row.change.id: row.summary for row in changes}),
        names=overview.user_names(), today=date.today())


@bp.route("/clauses/<profile>/<path:filename>", methods=("GET", "POST"))
@role_required("legal")
def clause(profile: str, filename: str):
    """Edit a clause file; Preview diffs a sample DPA; Publish only what was previewed."""
    version_id = registry.current_version_id(known_profile(profile))
    content = registry.content_for(profile, version_id)
    if not editable(filename) or filename not in content.files:
        abort(404)
    form = ClauseForm()
    page = dict(form=form, profile=profile, filename=filename, version_id=version_id,
                variables=clause_variables(content))
    if request.method == "GET":
        form.text.data = content.text(filename)
        return render_template("legal/clause.html", **page)
    if not form.validate():
        return render_template("legal/clause.html", **page), 422
    text = normalise(form.text.data)
    token = proof(current_app.config["SECRET_KEY"], version_id, filename, text)
    previewed = hmac.compare_digest(form.proof.data or "", token)
    preview = clause_preview(profile, content, filename, text)
    form.proof.data = "" if preview.problems else token
    if form.publish.data and not preview.problems:
        note = (form.note.data or "").strip()
        if not previewed:
            form.text.errors.append(_("Preview this text before publishing it: it changed since "
                                      "the last preview, or someone published meanwhile."))
        if not note:
            form.note.errors.append(_("A note is required to publish."))
        if text == content.text(filename):
            form.text.errors.append(_("Nothing to publish: this is the published text."))
        if not (form.text.errors or form.note.errors):
            try:
                return published(registry.publish(
                    profile, {**content.files, filename: text.encode()}, current_user.id, note))
            except ContentError as exc:
                preview = Preview(exc.problems)
    status = 422 if preview.problems or form.text.errors or form.note.errors else 200
    return render_template("legal/clause.html", preview=preview, **page), status


@bp.get("/stale")
@role_required("sales", "legal")
def stale():
    """Customers whose latest DPA carries content or an Annex III that has since changed."""
    return render_template("legal/stale.html", rows=overview.stale(date.today()))
