import pytest
from click.testing import CliRunner

from dpa_builder.cli import main

from conftest import PASSWORD, login

USER = ["user", "create", "--email", "Sam@DPA.example", "--name", "Sam Sales", "--role", "sales"]


@pytest.fixture
def dpa(app, tmp_path, monkeypatch):
    """Run `dpa …` against the test application's database, as an operator would."""
    monkeypatch.setenv("DPA_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("DPA_INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("DPA_RATELIMIT_STORAGE_URL", "memory://")
    return lambda *args: CliRunner().invoke(main, list(args))


def test_created_user_can_sign_in_and_get_a_token(app, client, dpa):
    result = dpa(*USER, "--password", PASSWORD)
    assert result.exit_code == 0, result.output
    assert "created sales Sam@DPA.example" in result.output
    assert login(client, "sam@dpa.example").request.path == "/staff/desk"
    result = dpa("token", "create", "--email", "sam@dpa.example", "--label", "CRM")
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert token.startswith("dpa_")
    response = client.get("/api/v1/dpa/none", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404


def test_duplicate_email_is_refused(dpa):
    assert dpa(*USER, "--password", PASSWORD).exit_code == 0
    result = dpa(*USER[:3], "sam@dpa.example", *USER[4:], "--password", PASSWORD)
    assert result.exit_code == 1
    assert "a user with email sam@dpa.example already exists" in result.output


def test_short_password_is_refused(app, client, dpa):
    result = dpa(*USER, "--password", "short")
    assert result.exit_code == 2 and "use at least 12 characters" in result.output
    assert "Incorrect email or password." in login(client, "sam@dpa.example").get_data(True)


def test_token_for_an_unknown_user_is_refused(dpa):
    result = dpa("token", "create", "--email", "nobody@dpa.example")
    assert result.exit_code == 1 and "no user with email nobody@dpa.example" in result.output


def test_a_revoked_token_is_refused_at_once(app, client, dpa):
    assert dpa(*USER, "--password", PASSWORD).exit_code == 0
    token = dpa("token", "create", "--email", "sam@dpa.example", "--label", "CRM").stdout.strip()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/dpa/none", headers=headers).status_code == 404
    [listed] = dpa("token", "list").output.splitlines()
    token_id, email, state, _created, label = listed.split("\t")
    assert (email, state, label) == ("sam@dpa.example", "live", "CRM") and token not in listed
    assert dpa("token", "revoke", token_id).exit_code == 0
    response = client.get("/api/v1/dpa/none", headers=headers)
    assert response.status_code == 401 and response.json == {"error": "The token is unknown or revoked."}
    assert "\trevoked\t" in dpa("token", "list").output
    assert dpa("token", "revoke", "999").exit_code == 1


@pytest.mark.parametrize("option, value, problem", [
    ("--email", "not an address", "An email address must have an @-sign"),
    ("--email", "a" * 300 + "@dpa.example", "too long"),
    ("--name", " ", "give 1 to 200 characters"),
])
def test_a_bad_email_or_name_is_refused_before_anything_is_stored(dpa, option, value, problem):
    args = [*USER, "--password", PASSWORD]
    args[args.index(option) + 1] = value
    result = dpa(*args)
    assert result.exit_code == 2 and problem in result.output
    assert dpa("user", "list").output == ""


def test_a_long_token_label_is_refused(dpa):
    assert dpa(*USER, "--password", PASSWORD).exit_code == 0
    result = dpa("token", "create", "--email", "sam@dpa.example", "--label", "x" * 101)
    assert result.exit_code == 2 and "give at most 100 characters" in result.output
    assert dpa("token", "list").output == ""


def test_disable_then_enable_an_account(app, client, dpa):
    assert dpa(*USER, "--password", PASSWORD).exit_code == 0
    assert dpa("user", "disable", "--email", "SAM@dpa.example").output == (
        "disabled sam@dpa.example; its sessions have ended\n")
    assert "\tdisabled\t" in dpa("user", "list").output
    assert "Incorrect email or password." in login(client, "sam@dpa.example").get_data(True)
    assert dpa("user", "enable", "--email", "sam@dpa.example").output == "enabled sam@dpa.example\n"
    assert login(client, "sam@dpa.example").request.path == "/staff/desk"
