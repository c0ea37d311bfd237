"""Staff sessions end when staff say so (sign-out, new password, disabled) or when idle or old."""
import time
from datetime import timedelta

import pytest
from sqlalchemy import update
from test_staff_cli import dpa  # noqa: F401 - fixture

from dpa_builder.extensions import db
from dpa_builder.records.models import utcnow
from dpa_builder.staff.models import LoginFailure
from dpa_builder.staff.throttle import FREE_TRIES

from conftest import PASSWORD, csrf_token, login, make_user

SALES = "sales@dpa.example"


@pytest.fixture
def signed_in(app, client):
    """A signed-in client and its session cookie, as a thief would copy it."""
    make_user(app)
    assert login(client, SALES).request.path == "/staff/desk"
    return client.get_cookie("session").value


def replay(app, cookie: str) -> int:
    """The status of the desk for another browser presenting the copied cookie."""
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief.get("/staff/desk").status_code


def test_signing_out_ends_every_session_of_the_user(app, client, signed_in):
    elsewhere = app.test_client()
    login(elsewhere, SALES)
    client.post("/staff/logout", data={"csrf_token": csrf_token(client, "/staff/desk")})
    assert replay(app, signed_in) == 302
    assert elsewhere.get("/staff/desk").status_code == 302


@pytest.mark.parametrize("command", [
    ["user", "set-password", "--email", SALES, "--password", "another long password"],
    ["user", "disable", "--email", SALES]])
def test_a_new_password_or_disabling_ends_the_sessions(app, signed_in, dpa, command):
    assert replay(app, signed_in) == 200
    result = dpa(*command)
    assert result.exit_code == 0 and "sessions have ended" in result.output
    assert replay(app, signed_in) == 302


def test_a_disabled_user_cannot_sign_in_until_enabled(app, client, dpa):
    make_user(app)
    assert dpa("user", "disable", "--email", SALES).exit_code == 0
    assert "Incorrect email or password." in login(client, SALES).get_data(as_text=True)
    assert dpa("user", "enable", "--email", SALES).exit_code == 0
    assert login(client, SALES).request.path == "/staff/desk"
    assert f"{SALES}\tsales\tenabled\tSales Person" in dpa("user", "list").output


@pytest.mark.parametrize("idle_minutes, signed_in_hours, status", [
    (29, 1, 200), (31, 1, 302), (1, 12.1, 302)])
def test_idle_and_old_sessions_end(client, signed_in, idle_minutes, signed_in_hours, status):
    now = time.time()
    with client.session_transaction() as session:
        session["seen_at"] = now - idle_minutes * 60
        session["login_at"] = now - signed_in_hours * 3600
    assert client.get("/staff/desk").status_code == status


def attempt(client, email, password="wrong guess"):
    response = login(client, email, password)
    return response.status_code, response.get_data(as_text=True)


def test_sign_in_backs_off_per_account_and_does_not_reveal_which_exist(app, client):
    make_user(app)
    for email in (SALES, "nobody@dpa.example"):
        assert [attempt(client, email)[0] for _ in range(FREE_TRIES)] == [200] * FREE_TRIES
    answers = [attempt(client, email, PASSWORD) for email in (SALES, "nobody@dpa.example")]
    assert [status for status, _ in answers] == [429, 429]
    assert all("Too many failed sign-ins with this email. Try again in 1 minute." in page
               for _, page in answers)
    assert attempt(client, "other@dpa.example")[0] == 200
    with app.app_context():  # two minutes pass
        db.session.execute(update(LoginFailure).values(last_failed_at=utcnow() - timedelta(minutes=2)))
        db.session.commit()
    assert login(client, SALES).request.path == "/staff/desk"
