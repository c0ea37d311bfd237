"""Migrations that move data: run them on rows written the old way, then back."""
import os

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from dpa_builder.app import create_app
from dpa_builder.extensions import db

from conftest import _reset, close_app

BEFORE_FILES, FILES = "68543750f321", "3caa40dfef7a"
SHA = {"docx": "d" * 64, "pdf": "e" * 64}


@pytest.fixture
def bare_app(tmp_path, demo_env):
    """An application whose database is left unmigrated, for the test to migrate."""
    database_url = os.environ.get("DPA_TEST_DATABASE_URL")
    if database_url:
        _reset(database_url)
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret",
                      "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp_path / 'm.db'}",
                      "DPA_STORAGE_DIR": str(tmp_path / "documents")})
    yield app
    close_app(app)


@pytest.mark.db
def test_file_columns_become_one_row_per_file_and_back(bare_app, tmp_path):
    stored = tmp_path / "documents" / "dd" / f"{SHA['docx']}.docx"
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"x" * 123)
    with bare_app.app_context():
        upgrade(revision=BEFORE_FILES)
        db.session.execute(text(
            "INSERT INTO document_records (id, document_id, profile, company, country, request, "
            "options, channel, issued_at, content_version, registry_version, clause_versions, "
            "docx_sha256, pdf_sha256, wants_notices, registry_changes) VALUES ('r1', 'DPA-1', "
            "'helptal', 'Acme', 'DE', '{}', '{}', 'form', '2026-11-01', 'v1', '2026-11-01', '{}', "
            ":docx, :pdf, false, '[]')"), SHA)
        db.session.commit()
        upgrade(revision=FILES)
        rows = db.session.execute(text("SELECT format, sha256, size FROM document_files "
                                       "WHERE record_id = 'r1' ORDER BY format")).all()
        assert [tuple(r) for r in rows] == [("docx", SHA["docx"], 123), ("pdf", SHA["pdf"], None)]
        assert db.session.execute(text("SELECT facts FROM document_records")).scalar() in ("{}", {})
        db.session.commit()
        downgrade(revision=BEFORE_FILES)
        back = db.session.execute(text("SELECT docx_sha256, pdf_sha256 FROM document_records"))
        assert tuple(back.one()) == (SHA["docx"], SHA["pdf"])
