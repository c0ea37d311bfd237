"""Each regime's required terms, by substance, as clause_library/regimes-checklist.yaml lists them."""
import dataclasses
import re
from functools import cache

import pytest
import yaml

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.context import Options
from dpa_builder.assembly.transfers import find_regime
from dpa_builder.content.layout import REPO_ROOT, ContentError
from dpa_builder.content.loader import load_content
from dpa_builder.content.schema import DpfCertification
from dpa_builder.generate import build
from dpa_builder.request import parse_request

from conftest import docx_text, make_request, pdf_text, squash

CHECKLIST = yaml.safe_load((REPO_ROOT / "clause_library/regimes-checklist.yaml").read_text())
QUOTES = str.maketrans("‘’“”", "''\"\"")
ADDRESS = "1 Example Road, Example City"  # names no German city, so no Land is inferred


def folded(text: str) -> str:
    """Compare by substance: typographic quotes, line breaks and case do not count."""
    return squash(text.translate(QUOTES)).casefold()


def request_for(case: dict):
    return parse_request(make_request(customer__country=case["country"], role=case["role"],
                                      customer__region=case.get("region", ""),
                                      customer__address=ADDRESS))


@pytest.fixture(scope="session")
def text_of(helptal):
    """Each case's assembled text, folded, built once."""
    @cache
    def text(country: str, role: str, region: str) -> str:
        case = {"country": country, "role": role, "region": region}
        return folded("\n".join(assemble(request_for(case), helptal).text_lines()))
    return text


def checks():
    for regime, entry in CHECKLIST.items():
        for case in entry["cases"]:
            for term in entry["terms"]:
                if term.get("role", case["role"]) == case["role"]:
                    yield pytest.param(regime, case, term,
                                       id=f"{regime}-{case['country']}-{case['role']}-{term['rule'][:40]}")


@pytest.mark.parametrize("regime, case, term", list(checks()))
def test_the_dpa_has_each_required_term(text_of, regime, case, term):
    text = text_of(case["country"], case["role"], case.get("region", ""))
    missing = [p for p in term.get("has", []) if folded(p) not in text]
    present = [p for p in term.get("lacks", []) if folded(p) in text]
    assert not missing and not present, f"{term['rule']} ({term['source']})"


def test_the_checklist_covers_every_regime_and_each_case_lands_in_its_regime(helptal):
    assert set(CHECKLIST) == set(helptal.regimes)
    for regime, entry in CHECKLIST.items():
        assert all(t["source"] and (t.get("has") or t.get("lacks")) for t in entry["terms"])
        for case in entry["cases"]:
            assert find_regime(case["country"], "US", helptal.regimes).id == regime


@pytest.mark.parametrize("region, fact", [
    ("US-CA", "California: the California Consumer Privacy Act of 2018"),
    ("US-VA", "Virginia: the Virginia Consumer Data Protection Act"),
    ("US-OR", "Oregon"), ("US-NY", "New York"), ("", None)])
def test_the_us_state_is_a_fact_with_its_law(helptal, region, fact):
    case = {"country": "US", "role": "controller", "region": region}
    document = assemble(request_for(case), helptal)
    facts, cover = document.facts, document.text_lines(document.cover)
    assert facts.get("region", "").startswith(fact) if fact else "region" not in facts
    assert (fact is None) == ("Customer’s Land or state" not in cover)
    assert not fact or facts["region"] in cover
    assert facts["regime"] == "US State Privacy Laws (United States)"


def test_a_certified_processor_relies_on_the_dpf_with_the_sccs_as_fallback(helptal):
    profile = helptal.profile.model_copy(update={"dpf": DpfCertification(eu=True, swiss=True)})
    content = dataclasses.replace(helptal, profile=profile)
    eu = folded("\n".join(assemble(request_for({"country": "FR", "role": "controller"}),
                                   content).text_lines()))
    assert folded("is certified under the EU-U.S. Data Privacy Framework, recognised as providing "
                  "adequate protection by Commission Implementing Decision (EU) 2023/1795") in eu
    assert folded("apply as a fallback") in eu and "not certified" not in eu
    uk = assemble(request_for({"country": "GB", "role": "controller"}), content)
    assert uk.facts["dpf"] == "UK Extension to the EU-U.S. Data Privacy Framework: not certified"


def test_the_uk_extension_needs_the_eu_certification(content_copy):
    profile = content_copy / "annexes/helptal/profile.yaml"
    profile.write_text(profile.read_text().replace("uk_extension: false", "uk_extension: true"))
    with pytest.raises(ContentError) as info:
        load_content("helptal", content_copy)
    assert info.value.problems == ["annexes/helptal/profile.yaml: dpf.uk_extension: Value error, "
                                   "the UK Extension requires the EU-US certification (eu: true)"]


@pytest.mark.parametrize("regime", ["cn", "jp", "us"])
def test_the_issued_docx_and_pdf_carry_the_regime_terms(helptal, regime):
    """Read back from real files: the terms survive both renderers (CJK included)."""
    case = CHECKLIST[regime]["cases"][0]
    built = build(request_for(case), helptal)
    phrases = [p for t in CHECKLIST[regime]["terms"] for p in t.get("has", [])]
    for fmt, read in (("docx", docx_text), ("pdf", pdf_text)):
        # Running headers and footers (id, page numbers) interrupt text that crosses a page.
        body = "\n".join(line for line in read(built.files[fmt]).splitlines()
                         if built.document.id not in line)
        text = folded(re.sub(r"Page\s+\d+ of \d+", " ", body))
        assert [p for p in phrases if folded(p) not in text] == [], fmt


@pytest.mark.parametrize("country, law", [("CH", "Germany"), ("NO", "Germany"), ("FR", "Germany"),
                                          ("GB", "England and Wales"), ("JP", None)])
def test_the_law_sales_chooses_applies_where_the_regime_takes_an_eu_law(helptal, country, law):
    request = request_for({"country": country, "role": "controller"})
    facts = assemble(request, helptal, Options(governing_law="DE")).facts
    assert facts.get("governing_law") == law
