"""The rendering policy itself: plain data in, bounded work, nothing of Python out."""
import dataclasses
from datetime import date

import pytest
from click.testing import CliRunner

from dpa_builder.cli import main
from dpa_builder.content.layout import HTML_TEMPLATE
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
    ("{{ '%999999999d' % 1 }}", "`%` would make more than 100000"),
    ("{{ '%*d' % (999999999, 1) }}", "a `*` width in `%`"),
    ("{{ '%.999999999f'|format(1) }}", "`%` would make more than 100000"),
    ("{{ '{:>999999999}'.format(1) }}", "format() would make more than 100000"),
    ("{{ '{:{w}}'.format(1, w=999999999) }}", "a width taken from a value in format()"),
    ("{{ text.center(10 ** 9) }}", "center() would make more than 100000"),
    ("{{ text|center(10 ** 9) }}", "|center would make more than 100000"),
    ("{{ (text * 100000).replace('', text * 1000) }}", "replace() would make more than 100000"),
    ("{{ ([text * 100000] * 1000)|join }}", "|join would make more than 100000"),
    ("{{ (1).to_bytes(10 ** 9, 'big') }}", "to_bytes() would make more than 100000"),
    ("{{ [1]|batch(10 ** 9, 0)|list }}", "|batch would make more than 100000"),
    ("{% macro d(s) %}{{ d(s ~ s) }}{% endmacro %}{{ d(text * 1000) }}", "`~` would make more"),
    ("{% macro d(s) %}{{ d(s + s) }}{% endmacro %}{{ d(text * 1000) }}", "`+` would make more"),
    ("{% for a in [1] * 100000 %}{% for b in [1] * 100000 %}{% endfor %}{% endfor %}",
     "loops may go through at most 200000 items in all"),
    ("{% for x in [1] recursive %}{{ loop([1] * 100000) }}{% endfor %}", "at most 200000 items"),
    ("{% for i in range(1000) %}{{ text * 100000 }}{% endfor %}", "print at most 20000000 characters"),
])
def test_work_and_output_are_bounded(source, message):
    assert message in refusal(source, text="x")


@pytest.mark.parametrize("source", [
    "{{ range|string }}", "{{ text.upper ~ '' }}", "{{ [text.upper] }}", "{{ '%s' % range }}",
    "{{ '{}'.format(text.upper) }}", "{{ [range]|join }}", "{{ range|e }}", "{{ range|pprint }}",
    "{% for x in [1] %}{{ loop.cycle|string }}{% endfor %}", "{% set f = text.upper %}{{ f ~ '' }}",
])
def test_a_function_cannot_be_turned_into_text(source):
    assert "a function cannot be turned into text" in refusal(source, text="x")


def test_what_a_function_gives_prints_and_iterators_print_as_lists():
    assert render_text("{{ text.upper() ~ range(2)|join }} {{ [2, 1]|reverse|string }} "
                       "{{ xs|map('upper')|string }}", {"text": "x", "xs": ["a"]}) \
        == "X01 [1, 2] ['A']"


def test_formatting_within_bounds_renders_as_python_does():
    assert render_text("{{ '%05.1f|%-4s|' % (3.14159, 'ab') }}{{ '{:,}'.format(1000000) }} "
                       "{{ 'ab'.center(6, '*') }} {{ xs|join(', ') }} {{ '%(n)d'|format(n=2) }}",
                       {"xs": ["a", "b"]}) == "003.1|ab  |1,000,000 **ab** a, b 2"


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
