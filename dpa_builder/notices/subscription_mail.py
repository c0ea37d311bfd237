"""The emails of a page subscription: confirm it, or hear that it already runs.

Written in the language of the page the address subscribed on.
"""
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _

from ..public_urls import public_url
from ..registry.service import content_for
from .compose import compose
from .models import Subscriber


def confirmation(subscriber: Subscriber) -> EmailMessage:
    """The double opt-in: a link that confirms, once."""
    profile = content_for(subscriber.profile).profile
    with force_locale(subscriber.language):
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


def already_subscribed(subscriber: Subscriber) -> EmailMessage:
    """An active subscriber subscribing again learns so, and how to stop."""
    profile = content_for(subscriber.profile).profile
    with force_locale(subscriber.language):
        return _message(subscriber, _("%(product)s: you already receive sub-processor change "
                                      "notices", product=profile.product), [
            _("This address already receives notice of changes to the sub-processors of "
              "%(product)s; there is nothing more to do.", product=profile.product), "",
            _("To stop receiving them: %(url)s",
              url=public_url("notices.unsubscribe", token=subscriber.token))])


def _message(subscriber: Subscriber, subject: str, lines: list[str]) -> EmailMessage:
    return compose(subscriber.email, subject, "\n".join(lines))
