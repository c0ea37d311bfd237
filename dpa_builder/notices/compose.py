"""Emails a mail system trusts: Date, Message-ID, a plain-text and an HTML part, and for
page subscribers only, a one-click List-Unsubscribe (RFC 8058) that is not encoded."""
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import urlsplit

from flask import current_app

from ..records.models import utcnow

# Lines up to RFC 5322's limit: a long List-Unsubscribe URL is then neither folded
# nor turned into an encoded word, which mail systems would not recognise.
POLICY = policy.SMTP.clone(max_line_length=998)


def render_mail(name: str, **context) -> str:
    """A mail template, rendered with only its own context: no page's context processors,
    which may need a request that a notice worker does not have."""
    return current_app.jinja_env.get_template(name).render(**context)


def host() -> str:
    return urlsplit(current_app.config["DPA_PUBLIC_URL"]).hostname or "localhost"


def compose(to: str, subject: str, text: str, html: str, *, message_id: str | None = None,
            unsubscribe: str | None = None) -> EmailMessage:
    """One email in both forms; `message_id` is stable when a resend must be recognisable."""
    message = EmailMessage(policy=POLICY)
    message["From"] = current_app.config["DPA_MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = message_id or make_msgid(domain=host())
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message
