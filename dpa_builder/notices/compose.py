"""Emails a mail system trusts: Date, Message-ID, a plain-text part (and an HTML one), and
for page subscribers only, a one-click List-Unsubscribe (RFC 8058) that is not encoded."""
from collections.abc import Iterator
from contextlib import contextmanager
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from flask import current_app

from ..public_urls import public_host
from ..records.models import utcnow
from .mailer import Mailer

# Lines up to RFC 5322's limit: a long List-Unsubscribe URL is then neither folded
# nor turned into an encoded word, which mail systems would not recognise.
POLICY = policy.SMTP.clone(max_line_length=998)


def render_mail(name: str, **context) -> str:
    """A mail template, rendered with only its own context: no page's context processors,
    which may need a request that a notice worker does not have."""
    return current_app.jinja_env.get_template(name).render(**context)


def compose(to: str, subject: str, text: str, html: str | None = None, *,
            message_id: str | None = None, unsubscribe: str | None = None) -> EmailMessage:
    """One email, in plain text and (given `html`) HTML; `message_id` is stable when a
    resend must be recognisable."""
    message = EmailMessage(policy=POLICY)
    message["From"] = current_app.config["DPA_MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = message_id or make_msgid(domain=public_host())
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


@contextmanager
def relay() -> Iterator[Mailer]:
    """One connection to the relay for the emails sent at once in this block."""
    mailer = Mailer(current_app.config["DPA_SMTP_URL"], timeout=10)
    try:
        yield mailer
    finally:
        mailer.close()


def send(message: EmailMessage) -> None:
    """Send one email at once, on a connection of its own."""
    with relay() as mailer:
        mailer.send(message)
