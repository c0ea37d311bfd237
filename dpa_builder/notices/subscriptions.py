"""Subscriptions to advance notices: double opt-in, confirmation, unsubscribing."""
import smtplib

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..records.models import utcnow
from .compose import send
from .models import Subscriber, new_token
from .subscription_mail import already_subscribed, confirmation


class NotSent(Exception):
    """The relay did not take the mail; the subscription stays as it was (pending)."""


class BadAddress(ValueError):
    """Not an email address."""


def subscribe(email: str, profile: str, source: str = "page", *, must_send: bool = False,
              language: str = "en") -> Subscriber:
    """Record a pending subscription, or reuse one, and mail the address's owner.

    A new or returning subscriber gets a confirmation link; an active one is
    told so. Callers answer the same either way, so nobody learns from the
    response whether an address is subscribed. Mail trouble is logged, or
    raised as NotSent with `must_send`. Raises BadAddress for a bad address. `language`
    is the one the subscriber's emails are written in (the page's).
    """
    address = normalise(email)
    subscriber = _find(profile, address) or _create(profile, address, source, language)
    if subscriber.unsubscribed_at is not None:
        # Coming back after unsubscribing: nothing is sent until confirmed again.
        subscriber.confirmed_at = subscriber.unsubscribed_at = None
    if not subscriber.active:
        subscriber.confirm_token = new_token()  # earlier confirmation links stop working
    db.session.commit()
    message = already_subscribed(subscriber) if subscriber.active else confirmation(subscriber)
    try:
        send(message)
    except (smtplib.SMTPException, OSError) as exc:
        current_app.logger.warning("subscription mail for subscriber %s not sent: %s", subscriber.id, exc)
        if must_send:
            raise NotSent(str(exc)) from exc
    return subscriber


def normalise(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise BadAddress(str(exc)) from None


def by_token(token: str) -> Subscriber | None:
    """The subscriber an unsubscribe link is for."""
    return db.session.scalar(select(Subscriber).where(Subscriber.token == token))


def by_confirm_token(token: str) -> Subscriber | None:
    return db.session.scalar(select(Subscriber).where(Subscriber.confirm_token == token))


def confirm(subscriber: Subscriber) -> None:
    if not subscriber.active:
        subscriber.confirmed_at, subscriber.unsubscribed_at = utcnow(), None
    subscriber.confirm_token = None
    db.session.commit()


def unsubscribe(subscriber: Subscriber) -> None:
    """Stop all notices at once; queued ones are cancelled by the worker."""
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = utcnow()
        db.session.commit()


def _find(profile: str, address: str) -> Subscriber | None:
    return db.session.scalar(select(Subscriber).where(Subscriber.profile == profile,
                                                      Subscriber.email == address))


def _create(profile: str, address: str, source: str, language: str) -> Subscriber:
    db.session.add(Subscriber(profile=profile, email=address, source=source, language=language))
    try:
        db.session.commit()
    except IntegrityError:  # the same address subscribed at the same moment
        db.session.rollback()
    subscriber = _find(profile, address)
    assert subscriber is not None  # inserted by this request or by the one that raced it
    return subscriber
