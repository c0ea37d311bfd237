"""Every promise a DPA makes about notices, kept end to end on a real SMTP server: DPAs
issued by the form, the API and the sales desk (60 days agreed); a page subscriber; one
change announced; `dpa notify` killed mid-batch, then run again."""
import re
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from test_customer import form_data
from test_notify import notify
from test_staff import post_desk

from dpa_builder.assembly.language import long_date
from dpa_builder.extensions import db
from dpa_builder.field_errors import FieldErrors
from dpa_builder.notices import outbox
from dpa_builder.notices.models import Notice, Subscriber
from dpa_builder.records.models import DocumentRecord, utcnow

from conftest import api_token, csrf_token, login, make_request, make_user
from smtp_server import PUBLIC_URL, add_subscribers, announce, app, smtp, text_of  # noqa: F401

CONTACTS = {"privacy@form.example": ("Form GmbH", 30), "privacy@api.example": ("Api AG", 30),
            "privacy@desk.example": ("Desk SARL", 60)}


def issue_three(app, client):
    """One DPA from each face, each naming its own Annex I.A contact."""
    form = form_data(csrf_token(client, "/"), legal_name="Form GmbH",
                     contact_email="privacy@form.example")
    assert client.post("/", data=form).status_code == 303
    token = api_token(app, make_user(app))
    body = make_request(customer__legal_name="Api AG", customer__contact_email="privacy@api.example")
    assert client.post("/api/v1/dpa", json=body,
                       headers={"Authorization": f"Bearer {token}"}).status_code == 201
    desk = app.test_client()
    make_user(app, "sales", "desk@dpa.example")
    login(desk, "desk@dpa.example")
    answer = post_desk(desk, legal_name="Desk SARL", contact_email="privacy@desk.example",
                       notice_days="60", governing_law="")
    assert answer.status_code == 303, re.findall(r'id="([a-z_]*)-error"', answer.get_data(True))


