"""Subscriptions to advance notices: double opt-in, confirmation, unsubscribing."""
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..records.models import utcnow
from ..registry.service import content_for
from .mailer import Mailer
from .models import Subscriber, new_token


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
    message = _already_subscribed(subscriber) if subscriber.active else _confirmation(subscriber)
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


def public_url(endpoint: str, **values) -> str:
    """A link for an email: on DPA_PUBLIC_URL, never on the Host header a request claimed."""
    parts = urlsplit(current_app.config["DPA_PUBLIC_URL"])
    adapter = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/",
                                       url_scheme=parts.scheme)
    return adapter.build(endpoint, values, force_external=True)


def _confirmation(subscriber: Subscriber) -> EmailMessage:
    profile = content_for(subscriber.profile).profile
    with force_locale(subscriber.language):  # the language of the page it subscribed on
        return _message(subscriber, _("%(product)s: confirm your sub-processor change notices",
                                      product=profile.product), [
            _("Someone, probably you, asked %(processor)s to email this address before the "
              "sub-processors of %(product)s change.", processor=profile.processor.legal_name,
              product=profile.product), "",
            _("To confirm, open this link and press the button: %(url)s",
              url=public_url("notices.confirm", token=subscriber.confirm_token)), "",
            _("We give at least %(days)s days' notice before adding or replacing any "
              "sub-processor.", days=profile.policy.notice_days),
            _("If you did not ask for this, ignore this email: you will receive nothing further.")])


def _already_subscribed(subscriber: Subscriber) -> EmailMessage:
    profile = content_for(subscriber.profile).profile
    with force_locale(subscriber.language):
        return _message(subscriber, _("%(product)s: you already receive sub-processor change "
                                      "notices", product=profile.product), [
            _("This address already receives notice of changes to the sub-processors of "
              "%(product)s; there is nothing more to do.", product=profile.product), "",
            _("To stop receiving them: %(url)s",
              url=public_url("notices.unsubscribe", token=subscriber.token))])


def _message(subscriber: Subscriber, subject: str, lines: list[str]) -> EmailMessage:
    host = urlsplit(current_app.config["DPA_PUBLIC_URL"]).hostname or "localhost"
    message = EmailMessage()
    message["From"] = current_app.config["DPA_MAIL_FROM"]
    message["To"] = subscriber.email
    message["Subject"] = subject
    message["Message-ID"] = make_msgid("subscription", domain=host)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content("\n".join(lines))
    return message


def send(message: EmailMessage) -> None:
    mailer = Mailer(current_app.config["DPA_SMTP_URL"], timeout=10)
    try:
        mailer.send(message)
    finally:
        mailer.close()
