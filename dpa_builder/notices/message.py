"""The advance-notice email, rendered from the change record like every other view."""
from email.message import EmailMessage

from flask import url_for

from ..content.loader import Content
from ..registry.changes import Described, find, long_date
from .compose import compose, host, render_mail
from .links import objection_url
from .models import Notice, Subscriber


def notice_email(notice: Notice, described: Described, subscriber: Subscriber,
                 content: Content) -> EmailMessage:
    """Say what changes, where the data goes, when, and how to object.

    A customer's contract recipient reads which DPA promised the notice and its
    period, and may move the notices to another address; a page subscriber may
    unsubscribe (and gets the one-click List-Unsubscribe header).
    """
    change, profile = described.change, content.profile
    own_url = url_for("notices.unsubscribe", token=subscriber.token, _external=True)
    page = dict(profile=profile, policy=profile.policy, change=change, sentence=described.sentence,
                old=find(described.before, change.target), long_date=long_date,
                customer=subscriber.customer, objection_url=objection_url(notice), own_url=own_url)
    return compose(
        subscriber.email,
        f"{profile.product}: sub-processor change effective {long_date(change.effective_on)}",
        render_mail("mail/notice.txt", **page), render_mail("mail/notice.html", **page),
        # The same id on every attempt lets a mail system drop a repeat after a crash.
        message_id=f"<notice-{change.id}-{subscriber.id}@{host()}>",
        unsubscribe=None if subscriber.contractual else own_url)