def test_each_holder_gets_one_notice_with_its_period_and_its_own_objection_link(
        app, client, smtp, tmp_path):
    issue_three(app, client)
    issued = {m["To"]: text_of(m) for m in smtp.sink.received()}
    assert sorted(issued) == sorted(CONTACTS)  # each contact got its DPA's link and hashes
    assert all(f"{PUBLIC_URL}/documents/" in text and "SHA-256 of the PDF" in text
               for text in issued.values())
    with app.app_context():
        emailed = db.session.scalars(select(DocumentRecord.emailed_at)).all()
    assert len(emailed) == 3 and all(emailed)
    smtp.sink.messages.clear()
    with app.app_context():
        [page] = [s.email for s in add_subscribers(1, prefix="page")]
        with pytest.raises(FieldErrors, match="60-day"):
            announce(days=45)  # inside the 60 days sales agreed with Desk SARL
        change = announce(days=61)
        assert outbox.queue(change.id, "helptal") == 4
    killed = notify(app, tmp_path, smtp, "--die-after", "2", "--batch", "10")
    assert killed.returncode == 137, killed.stderr
    with app.app_context():  # the dead worker's lease runs out
        db.session.execute(update(Notice).where(Notice.status == "sending")
                           .values(due_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    assert notify(app, tmp_path, smtp).returncode == 0
    mails = smtp.sink.received()
    assert sorted(m["To"] for m in mails) == sorted([*CONTACTS, page])  # no one got two
    assert max(Counter(m["Message-ID"] for m in mails).values()) == 1
    links = set()
    for mail in mails:
        text = text_of(mail)
        assert f"Takes effect: {long_date(change.effective_on)}" in text
        assert mail["Date"] and mail.get_body(("html",)) is not None
        links |= set(re.findall(rf"{PUBLIC_URL}/objections/\d+/\S+", text))
        if mail["To"] == page:
            assert mail["List-Unsubscribe"].startswith(f"<{PUBLIC_URL}/subscriptions/unsubscribe/")
            assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            continue
        company, days = CONTACTS[mail["To"]]
        assert f"given to {company} under its Data Processing Addendum DPA-" in text
        assert f"provides {days} days' notice" in text and "cannot be turned off" in text
        assert mail["List-Unsubscribe"] is None
    assert len(links) == 4  # each notice its own objection link


def test_a_newer_dpa_replaces_the_contacts_and_keeps_those_added(app, client, smtp):
    first = client.post("/", data=form_data(csrf_token(client, "/")))
    page = client.get(first.location + "/recipients")
    assert "privacy@acme.example" in page.get_data(as_text=True)
    added = client.post(first.location + "/recipients",
                        data={"email": "Team@Acme.example", "csrf_token": csrf_token(client, "/")})
    assert added.status_code == 303
    client.post("/", data=form_data(csrf_token(client, "/"), contact_email="dpo@acme.example"))
    listed = client.get(first.location + "/recipients").get_data(as_text=True)
    assert "dpo@acme.example" in listed and "team@acme.example" in listed
    assert "privacy@acme.example" not in listed and "cannot be turned off" in listed


def test_a_contract_recipient_moves_notices_but_cannot_stop_them(app, client, smtp):
    client.post("/", data=form_data(csrf_token(client, "/")))
    with app.app_context():
        change = announce(days=31)
        outbox.queue(change.id, "helptal")
        [notice] = db.session.scalars(db.select(Notice)).all()
        token = db.session.get(Subscriber, notice.subscriber_id).token
    one_click = client.post(f"/subscriptions/unsubscribe/{token}", data="List-Unsubscribe=One-Click")
    assert one_click.status_code == 303 and one_click.location == f"/recipients/{token}"
    page = client.get(one_click.location).get_data(as_text=True)
    assert "cannot be turned off" in page
    moved = client.post(f"/recipients/{token}", data={"email": "dpo@acme.example",
                                                      "csrf_token": csrf_token(client, "/")})
    assert "Notices now go to dpo@acme.example" in moved.get_data(as_text=True)
    with app.app_context():
        assert outbox.counts() == {"pending": 1}  # still due, now to the new address


def test_an_added_recipient_can_be_removed_but_not_the_contract_contact(app, client, smtp):
    first = client.post("/", data=form_data(csrf_token(client, "/"))).location
    token = csrf_token(client, "/")
    client.post(first + "/recipients", data={"email": "team@acme.example", "csrf_token": token})
    with app.app_context():
        ids = {s.email: s.id for s in db.session.scalars(select(Subscriber))}
    contact = client.post(f"{first}/recipients/{ids['privacy@acme.example']}/remove",
                          data={"csrf_token": token})
    assert contact.status_code == 404
    assert client.post(f"{first}/recipients/{ids['team@acme.example']}/remove").status_code == 400
    removed = client.post(f"{first}/recipients/{ids['team@acme.example']}/remove",
                          data={"csrf_token": token})
    assert removed.status_code == 303
    listed = client.get(first + "/recipients").get_data(as_text=True)
    assert "privacy@acme.example" in listed and "team@acme.example" not in listed
    with app.app_context():
        change = announce(days=31)
        assert outbox.queue(change.id, "helptal") == 1  # the contract contact only


def test_contacts_a_stopped_request_left_unenrolled_get_the_pending_notice(
        app, client, smtp, tmp_path, monkeypatch):
    """The DPA was stored, then its request stopped before enrolling the contact (here:
    enrolling failed). The next `dpa notify` pass enrols the contact and sends the notice
    of the change the DPA lists as announced."""
    with app.app_context():
        announce(days=30)

    def stopped(record, content):
        raise ConnectionError("the database went away")

    token = api_token(app, make_user(app))
    monkeypatch.setattr("dpa_builder.records.service.enrol", stopped)
    assert client.post("/api/v1/dpa", json=make_request(),
                       headers={"Authorization": f"Bearer {token}"}).status_code == 500
    monkeypatch.undo()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Subscriber)) == 0
        assert db.session.scalar(select(func.count()).select_from(DocumentRecord)) == 1
    assert notify(app, tmp_path, smtp).returncode == 0  # a request may still be enrolling
    assert smtp.sink.to("privacy@acme.example") == []
    with app.app_context():  # minutes later
        db.session.execute(update(DocumentRecord).values(issued_at=utcnow() - timedelta(minutes=6)))
        db.session.commit()
    assert notify(app, tmp_path, smtp).returncode == 0
    [notice] = smtp.sink.to("privacy@acme.example")
    assert "given to Acme Robotics GmbH under its Data Processing Addendum DPA-" in text_of(notice)
    assert notify(app, tmp_path, smtp).returncode == 0 and len(smtp.sink.received()) == 1


def test_a_straggler_that_cannot_be_enrolled_leaves_the_others_enrolled(app, client, monkeypatch):
    from dpa_builder.notices import contracts

    def stopped(record, content):
        raise ConnectionError("the database went away")

    headers = {"Authorization": f"Bearer {api_token(app, make_user(app))}"}
    monkeypatch.setattr("dpa_builder.records.service.enrol", stopped)
    for name in ("First AG", "Second AG"):
        body = make_request(customer__legal_name=name, customer__contact_email=f"dpo@{name[:-3]}.example")
        assert client.post("/api/v1/dpa", json=body, headers=headers).status_code == 500
    real = contracts.enrol
    monkeypatch.setattr(contracts, "enrol", lambda record, content: stopped(record, content)
                        if record.company == "First AG" else real(record, content))
    with app.app_context():
        now = utcnow()
        assert contracts.enrol_stragglers(now - timedelta(days=1), now + timedelta(seconds=1)) == 1
        assert db.session.scalars(select(Subscriber.email)).all() == ["dpo@second.example"]
