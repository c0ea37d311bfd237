import pytest

from dpa_builder.extensions import db
from dpa_builder.field_errors import FieldErrors
from dpa_builder.files import sha256_of
from dpa_builder.records.models import DocumentRecord
from dpa_builder.records.service import file_for, issue, rebuild
from dpa_builder.request import parse_request

from conftest import docx_text, make_request

# Every test here reads the one record it issued, so they share one application.


def issue_one(app, **changes) -> str:
    with app.app_context():
        record, _ = issue(parse_request(make_request(**changes)), channel="cli")
        return record.id


@pytest.fixture(scope="module")
def record_id(shared_app):
    return issue_one(shared_app)


@pytest.fixture
def client(shared_app):
    return shared_app.test_client()


def get_record(record_id) -> DocumentRecord:
    return db.session.get(DocumentRecord, record_id)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_rebuild_reproduces_the_stored_bytes(shared_app, record_id, fmt):
    # Nothing is stamped with the time (test_render checks the zip, DOCX and PDF dates
    # come from the effective date), so a later rebuild gives the same bytes.
    with shared_app.app_context():
        record = get_record(record_id)
        stored = file_for(record, fmt)
        assert sha256_of(stored) == record.sha256(fmt) and record.file(fmt).size == len(stored)
        assert sha256_of(rebuild(record, fmt)) == record.sha256(fmt)


def test_a_stored_request_rebuilds_under_todays_date_rules(shared_app, record_id):
    """An effective date checked on the day it was issued is not checked again: the bounds
    move with today's date and with the rules, and a rebuild must give the DPA it was."""
    with shared_app.app_context():
        record = get_record(record_id)
        stored = {**record.request, "effective_date": "2020-03-01"}
        with pytest.raises(FieldErrors, match="must not be before 4 June 2021"):
            parse_request(stored)
        record.request = stored  # as an older record holds it; never committed
        try:
            rebuilt = rebuild(record, "docx")
            assert rebuilt.startswith(b"PK") and "1 March 2020" in docx_text(rebuilt)
        finally:
            db.session.rollback()


@pytest.mark.parametrize("fmt, mimetype", [
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "application/pdf")])
def test_download_sends_the_stored_file(client, shared_app, record_id, fmt, mimetype):
    response = client.get(f"/documents/{record_id}/{fmt}")
    with shared_app.app_context():
        record = get_record(record_id)
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.headers["Content-Disposition"] == \
        f"attachment; filename={record.document_id}.{fmt}"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert sha256_of(response.data) == record.sha256(fmt)


@pytest.mark.parametrize("path", ["/documents/nope/docx", "/documents/nope", "/documents/{id}/exe",
                                  "/documents/{id}/DOCX", "/documents/{id}/..%2Fdocx"])
def test_unknown_record_or_format_is_404(client, record_id, path):
    assert client.get(path.format(id=record_id)).status_code == 404


def test_summary_shows_what_was_issued(client, shared_app, record_id):
    response = client.get(f"/documents/{record_id}")
    page = response.get_data(as_text=True)
    with shared_app.app_context():
        record = get_record(record_id)
        hashes = [f.sha256 for f in record.files]
    assert response.headers["Cache-Control"] == "private, no-store"
    assert len(hashes) == 2
    for text in ("Acme Robotics GmbH", "Germany (DE)", "Controller", "2026-12-01",
                 "EU Standard Contractual Clauses (Commission Implementing Decision (EU) "
                 "2021/914), Module Two", "Germany", "30 days", record.document_id,
                 record.content_version, record.registry_version, *hashes,
                 f'href="/documents/{record_id}/docx"', f'href="/documents/{record_id}/pdf"'):
        assert text in page, text


@pytest.mark.parametrize("country, role, words", [
    ("GB", "processor", "ICO International Data Transfer Addendum (B1.0) to the EU Standard "
                        "Contractual Clauses, Module Three (processor to processor)"),
    ("US", "controller", "US State Privacy Laws (United States)"),
    ("SG", "controller", "None incorporated; any transfer instrument that the law of the "
                         "Customer’s country requires is entered into on request")])
def test_summary_names_the_transfer_mechanism(client, shared_app, country, role, words):
    record_id = issue_one(shared_app, customer__country=country, role=role)
    assert words in client.get(f"/documents/{record_id}").get_data(as_text=True)


def test_the_summary_shows_the_facts_as_issued_not_as_content_says_today(client, shared_app):
    with shared_app.app_context():
        record, _ = issue(parse_request(make_request()), channel="cli", formats=("docx",))
        record.facts = {**record.facts, "transfer": "As recorded on the day"}
        db.session.commit()
        record_id = record.id
    page = client.get(f"/documents/{record_id}").get_data(as_text=True)
    assert "As recorded on the day" in page and "Module Two" not in page
