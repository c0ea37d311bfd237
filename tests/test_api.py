import hashlib

import pytest
from sqlalchemy import func, select

from dpa_builder.app import create_app
from dpa_builder.extensions import db
from dpa_builder.records.models import DocumentRecord
from dpa_builder.staff.models import ApiToken, User

from conftest import api_token, docx_text, make_request, make_user


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def token(app):
    return api_token(app, make_user(app))


def count_records(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(DocumentRecord))


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer"}, bearer("dpa_unknown"),
                                     {"Authorization": "Basic c2FsZXM6cGFzcw=="}])
def test_post_without_a_valid_token_is_refused(app, client, headers):
    response = client.post("/api/v1/dpa", json=make_request(), headers=headers)
    assert response.status_code == 401 and response.json["error"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert count_records(app) == 0


def test_revoked_token_and_inactive_user_are_refused(app, client):
    user = make_user(app)
    revoked, inactive = api_token(app, user), api_token(app, user)
    with app.app_context():
        db.session.scalar(select(ApiToken).where(
            ApiToken.token_sha256 == ApiToken.digest(revoked))).revoked = True
        db.session.commit()
    assert client.post("/api/v1/dpa", json=make_request(), headers=bearer(revoked)).status_code == 401
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert client.post("/api/v1/dpa", json=make_request(), headers=bearer(inactive)).status_code == 401


def test_legal_token_may_not_issue(app, client):
    legal = api_token(app, make_user(app, "legal"))
    response = client.post("/api/v1/dpa", json=make_request(), headers=bearer(legal))
    assert response.status_code == 403
    assert 'error="insufficient_scope"' in response.headers["WWW-Authenticate"]


def test_post_issues_a_dpa_whose_files_match_the_answer(app, client, token):
    body = {**make_request(), "options": {"notice_days": 60, "governing_law": "IE"}}
    response = client.post("/api/v1/dpa", json=body, headers=bearer(token))
    assert response.status_code == 201, response.json
    answer = response.json
    assert answer["document_id"].startswith("DPA-") and answer["issued_at"].endswith("+00:00")
    assert response.headers["Location"] == f"http://127.0.0.1:5000/api/v1/dpa/{answer['id']}"
    for fmt in ("docx", "pdf"):
        download = client.get(answer["urls"][fmt])
        assert download.status_code == 200
        assert hashlib.sha256(download.data).hexdigest() == answer["sha256"][fmt]
    text = " ".join(docx_text(client.get(answer["urls"]["docx"]).data).split())
    assert "Notice Period (Sub-processor changes) 60 days" in text
    assert "The law of Ireland; the courts of Ireland" in text
    assert answer["facts"]["governing_law"] == "Ireland" and answer["facts"]["notice_days"] == "60"
    assert answer["options"] | {"notice_days": 60, "governing_law": "IE"} == answer["options"]
    assert answer["sizes"]["pdf"] == len(client.get(answer["urls"]["pdf"]).data)
    assert client.get(answer["urls"]["summary"]).status_code == 200
    with app.app_context():
        assert db.session.get(DocumentRecord, answer["id"]).channel == "api"


def test_behind_a_proxy_under_a_path_the_answer_links_there(app, client, token):
    app.config["DPA_PUBLIC_URL"] = "https://dpa.example/base"
    response = client.post("/api/v1/dpa", json=make_request(), headers=bearer(token),
                           base_url="http://127.0.0.1/base")
    assert response.status_code == 201
    record_id = response.json["id"]
    assert response.headers["Location"] == f"https://dpa.example/base/api/v1/dpa/{record_id}"
    assert response.json["urls"]["summary"] == f"https://dpa.example/base/documents/{record_id}"


def test_get_by_id_needs_a_token(app, client, token):
    created = client.post("/api/v1/dpa", json=make_request(), headers=bearer(token)).json
    assert client.get(f"/api/v1/dpa/{created['id']}").status_code == 401
    response = client.get(f"/api/v1/dpa/{created['id']}", headers=bearer(token))
    assert response.status_code == 200 and response.json == created
    missing = client.get("/api/v1/dpa/nothing-here", headers=bearer(token))
    assert missing.status_code == 404 and missing.json["error"]


def test_bad_fields_are_each_named(app, client, token):
    body = make_request(customer__contact_email="nope", customer__country="ZZ", language="de")
    del body["signatory"]["name"]
    body["options"] = {"notice_days": "sixty", "colour": "blue"}
    response = client.post("/api/v1/dpa", json=body, headers=bearer(token))
    assert response.status_code == 422
    assert set(response.json["errors"]) == {
        "customer.contact_email", "customer.country", "language", "signatory.name",
        "options.notice_days", "options.colour"}
    assert count_records(app) == 0


@pytest.mark.parametrize("options, field", [({"notice_days": 400}, "options.notice_days"),
                                            ({"governing_law": "GB"}, "options.governing_law")])
def test_options_outside_what_legal_allows_are_refused(app, client, token, options, field):
    response = client.post("/api/v1/dpa", json={**make_request(), "options": options},
                           headers=bearer(token))
    assert response.status_code == 422 and list(response.json["errors"]) == [field]
    assert count_records(app) == 0


@pytest.mark.parametrize("kwargs", [{"data": "not json", "content_type": "text/plain"},
                                    {"data": "{broken", "content_type": "application/json"},
                                    {"json": ["a", "list"]}])
def test_a_body_that_is_not_a_json_object_is_a_400(client, token, kwargs):
    response = client.post("/api/v1/dpa", headers=bearer(token), **kwargs)
    assert response.status_code == 400 and "JSON object" in response.json["error"]


def test_the_api_is_rate_limited(app, token):
    limited = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "RATELIMIT_ENABLED": True,
                          "DPA_RATE_LIMIT": "2 per minute",
                          "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                          "DPA_STORAGE_DIR": app.config["DPA_STORAGE_DIR"]})
    client = limited.test_client()
    codes = [client.post("/api/v1/dpa", data="x", headers=bearer(token)).status_code
             for _ in range(3)]
    assert codes == [400, 400, 429]
    with limited.app_context():
        db.engine.dispose()


def test_openapi_description_is_public_and_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json
    assert spec["openapi"].startswith("3.1")
    schemas = spec["components"]["schemas"]
    assert {"customer", "signatory", "options"} <= set(schemas["DpaCreate"]["properties"])
    assert schemas["Options"]["properties"]["notice_days"]["maximum"] == 90
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(spec)


def test_an_idempotency_key_issues_once_and_replays(app, client, token):
    headers = {**bearer(token), "Idempotency-Key": "order-4711"}
    first = client.post("/api/v1/dpa", json=make_request(), headers=headers)
    again = client.post("/api/v1/dpa", json=make_request(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json == first.json and again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers and count_records(app) == 1
    other = client.post("/api/v1/dpa", json=make_request(customer__legal_name="Other AG"),
                        headers=headers)
    assert other.status_code == 422 and "Idempotency-Key" in other.json["errors"]
    bad = client.post("/api/v1/dpa", json=make_request(), headers={**headers, "Idempotency-Key": "é"})
    assert bad.status_code == 400 and count_records(app) == 1


def test_a_dpa_recorded_before_a_failure_is_what_the_retry_gets(app, client, token, monkeypatch):
    """The key points at the record in the record's own commit: the email failing after
    it must not free the key for a second DPA."""
    def failing(record, customer):
        raise ConnectionError("the relay went away")

    headers = {**bearer(token), "Idempotency-Key": "fails-after-recording"}
    monkeypatch.setattr("dpa_builder.records.service.send_issued", failing)
    assert client.post("/api/v1/dpa", json=make_request(), headers=headers).status_code == 500
    monkeypatch.undo()
    again = client.post("/api/v1/dpa", json=make_request(), headers=headers)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert count_records(app) == 1


def test_a_refused_request_frees_its_idempotency_key(app, client, token):
    headers = {**bearer(token), "Idempotency-Key": "retry-me"}
    body = {**make_request(), "options": {"notice_days": 9999}}
    assert client.post("/api/v1/dpa", json=body, headers=headers).status_code == 422
    assert client.post("/api/v1/dpa", json=make_request(), headers=headers).status_code == 201
