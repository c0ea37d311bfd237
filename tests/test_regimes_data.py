"""Regimes as data: a regime is a content file; adding one needs no code."""
from pathlib import Path

import pytest

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.samples import sample_countries
from dpa_builder.assembly.transfers import find_regime
from dpa_builder.content.layout import ContentError
from dpa_builder.content.loader import load_content
from dpa_builder.request import parse_request

from conftest import make_request

FIXTURE = Path(__file__).parent / "fixtures" / "regime_ruritania"


def test_a_regime_defined_only_in_a_content_directory_builds_a_dpa(content_copy):
    """The fixture adds a regime file and one clause; no code knows of it."""
    for path in FIXTURE.rglob("*.yaml"):
        target = content_copy / path.relative_to(FIXTURE)
        target.write_bytes(path.read_bytes())
    content = load_content("helptal", content_copy)
    document = assemble(parse_request(make_request(customer__country="MC")), content)
    text = "\n".join(document.text_lines())
    assert "transfers_fixture" in document.clause_versions
    assert "Transfers from the Fixture Zone" in text
    assert "Fixture Transfer Instrument, Module Two" in text
    assert "Fixture Data Protection Office, Fixtureville, Monaco" in text
    assert document.facts["regime"] == "Fixture law (Monaco)"
    assert document.facts["authority"] == "Fixture Data Protection Office, Fixtureville, Monaco"
    assert "MC" in sample_countries(content)


def test_check_samples_every_regime(helptal):
    sampled = {find_regime(c, "US", helptal.regimes).id for c in sample_countries(helptal)}
    assert sampled == set(helptal.regimes)


def test_a_country_in_two_regimes_is_refused(content_copy):
    (content_copy / "regimes/zz.yaml").write_text(
        'id: zz\ntitle: Z\ncountries: ["CH"]\ntransfer: false\ngoverning_law: {rule: agreement}\n'
        'labels: {mechanism: M, authority: A}\n')
    with pytest.raises(ContentError) as info:
        load_content("helptal", content_copy)
    assert info.value.problems == ["regimes/zz.yaml: countries: CH is already in regimes/swiss.yaml"]


def test_a_regime_country_without_an_authority_is_refused(content_copy):
    swiss = content_copy / "regimes/swiss.yaml"
    swiss.write_text(swiss.read_text().replace('countries: ["CH"]', 'countries: ["CH", "LI"]'))
    with pytest.raises(ContentError) as info:
        load_content("helptal", content_copy)
    assert info.value.problems == [
        "regimes/swiss.yaml: authorities: Value error, no row for LI, which `countries` lists"]


def test_a_processor_inside_the_regime_makes_no_transfer(helptal):
    assert find_regime("DE", "US", helptal.regimes).id == "eu_scc"
    assert find_regime("DE", "FR", helptal.regimes).id == "general"
