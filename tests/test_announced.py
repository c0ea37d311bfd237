"""A DPA issued while a registry change is announced but not yet in effect: it lists the
change (Cover Page and Annex III, DOCX and PDF), its contacts get the notice once, worded as
the clause "Sub-processors" says, and the record rebuilds it as issued."""
import dataclasses
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from test_loader import problems
from test_notify import notify
from test_staff import post_desk

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.compose import TranslationRefused
from dpa_builder.assembly.context import Options
from dpa_builder.assembly.language import long_date
from dpa_builder.assembly.translate import translate
from dpa_builder.content.annex_schema import SubProcessor
from dpa_builder.content.loader import load_content
from dpa_builder.extensions import db
from dpa_builder.notices import outbox
from dpa_builder.records.models import DocumentRecord
from dpa_builder.records.service import file_for, rebuild
from dpa_builder.registry.changes import Change, with_announced
from dpa_builder.request import parse_request

from conftest import csrf_token, docx_text, login, make_request, make_user, pdf_text, squash
from smtp_server import add_subscribers, announce, app, entry, smtp, text_of  # noqa: F401

ADDED = "Addition of Example Hosting GmbH (ExampleHost)"


@pytest.fixture
def desk(app, client):
    """A client signed in as sales."""
    make_user(app, "sales", "desk@dpa.example")
    login(client, "desk@dpa.example")
    return client


def issue_at_desk(client):
    """Sales issues Desk SARL's DPA with 60 days' notice, longer than the profile's 30."""
    answer = post_desk(client, legal_name="Desk SARL", contact_email="privacy@desk.example",
                       notice_days="60", governing_law="")
    assert answer.status_code == 303
    return answer.location


def test_a_dpa_issued_during_an_announced_change_lists_it_and_its_contact_gets_one_notice(
        app, desk, smtp, tmp_path):
    with app.app_context():
        [page] = [s.email for s in add_subscribers(1, prefix="page")]
        change = announce(days=31)  # 31 days: shorter than the 60 sales will agree
        assert outbox.queue(change.id, "helptal") == 1  # as legal's announcement does
    summary = issue_at_desk(desk)
    day = long_date(change.effective_on)
    docx, pdf = (desk.get(f"{summary}/{fmt}").data for fmt in ("docx", "pdf"))
    for text in (squash(docx_text(docx)), squash(pdf_text(pdf))):
        assert f"Announced Changes (Sub-processors) {ADDED}, effective {day}. Each takes effect on " \
               "its date, even where less than the Notice Period remains" in text  # the Cover Page
        assert (f"{ADDED} 1 Example Street, 10115 Berlin, Germany Germany Virtual servers & object "
                f"storage for customers' attachments. {day}") in text  # Annex III's row
        assert "other than an Announced Change (see below), at least the Notice Period" in text
    shown = desk.get(summary).get_data(as_text=True)  # what sales sees once it is issued
    assert "Announced sub-processor changes" in shown and f"{ADDED}, effective {day}" in shown
    with app.app_context():
        record = db.session.scalars(select(DocumentRecord)).one()
        assert (record.announced_changes, record.registry_changes) == ([change.id], [])
        assert rebuild(record, "docx") == file_for(record, "docx") == docx
    smtp.sink.messages.clear()  # the DPA's own email
    assert notify(app, tmp_path, smtp).returncode == 0
    assert sorted(m["To"] for m in smtp.sink.received()) == sorted([page, "privacy@desk.example"])
    [notice] = smtp.sink.to("privacy@desk.example")
    text = squash(text_of(notice))
    assert ("under its Data Processing Addendum DPA-" in text
            and f"which lists this change in Annex III as an Announced Change: it was announced "
                f"before that DPA was issued and takes effect on {day}, as the DPA states. The "
                "DPA's 60 days' notice applies to changes announced after it was issued." in text)
    assert f"You may object on reasonable data-protection grounds before {day}:" in text
    assert "in Annex III as an Announced Change" in squash(notice.get_body(("html",)).get_content())
    assert "provides 60 days' notice" not in text
    issue_at_desk(desk)  # a newer DPA for the same customer and contact: no second notice
    again = notify(app, tmp_path, smtp)
    assert "sent 0 notices" in again.stdout and len(smtp.sink.received()) == 3  # + its DPA email


