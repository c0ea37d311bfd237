"""Two app servers (gunicorn, separate instance folders) on one PostgreSQL and one Redis hold
no state of their own: files, staged uploads and rate limits are shared."""
import os
import re
import secrets

import pytest
import requests
from servers import gunicorn, postgres, redis_server
from sqlalchemy import select
from test_legal import template_with

from dpa_builder.app import create_app, migrate_database
from dpa_builder.extensions import db
from dpa_builder.files import sha256_of
from dpa_builder.registry.models import ContentVersion, Publication

from conftest import DEMO_ENV, PASSWORD, _reset, api_token, close_app, make_request, make_user

# PostgreSQL comes from `make test`'s PostgreSQL stage, or the test starts its own.
pytestmark = [pytest.mark.db, pytest.mark.postgres]
LIMIT = 4  # DPA_RATE_LIMIT per client address, per hour: counted in Redis by both servers
TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, demo_env):
    """Servers `a` and `b`, an API token, a legal user, the database URL and Redis."""
    tmp = tmp_path_factory.mktemp("cluster")
    with postgres() as database_url, redis_server(tmp) as (redis_url, redis_proc):
        _reset(database_url)
        people = _people(database_url, tmp)
        env = {**os.environ, **DEMO_ENV, "DPA_DATABASE_URL": database_url,
               "DPA_RATELIMIT_STORAGE_URL": redis_url, "DPA_SECRET_KEY": secrets.token_hex(32),
               "DPA_RATE_LIMIT": f"{LIMIT} per hour", "DPA_PROXY_COUNT": "1",
               "DPA_PUBLIC_URL": "http://dpa.example"}  # the load balancer's address
        with gunicorn({**env, "DPA_INSTANCE_DIR": str(tmp / "a")}, tmp / "a.log") as a, \
                gunicorn({**env, "DPA_INSTANCE_DIR": str(tmp / "b")}, tmp / "b.log") as b:
            yield dict(a=a, b=b, database_url=database_url, redis=redis_proc, tmp=tmp, **people)


def _people(database_url: str, tmp) -> dict:
    """Migrate and import the content once (not by each server, racing); add a sales token
    and a legal user."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "x",
                      "DPA_INSTANCE_DIR": str(tmp / "setup")})
    with app.app_context():
        migrate_database()
    token = api_token(app, make_user(app, "sales"))
    legal = make_user(app, "legal")
    close_app(app)
    return {"token": token, "legal_email": legal.email}


def client_from(address: str) -> requests.Session:
    """A browser or API client with its own address (the servers trust one proxy hop)."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address
    return session


def csrf(session: requests.Session, url: str) -> str:
    return TOKEN.search(session.get(url, timeout=30).text).group(1)


def test_a_dpa_issued_on_one_server_downloads_byte_for_byte_from_the_other(cluster):
    api = client_from("198.51.100.1")
    api.headers["Authorization"] = f"Bearer {cluster['token']}"
    issued = api.post(cluster["a"] + "/api/v1/dpa", json=make_request(), timeout=120)
    assert issued.status_code == 201, issued.text
    record = issued.json()
    for fmt, sha in record["sha256"].items():
        path = f"/documents/{record['id']}/{fmt}"
        from_a = api.get(cluster["a"] + path, timeout=30)
        from_b = api.get(cluster["b"] + path, timeout=30)
        assert from_b.status_code == 200 and from_b.content == from_a.content
        assert sha256_of(from_b.content) == sha
    assert api.get(f"{cluster['b']}/api/v1/dpa/{record['id']}", timeout=30).json() == record
    assert not (cluster["tmp"] / "a" / "documents").exists()


def test_a_template_staged_on_one_server_publishes_from_the_other(cluster, helptal):
    browser = client_from("198.51.100.2")
    login = {"email": cluster["legal_email"], "password": PASSWORD,
             "csrf_token": csrf(browser, cluster["a"] + "/staff/login")}
    assert browser.post(cluster["a"] + "/staff/login", data=login, timeout=30).ok
    url = "/legal/templates/helptal"
    data = template_with(helptal, "Staged on A, published from B")
    checked = browser.post(cluster["a"] + url, timeout=120, files={"upload": ("dpa.docx", data)},
                           data={"csrf_token": csrf(browser, cluster["a"] + url), "check": "Check"})
    assert "Every check passed" in checked.text
    staged = re.search(r'name="staged" type="hidden" value="([0-9a-f]{64})"', checked.text).group(1)
    published = browser.post(cluster["b"] + url, allow_redirects=False, timeout=120, data={
        "csrf_token": csrf(browser, cluster["b"] + url), "staged": staged,
        "note": "two servers", "publish": "Publish"})
    assert published.status_code == 302, published.text
    app = create_app({"SQLALCHEMY_DATABASE_URI": cluster["database_url"], "SECRET_KEY": "x",
                      "DPA_INSTANCE_DIR": str(cluster["tmp"] / "setup")})
    with app.app_context():
        publication = db.session.scalars(select(Publication).where(
            Publication.note == "two servers")).one()
        assert db.session.get(ContentVersion, publication.version_id).snapshot()[
            "templates/dpa.docx"] == data
    close_app(app)


def test_the_rate_limit_counts_across_both_servers_and_survives_losing_redis(cluster):
    client = client_from("198.51.100.3")
    servers = [cluster["a"], cluster["b"]] * LIMIT
    answers = [client.post(url + "/api/v1/dpa", data="not json", timeout=30).status_code
               for url in servers[:LIMIT + 2]]
    # Each server saw at most LIMIT / 2 + 1 of them: only a shared count refuses these.
    assert answers == [401] * LIMIT + [429, 429]
    cluster["redis"].terminate()
    cluster["redis"].wait(timeout=30)
    # Without the shared store each server counts on its own again, and still answers.
    assert client.post(cluster["b"] + "/api/v1/dpa", data="x", timeout=30).status_code == 401
