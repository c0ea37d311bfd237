"""Shared fixtures: demo configuration, content, requests and built documents."""
import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
from functools import cache, lru_cache
from pathlib import Path

import pytest
from docx import Document as open_docx
from sqlalchemy import create_engine, text
from werkzeug.serving import make_server
from word import WordView

from dpa_builder.app import create_app, migrate_database
from dpa_builder.content.layout import REPO_ROOT
from dpa_builder.content.loader import load_content
from dpa_builder.extensions import db
from dpa_builder.generate import build
from dpa_builder.render.parts import terms_part
from dpa_builder.request import parse_request
from dpa_builder.staff.models import ApiToken, User

# The processor's signatory and privacy contact are configuration (unknown in
# the sources); tests use the demo values, as `make run` does.
DEMO_ENV = {
    "HELPTAL_SIGNATORY_NAME": "Alex Example", "HELPTAL_SIGNATORY_TITLE": "Managing Member",
    "HELPTAL_PRIVACY_CONTACT_NAME": "Privacy Team", "HELPTAL_PRIVACY_CONTACT_TITLE": "Data Protection Lead",
    "HELPTAL_PRIVACY_EMAIL": "privacy@helptal.example",
    "HELPDESK_SIGNATORY_NAME": "Jordan Example", "HELPDESK_SIGNATORY_TITLE": "Authorised Officer",
    "HELPDESK_PRIVACY_CONTACT_NAME": "Privacy Team", "HELPDESK_PRIVACY_CONTACT_TITLE": "Data Protection Lead",
}


@pytest.fixture(scope="session", autouse=True)
def demo_env(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        for key, value in DEMO_ENV.items():
            mp.setenv(key, value)
        # The standard terms' disk cache of this run (processes the tests start share it).
        mp.setenv("DPA_CACHE_DIR", str(tmp_path_factory.mktemp("terms-cache")))
        yield


@pytest.fixture(scope="session")
def helptal(demo_env):
    return load_content("helptal")


@pytest.fixture(scope="session")
def helpdesk(demo_env):
    return load_content("helpdesk")


@pytest.fixture
def content_copy(tmp_path):
    """A copy of legal's folders to edit, as a separate content repository would hold them."""
    for folder in ("annexes", "clause_library", "regimes", "templates"):
        shutil.copytree(REPO_ROOT / folder, tmp_path / "content" / folder)
    return tmp_path / "content"


def make_request(**changes):
    """The example request of PRODUCT.md with fields replaced, as raw JSON data."""
    data = {
        "customer": {"legal_name": "Acme Robotics GmbH", "address": "Musterstraße 1, 10115 Berlin",
                     "country": "DE", "registration_number": "HRB 12345",
                     "contact_name": "Erika Mustermann", "contact_email": "privacy@acme.example"},
        "signatory": {"name": "Jane Doe", "title": "CEO", "email": "jane@acme.example"},
        "role": "controller", "workspace": "acme", "ai_features": False, "language": "en",
        "effective_date": "2026-12-01",
    }
    for dotted, value in changes.items():
        node, *path = data, *dotted.split("__")
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return data


@cache
def _built(profile: str, country: str, role: str, ai: bool, legal_name: str):
    request = parse_request(make_request(customer__country=country, role=role, ai_features=ai,
                                         customer__legal_name=legal_name))
    return build(request, load_content(profile))


@pytest.fixture(scope="session")
def built(demo_env):
    """Build (and cache) a DPA: built(country="DE", role=..., ai=..., profile=...)."""
    def get(country="DE", role="controller", ai=False, profile="helptal",
            legal_name="Acme Robotics GmbH"):
        return _built(profile, country, role, ai, legal_name)
    return get


def docx_text(data: bytes) -> str:
    """Every paragraph of body, tables, headers and footers, with the numbers Word shows."""
    doc = open_docx(io.BytesIO(data))
    lines = [p.shown for p in WordView(data).paragraphs()]
    for section in doc.sections:
        lines += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(lines)


def pdf_text(data: bytes, page: int | None = None) -> str:
    """The PDF's text, or one page's (counted from 1)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", *pages, "-", "-"], input=data,
                            capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def squash(text: str) -> str:
    """Fold line breaks and hyphenation so phrases wrapped in a PDF still match."""
    return " ".join(text.split())


def running_texts(document) -> list[str]:
    """What the PDF's running headers and footers say: the Cover Page's name the document,
    the Standard Terms' name themselves (they are the same for many customers)."""
    terms = terms_part(document)
    texts = [document.footer, f"{document.title} — {document.id}", terms.footer,
             f"{terms.title} — {terms.id}", document.marking]
    return [text for text in texts if text]


# --- web application -------------------------------------------------------

PASSWORD = "correct horse battery staple"


def _reset(database_url: str) -> None:
    """Empty a shared server database (PostgreSQL in CI) before a test."""
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _test_app(database_url: str, tmp_path: Path, **config):
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "DPA_STORAGE_DIR": str(tmp_path / "documents"),
        "RATELIMIT_ENABLED": False,
        **config,
    })


