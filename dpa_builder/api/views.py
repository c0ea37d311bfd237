"""The JSON API: issue a DPA and look one up, with bearer tokens; its OpenAPI description."""
import dataclasses
import re

from flask import Blueprint, abort, current_app, g, jsonify, request

from ..assembly.context import Options
from ..extensions import csrf, db, limiter
from ..field_errors import FieldErrors
from ..public_urls import public_url
from ..records.models import DocumentRecord, as_utc
from ..records.once import KeyReused, StillIssuing, fingerprint, issue_once
from ..records.service import current_content, issue
from ..request import Request
from .body import parse_body
from .openapi import spec
from .tokens import token_required

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# A bearer token is sent deliberately by its holder, never by a browser on its own.
csrf.exempt(bp)
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,100}")  # printable ASCII, as the header draft allows


def record_json(record: DocumentRecord) -> dict:
    return {
        "id": record.id, "document_id": record.document_id, "issued_at": as_utc(record.issued_at).isoformat(),
        "content_version": record.content_version, "registry_version": record.registry_version,
        "facts": record.facts, "options": record.options,
        "sha256": {f.format: f.sha256 for f in record.files},
        "sizes": {f.format: f.size for f in record.files},
        "urls": {**{f.format: public_url("records.download", record_id=record.id, fmt=f.format)
                    for f in record.files},
                 "summary": public_url("records.summary", record_id=record.id)},
    }


@bp.post("/dpa")
@limiter.limit(lambda: current_app.config["DPA_RATE_LIMIT"])
@token_required
def create_dpa():
    """Issue a DPA from the request JSON; 422 names every bad field.

    With an `Idempotency-Key` header, a retry or a parallel repeat of the same request
    gets the record the first one made (and `Idempotent-Replayed: true`).
    """
    key = request.headers.get("Idempotency-Key")
    if key is not None and not IDEMPOTENCY_KEY.fullmatch(key):
        return jsonify(errors={"Idempotency-Key": "must be 1 to 100 printable ASCII characters"}), 400
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return jsonify(error="The body must be a JSON object (Content-Type: application/json)."), 400
    try:
        record, issued = _issue(*parse_body(data), key)
    except FieldErrors as exc:
        return jsonify(errors=exc.fields), 422
    except KeyReused:
        return jsonify(errors={"Idempotency-Key": "was first used with a different request"}), 422
    except StillIssuing:
        return jsonify(error="The first request with this Idempotency-Key is still being "
                             "processed; retry in a few seconds."), 409
    response = jsonify(record_json(record))
    response.status_code = 201
    response.headers["Location"] = public_url("api.get_dpa", record_id=record.id)
    if not issued:
        response.headers["Idempotent-Replayed"] = "true"
    return response


def _issue(dpa_request: Request, options: Options, key: str | None) -> tuple[DocumentRecord, bool]:
    def issue_it(link=None):
        return issue(dpa_request, channel="api", user_id=g.api_user.id, options=options,
                     in_same_commit=link)[0]

    if key is None:
        return issue_it(), True
    digest = fingerprint(dpa_request.model_dump(mode="json"), dataclasses.asdict(options))
    return issue_once(f"api:{g.api_user.id}", key, digest, issue_it)


@bp.get("/dpa/<record_id>")
@token_required
def get_dpa(record_id: str):
    record = db.session.get(DocumentRecord, record_id)
    if record is None:
        abort(404)
    return jsonify(record_json(record))


@bp.get("/openapi.json")
def openapi():
    content = current_content(current_app.config["DPA_DEFAULT_PROFILE"])
    return jsonify(spec(content, current_app.config["DPA_PUBLIC_URL"]))
