"""The web interface in English, French and Chinese: chosen, negotiated, complete."""
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from dpa_builder.assembly.compose import TranslationRefused
from dpa_builder.content.layout import REPO_ROOT
from dpa_builder.content.translation_status import Gap
from dpa_builder.customer.wording import plain_errors
from dpa_builder.extensions import db
from dpa_builder.records.models import DocumentRecord

from conftest import api_token, csrf_token, login, make_request, make_user

CATALOGUES = REPO_ROOT / "dpa_builder" / "translations"


@pytest.fixture
def client(shared_app):
    return shared_app.test_client()


def page(client, url="/", **headers) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("accept, lang, words", [
    ("fr-FR,fr;q=0.9,en;q=0.5", "fr", "Aller au contenu principal"),
    ("zh-CN,zh;q=0.9", "zh-CN", "跳至主要内容"),
    ("de-DE,de;q=0.9", "en", "Skip to main content"),
    ("", "en", "Skip to main content"),
])
def test_accept_language_picks_the_interface_language(client, accept, lang, words):
    html = page(client, **({"Accept-Language": accept} if accept else {}))
    assert f'<html lang="{lang}">' in html and words in html


def test_the_users_choice_wins_over_accept_language_and_is_kept(client):
    assert '<html lang="zh-CN">' in page(client, "/?lang=zh", **{"Accept-Language": "fr"})
    html = page(client, "/subprocessors", **{"Accept-Language": "fr"})
    assert '<html lang="zh-CN">' in html
    assert 'href="/subprocessors?lang=fr" hreflang="fr" lang="fr">Français</a>' in html


def test_an_unknown_choice_is_ignored(client):
    assert '<html lang="fr">' in page(client, "/?lang=de", **{"Accept-Language": "fr"})


def test_pages_vary_by_language(client):
    vary = client.get("/").headers["Vary"]
    assert "Accept-Language" in vary and "Cookie" in vary


def catalogue(language: str):
    with open(CATALOGUES / language / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=language)


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_every_interface_text_is_translated(language):
    untranslated = [m.id for m in catalogue(language) if m.id and (not m.string or m.fuzzy)]
    assert not untranslated, f"translate these in {language} (make translations): {untranslated}"


def test_the_catalogues_hold_every_text_of_the_sources(tmp_path):
    """A text wrapped in _() but never extracted would show in English: run `make translations`."""
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F",
                    str(REPO_ROOT / "babel.cfg"), "-k", "lazy_gettext", "-k", "_l",
                    "-o", str(pot), str(REPO_ROOT)], check=True, cwd=REPO_ROOT)
    with open(pot, "rb") as source:
        wanted = {m.id for m in read_po(source) if m.id}
    missing = wanted - {m.id for m in catalogue("fr") if m.id}
    assert not missing, f"run `make translations` and translate: {sorted(missing)}"


def test_the_sub_processor_page_translates_its_frame_and_keeps_commitments_in_english(client):
    html = page(client, "/subprocessors?lang=fr")
    assert "Sous-traitants ultérieurs actuels" in html and "Modifications à venir" in html
    assert "seul son texte anglais fait foi" in html
    assert '<p lang="en">We notify customers at least 30 days' in html
    assert "Evith LLC" in html  # legal entities as they are
    chinese = page(client, "/subprocessors?lang=zh")
    assert "现有子处理者" in chinese and "次处理方" not in chinese


def test_dates_follow_the_interface_language(client):
    assert "年" in page(client, "/subprocessors/changelog?lang=zh")
    french = page(client, "/subprocessors/changelog?lang=fr")
    assert "Journal des modifications" in french


def test_error_pages_speak_the_visitors_language_and_the_api_english(client):
    response = client.get("/nowhere", headers={"Accept-Language": "fr"})
    assert response.status_code == 404 and "Il n’y a rien à cette adresse." in response.get_data(True)
    api = client.get("/api/v1/nowhere", headers={"Accept-Language": "fr"})
    assert api.status_code == 404 and api.get_json() == {"error": "There is nothing at this address."}


def test_the_form_speaks_french_and_offers_a_french_dpa_first(client):
    html = page(client, "/", **{"Accept-Language": "fr"})
    assert "<legend>Société</legend>" in html and "Langue de l’accord" in html
    assert '<option selected value="fr">Français</option>' in html
    assert '<option value="DE">Allemagne</option>' in html  # countries named in French
    chinese = page(client, "/?lang=zh")
    assert '<option selected value="zh">中文</option>' in chinese and "德国" in chinese


def test_a_chinese_visitor_gets_a_chinese_dpa_and_summary(app):
    client = app.test_client()
    request = make_request()
    data = {**request["customer"], **{f"signatory_{k}": v for k, v in request["signatory"].items()},
            "role": "controller", "language": "zh", "effective_date": "2026-12-01",
            "authorised": "y", "csrf_token": csrf_token(client, "/?lang=zh")}
    summary = client.post("/", data=data, follow_redirects=True).get_data(as_text=True)
    assert "您的数据处理附录" in summary and "下载 PDF（供阅读）" in summary
    with app.app_context():
        record = db.session.scalars(select(DocumentRecord)).one()
        assert record.request["language"] == "zh" and record.facts["language"].startswith("Chinese")


def test_an_unfinished_translation_is_explained_in_plain_words(shared_app):
    refused = TranslationRefused("fr", [Gap("breach", "clause_library/translations/fr/x.yaml",
                                            "stale", "translates version 1")])
    with shared_app.test_request_context("/?lang=fr", headers={"Accept-Language": "fr"}):
        message = plain_errors(refused).fields["language"]
    assert message.startswith("Une partie de la traduction de cet accord n’est pas encore prête")



def test_staff_pages_keep_the_language_chosen_before_signing_in(app):
    client, user = app.test_client(), make_user(app, "sales")
    assert "<h1>Connexion du personnel</h1>" in page(client, "/staff/login?lang=fr")
    login(client, user.email)
    desk = page(client, "/staff/desk")
    assert "Espace commercial" in desk and 'name="bilingual"' in desk
    assert 'name="english_fallback"' in desk


def test_the_api_issues_a_bilingual_chinese_dpa_and_checks_the_translation_options(app):
    client = app.test_client()
    token = api_token(app, make_user(app, "sales"))
    headers = {"Authorization": f"Bearer {token}"}
    bad = client.post("/api/v1/dpa", headers=headers, json={
        **make_request(language="zh"), "options": {"bilingual": "yes", "english_for": "all"}})
    assert bad.status_code == 422 and set(bad.json["errors"]) == {
        "options.bilingual", "options.english_for"}
    good = client.post("/api/v1/dpa", headers=headers, json={
        **make_request(language="zh"), "options": {"bilingual": True, "english_for": ["all"]}})
    assert good.status_code == 201 and good.json["facts"]["language"].startswith("Bilingual")
