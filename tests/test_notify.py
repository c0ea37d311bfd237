import html
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from dpa_builder.assembly.language import long_date
from dpa_builder.extensions import db
from dpa_builder.notices import outbox, worker
from dpa_builder.notices.cli import url_settings
from dpa_builder.notices.models import Notice, Subscriber
from dpa_builder.records.models import utcnow

from conftest import squash
from smtp_server import MAIL_FROM, PUBLIC_URL, add_subscribers, announce, app, smtp, text_of  # noqa: F401

ATOM = "{http://www.w3.org/2005/Atom}"
REMEDY = "refund prepaid fees for the unused portion of the term"


@pytest.fixture
def announced(app, helptal):
    """Three active subscribers, one pending, one gone; a change announced and queued."""
    with app.app_context():
        active = add_subscribers(3)
        pending = add_subscribers(1, confirmed=False, prefix="pending")
        [gone] = add_subscribers(1, prefix="gone")
        gone.unsubscribed_at = gone.confirmed_at
        db.session.commit()
        change = announce(days=30)
        outbox.queue(change.id, "helptal")
        assert outbox.counts() == {"pending": 3}
        return {"change": change, "summary": change.summary(helptal.registry),
                "active": [s.email for s in active], "pending": [s.email for s in pending]}


def run_worker(app, **options) -> int:
    app.config.update(url_settings(PUBLIC_URL))  # before the context: it binds the URL adapter
    with app.app_context():
        return worker.run(**options)


def test_every_confirmed_subscriber_gets_one_complete_notice(app, smtp, announced):
    assert run_worker(app, batch=2) == 3
    change = announced["change"]
    for email in announced["active"]:
        [mail] = smtp.sink.to(email)
        body = squash(text_of(mail))
        assert mail["From"] == MAIL_FROM
        assert announced["summary"] in body
        assert f"Takes effect: {long_date(change.effective_on)}" in body
        assert f"{PUBLIC_URL}/objections/" in body  # its own link: test_links.py
        assert REMEDY in body
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert len(smtp.sink.received()) == 3
    assert run_worker(app) == 0, "nothing is sent twice"


def test_a_subscriber_who_leaves_after_queueing_gets_nothing(app, client, smtp, announced):
    with app.app_context():
        token = db.session.scalar(select(Subscriber.token).where(
            Subscriber.email == announced["active"][0]))
    client.post(f"/subscriptions/unsubscribe/{token}", data="List-Unsubscribe=One-Click")
    assert run_worker(app) == 2
    assert smtp.sink.to(announced["active"][0]) == []
    with app.app_context():
        assert outbox.counts() == {"sent": 2, "cancelled": 1}


def test_page_json_feed_and_notice_say_the_same_sentence(app, client, smtp, announced):
    run_worker(app)
    summary = announced["summary"]
    assert summary in squash(text_of(smtp.sink.received()[0]))
    assert summary in html.unescape(client.get("/subprocessors").get_data(as_text=True))
    assert summary in html.unescape(client.get("/subprocessors/changelog").get_data(as_text=True))
    assert client.get("/subprocessors.json").get_json()["upcoming_changes"][0]["summary"] == summary
    feed = ET.fromstring(client.get("/subprocessors/changelog.atom").data)
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == summary


def notify(app, tmp_path, smtp, *args) -> subprocess.CompletedProcess:
    """`dpa notify` in its own process, against the test database, as an operator runs it."""
    env = {**os.environ, "DPA_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "DPA_SMTP_URL": smtp.url, "DPA_MAIL_FROM": MAIL_FROM, "DPA_PUBLIC_URL": PUBLIC_URL,
           "DPA_STORAGE_DIR": str(tmp_path / "documents"), "DPA_INSTANCE_DIR": str(tmp_path / "instance")}
    return subprocess.run([sys.executable, "-m", "dpa_builder", "notify", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_worker_killed_mid_batch_loses_and_repeats_nothing(app, tmp_path, smtp):
    with app.app_context():
        subscribers = [s.email for s in add_subscribers(8)]
        change = announce(days=30)
        outbox.queue(change.id, "helptal")
        assert outbox.counts() == {"pending": 8}
    killed = notify(app, tmp_path, smtp, "--die-after", "3", "--batch", "10", "--lease-seconds", "2")
    assert killed.returncode == 137, killed.stderr
    assert len(smtp.sink.received()) == 3
    with app.app_context():
        assert outbox.counts() == {"sent": 3, "sending": 5}  # claimed by the dead worker
        # Its lease runs out (moved back in time rather than waited for).
        db.session.execute(update(Notice).where(Notice.status == "sending")
                           .values(due_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    restarted = notify(app, tmp_path, smtp, "--batch", "10", "--lease-seconds", "1")
    assert restarted.returncode == 0, restarted.stderr
    assert "sent 5 notices" in restarted.stdout
    mails = smtp.sink.received()
    assert sorted(m["To"] for m in mails) == sorted(subscribers)
    assert max(Counter(m["Message-ID"] for m in mails).values()) == 1
    with app.app_context():
        assert outbox.counts() == {"sent": 8}


def test_a_refused_recipient_is_retried_later(app, smtp, announced):
    unlucky = announced["active"][1]
    smtp.sink.refuse[unlucky] = 1
    assert run_worker(app) == 2
    with app.app_context():
        notice = db.session.scalars(select(Notice).where(Notice.status == "pending")).one()
        notice_id = notice.id
        assert notice.attempts == 1 and "451" in notice.last_error
        # The back-off has passed.
        db.session.execute(update(Notice).where(Notice.id == notice_id)
                           .values(due_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    assert run_worker(app) == 1
    assert len(smtp.sink.to(unlucky)) == 1 and len(smtp.sink.received()) == 3
    with app.app_context():
        notice = db.session.get(Notice, notice_id)
        assert notice.status == "sent" and notice.attempts == 2


def test_a_pass_queues_what_announcing_left_unqueued(app, smtp, helptal):
    """A change recorded but never queued (the service stopped between the two steps) and
    a subscriber confirmed since: the worker's pass queues both notices, once."""
    with app.app_context():
        [early] = add_subscribers(1)
        change = announce(days=30)  # recorded, its notices never queued
        [late] = add_subscribers(1, prefix="late")
        assert outbox.counts() == {}
        addresses = [early.email, late.email]
    assert run_worker(app) == 2
    assert [len(smtp.sink.to(address)) for address in addresses] == [1, 1]
    with app.app_context():
        db.session.execute(update(Notice).values(status="sent"))
        assert outbox.queue(change.id, "helptal") == 0  # nothing left to queue
    assert run_worker(app) == 0 and len(smtp.sink.received()) == 2
