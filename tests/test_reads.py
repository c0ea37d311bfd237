"""Reads only read: pages run a fixed, small number of queries and write nothing."""
from contextlib import contextmanager

from sqlalchemy import event

from dpa_builder.extensions import db
from dpa_builder.registry.models import Publication

from smtp_server import announce

PUBLIC_PAGES = ("/", "/subprocessors", "/subprocessors.json", "/subprocessors/changelog",
                "/subprocessors/changelog.atom", "/verify", "/api/v1/openapi.json")


@contextmanager
def statements(app):
    """Collect the SQL the application sends while the block runs."""
    sent = []

    def record(conn, cursor, statement, *args):
        sent.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_public_pages_write_nothing(app, client):
    with statements(app) as sent:
        for url in PUBLIC_PAGES:
            assert client.get(url).status_code == 200, url
    assert not [s for s in sent if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]


def test_the_form_looks_the_publication_up_once(app, client):
    client.get("/")  # a process parses each content version once, on its first use
    with statements(app) as sent:
        assert client.get("/").status_code == 200
    assert len(sent) == 1 and "content_publications" in sent[0]


def test_the_subprocessor_page_costs_the_same_with_more_changes(app, client):
    def queries() -> int:
        with statements(app) as sent:
            assert client.get("/subprocessors").status_code == 200
        return len(sent)

    with app.app_context():
        announce(days=40, id="one", brand="One")
    with_one = queries()
    with app.app_context():
        announce(days=50, id="two", brand="Two")
        announce(days=60, id="three", brand="Three")
    assert queries() == with_one <= 3


def test_without_published_content_a_page_says_so_and_imports_nothing(app, client, caplog):
    with app.app_context():
        db.session.execute(Publication.__table__.delete())
        db.session.commit()
    with statements(app) as sent:
        response = client.get("/")
    assert response.status_code == 503 and "not ready" in response.get_data(as_text=True)
    assert "run `dpa content import`" in caplog.text
    assert not [s for s in sent if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
