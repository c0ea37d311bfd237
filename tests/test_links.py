"""Links in emails do one thing each: a notice's objection link, unsubscribe, confirm."""
import re
from urllib.parse import urlsplit

from sqlalchemy import select
from test_notify import run_worker
from test_objections import REASON, objection
from test_subscriptions import link, subscribe, subscriber

from dpa_builder.extensions import db
from dpa_builder.notices.models import Objection
from dpa_builder.notices.outbox import queue

from conftest import csrf_token
from smtp_server import PUBLIC_URL, add_subscribers, announce, app, smtp, text_of  # noqa: F401 - fixtures


def objection_paths(smtp) -> list[str]:
    """The objection link of every notice sent, as a path."""
    text = "\n".join(text_of(mail) for mail in smtp.sink.received())
    return [urlsplit(url).path for url in re.findall(rf"{PUBLIC_URL}/objections/\S+", text)]


def test_each_notice_objects_only_to_its_change_for_its_recipient(app, client, smtp):
    with app.app_context():
        subscribers = [s.email for s in add_subscribers(2)]
        for change in (announce(days=30), announce(days=40, id="other", brand="Other")):
            queue(change.id, "helptal")
    run_worker(app)
    paths = objection_paths(smtp)
    assert len(paths) == len(set(paths)) == 4, "every notice carries a link of its own"
    notice_id = paths[0].split("/")[2]
    for other in paths[1:]:  # another notice's token, on this notice
        assert client.get(f"/objections/{notice_id}/{other.split('/')[3]}").status_code == 404
    assert objection(client, paths[0]).status_code == 200
    with app.app_context():
        [row] = db.session.scalars(select(Objection)).all()
        assert row.email in subscribers and row.reason == REASON


def test_the_unsubscribe_link_cannot_object_or_confirm(app, client, smtp):
    with app.app_context():
        [subscriber_row] = add_subscribers(1)
        change = announce(days=30)
        queue(change.id, "helptal")
        token = subscriber_row.token
    run_worker(app)
    [mail] = smtp.sink.received()
    unsubscribe = urlsplit(mail["List-Unsubscribe"].strip("<>")).path
    assert unsubscribe == f"/subscriptions/unsubscribe/{token}"
    [notice_id] = re.findall(r"/objections/(\d+)/", text_of(mail))
    for path in (f"/objections/{notice_id}/{token}", f"/objections/{change.id}/{token}",
                 f"/subscriptions/confirm/{token}"):
        assert client.get(path).status_code == 404
    assert client.post(unsubscribe, data="List-Unsubscribe=One-Click").status_code == 200


def test_the_confirmation_link_only_confirms_and_only_once(app, client, smtp):
    subscribe(client)
    confirm = link(smtp.sink.received()[0], "/subscriptions/confirm/")
    confirm_token = confirm.rsplit("/", 1)[1]
    assert confirm_token != subscriber(app).token
    assert client.get(f"/subscriptions/unsubscribe/{confirm_token}").status_code == 404
    assert client.post(confirm, data={"csrf_token": csrf_token(client, confirm)}).status_code == 200
    assert subscriber(app).active and client.get(confirm).status_code == 404
