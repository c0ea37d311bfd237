import time

import pytest

from conftest import make_request
from dpa_builder.extensions import db
from dpa_builder.records.models import DocumentRecord
from dpa_builder.files import sha256_of
from dpa_builder.records.service import file_for, issue, rebuild
from dpa_builder.records.storage import LocalStorage
from dpa_builder.request import parse_request


def issue_one(app, **changes) -> str:
    with app.app_context():
        record, _ = issue(parse_request(make_request(**changes)), channel="cli")
        return record.id


@pytest.fixture
def record_id(app):
    return issue_one(app)


def get_record(app, record_id) -> DocumentRecord:
    return db.session.get(DocumentRecord, record_id)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_rebuild_reproduces_the_stored_bytes(app, record_id, fmt):
    with app.app_context():
        record = get_record(app, record_id)
        stored = file_for(record, fmt)
        assert sha256_of(stored) == record.sha256(fmt)
        time.sleep(1.1)  # anything stamped with the time would now differ
        assert sha256_of(rebuild(record, fmt)) == record.sha256(fmt)


@pytest.mark.parametrize("fmt, mimetype", [
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "application/pdf")])
def test_download_sends_the_stored_file(client, app, record_id, fmt, mimetype):
    response = client.get(f"/documents/{record_id}/{fmt}")
    with app.app_context():
        record = get_record(app, record_id)
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.headers["Content-Disposition"] == \
        f"attachment; filename={record.document_id}.{fmt}"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert sha256_of(response.data) == record.sha256(fmt)


@pytest.mark.parametrize("path", ["/documents/nope/docx", "/documents/nope", "/documents/{id}/exe",
                                  "/documents/{id}/DOCX", "/documents/{id}/..%2Fdocx"])
def test_unknown_record_or_format_is_404(client, record_id, path):
    assert client.get(path.format(id=record_id)).status_code == 404


def test_summary_shows_what_was_issued(client, app, record_id):
    response = client.get(f"/documents/{record_id}")
    page = response.get_data(as_text=True)
    with app.app_context():
        record = get_record(app, record_id)
    assert response.headers["Cache-Control"] == "private, no-store"
    for text in ("Acme Robotics GmbH", "Germany (DE)", "Controller", "2026-12-01",
                 "EU Standard Contractual Clauses (Decision 2021/914), Module Two "
                 "(controller to processor)", record.document_id, record.content_version,
                 record.registry_version, record.docx_sha256, record.pdf_sha256,
                 f'href="/documents/{record_id}/docx"', f'href="/documents/{record_id}/pdf"'):
        assert text in page, text


@pytest.mark.parametrize("country, role, words", [
    ("GB", "processor", "UK International Data Transfer Addendum to the EU Standard Contractual "
                        "Clauses (Decision 2021/914), Module Three (processor to processor)"),
    ("US", "controller", "None needed: no restricted transfer from United States")])
def test_summary_names_the_transfer_mechanism(client, app, country, role, words):
    record_id = issue_one(app, customer__country=country, role=role)
    assert words in client.get(f"/documents/{record_id}").get_data(as_text=True)


@pytest.mark.parametrize("sha, fmt", [
    ("../../etc/passwd", "docx"), ("a" * 64, "../pdf"), ("../" + "a" * 61, "pdf"),
    ("/" + "a" * 63, "docx"), ("A" * 64, "docx"), ("a" * 64, "exe"), ("a" * 64 + "\n", "pdf")])
def test_storage_refuses_names_that_are_not_hashes(tmp_path, sha, fmt):
    storage = LocalStorage(tmp_path / "documents")
    with pytest.raises(ValueError):
        storage.save(sha, fmt, b"data")
    with pytest.raises(ValueError):
        storage.load(sha, fmt)
    assert not any(tmp_path.rglob("*data*")) and not (tmp_path / "documents").exists()
