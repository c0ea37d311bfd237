"""A DPA on record: its summary, its files, and public verification of a file."""
from flask import Blueprint, abort, current_app, render_template

from ..assembly.transfers import choose_transfer
from ..extensions import db, limiter
from ..render.formats import FORMATS
from ..request import country_name
from .forms import VerifyForm
from .models import DocumentRecord
from .service import current_content, file_for, find_by_sha256

bp = Blueprint("records", __name__)

SCC = "EU Standard Contractual Clauses (Decision 2021/914), {module} ({module_parties})"
TRANSFERS = {
    "eu_scc": SCC,
    "uk_addendum": "UK International Data Transfer Addendum to the " + SCC,
    "swiss": SCC + ", with the Swiss amendments",
    "none": "None needed: no restricted transfer from {country}",
}


def _record(record_id: str) -> DocumentRecord:
    return db.session.get(DocumentRecord, record_id) or abort(404)


def transfer_words(record: DocumentRecord) -> str:
    """The transfer mechanism the record's DPA includes, in plain words."""
    content = current_content(record.profile)
    profile = content.profile
    transfer = choose_transfer(record.country, record.request["role"], profile.processor.country,
                               content.authorities, profile.eu_governing_law_fallback,
                               record.options.get("governing_law"))
    return TRANSFERS[transfer.kind].format(**transfer.__dict__,
                                           country=country_name(record.country))


@bp.get("/documents/<record_id>")
def summary(record_id: str):
    """Show what was issued and link to both files."""
    record = _record(record_id)
    response = current_app.make_response(render_template(
        "records/summary.html", record=record, transfer=transfer_words(record),
        country=country_name(record.country)))
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
    record = find_by_sha256(fingerprint)
    fmt = record and ("docx" if record.docx_sha256 == fingerprint else "pdf")
    return render_template("records/verify.html", form=form, checked=fingerprint,
                           record=record, fmt=fmt)
