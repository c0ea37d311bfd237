import html
from datetime import date, timedelta

from sqlalchemy import select

from dpa_builder.extensions import db
from dpa_builder.notices.links import objection_token
from dpa_builder.notices.models import Notice, Objection
from dpa_builder.notices.outbox import queue

from conftest import csrf_token, squash
from smtp_server import add_subscribers, announce, app, smtp  # noqa: F401 - fixtures

REASON = "Our customers' data must stay in the EU; the new provider moves it elsewhere."


def notice_link(notice: Notice) -> str:
    return f"/objections/{notice.id}/{objection_token(notice)}"


def setup_change(app, **options):
    """A change and its one notice; the objection link that notice carries."""
    with app.app_context():
        [subscriber] = add_subscribers(1)
        change = announce(**options)
        queue(change.id, "helptal")
        notice = db.session.scalars(select(Notice).where(Notice.change_id == change.id)).one()
        return notice_link(notice), change, subscriber.email


def objection(client, url, **fields):
    data = {"company": "Acme Robotics GmbH", "name": "Erika Mustermann", "reason": REASON, **fields}
    return client.post(url, data={**data, "csrf_token": csrf_token(client, url)})


def test_form_shows_the_change_the_grounds_and_the_remedy(app, client):
    url, change, email = setup_change(app, days=30)
    page = squash(html.unescape(client.get(url).get_data(as_text=True)))
    assert "Addition of Example Hosting GmbH (ExampleHost)" in page
    assert "reasonable data-protection grounds" in page
    assert "refund prepaid fees for the unused portion of the term" in page
    assert f'value="{email}"' in page


def test_objection_before_the_effective_date_is_recorded(app, client):
    url, change, email = setup_change(app, days=30)
    response = objection(client, url)
    assert response.status_code == 200
    assert "Your objection is recorded" in response.get_data(as_text=True)
    with app.app_context():
        [row] = db.session.scalars(select(Objection)).all()
        assert (row.change_id, row.company, row.email, row.reason) == \
            (change.id, "Acme Robotics GmbH", email, REASON)
        assert row.subscriber_id is not None and row.notice_id is not None


def test_a_reason_is_required_and_must_say_something(app, client):
    url, _, _ = setup_change(app, days=30)
    response = objection(client, url, reason="No.")
    assert response.status_code == 422
    assert "at least 20 characters" in response.get_data(as_text=True)
    assert objection(client, url, reason="").status_code == 422
    with app.app_context():
        assert db.session.scalars(select(Objection)).all() == []


def test_objection_needs_a_csrf_token(app, client):
    url, _, _ = setup_change(app, days=30)
    response = client.post(url, data={"company": "Acme", "name": "Erika", "reason": REASON})
    assert response.status_code == 400


def test_objection_after_the_effective_date_is_refused(app, client):
    url, change, _ = setup_change(app, days=30, announced_on=date.today() - timedelta(days=30))
    assert change.effective_on == date.today()
    page = client.get(url)
    assert page.status_code == 410 and "took effect on" in page.get_data(as_text=True)
    token = csrf_token(client, "/subprocessors")
    response = client.post(url, data={"company": "Acme", "name": "Erika", "email": "e@acme.example",
                                      "reason": REASON, "csrf_token": token})
    assert response.status_code == 410
    with app.app_context():
        assert db.session.scalars(select(Objection)).all() == []


def test_unknown_token_or_notice_is_not_found(app, client):
    url, _, _ = setup_change(app, days=30)
    notice_id = url.split("/")[2]
    assert client.get(f"/objections/{notice_id}/not-a-token").status_code == 404
    assert client.get(url.replace(f"/{notice_id}/", "/999/")).status_code == 404
