"""The email a customer gets once its DPA is issued: the way back to it, and its hashes.

Sent at once through the relay, to the addresses the DPA names for notices. A relay
that refuses is logged: the DPA is issued all the same, and its page shows the link.
"""
import smtplib

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from ..public_urls import public_url
from ..records.models import DocumentRecord
from ..registry.service import content_for
from .compose import compose, relay, render_mail
from .contracts import named_by
from .models import Customer


def send_issued(record: DocumentRecord, customer: Customer) -> int:
    """Mail each address the DPA names; return how many the relay accepted."""
    if not current_app.config["DPA_MAIL_FROM"]:
        current_app.logger.warning("DPA %s issued; no email sent: DPA_MAIL_FROM is not set", record.id)
        return 0
    content = content_for(record.profile)
    page = dict(record=record, customer=customer, profile=content.profile,
                summary_url=public_url("records.summary", record_id=record.id),
                recipients_url=public_url("recipients.for_record", record_id=record.id))
    # Written in the DPA's language: it only points to the DPA, which says what binds.
    with force_locale((record.request or {}).get("language", "en")):
        subject = _("%(product)s: your Data Processing Addendum %(document)s",
                    product=content.profile.product, document=record.document_id)
        text, html = render_mail("mail/issued.txt", **page), render_mail("mail/issued.html", **page)
    sent = 0
    with relay() as mailer:
        for address in sorted(named_by(record, content)):
            try:
                mailer.send(compose(address, subject, text, html))
                sent += 1
            except (smtplib.SMTPException, OSError) as exc:
                current_app.logger.warning("DPA %s: email to a contact not sent: %s", record.id, exc)
    return sent
