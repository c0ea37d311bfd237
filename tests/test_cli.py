import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpa_builder.cli import main
from dpa_builder.content.loader import load_content
from dpa_builder.generate import build
from dpa_builder.request import parse_request

from conftest import make_request


@pytest.fixture
def runner():
    return CliRunner()


def write_request(tmp_path, data) -> str:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_generate_writes_both_files_and_prints_their_hashes(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(main, ["generate", "--request", write_request(tmp_path, make_request()),
                                  "--out", str(out)])
    assert result.exit_code == 0, result.output
    files = sorted(out.iterdir())
    assert [f.suffix for f in files] == [".docx", ".pdf"] and files[0].stem.startswith("DPA-")
    for line, path in zip(sorted(result.output.splitlines()), files):
        assert line == f"{path}  sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}"


def test_generate_one_format_and_another_profile(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(main, ["generate", "--request", write_request(tmp_path, make_request()),
                                  "--out", str(out), "--format", "docx", "--profile", "helpdesk"])
    assert result.exit_code == 0, result.output
    assert [f.suffix for f in out.iterdir()] == [".docx"]


def test_bad_request_names_each_field_and_writes_nothing(runner, tmp_path):
    out = tmp_path / "out"
    data = make_request(customer__contact_email="nope", customer__country="ZZ")
    del data["signatory"]["name"]
    result = runner.invoke(main, ["generate", "--request", write_request(tmp_path, data),
                                  "--out", str(out)])
    assert result.exit_code == 2
    assert "customer.contact_email:" in result.output and "customer.country:" in result.output
    assert "signatory.name: is required" in result.output
    assert "Traceback" not in result.output and not out.exists()


@pytest.mark.parametrize("content, message", [
    ("{not json", "is not valid UTF-8 JSON"), (b"\xff\xfe", "is not valid UTF-8 JSON"),
    ("x" * 300_000, "larger than 256 KiB")])
def test_unreadable_request_is_refused(runner, tmp_path, content, message):
    path = tmp_path / "request.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = runner.invoke(main, ["generate", "--request", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and message in result.output


def test_unknown_format_and_profile_are_refused(runner, tmp_path):
    request = write_request(tmp_path, make_request())
    bad_format = runner.invoke(main, ["generate", "--request", request, "--out", "o", "--format", "odt"])
    assert bad_format.exit_code == 2 and "choose from docx, pdf" in bad_format.output
    bad_profile = runner.invoke(main, ["generate", "--request", request, "--out", "o", "--profile", "x"])
    assert bad_profile.exit_code == 3 and "unknown profile 'x'" in bad_profile.output


def test_check_passes_on_the_shipped_content_and_notes_the_specimens(runner):
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    # Missing or stale translations are warnings (stderr), never a failure.
    assert result.stdout.strip().startswith("ok: helpdesk, helptal")
    assert all(line.startswith(("warning: clause_library/translations/", "note: "))
               for line in result.stderr.splitlines())
    assert ("note: helptal: specimen: HELPTAL_SIGNATORY_NAME is an example value (Alex Example)"
            in result.stderr)


def test_check_for_production_refuses_example_or_missing_configuration(runner, monkeypatch):
    monkeypatch.delenv("HELPTAL_PRIVACY_EMAIL")
    result = runner.invoke(main, ["check", "--profile", "helptal", "--production"])
    assert result.exit_code == 1
    assert "error: helptal: specimen: HELPTAL_PRIVACY_EMAIL is not set" in result.stderr
    assert "error: helptal: specimen: HELPTAL_SIGNATORY_NAME is an example value" in result.stderr


def test_check_for_production_passes_a_real_configuration(runner, monkeypatch):
    monkeypatch.setenv("HELPTAL_SIGNATORY_NAME", "Dana Smith")
    monkeypatch.setenv("HELPTAL_PRIVACY_EMAIL", "privacy@evith.com")
    result = runner.invoke(main, ["check", "--profile", "helptal", "--production"])
    assert result.exit_code == 0, result.output


def test_generate_in_production_refuses_a_specimen(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("DPA_ENV", "production")
    out = tmp_path / "out"
    result = runner.invoke(main, ["generate", "--request", write_request(tmp_path, make_request()),
                                  "--out", str(out)])
    assert result.exit_code == 3 and not out.exists()
    assert "HELPTAL_PRIVACY_EMAIL is an example value (privacy@helptal.example)" in result.stderr


def test_console_script_runs_without_traceback(tmp_path):
    data = make_request(customer__country="Germany")
    result = subprocess.run([sys.executable, "-m", "dpa_builder", "generate", "--request",
                             write_request(tmp_path, data), "--out", str(tmp_path / "o")],
                            capture_output=True, text=True, env=os.environ)
    assert result.returncode == 2
    assert result.stderr.startswith("error: customer.country: must be an ISO 3166-1")
    assert "Traceback" not in result.stderr


def test_generate_loads_no_web_stack(tmp_path):
    """The document commands import neither Flask nor SQLAlchemy (about 100 ms of every start)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "dpa_builder", "generate",
                             "--request", write_request(tmp_path, make_request()),
                             "--out", str(tmp_path / "o"), "--format", "docx"],
                            capture_output=True, text=True, env=os.environ)
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    web = {name for name in imported if name.split(".")[0] in ("flask", "sqlalchemy", "werkzeug")}
    assert not web and "dpa_builder.generate" in imported


APART = """
import json, sys
from dpa_builder.apart import build_apart
from dpa_builder.job import Job
built = build_apart(Job(json.loads(sys.argv[1]), "helptal", ("docx", "pdf")))
print(json.dumps({"built": built is not None,
                  "loaded": sorted({"pydantic", "yaml", "flask"} & set(sys.modules)),
                  "sha256": built and {fmt: built.sha256(fmt) for fmt in built.files}}))
"""


def test_two_processes_build_what_one_builds_and_the_pdfs_loads_no_validation():
    """A fresh `dpa generate` forks before the core is loaded: the child builds, the parent
    lays out the PDF, and the parent never needs pydantic or YAML (a third of a second).
    Called directly, so that the one-process fallback cannot stand in for it."""
    data = make_request()
    result = subprocess.run([sys.executable, "-c", APART, json.dumps(data)], capture_output=True,
                            text=True, check=True, env=os.environ)
    answer = json.loads(result.stdout)
    reference = build(parse_request(data), load_content("helptal"))
    assert answer["built"] and answer["loaded"] == []
    assert answer["sha256"] == {fmt: reference.sha256(fmt) for fmt in ("docx", "pdf")}


def test_a_fresh_process_writes_whole_files_before_its_quick_exit(tmp_path):
    """`dpa generate` assembles and renders the DOCX in a second process while it imports
    WeasyPrint, and ends without tearing the interpreter down once its files are written:
    the same files as one process builds."""
    result = subprocess.run([sys.executable, "-m", "dpa_builder", "generate", "--request",
                             write_request(tmp_path, make_request()), "--out", str(tmp_path / "o")],
                            capture_output=True, text=True, env=os.environ)
    assert result.returncode == 0, result.stderr
    printed = [line.split("  sha256:") for line in result.stdout.splitlines()]
    reference = build(parse_request(make_request()), load_content("helptal"))  # one process
    assert len(printed) == 2
    for path, sha in printed:
        data = Path(path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha and data == reference.files[Path(path).suffix[1:]]


def test_a_fresh_process_refuses_as_one_process_does(tmp_path):
    """An error found by both processes (a specimen in production) is reported once, whole."""
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "dpa_builder", "generate", "--request",
                             write_request(tmp_path, make_request()), "--out", str(out)],
                            capture_output=True, text=True, env={**os.environ, "DPA_ENV": "production"})
    assert result.returncode == 3 and not out.exists() and "Traceback" not in result.stderr
    assert result.stderr.count("HELPTAL_PRIVACY_EMAIL is an example value") == 1


def test_a_fresh_process_refuses_a_hostile_pdf_template(content_copy, tmp_path):
    """The PDF's template is laid out by the parent process: its refusal is reported as the
    child's are, by the one process that builds again, never as a traceback."""
    template = content_copy / "templates" / "dpa.html"
    template.write_text(template.read_text().replace("<body", "{{ document.__class__ }}<body", 1))
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "dpa_builder", "generate", "--request",
                             write_request(tmp_path, make_request()), "--out", str(out)],
                            capture_output=True, text=True,
                            env={**os.environ, "DPA_CONTENT_DIR": str(content_copy)})
    assert result.returncode == 3 and not out.exists() and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: templates/dpa.html: line")
    assert "names starting with _ are Python's internals" in result.stderr
