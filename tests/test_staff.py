import hashlib
import re

import pytest
from sqlalchemy import func, select

from dpa_builder.app import create_app
from dpa_builder.extensions import db
from dpa_builder.records.models import DocumentFile, DocumentRecord
from dpa_builder.records.service import issue
from dpa_builder.request import parse_request
from dpa_builder.staff.models import User

from conftest import PASSWORD, csrf_token, docx_text, login, make_request, make_user

PROSPECT = {
    "legal_name": "Acme Robotics GmbH", "address": "Musterstraße 1, 10115 Berlin",
    "country": "DE", "contact_email": "privacy@acme.example", "signatory_name": "Jane Doe",
    "signatory_title": "CEO", "signatory_email": "jane@acme.example", "role": "controller",
    "language": "en", "effective_date": "2026-12-01",
}


def another_app(app, **config):
    """A second application on the same database, e.g. with other settings."""
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret",
                       "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                       "DPA_STORAGE_DIR": app.config["DPA_STORAGE_DIR"], **config})


def dispose(app):
    with app.app_context():
        db.engine.dispose()


def post_desk(client, **changes):
    data = {**PROSPECT, **changes, "csrf_token": csrf_token(client, "/staff/desk")}
    return client.post("/staff/desk", data=data)


def count_records(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(DocumentRecord))


def test_wrong_password_gets_the_same_answer_as_unknown_email(app, client):
    make_user(app)
    answers = [login(client, "sales@dpa.example", "not the password"),
               login(client, "nobody@dpa.example")]
    errors = [re.findall(r'class="error"[^>]*>([^<]*)<', a.get_data(as_text=True)) for a in answers]
    assert errors[0] == errors[1] == ["Incorrect email or password."]
    assert [a.status_code for a in answers] == [200, 200]
    assert client.get("/staff/desk").status_code == 302


def test_login_then_logout(app, client):
    make_user(app)
    page = login(client, "Sales@DPA.example")
    assert page.request.path == "/staff/desk" and "Sign out Sales Person" in page.get_data(True)
    token = csrf_token(client, "/staff/desk")
    response = client.post("/staff/logout", data={"csrf_token": token})
    assert response.status_code == 302 and response.location.endswith("/staff/login")
    assert client.get("/staff/desk").status_code == 302


def test_logout_needs_a_csrf_token(app, client):
    make_user(app)
    login(client, "sales@dpa.example")
    assert client.post("/staff/logout").status_code == 400
    assert client.get("/staff/desk").status_code == 200


def test_login_starts_a_fresh_session(app, client):
    make_user(app)
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    login(client, "sales@dpa.example")
    with client.session_transaction() as session:
        assert "planted" not in session and "_user_id" in session


@pytest.mark.parametrize("target, expected", [
    ("/staff/documents?q=acme", "/staff/documents?q=acme"),
    ("https://evil.example/", "/staff/desk"), ("//evil.example/", "/staff/desk"),
    ("/\\evil.example/", "/staff/desk"), ("/\t/evil.example/", "/staff/desk")])
def test_login_redirects_only_within_the_site(app, client, target, expected):
    make_user(app)
    url = "/staff/login?" + f"next={target}".replace("?", "%3F").replace("\t", "%09")
    token = csrf_token(client, url)
    response = client.post(url, data={"email": "sales@dpa.example", "password": PASSWORD,
                                      "csrf_token": token})
    assert response.status_code == 302 and response.location == expected


