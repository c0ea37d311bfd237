"""The hostile corpus in a DOCX template: legal's upload check, `dpa check`, `dpa generate`."""
import dataclasses
import html
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import write_request
from test_docx_check import appended
from test_legal import legal, template_with, upload  # noqa: F401 - fixture

from dpa_builder.cli import main
from dpa_builder.content.layout import DOCX_TEMPLATE

from conftest import make_request
from hostile import CORPUS, IDS, inert

pytestmark = pytest.mark.parametrize("code, refusal", CORPUS, ids=IDS)


@pytest.fixture
def hostile(helptal, monkeypatch, code):
    """The repository's content with the hostile paragraph added to its DOCX template."""
    data = template_with(helptal, code.replace("{obj}", "document"))
    content = dataclasses.replace(helptal, files={**helptal.files, DOCX_TEMPLATE: data})
    for module in ("dpa_builder.generate", "dpa_builder.check"):
        monkeypatch.setattr(f"{module}.load_content", lambda profile: content)
    return data


def test_the_upload_check_refuses_it_next_to_the_field(app, client, legal, helptal, hostile,
                                                       refusal):
    response = upload(client, hostile, check="Check")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and inert(page)
    assert f'id="upload-error">{appended(helptal)} (' in page and refusal in page
    assert "Every check passed" not in page
    assert not (Path(app.config["DPA_STORAGE_DIR"]) / "template-uploads").exists()


def test_dpa_check_refuses_it(helptal, hostile, refusal):
    result = CliRunner().invoke(main, ["check", "--profile", "helptal"])
    assert result.exit_code == 1 and inert(result.output)
    assert f"error: helptal: {DOCX_TEMPLATE}: {appended(helptal)} (" in result.output
    assert refusal in result.output


def test_dpa_generate_refuses_it_and_writes_nothing(helptal, hostile, refusal, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", "--request", write_request(tmp_path, make_request()),
                                       "--out", str(out)])
    assert result.exit_code == 3 and inert(result.output) and not out.exists()
    assert f"error: {DOCX_TEMPLATE}: {appended(helptal)} (" in result.output
    assert refusal in result.output
