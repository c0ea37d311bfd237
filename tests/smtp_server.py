"""A real SMTP server on loopback (aiosmtpd) and an app that sends through it.

Test modules import the fixtures: `from smtp_server import app, smtp  # noqa: F401`.
"""
import socket
import threading
from datetime import date, timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from dpa_builder.extensions import db
from dpa_builder.notices.models import Subscriber
from dpa_builder.records.models import utcnow

from conftest import close_app, make_app

MAIL_FROM = "notices@dpa.example"
PUBLIC_URL = "http://dpa.example"


class Sink:
    """Collects every accepted message; `refuse[address] = n` answers 451 to the next n RCPTs."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages, self.refuse = [], {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            if self.refuse.get(address, 0) > 0:
                self.refuse[address] -= 1
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def received(self) -> list:
        with self.lock:
            return list(self.messages)

    def to(self, address: str) -> list:
        return [m for m in self.received() if m["To"] == address]


def text_of(mail) -> str:
    """The plain-text part of a received email (notices also carry an HTML part)."""
    return mail.get_body(("plain",)).get_content()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpServer:
    """The sink served by aiosmtpd's Controller on 127.0.0.1 on a free port."""

    def __init__(self):
        self.sink, self.port = Sink(), free_port()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def app(tmp_path, demo_env, smtp):
    """conftest's app, sending mail through the loopback server."""
    app = make_app(tmp_path, DPA_SMTP_URL=smtp.url, DPA_MAIL_FROM=MAIL_FROM, DPA_PUBLIC_URL=PUBLIC_URL)
    yield app
    close_app(app)


# --- announced changes and subscribers ---------------------------------------

def entry(**changes) -> dict:
    """An incoming sub-processor, as the fields of a registry entry."""
    fields = dict(id="examplehost", brand="ExampleHost", legal_entity="Example Hosting GmbH",
                  address="1 Example Street, 10115 Berlin, Germany", country="DE",
                  processing_location="Germany", category="hosting",
                  purpose="Virtual servers & object storage for customers' attachments.",
                  workspace_content=True, opt_in=False, since="2026-06-01")
    return {**fields, **changes}


def announce(days: int = 30, announced_on=None, kind: str = "add", target: str = "", **fields):
    """Announce a change today, effective `days` later; returns its Change.

    The service refuses back-dated announcements, so a change announced in the
    past (`announced_on`) is recorded directly, as it would stand by now.
    """
    from dpa_builder.registry import service
    from dpa_builder.registry.models import RegistryChange

    announced_on = announced_on or date.today()
    effective_on = announced_on + timedelta(days=days)
    incoming = entry(**fields) if kind != "remove" else None
    if announced_on >= date.today():
        record = service.announce("helptal", kind, target, incoming, announced_on, effective_on,
                                  user_id=None)
    else:
        record = RegistryChange(profile="helptal", kind=kind, target=target, entry=incoming,
                                announced_on=announced_on, effective_on=effective_on)
        db.session.add(record)
        db.session.commit()
    return record.change()


def add_subscribers(count: int, confirmed: bool = True, prefix: str = "customer") -> list[Subscriber]:
    rows = [Subscriber(profile="helptal", email=f"{prefix}{i}@customer.example",
                       confirmed_at=utcnow() if confirmed else None) for i in range(count)]
    db.session.add_all(rows)
    db.session.commit()
    return rows