def test_a_person_registered_later_is_sent_the_notice_of_an_announced_change(
        app, desk, smtp, tmp_path):
    with app.app_context():
        change = announce(days=31)
    summary = issue_at_desk(desk)
    added = desk.post(f"{summary}/recipients", data={"email": "dpo@controller.example",
                                                     "csrf_token": csrf_token(desk, "/")})
    assert added.status_code == 303
    smtp.sink.messages.clear()
    assert "sent 2 notices" in notify(app, tmp_path, smtp).stdout
    [notice] = smtp.sink.to("dpo@controller.example")
    assert f"takes effect on {long_date(change.effective_on)}, as the DPA states" in squash(text_of(notice))


def test_a_dpa_issued_with_nothing_announced_says_so(app, desk, smtp):
    issue_at_desk(desk)
    with app.app_context():
        record = db.session.scalars(select(DocumentRecord)).one()
        assert record.announced_changes == []
        text = docx_text(file_for(record, "docx"))
    assert "there are no Announced Changes" in text and "Announced Changes (Sub-processors)" not in text


def change(id: int, kind: str, target: str = "", days: int = 20, **fields) -> Change:
    """A change announced on 1 December 2026, `days` before it takes effect."""
    incoming = None if kind == "remove" else SubProcessor.model_validate(entry(**fields))
    return Change(id, kind, target, incoming, date(2026, 12, 1), date(2026, 12, 1) + timedelta(days))


def with_changes(content, *changes):
    return dataclasses.replace(content, registry=with_announced(content.registry, list(changes)))


def test_replacements_and_removals_name_what_goes(helptal):
    content = with_changes(helptal, change(1, "replace", "neon", days=40),
                           change(2, "remove", "tappay", days=10))
    document = assemble(parse_request(make_request()), content)
    cover, terms = (" ".join(document.text_lines(part)) for part in (document.cover, document.terms))
    assert ("Removal of Cherri Tech, Inc. (TapPay), effective 11 December 2026; Replacement of "
            "Neon, LLC (Neon) by Example Hosting GmbH (ExampleHost), effective 10 January 2027.") in cover
    assert "Removal of Cherri Tech, Inc. (TapPay) Taipei, Taiwan Taiwan Secondary card processor" in terms


def test_the_list_is_translated_and_the_translation_follows_the_registry(helptal):
    stripe = next(s for s in helptal.registry.subprocessors if s.id == "stripe")
    # An incoming provider whose texts the translations already hold: nothing is refused.
    content = with_changes(helptal, change(1, "replace", "stripe", purpose=stripe.purpose,
                                           processing_location=stripe.processing_location,
                                           category="payment"))
    translate(helptal, "fr")  # cached without announced changes first
    assert translate(content, "fr").content.registry.announced  # not the cached registry
    expected = {"fr": ["Modifications annoncées (sous-traitants ultérieurs)",
                       "Remplacement de Stripe, Inc. (Stripe) par Example Hosting GmbH (ExampleHost), "
                       "prenant effet le 21 décembre 2026", "Prise d’effet", "États-Unis"],
                "zh": ["已公布变更（子处理者）",
                       "以Example Hosting GmbH (ExampleHost)替换Stripe, Inc. (Stripe)，于2026年12月21日生效",
                       "生效日期", "本附录之前公布的变更。"]}
    for language, phrases in expected.items():
        document = assemble(parse_request(make_request(language=language)), content)
        text = " ".join(document.text_lines())
        assert all(phrase in text for phrase in phrases), (language, text[-3000:])


def test_an_untranslated_incoming_provider_refuses_a_french_dpa_unless_asked_in_english(helptal):
    content = with_changes(helptal, change(1, "add"))
    with pytest.raises(TranslationRefused, match="2 labels and annex texts"):
        assemble(parse_request(make_request(language="fr")), content)
    document = assemble(parse_request(make_request(language="fr")), content, Options(english_for=("all",)))
    assert "Virtual servers & object storage for customers' attachments." in document.text_lines()


def test_registry_yaml_cannot_announce_changes(content_copy):
    registry = content_copy / "annexes/helptal/registry.yaml"
    registry.write_text(registry.read_text() + "announced: []\n")
    assert load_content("helptal", content_copy).registry.announced == []
    registry.write_text(registry.read_text().replace(
        "announced: []", "announced:\n  - {kind: remove, effective_on: 2027-01-01}"))
    assert problems("helptal", content_copy) == [
        "annexes/helptal/registry.yaml: announced: the service lists the changes announced on "
        "/legal/ itself; delete this key"]
