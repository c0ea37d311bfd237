"""The advance-notice email, rendered from the change record like every other view.

The notice is what the DPA promises, and the English DPA binds: a recipient who
reads French or Chinese gets the English notice first, then its translation.
"""
from email.message import EmailMessage
from functools import partial

from flask import url_for
from flask_babel import gettext as _
from markupsafe import Markup

from ..assembly.language import long_date
from ..assembly.translate import translate
from ..content.loader import Content
from ..public_urls import public_host
from ..registry.changes import Described, find
from . import contracts
from .compose import compose, render_mail
from .links import objection_url
from .mail_language import english_first, in_language, recipient_language
from .models import Notice, Subscriber


def notice_email(notice: Notice, described: Described, subscriber: Subscriber,
                 content: Content) -> EmailMessage:
    """Say what changes, where the data goes, when, and how to object.

    A customer's contract recipient reads which DPA promised the notice and its
    period, and may move the notices to another address; a page subscriber may
    unsubscribe (and gets the one-click List-Unsubscribe header).
    """
    own_url = url_for("notices.unsubscribe", token=subscriber.token, _external=True)
    versions = [in_language(language, partial(_version, language, notice, described, subscriber,
                                              content, own_url))
                for language in english_first(recipient_language(subscriber))]
    html = render_mail("mail/notice.html", profile=content.profile, bodies=versions)
    return compose(
        subscriber.email, " / ".join(v["subject"] for v in versions),
        "\n\n".join(v["text"] for v in versions), html,
        # The same id on every attempt lets a mail system drop a repeat after a crash.
        message_id=f"<notice-{described.change.id}-{subscriber.id}@{public_host()}>",
        unsubscribe=None if subscriber.contractual else own_url)


def _version(language: str, notice: Notice, described: Described, subscriber: Subscriber,
             content: Content, own_url: str) -> dict:
    """The notice in one language: the policy's phrases as the DPA in that language words them."""
    change = described.change
    profile = (content if language == "en" else translate(content, language).content).profile
    page = dict(profile=profile, policy=profile.policy, change=change, sentence=described.sentence,
                old=find(described.before, change.target), translation=language != "en",
                long_date=lambda day: long_date(day, language), customer=subscriber.customer,
                listed=contracts.lists(subscriber.customer, change.id),
                objection_url=objection_url(notice), own_url=own_url)
    return {"lang": language, "text": render_mail("mail/notice.txt", **page),
            "html": Markup(render_mail("mail/notice_body.html", **page)),
            "subject": _("%(product)s: sub-processor change effective %(day)s",
                         product=profile.product, day=long_date(change.effective_on, language))}