def test_session_cookie_is_httponly_and_samesite_lax(app, client):
    make_user(app)
    token = csrf_token(client, "/staff/login")
    response = client.post("/staff/login", data={"email": "sales@dpa.example",
                                                 "password": PASSWORD, "csrf_token": token})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_cookie_is_secure_over_https(app, monkeypatch):
    monkeypatch.setenv("DPA_PUBLIC_URL", "https://dpa.example")
    secure = another_app(app, RATELIMIT_ENABLED=False)
    make_user(secure)
    client, base = secure.test_client(), "https://dpa.example/staff/login"
    # Over HTTPS, Flask-WTF also checks that the Referer is this site, as a browser sends it.
    response = client.post(base, headers={"Referer": base}, data={
        "email": "sales@dpa.example", "password": PASSWORD, "csrf_token": csrf_token(client, base)})
    assert response.status_code == 302
    assert "Secure" in response.headers["Set-Cookie"] and "HttpOnly" in response.headers["Set-Cookie"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    dispose(secure)


def test_login_is_rate_limited(app):
    limited = another_app(app, RATELIMIT_ENABLED=True)
    client = limited.test_client()
    codes = [client.post("/staff/login", data={
        "email": f"x{i}@dpa.example", "password": "guess",  # apart from the per-account back-off
        "csrf_token": csrf_token(client, "/staff/login")}).status_code for i in range(11)]
    assert codes == [200] * 10 + [429]
    dispose(limited)


def test_desk_requires_login(client):
    response = client.get("/staff/desk")
    assert response.status_code == 302
    assert response.location.startswith("/staff/login?next=%2Fstaff%2Fdesk")


def test_desk_requires_the_sales_role(app, client):
    make_user(app, "legal")
    login(client, "legal@dpa.example")
    assert client.get("/staff/desk").status_code == 403
    assert client.get("/staff/documents").status_code == 200


def test_sales_issues_a_dpa_with_agreed_options(app, client):
    user = make_user(app)
    login(client, "sales@dpa.example")
    response = post_desk(client, notice_days="60", governing_law="IE")
    assert response.status_code == 303 and response.location.startswith("/documents/")
    summary = client.get(response.location).get_data(as_text=True)
    assert "The DPA for Acme Robotics GmbH" in summary and "Your company" not in summary
    agreed = summary[summary.index('class="summary agreed"'):]
    assert "60 days" in agreed and "Ireland" in agreed[:agreed.index("</dl>")]
    with app.app_context():
        record = db.session.scalar(select(DocumentRecord))
        assert (record.channel, record.issued_by) == ("sales", user.id)
        assert record.options | {"notice_days": 60, "governing_law": "IE"} == record.options
    text = " ".join(docx_text(client.get(response.location + "/docx").data).split())
    assert "Notice Period (Sub-processor changes) 60 days" in text
    assert "Notice Period (Sub-processor changes) 30 days" not in text
    assert "The law of Ireland; the courts of Ireland" in text and "law of Germany" not in text


def test_a_desk_post_without_the_optional_choices_takes_their_defaults(app, client):
    make_user(app)
    login(client, "sales@dpa.example")
    response = post_desk(client)  # no governing_law, notice_days or bilingual at all
    assert response.status_code == 303
    with app.app_context():
        record = db.session.scalar(select(DocumentRecord))
        assert (record.options["governing_law"], record.options["notice_days"]) == (None, None)
        assert record.notice_days == 30 and "Germany" in record.facts["governing_law"]


def test_bad_options_and_fields_are_shown_next_to_them(app, client):
    make_user(app)
    login(client, "sales@dpa.example")
    response = post_desk(client, notice_days="400", contact_email="nope")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and count_records(app) == 0
    assert re.search(r'id="notice_days-error">Enter a number of days between 30 and 90.<', page)
    assert 'id="contact_email-error"' in page and 'value="Acme Robotics GmbH"' in page
    assert 'value="400"' in page


def test_search_finds_earlier_dpas_and_downloads_them_again(app, client):
    make_user(app)
    with app.app_context():
        for name in ("Acme Robotics GmbH", "Globex SARL", "ACME Logistics 100% Ltd", "Müller AG"):
            issue(parse_request(make_request(customer__legal_name=name)), channel="form",
                  formats=("docx",))
    login(client, "sales@dpa.example")
    page = client.get("/staff/documents?q=acme").get_data(as_text=True)
    assert "Acme Robotics GmbH" in page and "ACME Logistics" in page and "Globex" not in page
    assert page.index("ACME Logistics") < page.index("Acme Robotics")  # newest first
    assert "EU Standard Contractual Clauses" in page  # each record's transfer mechanism, as issued
    assert "100%" in client.get("/staff/documents?q=0%25").get_data(as_text=True)
    assert "Acme" not in client.get("/staff/documents?q=_").get_data(as_text=True)
    assert "Müller AG" in client.get("/staff/documents?q=MÜLLER").get_data(as_text=True)
    link = re.search(r'href="(/documents/[^"]+/docx)"', page).group(1)
    data = client.get(link).data
    with app.app_context():
        shas = set(db.session.scalars(select(DocumentFile.sha256)))
    assert hashlib.sha256(data).hexdigest() in shas


def test_a_name_that_folds_longer_is_issued_and_found(app, client):
    # NFKC makes 18 letters of U+FDFA: the folded name outgrows its column (on PostgreSQL).
    name = "\ufdfa" * 200
    make_user(app)
    with app.app_context():
        issue(parse_request(make_request(customer__legal_name=name)), channel="form",
              formats=("docx",))
    login(client, "sales@dpa.example")
    assert name in client.get("/staff/documents?q=%EF%B7%BA").get_data(as_text=True)


def test_an_overlong_email_at_sign_in_is_refused_beside_the_field(app, client):
    page = login(client, "a" * 300 + "@dpa.example")
    assert page.status_code == 200 and "Incorrect email or password." in page.get_data(True)


def test_passwords_are_stored_hashed(app):
    make_user(app)
    with app.app_context():
        stored = db.session.scalar(select(User.password_hash))
    assert stored != PASSWORD and stored.startswith("scrypt:") and PASSWORD not in stored
