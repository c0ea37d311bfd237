"""`dpa notify`: deliver queued notices; run several side by side on PostgreSQL."""
import os
import socket
import time
from datetime import date, timedelta
from functools import lru_cache

from flask import current_app

from ..extensions import db
from ..records.models import utcnow
from ..registry import service as registry
from . import contracts, outbox
from .mailer import Mailer
from .message import notice_email
from .models import Notice, Subscriber

# How often a running worker queues what announcing left unqueued (outbox.queue_announced):
# it reads every recipient once per pending change, too much for every idle poll.
SWEEP_SECONDS = 60
# How far back a sweep looks for DPAs whose contacts a stopped request left unenrolled,
# and how long it leaves a request to enrol them itself.
STRAGGLERS, ENROLLING = timedelta(days=7), timedelta(minutes=5)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run(batch: int = 50, lease: timedelta = timedelta(seconds=120), follow: bool = False,
        idle_sleep: float = 2.0, die_after: int | None = None) -> int:
    """Send due notices until none are left (or forever with `follow`); return how many.

    `die_after` exits the process abruptly after that many sends, without
    releasing anything: it is how the tests kill a worker mid-batch.
    """
    name, sent = worker_name(), 0
    mailer = Mailer(current_app.config["DPA_SMTP_URL"])
    swept = None
    try:
        while True:
            if swept is None or time.monotonic() - swept >= SWEEP_SECONDS:
                contracts.enrol_stragglers(utcnow() - STRAGGLERS, utcnow() - ENROLLING)
                outbox.queue_announced(date.today())
                swept = time.monotonic()
            ids = outbox.claim(name, batch, lease)
            if not ids:
                if not follow:
                    return sent
                time.sleep(idle_sleep)
                continue
            # Looked up once a batch.
            content_for = lru_cache(maxsize=8)(registry.content_for)
            change_log = lru_cache(maxsize=8)(registry.change_log)
            for notice_id in ids:
                notice = db.session.get_one(Notice, notice_id)
                change_record = registry.change_record(notice.change_id)
                subscriber = db.session.get_one(Subscriber, notice.subscriber_id)
                if not subscriber.active:
                    outbox.cancel(notice_id, name)
                    continue
                content = content_for(change_record.profile)
                described = next(d for d in change_log(change_record.profile)
                                 if d.change.id == change_record.id)
                message = notice_email(notice, described, subscriber, content)
                try:
                    mailer.send(message)
                except Exception as exc:  # noqa: BLE001 - whatever failed, retry later
                    outbox.mark_failed(notice_id, name, f"{type(exc).__name__}: {exc}")
                    continue
                outbox.mark_sent(notice_id, name)
                sent += 1
                if die_after is not None and sent >= die_after:
                    os._exit(137)
    finally:
        mailer.close()
