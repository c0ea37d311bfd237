"""Legal's template uploads and registry changes, on the legal blueprint."""
import re
from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.utils import secure_filename

from ..content.layout import DOCX_TEMPLATE
from ..field_errors import FieldErrors
from ..files import sha256_of
from ..form_errors import show_field_errors
from ..notices.outbox import queue
from ..records.storage import storage_for
from ..registry import service as registry
from ..registry.changes import registry_on
from ..render.docx_check import check_template
from ..render.docx_static import MAX_BYTES
from ..staff.views import role_required
from .forms import ChangeForm, TemplateForm
from .preview import template_preview
from .variables import BLOCK_KINDS, TEMPLATE_VARIABLES
from .views import bp, known_profile, published

SHA256 = re.compile(r"[0-9a-f]{64}")


@bp.route("/templates/<profile>", methods=("GET", "POST"))
@role_required("legal")
def template(profile: str):
    """Upload a DOCX template, check it, see what it changes; then publish it with a note."""
    content = registry.content_for(known_profile(profile))
    form = TemplateForm()
    page = dict(form=form, profile=profile, max_mb=MAX_BYTES // 1024 // 1024,
                variables=TEMPLATE_VARIABLES, block_kinds=BLOCK_KINDS)
    if request.method == "GET":
        return render_template("legal/template.html", **page)
    if not form.validate():
        return render_template("legal/template.html", **page), 422
    if form.publish.data:
        return _publish_template(profile, content, form, page)
    if form.upload.data is None:
        form.upload.errors = [_("Choose a DOCX file.")]
        return render_template("legal/template.html", **page), 422
    data = form.upload.data.read(MAX_BYTES + 1)
    form.upload.errors = check_template(data, content)
    if form.upload.errors:
        form.staged.data = ""
        return render_template("legal/template.html", **page), 422
    form.staged.data = sha256_of(data)
    storage_for("template-uploads").save(form.staged.data, "docx", data)
    return render_template("legal/template.html", preview=template_preview(content, data),
                           filename=secure_filename(form.upload.data.filename or ""),
                           size=len(data), **page)


def _publish_template(profile, content, form: TemplateForm, page: dict):
    staged = form.staged.data or ""
    # Checked uploads wait in storage (outside the repository) until they are published.
    data = storage_for("template-uploads").load(staged, "docx") if SHA256.fullmatch(staged) else None
    note = (form.note.data or "").strip()
    if data is None:
        form.upload.errors = [_("Upload and check the template before publishing it.")]
    elif not note:
        form.note.errors.append(_("A note is required to publish."))
    elif data == content.files[DOCX_TEMPLATE]:
        form.upload.errors = [_("Nothing to publish: this is the published template.")]
    else:
        # The content may have changed since the check; check again against the current one.
        form.upload.errors = check_template(data, content)
        if not form.upload.errors:
            return published(registry.publish(
                profile, {**content.files, DOCX_TEMPLATE: data}, current_user.id, note))
    return render_template("legal/template.html", **page), 422


@bp.route("/registry/<profile>", methods=("GET", "POST"))
@role_required("legal")
def registry_change(profile: str):
    """Announce an addition, replacement or removal; queue a notice to every subscriber."""
    content = registry.content_for(known_profile(profile))
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
        except FieldErrors as exc:
            show_field_errors(form, exc)
        else:
            count = queue(record.id, profile)
            flash(ngettext("Change %(change)s recorded; %(num)d notice queued for subscribers.",
                           "Change %(change)s recorded; %(num)d notices queued for subscribers.",
                           count, change=record.id))
            return redirect(url_for("legal.index"))
    return render_template("legal/registry.html", **page), 422
