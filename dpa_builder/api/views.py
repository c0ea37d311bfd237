"""The JSON API: issue a DPA and look one up, with bearer tokens; its OpenAPI description."""
import dataclasses
import functools
import re

from flask import Blueprint, abort, current_app, g, jsonify, request, url_for
from sqlalchemy import select

from ..assembly.context import Options
from ..extensions import csrf, db, limiter
from ..field_errors import FieldErrors
from ..records.models import DocumentRecord
from ..records.once import KeyReused, StillIssuing, fingerprint, issue_once
from ..records.service import current_content, issue
from ..request import parse_request
from ..staff.models import ApiToken, User
from ..staff.views import utc
from .openapi import spec

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# A bearer token is sent deliberately by its holder, never by a browser on its own.
csrf.exempt(bp)
OPTIONS = ("notice_days", "governing_law", "bilingual", "english_for")
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,100}")  # printable ASCII, as the header draft allows


def _refuse(status: int, message: str, challenge: str):
    response = jsonify(error=message)
    response.status_code = status
    response.headers["WWW-Authenticate"] = challenge
    return response


def token_required(view):
    """Admit a request whose bearer token is live and belongs to active sales or admin staff."""
    @functools.wraps(view)
    def wrapped(**kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return _refuse(401, "A bearer token is required.", 'Bearer realm="dpa"')
        record = db.session.scalar(
            select(ApiToken).where(ApiToken.token_sha256 == ApiToken.digest(token)))
        user = db.session.get(User, record.user_id) if record and not record.revoked else None
        if user is None or not user.is_active:
            return _refuse(401, "The token is unknown or revoked.",
                           'Bearer realm="dpa", error="invalid_token"')
        if not user.has_role("sales"):
            return _refuse(403, "Only sales and admin staff may issue DPAs.",
                           'Bearer realm="dpa", error="insufficient_scope"')
        g.api_user = user
        return view(**kwargs)
    return wrapped


def _url(endpoint: str, **values) -> str:
    return current_app.config["DPA_PUBLIC_URL"].rstrip("/") + url_for(endpoint, **values)


def record_json(record: DocumentRecord) -> dict:
    return {
        "id": record.id, "document_id": record.document_id, "issued_at": utc(record.issued_at).isoformat(),
        "content_version": record.content_version, "registry_version": record.registry_version,
        "facts": record.facts, "options": record.options,
        "sha256": {f.format: f.sha256 for f in record.files},
        "sizes": {f.format: f.size for f in record.files},
        "urls": {**{f.format: _url("records.download", record_id=record.id, fmt=f.format)
                    for f in record.files},
                 "summary": _url("records.summary", record_id=record.id)},
    }


def parse_options(raw) -> Options:
    """Check the options' types; their bounds are assemble()'s to check."""
    if raw is None:
        return Options()
    if not isinstance(raw, dict):
        raise FieldErrors({"options": "must be a JSON object"})
    errors = {f"options.{key}": "is not a known field" for key in raw if key not in OPTIONS}
    days, law = raw.get("notice_days"), raw.get("governing_law") or None
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)):
        errors["options.notice_days"] = "must be a whole number of days"
    if law is not None and not isinstance(law, str):
        errors["options.governing_law"] = "must be a country code such as IE"
    bilingual, english = raw.get("bilingual", False), raw.get("english_for", [])
    if not isinstance(bilingual, bool):
        errors["options.bilingual"] = "must be true or false"
    if not isinstance(english, list) or not all(isinstance(p, str) for p in english):
        errors["options.english_for"] = 'must be a list of parts, such as ["all"]'
    if errors:
        raise FieldErrors(errors)
    return Options(notice_days=days, governing_law=law and law.strip().upper(),
                   bilingual=bilingual, english_for=tuple(sorted(set(english))))


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
        dpa_request, options = _parse(dict(data))
        record, issued = _issue(dpa_request, options, key)
    except FieldErrors as exc:
        return jsonify(errors=exc.fields), 422
    except KeyReused:
        return jsonify(errors={"Idempotency-Key": "was first used with a different request"}), 422
    except StillIssuing:
        return jsonify(error="The first request with this Idempotency-Key is still being "
                             "processed; retry in a few seconds."), 409
    response = jsonify(record_json(record))
    response.status_code = 201
    response.headers["Location"] = _url("api.get_dpa", record_id=record.id)
    if not issued:
        response.headers["Idempotent-Replayed"] = "true"
    return response


def _parse(data: dict):
    """The request and its options, or FieldErrors naming every bad field of both."""
    errors, options, dpa_request = {}, None, None
    try:
        options = parse_options(data.pop("options", None))
    except FieldErrors as exc:
        errors.update(exc.fields)
    try:
        dpa_request = parse_request(data)
    except FieldErrors as exc:
        errors.update(exc.fields)
    if errors:
        raise FieldErrors(errors)
    return dpa_request, options


def _issue(dpa_request, options: Options, key: str | None):
    def issue_it():
        return issue(dpa_request, channel="api", user_id=g.api_user.id, options=options)[0]

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