@lru_cache(maxsize=1)
def _migrated_sqlite() -> bytes:
    """A migrated SQLite database with the first content imported, built once per run:
    each test copies it instead of migrating and importing again (about 0.2 s each)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template.sqlite3"
        app = _test_app(f"sqlite:///{path}", Path(folder))
        with app.app_context():
            migrate_database()
        close_app(app)  # the last connection to close folds the WAL into the file
        return path.read_bytes()


def make_app(tmp_path, **config):
    """A fresh application with its own database and storage, migrated; close it after use.

    DPA_TEST_DATABASE_URL (set by `make test`) runs the same tests on PostgreSQL.
    """
    database_url = os.environ.get("DPA_TEST_DATABASE_URL")
    if not database_url:
        path = tmp_path / "test.sqlite3"
        path.write_bytes(_migrated_sqlite())
        return _test_app(f"sqlite:///{path}", tmp_path, **config)
    _reset(database_url)
    app = _test_app(database_url, tmp_path, **config)
    with app.app_context():
        migrate_database()
    return app


def close_app(app) -> None:
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(tmp_path, demo_env):
    """A fresh application per test: its own database, storage and secret."""
    app = make_app(tmp_path)
    yield app
    close_app(app)


@pytest.fixture
def live_server(app):
    """Serve the test app on a real loopback port (threaded) for the length of one test."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory, demo_env):
    """One application for a whole test module whose tests only read what it holds,
    or add records and read only their own: issuing a DPA per test costs a second."""
    app = make_app(tmp_path_factory.mktemp("shared"))
    yield app
    close_app(app)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, url: str) -> str:
    """Fetch a page and read the CSRF token from its form, as a browser would."""
    page = client.get(url).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or \
        re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


def make_user(app, role: str = "sales", email: str | None = None) -> User:
    with app.app_context():
        user = User(email=email or f"{role}@dpa.example", name=f"{role.title()} Person", role=role)
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
        db.session.refresh(user)
        db.session.expunge(user)
        return user


def login(client, email: str, password: str = PASSWORD):
    token = csrf_token(client, "/staff/login")
    return client.post("/staff/login", data={"email": email, "password": password,
                                             "csrf_token": token}, follow_redirects=True)


def api_token(app, user: User) -> str:
    with app.app_context():
        record, plain = ApiToken.issue(user, "tests")
        db.session.add(record)
        db.session.commit()
        return plain


def pytest_configure(config):
    config.addinivalue_line("markers", "db: uses the database (the app fixture); "
                            "`make test` reruns these on PostgreSQL")
    config.addinivalue_line("markers", "postgres: needs PostgreSQL (starts one unless "
                            "DPA_TEST_DATABASE_URL names one); `make test` runs it in its "
                            "PostgreSQL stage only")


def pytest_collection_modifyitems(items):
    """Mark every test that uses an application, directly or not, as `db`."""
    for item in items:
        if {"app", "shared_app"} & set(getattr(item, "fixturenames", ())):
            item.add_marker("db")
