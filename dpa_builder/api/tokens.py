"""Who may call the API: a live bearer token of active sales or admin staff."""
import functools

from flask import g, jsonify, request
from sqlalchemy import select

from ..extensions import db
from ..staff.models import ApiToken, User


def token_required(view):
    """Admit a request whose bearer token is live and belongs to active sales or admin staff;
    its user is `g.api_user`."""
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


def _refuse(status: int, message: str, challenge: str):
    response = jsonify(error=message)
    response.status_code = status
    response.headers["WWW-Authenticate"] = challenge
    return response
