"""The advance-notice email, rendered from the change record like every other view."""
from email.message import EmailMessage
from urllib.parse import urlsplit

from flask import current_app, url_for

from ..content.loader import Content
from ..registry.changes import Described, find, long_date
from .links import objection_url
from .models import Notice, Subscriber


def notice_email(notice: Notice, described: Described, subscriber: Subscriber,
                 content: Content) -> EmailMessage:
    """Say what changes, where the data goes, when, and how to object or unsubscribe."""
    change, before = described.change, described.before
    profile, policy = content.profile, content.profile.policy
    unsubscribe_url = url_for("notices.unsubscribe", token=subscriber.token, _external=True)
    lines = [f"{profile.processor.legal_name} gives notice of a change to the sub-processors of "
             f"{profile.product}:", "", described.sentence, ""]
    entry, old = change.entry, find(before, change.target)
    if entry:
        lines += [f"Legal entity: {entry.legal_entity} ({entry.brand})", f"Address: {entry.address}",
                  f"Processing location: {entry.processing_location}", f"Processing: {entry.purpose}",
                  f"Processes Workspace content: {'yes' if entry.workspace_content else 'no'}"]
    if old:
        lines.append(f"{'Replaces' if entry else 'Removes'}: {old.legal_entity} ({old.brand}), "
                     f"processing in {old.processing_location}")
    lines += ["", f"Announced: {long_date(change.announced_on)}",
              f"Takes effect: {long_date(change.effective_on)}", "",
              f"You may object on {policy.objection_grounds} before {long_date(change.effective_on)}: "
              f"{objection_url(notice)}",
              f"If we cannot resolve your objection, you may {policy.objection_remedy}.", "",
              f"To stop receiving these notices: {unsubscribe_url}"]
    message = EmailMessage()
    message["From"] = current_app.config["DPA_MAIL_FROM"]
    message["To"] = subscriber.email
    message["Subject"] = f"{profile.product}: sub-processor change effective {long_date(change.effective_on)}"
    # The same id on every attempt lets a mail system drop a repeat after a crash.
    host = urlsplit(current_app.config["DPA_PUBLIC_URL"]).hostname or "localhost"
    message["Message-ID"] = f"<notice-{change.id}-{subscriber.id}@{host}>"
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content("\n".join(lines))
    return message
