"""Staff sessions end when staff say so, and on their own when idle or old.

A session holds the user's id with their session version: signing out, a new
password or disabling the account raises the version, and every session
carrying the old one, in any browser, stops working at its next request.
"""
import time

from flask import current_app, session
from flask_login import login_user

from ..extensions import db
from .models import User


def start(user: User) -> None:
    """A fresh session: nothing set before sign-in survives it but the page language chosen."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    login_user(user)
    session["login_at"] = session["seen_at"] = int(time.time())


def load_user(session_id: str) -> User | None:
    """Flask-Login's loader: the user, if this session is still theirs to use."""
    user_id, _, version = session_id.partition(":")
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    if user is None or not user.active or str(user.session_version) != version or _expired():
        session.clear()
        return None
    session["seen_at"] = int(time.time())
    return user


def _expired() -> bool:
    now, config = time.time(), current_app.config
    return (now - session.get("seen_at", 0) > config["DPA_SESSION_IDLE_MINUTES"] * 60
            or now - session.get("login_at", 0) > config["DPA_SESSION_MAX_HOURS"] * 3600)
