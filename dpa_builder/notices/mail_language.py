"""The language a notice's recipient reads, and an email rendered in it.

A page subscriber reads the language of the page it subscribed on; a customer's
contract recipient the language of the customer's newest DPA. Where the English
binds (the change notice the DPA promises), the email gives the English first and
the translation after it.
"""
from collections.abc import Callable
from typing import TypeVar

from flask_babel import force_locale

from ..extensions import db
from ..records.models import DocumentRecord
from .models import Subscriber

T = TypeVar("T")


def recipient_language(subscriber: Subscriber) -> str:
    if subscriber.customer is None:
        return subscriber.language
    record = db.session.get(DocumentRecord, subscriber.customer.record_id)
    return (record.request or {}).get("language", "en") if record else "en"


def english_first(language: str) -> list[str]:
    """The languages a binding email is written in, in order."""
    return ["en"] if language == "en" else ["en", language]


def in_language(language: str, render: Callable[[], T]) -> T:
    """What render() gives with the interface texts of `language`."""
    with force_locale(language):
        return render()
