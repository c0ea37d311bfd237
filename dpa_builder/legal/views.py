"""Legal's workspace: clauses, the DOCX template and the registry, previewed before publishing."""
import hashlib
import hmac
import re
from datetime import date
from pathlib import Path

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.utils import secure_filename

from ..content.loader import DOCX_TEMPLATE, ContentError, available_profiles
from ..content.template_check import MAX_BYTES, check_template
from ..notices.outbox import queue
from ..records.storage import LocalStorage
from ..registry import service as registry
from ..registry.changes import registry_on
from ..registry.models import Publication
from ..staff.views import role_required, utc
from . import overview
from .forms import ChangeForm, ClauseForm, TemplateForm
from .preview import Preview, clause_preview, editable, normalise, proof, template_preview

bp = Blueprint("legal", __name__, url_prefix="/legal")
SHA256 = re.compile(r"[0-9a-f]{64}")


def _profile(profile: str) -> str:
    if profile not in available_profiles():
        abort(404)
    return profile


def _published(publication: Publication) -> str:
    flash(f"Published content version {publication.version_id}; the next DPA is built from it.")
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
        names=overview.user_names(), today=date.today(), utc=utc)


@bp.route("/clauses/<profile>/<path:filename>", methods=("GET", "POST"))
@role_required("legal")
def clause(profile: str, filename: str):
    """Edit a clause file; Preview diffs a sample DPA; Publish only what was previewed."""
    version_id = registry.current_version_id(_profile(profile))
    content = registry.content_for(profile, version_id)
    if not editable(filename) or filename not in content.files:
        abort(404)
    form = ClauseForm()
    page = dict(form=form, profile=profile, filename=filename, version_id=version_id)
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
            form.text.errors.append("Preview this text before publishing it: it changed since the "
                                    "last preview, or someone published meanwhile.")
        if not note:
            form.note.errors.append("A note is required to publish.")
        if text == content.text(filename):
            form.text.errors.append("Nothing to publish: this is the published text.")
        if not (form.text.errors or form.note.errors):
            try:
                return _published(registry.publish(
                    profile, {**content.files, filename: text.encode()}, current_user.id, note))
            except ContentError as exc:
                preview = Preview(exc.problems)
    status = 422 if preview.problems or form.text.errors or form.note.errors else 200
    return render_template("legal/clause.html", preview=preview, **page), status


@bp.route("/templates/<profile>", methods=("GET", "POST"))
@role_required("legal")
def template(profile: str):
    """Upload a DOCX template, check it, see what it changes; then publish it with a note."""
    content = registry.content_for(_profile(profile))
    form = TemplateForm()
    page = dict(form=form, profile=profile, max_mb=MAX_BYTES // 1024 // 1024)
    if request.method == "GET":
        return render_template("legal/template.html", **page)
    if not form.validate():
        return render_template("legal/template.html", **page), 422
    if form.publish.data:
        return _publish_template(profile, content, form, page)
    if form.upload.data is None:
        form.upload.errors = ["Choose a DOCX file."]
        return render_template("legal/template.html", **page), 422
    data = form.upload.data.read(MAX_BYTES + 1)
    form.upload.errors = check_template(data, content)
    if form.upload.errors:
        form.staged.data = ""
        return render_template("legal/template.html", **page), 422
    form.staged.data = hashlib.sha256(data).hexdigest()
    _staging().save(form.staged.data, "docx", data)
    return render_template("legal/template.html", preview=template_preview(content, data),
                           filename=secure_filename(form.upload.data.filename or ""),
                           size=len(data), **page)


def _staging() -> LocalStorage:
    # Checked uploads wait here (outside the repository) until they are published.
    return LocalStorage(Path(current_app.config["DPA_STORAGE_DIR"]) / "template-uploads")


def _publish_template(profile, content, form: TemplateForm, page: dict):
    staged = form.staged.data or ""
    data = _staging().load(staged, "docx") if SHA256.fullmatch(staged) else None
    note = (form.note.data or "").strip()
    if data is None:
        form.upload.errors = ["Upload and check the template before publishing it."]
    elif not note:
        form.note.errors.append("A note is required to publish.")
    elif data == content.files[DOCX_TEMPLATE]:
        form.upload.errors = ["Nothing to publish: this is the published template."]
    else:
        # The content may have changed since the check; check again against the current one.
        form.upload.errors = check_template(data, content)
        if not form.upload.errors:
            return _published(registry.publish(
                profile, {**content.files, DOCX_TEMPLATE: data}, current_user.id, note))
    return render_template("legal/template.html", **page), 422


@bp.route("/registry/<profile>", methods=("GET", "POST"))
@role_required("legal")
def registry_change(profile: str):
    """Announce an addition, replacement or removal; queue a notice to every subscriber."""
    content = registry.content_for(_profile(profile))
    state = registry_on(content.registry, registry.changes(profile), date.max)[0]
    form = ChangeForm(state)
    page = dict(form=form, profile=profile, notice_days=registry.longest_notice_days(profile))
    if request.method == "GET":
        return render_template("legal/registry.html", **page)
    valid = form.validate()
    if form.effective_on.data:  # "since" defaults to it
        valid = form.check_entry() and valid
    if valid:
        try:
            record = registry.announce(
                profile, form.kind.data, "" if form.kind.data == "add" else form.target.data,
                form.entry(), form.announced_on.data, form.effective_on.data, current_user.id)
        except registry.ChangeRefused as exc:
            form.add_errors(exc.fields)
        else:
            count = queue(record.id, profile)
            flash(f"Change {record.id} recorded; {count} notice{'' if count == 1 else 's'} "
                  f"queued for subscribers.")
            return redirect(url_for("legal.index"))
    return render_template("legal/registry.html", **page), 422


@bp.get("/stale")
@role_required("sales", "legal")
def stale():
    """Customers whose latest DPA carries content or an Annex III that has since changed."""
    return render_template("legal/stale.html", rows=overview.stale(date.today()), utc=utc)
