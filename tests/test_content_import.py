"""`dpa content import` and DPA_CONTENT_DIR: content from legal's own folders, published on purpose."""
import json
import logging

import pytest
from click.testing import CliRunner

from dpa_builder.cli import main
from dpa_builder.content.layout import LABELS_FILE
from dpa_builder.content.loader import load_content
from dpa_builder.registry import service as registry

from conftest import docx_text, make_request, make_user


@pytest.fixture
def dpa(app, tmp_path, monkeypatch, content_copy):
    """Run `dpa …` on the test database, with the content in its own folder."""
    monkeypatch.setenv("DPA_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("DPA_INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("DPA_CONTENT_DIR", str(content_copy))
    return lambda *args: CliRunner().invoke(main, list(args))


def edit(content_copy, text: str) -> str:
    """Change the folder's content; return the new helptal version."""
    labels = content_copy / LABELS_FILE
    labels.write_text(labels.read_text() + f"\nimport_test: {text}\n")
    return load_content("helptal", content_copy).version


def current(app) -> tuple[str, str]:
    with app.app_context():
        publication = registry.current_publication("helptal")
        return publication.version_id, publication.note


def current_version(app, profile: str) -> str:
    with app.app_context():
        return registry.current_version_id(profile)


def test_an_unchanged_folder_is_already_current(app, dpa):
    result = dpa("content", "import")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{profile}: content version {current_version(app, profile)} already current"
        for profile in ("helpdesk", "helptal")]


def test_an_edited_folder_is_published_and_logged(app, dpa, content_copy, caplog):
    version = edit(content_copy, "First edit")
    with caplog.at_level(logging.INFO):
        result = dpa("content", "import", "--profile", "helptal")
    assert result.exit_code == 0, result.output
    assert result.output == f"helptal: content version {version} published\n"
    assert current(app) == (version, "imported by dpa content import")
    assert f"imported helptal content version {version}" in caplog.text


def test_what_legal_published_since_is_not_replaced_unless_asked(app, dpa, content_copy, helptal):
    legal = make_user(app, "legal")
    with app.app_context():
        web = registry.publish("helptal", {**helptal.files, LABELS_FILE: helptal.files[LABELS_FILE]
                                           + b"\nweb: Edited on the web\n"}, legal.id, "web edit")
        web_version = web.version_id
    folder_version = edit(content_copy, "Edited in the repository")
    refused = dpa("content", "import", "--profile", "helptal")
    assert refused.exit_code == 1
    assert f"refused: helptal: legal published version {web_version}" in refused.output
    assert "'web edit'" in refused.output and current(app)[0] == web_version
    replaced = dpa("content", "import", "--profile", "helptal", "--replace-newer")
    assert replaced.exit_code == 0, replaced.output
    assert current(app)[0] == folder_version


def test_broken_content_is_named_and_not_published(app, dpa, content_copy):
    before = current(app)
    (content_copy / LABELS_FILE).write_text("not: [a, mapping")
    result = dpa("content", "import", "--profile", "helptal")
    assert result.exit_code == 1 and f"error: {LABELS_FILE}: not valid YAML" in result.output
    assert current(app) == before


def test_generate_builds_from_the_content_folder(content_copy, tmp_path, monkeypatch):
    clause = content_copy / "clause_library/10-definitions_scope.yaml"
    clause.write_text(clause.read_text().replace("\ntitle: ", "\ntitle: Folder-edited ", 1))
    monkeypatch.setenv("DPA_CONTENT_DIR", str(content_copy))
    request = tmp_path / "request.json"
    request.write_text(json.dumps(make_request()))
    result = CliRunner().invoke(main, ["generate", "--request", str(request),
                                       "--out", str(tmp_path / "out"), "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert "Folder-edited" in docx_text(next((tmp_path / "out").glob("*.docx")).read_bytes())
