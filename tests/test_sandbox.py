"""The rendering policy itself: plain data in, bounded work, nothing of Python out."""
import dataclasses
from datetime import date

import pytest
from click.testing import CliRunner

from dpa_builder.cli import main
from dpa_builder.content.loader import HTML_TEMPLATE
from dpa_builder.content.refusals import problem
from dpa_builder.content.sandbox import JINJA_SYNTAX, RENDER_ERRORS, plain, render_text, sandbox


def refusal(source: str, **context) -> str:
    with pytest.raises(RENDER_ERRORS) as caught:
        render_text(source, context)
    return problem(caught.value)


def test_models_and_dataclasses_become_plain_data(helptal):
    data = plain({"processor": helptal.profile.processor, "when": date(2026, 1, 2),
                  "pair": dataclasses.make_dataclass("P", ["a"])(a=(1, "x"))})
    assert data["processor"]["signatory"]["name"] == "Alex Example"
    assert data["when"] == date(2026, 1, 2) and data["pair"] == {"a": [1, "x"]}
    with pytest.raises(TypeError, match="function is not plain data"):
        plain({"f": lambda: 1})


def test_plain_data_renders_as_legal_writes_it():
    assert render_text("{{ p.name | upper }} in {{ n * 2 }} days", {"p": {"name": "x"}, "n": 15}) \
        == "X in 30 days"


@pytest.mark.parametrize("source, message", [
    ("{{ range }}", "a function cannot be printed"),
    ("{{ text.upper }}", "cannot be printed"),
    ("{{ text * 100001 }}", "`*` would make more than 100000"),
    ("{{ 10 ** 100000 }}", "`**` would make a number too large"),
    ("{% for i in range(6000) %}{% for j in range(6000) %}{% endfor %}{% endfor %}",
     "at most 10000 numbers in all"),
    ("{% for b in [1] recursive %}{{ loop([1]) }}{% endfor %}", "calls nest more than 40 deep"),
    ("{{ " + "(" * 400 + "1" + ")" * 400 + " }}", "nests too deeply"),
    ("{{ text['_' ~ '_class__'] }}", "access to attribute '__class__' of 'str' object is unsafe"),
])
def test_work_and_output_are_bounded(source, message):
    assert message in refusal(source, text="x")


def test_each_render_has_its_own_range_budget():
    for _ in range(3):
        assert render_text("{{ range(8000) | length }}", {}) == "8000"


@pytest.mark.parametrize("code, refused", [
    ("{{ document.__class__ }}", "line 4: attribute '__class__' is not allowed"),
    ("{{ range(100001) | length }}", "line 4: range() of 100001 numbers"),
])
def test_dpa_check_refuses_the_html_template_with_its_line(helptal, monkeypatch, code, refused):
    html = helptal.text(HTML_TEMPLATE).replace("<head>", f"<head>\n{code}", 1)
    content = dataclasses.replace(helptal, files={**helptal.files, HTML_TEMPLATE: html.encode()})
    monkeypatch.setattr("dpa_builder.check.load_content", lambda profile: content)
    result = CliRunner().invoke(main, ["check", "--profile", "helptal"])
    assert result.exit_code == 1 and f"error: helptal: {HTML_TEMPLATE}: {refused}" in result.output


@pytest.mark.parametrize("source", ["a\n", "a\n\n", "a\r\nb\r\n", "a\rb", "", "\n", "}} {", "%} #}",
                                    "{ not a tag }", "50% {x}"])
def test_a_text_without_tags_renders_as_jinja_renders_it(source):
    assert render_text(source, {}) == sandbox(frozenset()).from_string(source).render()


def test_every_shipped_text_renders_as_jinja_renders_it(helptal):
    texts = [p for clause in helptal.clauses for p in clause.paragraphs if isinstance(p, str)]
    texts += [t for t in helptal.labels.values() if isinstance(t, str)]
    assert len(texts) > 100
    for text in texts:
        if not JINJA_SYNTAX.search(text):
            assert render_text(text, {}) == sandbox(frozenset()).from_string(text).render()
