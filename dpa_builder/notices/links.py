"""Links in emails do one thing each.

A subscriber's token only unsubscribes; confirming has its own token, cleared
once used. Each notice carries its own objection link, bound to that notice
(its change and its recipient) by an HMAC under the secret key: no other
notice's link, and no unsubscribe link, can object to the change.
"""
import base64
import hashlib
import hmac

from flask import current_app, url_for

from ..extensions import db
from .models import Notice


def objection_token(notice: Notice) -> str:
    message = f"objection\0{notice.id}\0{notice.change_id}".encode()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def objection_url(notice: Notice) -> str:
    return url_for("notices.object", notice_id=notice.id, token=objection_token(notice),
                   _external=True)


def notice_for(notice_id: int, token: str) -> Notice | None:
    """The notice whose objection link this is, or None."""
    notice = db.session.get(Notice, notice_id)
    if notice is None or not hmac.compare_digest(objection_token(notice), token):
        return None
    return notice
