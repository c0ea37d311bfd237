"""Both storage backends: names must be hashes, bytes are kept once, and files never touch
the disk when the database stores them."""
import pytest
from sqlalchemy import func, select

from dpa_builder.app import create_app
from dpa_builder.extensions import db
from dpa_builder.files import sha256_of
from dpa_builder.records.service import file_for, issue
from dpa_builder.records.storage import DatabaseStorage, LocalStorage, StoredFile, storage_for
from dpa_builder.request import parse_request

from conftest import close_app, make_app, make_request

BAD_NAMES = [("../../etc/passwd", "docx"), ("a" * 64, "../pdf"), ("../" + "a" * 61, "pdf"),
             ("/" + "a" * 63, "docx"), ("A" * 64, "docx"), ("a" * 64, "exe"),
             ("a" * 64 + "\n", "pdf")]


@pytest.fixture
def database_app(tmp_path, demo_env):
    """Files in the database, whatever the database is (SQLite here, PostgreSQL in CI)."""
    app = make_app(tmp_path, DPA_STORAGE="database")
    yield app
    close_app(app)


@pytest.mark.parametrize("sha, fmt", BAD_NAMES)
def test_local_storage_refuses_names_that_are_not_hashes(tmp_path, sha, fmt):
    storage = LocalStorage(tmp_path / "documents")
    with pytest.raises(ValueError):
        storage.save(sha, fmt, b"data")
    with pytest.raises(ValueError):
        storage.load(sha, fmt)
    assert not any(tmp_path.rglob("*data*")) and not (tmp_path / "documents").exists()


def test_database_storage_refuses_bad_names_and_wrong_hashes(database_app):
    with database_app.app_context():
        storage = DatabaseStorage("documents")
        for sha, fmt in BAD_NAMES:
            with pytest.raises(ValueError):
                storage.save(sha, fmt, b"data")
            with pytest.raises(ValueError):
                storage.load(sha, fmt)
        with pytest.raises(ValueError, match="SHA-256"):
            storage.save("a" * 64, "pdf", b"data")
        assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 0


def test_database_storage_keeps_identical_bytes_once_per_area(database_app):
    data = b"%PDF-1.7 same bytes"
    with database_app.app_context():
        for _ in range(2):
            storage_for("documents").save(sha256_of(data), "pdf", data)
        assert storage_for("documents").load(sha256_of(data), "pdf") == data
        assert storage_for("template-uploads").load(sha256_of(data), "pdf") is None
        assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 1


def test_issued_files_live_in_the_database_not_on_disk(database_app, tmp_path):
    with database_app.app_context():
        record, built = issue(parse_request(make_request()), channel="cli")
        for fmt, data in built.files.items():
            assert file_for(record, fmt) == data
    assert not (tmp_path / "documents").exists()


def test_an_unknown_backend_is_refused_by_name(tmp_path):
    with pytest.raises(SystemExit, match="DPA_STORAGE must be `files` or `database`; got 's3'"):
        create_app({"DPA_STORAGE": "s3", "SECRET_KEY": "x",
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}"})
