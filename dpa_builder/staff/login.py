"""Signing staff in and out, on the staff blueprint: per-account back-off, sessions that end."""
import functools
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db, limiter
from . import sessions, throttle
from .forms import LoginForm
from .models import User
from .views import bp

BAD_LOGIN = _l("Incorrect email or password.")


@functools.cache
def _dummy_hash() -> str:
    return generate_password_hash("not a real password")


def _home() -> str:
    """Where signed-in staff land: the desk for sales, the workspace for legal."""
    if current_user.has_role("sales"):
        return url_for("staff.desk")
    return url_for("legal.index" if current_user.has_role("legal") else "staff.documents")


def safe_next(target: str | None) -> str | None:
    """Return target if it is a path on this site, else None (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    # Browsers read "\" as "/" and drop tabs and newlines: "/\evil" is "//evil".
    if "\\" in target or any(ord(c) < 0x21 or ord(c) == 0x7f for c in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


@bp.route("/login", methods=("GET", "POST"))
@limiter.limit("10 per minute", methods=["POST"])
def login():
    """Sign a staff member in; the same answers whether or not the account exists."""
    if current_user.is_authenticated:
        return redirect(_home())
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("staff/login.html", form=form)
    email = form.email.data.strip().lower()
    wait = throttle.wait(email)
    if wait:
        minutes = -(-int(wait.total_seconds()) // 60)
        form.password.errors = [ngettext(
            "Too many failed sign-ins with this email. Try again in %(num)d minute.",
            "Too many failed sign-ins with this email. Try again in %(num)d minutes.", minutes)]
        return render_template("staff/login.html", form=form), 429
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        check_password_hash(_dummy_hash(), form.password.data)  # same time as a real check
    elif user.check_password(form.password.data) and user.is_active:
        throttle.succeeded(email)
        target = safe_next(request.args.get("next"))
        sessions.start(user)
        return redirect(target or _home())
    throttle.failed(email)
    form.password.errors = [str(BAD_LOGIN)]
    return render_template("staff/login.html", form=form)


@bp.post("/logout")
def logout():
    """Sign out everywhere: every session of this user ends, in every browser."""
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are signed out."))
    return redirect(url_for("staff.login"))
