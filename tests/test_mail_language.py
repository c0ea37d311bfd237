"""Emails in their recipient's language; where the English binds, the English first."""
import re

import pytest

from dpa_builder.extensions import db
from dpa_builder.notices import outbox, worker
from dpa_builder.notices.cli import url_settings
from dpa_builder.notices.models import Subscriber
from dpa_builder.records.models import utcnow

from conftest import csrf_token, make_request, squash
from smtp_server import PUBLIC_URL, announce, app, smtp, text_of  # noqa: F401


def run_worker(app) -> int:
    app.config.update(url_settings(PUBLIC_URL))
    with app.app_context():
        return worker.run()


@pytest.fixture
def noticed(app, smtp):
    """A French and a Chinese page subscriber; a change announced and sent."""
    with app.app_context():
        db.session.add_all([Subscriber(profile="helptal", email=f"{lang}@customer.example",
                                       confirmed_at=utcnow(), language=lang) for lang in ("fr", "zh")])
        db.session.commit()
        outbox.queue(announce(days=30).id, "helptal")
    assert run_worker(app) == 2
    return {lang: smtp.sink.to(f"{lang}@customer.example")[0] for lang in ("fr", "zh")}


def test_the_binding_notice_comes_in_english_first_then_translated(noticed):
    french = squash(text_of(noticed["fr"]))
    english_part = french.index("Takes effect:")
    divider = french.index("Traduction fournie à titre de commodité")
    assert english_part < divider < french.index("Prend effet le")
    assert "résilier l’Abonnement concerné" in french  # the policy, as the French DPA words it
    assert "Example Hosting GmbH" in french[divider:]  # legal entities as they are
    subject = noticed["fr"]["Subject"]
    assert subject.startswith("Helptal: sub-processor change effective ")
    assert " / Helptal\u00a0: modification des sous-traitants ultérieurs" in subject


def test_a_chinese_reader_gets_the_english_notice_and_its_chinese_translation(noticed):
    chinese = text_of(noticed["zh"])
    assert chinese.index("You may object on") < chinese.index("以下译文仅供参考") < chinese.index("提出异议")
    assert "生效日期" in chinese and "年" in noticed["zh"]["Subject"]
    html = noticed["zh"].get_body(("html",)).get_content()
    assert '<div lang="zh">' in html and "<hr>" in html


def test_a_french_page_subscriber_is_asked_to_confirm_in_french(app, smtp):
    client = app.test_client()
    token = csrf_token(client, "/subprocessors?lang=fr")
    client.post("/subscriptions", data={"email": "new@customer.example", "profile": "helptal",
                                         "csrf_token": token})
    [mail] = smtp.sink.to("new@customer.example")
    assert "confirmez votre abonnement" in mail["Subject"]
    body = text_of(mail)
    assert "Pour confirmer, ouvrez ce lien" in body
    link = re.search(r"https?://\S+/subscriptions/confirm/\S+", body).group(0)
    confirm = client.get(link.replace(PUBLIC_URL, "")).get_data(as_text=True)
    assert "<h1>Confirmez votre abonnement</h1>" in confirm and 'lang="fr"' in confirm


def test_the_dpa_issued_email_speaks_the_dpas_language(app, smtp):
    client = app.test_client()
    request = make_request()
    data = {**request["customer"], **{f"signatory_{k}": v for k, v in request["signatory"].items()},
            "role": "controller", "language": "zh", "effective_date": "2026-12-01",
            "authorised": "y", "csrf_token": csrf_token(client, "/")}
    assert client.post("/", data=data).status_code == 303
    [mail] = smtp.sink.to("privacy@acme.example")
    assert "您的数据处理附录" in mail["Subject"] and "请保留本邮件" in text_of(mail)
