"""The hostile corpus in a clause text: legal's clause preview, `dpa check`, `dpa generate`."""
import html

import pytest
import yaml
from click.testing import CliRunner
from test_cli import write_request
from test_legal import CLAUSE, legal, post_clause, versions  # noqa: F401 - fixture

from dpa_builder.cli import main
from dpa_builder.content.layout import LABELS_FILE
from dpa_builder.content.loader import content_from_files

from conftest import csrf_token, make_request
from hostile import CORPUS, IDS, inert

corpus = pytest.mark.parametrize("code, refusal", CORPUS, ids=IDS)
WHERE = "clause_library: clause 'subprocessors' (version {}): paragraphs[{}]: "


@pytest.fixture
def hostile(helptal, monkeypatch, code):
    """The sub-processors clause with the hostile code as its last paragraph: YAML, location."""
    clause = yaml.safe_load(helptal.text(CLAUSE))
    clause["paragraphs"].append(f"The Processor: {code.replace('{obj}', 'processor')}")
    text = yaml.safe_dump(clause, allow_unicode=True, sort_keys=False)
    content = content_from_files("helptal", {**helptal.files, CLAUSE: text.encode()})
    for module in ("dpa_builder.generate", "dpa_builder.check"):
        monkeypatch.setattr(f"{module}.load_content", lambda profile: content)
    return text, WHERE.format(clause["version"], len(clause["paragraphs"]) - 1)


@corpus
def test_the_clause_preview_refuses_it_next_to_the_text(app, client, legal, hostile, refusal):
    before = versions(app)
    text, where = hostile
    response = post_clause(client, text)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and inert(page) and versions(app) == before
    assert f'<li class="error">{where}' in page and refusal in page


@corpus
def test_dpa_check_refuses_it(hostile, refusal):
    result = CliRunner().invoke(main, ["check", "--profile", "helptal"])
    assert result.exit_code == 1 and inert(result.output)
    assert f"error: {hostile[1]}" in result.output and refusal in result.output


@corpus
def test_dpa_generate_refuses_it_and_writes_nothing(hostile, refusal, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", "--request", write_request(tmp_path, make_request()),
                                       "--out", str(out)])
    assert result.exit_code == 3 and inert(result.output) and not out.exists()
    assert f"error: {hostile[1]}" in result.output and refusal in result.output


def test_a_label_is_refused_next_to_the_text_too(app, client, legal, helptal):
    url = f"/legal/clauses/helptal/{LABELS_FILE}"
    text = helptal.text(LABELS_FILE).replace("\ntitle: Data Processing Addendum\n",
                                             "\ntitle: \"{% include '/etc/passwd' %}\"\n")
    response = client.post(url, data={"text": text, "preview": "Preview",
                                       "csrf_token": csrf_token(client, url)})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and inert(page)
    assert f'<li class="error">{LABELS_FILE}: title: {{% include %}} is not allowed' in page
