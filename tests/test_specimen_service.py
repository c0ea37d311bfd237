"""The service marks specimens on the record, and in production issues none: the form, the
desk and the API each say why, naming the configuration."""
import pytest
from sqlalchemy import func, select
from test_customer import form_data
from test_staff import post_desk

from dpa_builder.extensions import db
from dpa_builder.records.models import DocumentRecord

from conftest import api_token, close_app, csrf_token, login, make_app, make_request, make_user

WHY = "HELPTAL_PRIVACY_EMAIL is an example value (privacy@helptal.example)"


@pytest.fixture
def production(tmp_path, demo_env):
    app = make_app(tmp_path, DPA_ENV="production")
    yield app
    close_app(app)


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(DocumentRecord))


def test_a_specimen_is_issued_flagged_outside_production(app, client):
    page = client.get("/").get_data(as_text=True)
    assert "DPAs issued here are specimens" in page and WHY in page
    token = api_token(app, make_user(app))
    response = client.post("/api/v1/dpa", json=make_request(),
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201
    with app.app_context():
        record = db.session.get(DocumentRecord, response.json["id"])
        assert record.specimen and WHY in record.facts["specimen"]


def test_production_refuses_a_specimen_on_the_form(production):
    client = production.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "This service cannot issue DPAs" in page and WHY in page
    response = client.post("/", data=form_data(csrf_token(client, "/")))
    assert response.status_code == 503 and WHY in response.get_data(as_text=True)
    assert count(production) == 0


def test_production_refuses_a_specimen_at_the_desk_and_in_the_api(production):
    client = production.test_client()
    user = make_user(production)
    login(client, user.email)
    response = post_desk(client, notice_days="60", governing_law="IE")
    assert response.status_code == 503 and WHY in response.get_data(as_text=True)
    token = api_token(production, user)
    response = client.post("/api/v1/dpa", json=make_request(),
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 503 and WHY in response.json["error"]
    assert count(production) == 0
