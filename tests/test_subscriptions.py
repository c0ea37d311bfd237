import re
from urllib.parse import urlsplit

from sqlalchemy import select

from dpa_builder.app import create_app
from dpa_builder.extensions import db
from dpa_builder.notices import outbox, subscriptions, worker
from dpa_builder.notices.cli import url_settings
from dpa_builder.notices.models import Subscriber

from conftest import csrf_token
from smtp_server import MAIL_FROM, PUBLIC_URL, announce, app, free_port, smtp, text_of  # noqa: F401

EMAIL = "privacy@acme.example"


def subscribe(client, email=EMAIL):
    token = csrf_token(client, "/subprocessors")
    return client.post("/subscriptions", data={"email": email, "profile": "helptal", "csrf_token": token})


def link(message, path: str) -> str:
    """The path of the first link to `path` in a mail, checked to be on DPA_PUBLIC_URL."""
    url = re.search(rf"{re.escape(PUBLIC_URL)}{path}\S+", text_of(message)).group(0)
    return urlsplit(url).path


def subscriber(app, email=EMAIL) -> Subscriber:
    with app.app_context():
        return db.session.scalar(select(Subscriber).where(Subscriber.email == email))


def test_subscribe_confirm_by_post_makes_the_subscriber_active(app, client, smtp):
    response = subscribe(client, "Privacy@ACME.example")
    assert response.status_code == 200 and "Check your inbox" in response.get_data(as_text=True)
    [mail] = smtp.sink.received()
    assert mail["To"] == EMAIL and mail["From"] == MAIL_FROM
    assert mail["Date"] and mail["Message-ID"].endswith("@dpa.example>")
    assert not subscriber(app).active and subscriber(app).source == "page"
    confirm = link(mail, "/subscriptions/confirm/")
    assert "Confirm" in client.get(confirm).get_data(as_text=True)
    assert not subscriber(app).active, "a link scanner's GET must not confirm"
    response = client.post(confirm, data={"csrf_token": csrf_token(client, confirm)})
    assert response.status_code == 200 and subscriber(app).active


def test_confirming_needs_a_csrf_token(app, client, smtp):
    subscribe(client)
    confirm = link(smtp.sink.received()[0], "/subscriptions/confirm/")
    assert client.post(confirm).status_code == 400
    assert not subscriber(app).active


def test_subscribing_again_gives_the_same_answer(app, client, smtp):
    first = subscribe(client).get_data(as_text=True)
    with app.app_context():
        subscriptions.confirm(subscriptions.by_token(subscriber(app).token))
    again = subscribe(client).get_data(as_text=True)
    strip = lambda page: re.sub(r'value="[^"]+"', "", page)  # noqa: E731 - CSRF tokens differ
    assert strip(first) == strip(again)
    assert "already receive" in smtp.sink.received()[1]["Subject"]
    assert len(subscriber(app).token) > 20 and subscriber(app).active


def test_a_bad_address_is_refused_and_nothing_sent(client, smtp):
    response = subscribe(client, "not an address")
    assert response.status_code == 422
    assert "valid email address" in response.get_data(as_text=True)
    assert smtp.sink.received() == []


def test_subscribing_needs_a_csrf_token(client, smtp):
    response = client.post("/subscriptions", data={"email": EMAIL})
    assert response.status_code == 400 and smtp.sink.received() == []


def test_unconfirmed_subscribers_get_no_notices(app, client, smtp):
    subscribe(client)
    with app.app_context():
        change = announce(days=30)
        outbox.queue(change.id, "helptal")
        assert outbox.counts() == {}
    app.config.update(url_settings(PUBLIC_URL))
    with app.app_context():
        assert worker.run(batch=10) == 0
    assert len(smtp.sink.received()) == 1  # the confirmation only


def test_unsubscribe_page_then_one_click_post_without_csrf(app, client, smtp):
    subscribe(client)
    with app.app_context():
        subscriptions.confirm(subscriptions.by_token(subscriber(app).token))
    url = f"/subscriptions/unsubscribe/{subscriber(app).token}"
    page = client.get(url)
    assert page.status_code == 200 and "Unsubscribe" in page.get_data(as_text=True)
    assert subscriber(app).active, "showing the page must not unsubscribe"
    # What a mail client sends for List-Unsubscribe-Post (RFC 8058): no cookie, no CSRF token.
    response = app.test_client().post(url, data="List-Unsubscribe=One-Click",
                                      content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert subscriber(app).unsubscribed_at is not None and not subscriber(app).active


def test_resubscribing_after_unsubscribing_needs_confirmation_again(app, client, smtp):
    subscribe(client)
    with app.app_context():
        subscriptions.confirm(subscriptions.by_token(subscriber(app).token))
    client.post(f"/subscriptions/unsubscribe/{subscriber(app).token}")
    subscribe(client)
    assert not subscriber(app).active
    assert "confirm" in smtp.sink.received()[-1]["Subject"]


def test_unknown_tokens_are_not_found(client):
    assert client.get("/subscriptions/confirm/nope").status_code == 404
    assert client.post("/subscriptions/unsubscribe/nope").status_code == 404
    assert client.get("/subscriptions/unsubscribe/" + "x" * 300).status_code == 404


def test_the_dpa_form_source_is_recorded(app, smtp):
    with app.test_request_context():
        subscriptions.subscribe("jane@acme.example", "helptal", source="dpa-form")
    assert subscriber(app, "jane@acme.example").source == "dpa-form"
    assert len(smtp.sink.to("jane@acme.example")) == 1


def test_a_relay_that_is_down_leaves_the_subscriber_pending(app, client):
    app.config["DPA_SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}"  # nobody listens
    response = subscribe(client)
    assert response.status_code == 503 and "try again" in response.get_data(as_text=True)
    assert not subscriber(app).active
    with app.test_request_context():  # the DPA form's call logs and carries on
        assert subscriptions.subscribe(EMAIL, "helptal", source="dpa-form").id == subscriber(app).id


def limited(app, smtp, rate: str):
    return create_app({
        "TESTING": True, "SECRET_KEY": "test-secret", "RATELIMIT_ENABLED": True, "DPA_RATE_LIMIT": rate,
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "DPA_STORAGE_DIR": app.config["DPA_STORAGE_DIR"], "DPA_SMTP_URL": smtp.url,
        "DPA_MAIL_FROM": MAIL_FROM, "DPA_PUBLIC_URL": PUBLIC_URL}).test_client()


def test_subscribing_is_rate_limited_per_client(app, smtp):
    client = limited(app, smtp, "2 per minute")
    codes = [subscribe(client, f"p{i}@acme.example").status_code for i in range(3)]
    assert codes == [200, 200, 429]
    assert len(smtp.sink.received()) == 2


def test_one_inbox_cannot_be_flooded(app, smtp):
    client = limited(app, smtp, "100 per minute")
    codes = [subscribe(client).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    assert subscribe(client, "other@acme.example").status_code == 200
