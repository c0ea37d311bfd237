"""A DPA on record: its summary, its files, and public verification of a file."""
from flask import Blueprint, abort, current_app, render_template
from flask_babel import lazy_gettext as _l

from ..assembly.language import country_name
from ..extensions import db, limiter
from ..notices.contracts import customer_of, recipients
from ..render.formats import FORMATS
from ..ui_language import current_language
from .facts import fact_rows
from .forms import VerifyForm
from .models import DocumentRecord
from .service import file_for, find_by_sha256

bp = Blueprint("records", __name__)
# What each format is for, in the page's language (render/formats.py says it in English).
PURPOSES = {"docx": _l("for signature"), "pdf": _l("to read")}


def _record(record_id: str) -> DocumentRecord:
    return db.session.get(DocumentRecord, record_id) or abort(404)


@bp.get("/documents/<record_id>")
def summary(record_id: str):
    """Show what was issued, as the record states it, and link to each file."""
    record = _record(record_id)
    customer = customer_of(record)
    # The facts of the options sales agreed (Options and facts share their names).
    agreed = {key: value for key, value in record.facts.items()
              if (record.options or {}).get(key) not in (None, False, "", [])}
    response = current_app.make_response(render_template(
        "records/summary.html", record=record, facts=fact_rows(record.facts),
        agreed=fact_rows(agreed), formats=FORMATS, purposes=PURPOSES,
        country=country_name(record.country, current_language()),
        customer=customer, recipients=customer and recipients(customer)))
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/documents/<record_id>/<fmt>")
def download(record_id: str, fmt: str):
    """Send the stored file, byte for byte as issued."""
    if fmt not in FORMATS:
        abort(404)
    record = _record(record_id)
    data = file_for(record, fmt)
    if data is None:
        abort(404)
    response = current_app.response_class(data, mimetype=FORMATS[fmt].mimetype)
    response.headers.set("Content-Disposition", "attachment",
                         filename=f"{record.document_id}.{fmt}")
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/verify", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["DPA_RATE_LIMIT"], methods=["POST"])
def verify():
    """Tell whether a file (or its SHA-256) was issued here, and nothing more."""
    form = VerifyForm()
    if not form.is_submitted():
        return render_template("records/verify.html", form=form)
    fingerprint = form.fingerprint() if form.validate() else None
    if fingerprint is None:
        return render_template("records/verify.html", form=form), 422
    file = find_by_sha256(fingerprint)
    return render_template("records/verify.html", form=form, checked=fingerprint,
                           record=file and file.record, fmt=file and file.format)
