import hashlib
import io
import secrets
from types import SimpleNamespace

import pytest

from dpa_builder.records.service import issue
from dpa_builder.request import parse_request

from conftest import csrf_token, make_request

# The tests only read the one DPA on record, so they share one application.


@pytest.fixture
def client(shared_app):
    return shared_app.test_client()


@pytest.fixture(scope="module")
def issued(shared_app):
    """One DPA on record: its document id, date and both files."""
    with shared_app.app_context():
        record, built = issue(parse_request(make_request()), channel="form")
        return SimpleNamespace(document_id=record.document_id, issued_at=record.issued_at,
                               docx=built.files["docx"], pdf=built.files["pdf"])


def verify(client, **data):
    data.setdefault("csrf_token", csrf_token(client, "/verify"))
    return client.post("/verify", data=data, content_type="multipart/form-data")


def test_page_has_a_form_with_a_token(client):
    page = client.get("/verify").get_data(as_text=True)
    assert csrf_token(client, "/verify")
    assert '<label for="document">' in page and '<label for="sha256">' in page


def test_an_issued_docx_is_recognised(client, issued):
    # The name and type claimed do not matter; only the bytes do.
    upload = (io.BytesIO(issued.docx), "renamed.txt", "text/plain")
    page = verify(client, document=upload).get_data(as_text=True)
    when = issued.issued_at
    assert f"Issued by this service on {when.day} {when:%B %Y}" in page
    assert "Acme Robotics GmbH" in page and issued.document_id in page and "DOCX file" in page


def test_a_pasted_pdf_hash_is_recognised(client, issued):
    sha = hashlib.sha256(issued.pdf).hexdigest()
    page = verify(client, sha256=f"  sha256:{sha.upper()} ").get_data(as_text=True)
    assert "Issued by this service on" in page and "PDF file" in page


@pytest.mark.parametrize("data", [
    lambda docx: {"document": (io.BytesIO(docx + b"\0"), "dpa.docx")},
    lambda docx: {"document": (io.BytesIO(b"MZ\x90\0 not a dpa"), "dpa.pdf")},
    lambda docx: {"sha256": secrets.token_hex(32)}])
def test_anything_else_is_not_issued(client, issued, data):
    response = verify(client, **data(issued.docx))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Not issued by this service" in page
    assert "Acme" not in page and issued.document_id not in page


@pytest.mark.parametrize("value", ["abc", "g" * 64, "a" * 63, "a" * 65, "a" * 64 + "\n" + "b"])
def test_a_malformed_hash_names_the_field(client, value):
    response = verify(client, sha256=value)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert '<p class="error" id="sha256-error">SHA-256 must be 64 hexadecimal characters' in page
    assert "Issued by this service on" not in page and "Not issued" not in page


def test_nothing_to_check_is_asked_for(client):
    response = verify(client)
    assert response.status_code == 422
    assert '<p class="error" id="document-error">Choose a file' in response.get_data(as_text=True)


def test_without_a_token_is_refused(client, issued):
    response = client.post("/verify", data={"sha256": secrets.token_hex(32)})
    assert response.status_code == 400


def test_an_upload_larger_than_the_limit_is_refused(client, shared_app):
    big = io.BytesIO(b"x" * (shared_app.config["MAX_CONTENT_LENGTH"] + 1))
    assert verify(client, document=(big, "big.pdf")).status_code == 413
