import dataclasses

import pytest

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.context import Options
from dpa_builder.field_errors import FieldErrors
from dpa_builder.request import parse_request

from conftest import make_request


def text_of(document) -> str:
    return "\n".join(document.text_lines())


def doc(content, options=Options(), **changes):
    return assemble(parse_request(make_request(**changes)), content, options)


def annex_three(document) -> str:
    lines = document.text_lines()
    return "\n".join(lines[lines.index("Annex III — List of sub-processors"):])


@pytest.mark.parametrize("country, authority", [
    ("DE", "German Land (federal state) in which the Customer has its seat"),
    ("FR", "Commission nationale de l’informatique et des libertés (French data protection authority, "
           "CNIL), Paris, France"),
    ("IE", "An Coimisiún um Chosaint Sonraí (Data Protection Commission, DPC), Dublin, Ireland")])
def test_eea_customer_gets_scc_module_two_and_its_authority(helptal, country, authority):
    text = text_of(doc(helptal, customer__country=country, customer__address="Street 1, Town"))
    assert "2021/914" in text and "Module Two" in text and "Module Three" not in text
    assert "Option 2" in text and authority in text
    assert "International Data Transfer Addendum" not in text and "FDPIC" not in text


def test_processor_customer_gets_module_three(helptal):
    text = text_of(doc(helptal, role="processor"))
    assert "Module Three" in text and "Module Two" not in text


def test_eu_governing_law_is_the_customers_member_state(helptal):
    assert "law of France" in text_of(doc(helptal, customer__country="FR")).replace("laws", "law")


def test_eea_outside_eu_falls_back_to_profile_law(helptal):
    text = text_of(doc(helptal, customer__country="NO"))
    assert "Datatilsynet" in text and "Ireland" in text


def test_uk_customer_gets_the_ico_addendum(helptal):
    text = text_of(doc(helptal, customer__country="GB"))
    assert "International Data Transfer Addendum" in text and "Information Commissioner" in text
    assert "FDPIC" not in text


def test_swiss_customer_gets_fdpic_amendments(helptal):
    text = text_of(doc(helptal, customer__country="CH"))
    assert "Federal Data Protection and Information Commissioner" in text and "FADP" in text
    assert "International Data Transfer Addendum" not in text


def test_us_customer_gets_no_transfer_clauses(helptal):
    document = doc(helptal, customer__country="US")
    assert "us_state_privacy_laws" in document.clause_versions
    assert not {"transfers_eu_scc", "transfers_uk", "transfers_swiss"} & set(document.clause_versions)
    text = text_of(document)
    for absent in ("International Data Transfer Addendum", "FDPIC", "Module Two", "Clause 13"):
        assert absent not in text


def test_annex_three_lists_every_subprocessor_with_entity_and_location(helptal, helpdesk):
    for content in (helptal, helpdesk):
        annex = annex_three(doc(content))
        for entry in content.registry.subprocessors:
            assert f"{entry.legal_entity} ({entry.brand})" in annex
            assert entry.address in annex and entry.processing_location in annex


def test_integrations_are_not_in_annex_three(helptal):
    annex = annex_three(doc(helptal))
    for name in ("HubSpot", "Salesforce", "Zoom", "Microsoft", "Okta", "webhook"):
        assert name not in annex


def test_opt_in_providers_follow_the_ai_choice(helptal):
    assert "not engaged unless the Customer enables AI features" in annex_three(doc(helptal))
    enabled = annex_three(doc(helptal, ai_features=True))
    assert "engaged, as the Customer has enabled AI features" in enabled


def test_notice_and_remedy_come_from_the_profile(helptal, helpdesk):
    text = text_of(doc(helptal))
    assert "30 days" in text and "24 months" in text
    assert helptal.profile.policy.objection_remedy in text
    other = text_of(doc(helpdesk))
    assert "14 days" in other and "12 months" in other and "30 days' notice" not in other
    assert "Text, Inc." in other and "Evith" not in other and "Helptal" not in other


def test_a_changed_policy_changes_the_clauses_and_the_cover(helptal):
    policy = helptal.profile.policy.model_copy(update={"notice_days": 45, "changelog_months": 36})
    profile = helptal.profile.model_copy(update={"policy": policy})
    document = doc(dataclasses.replace(helptal, profile=profile))
    assert "Notice Period (Sub-processor changes)\n45 days" in "\n".join(document.text_lines(document.cover))
    assert "36 months" in text_of(document) and "30 days\n" not in text_of(document)


def test_sales_may_agree_a_longer_notice_within_bounds(helptal):
    assert "60 days" in text_of(doc(helptal, Options(notice_days=60)))
    with pytest.raises(FieldErrors) as info:
        doc(helptal, Options(notice_days=120, governing_law="US"))
    assert set(info.value.fields) == {"options.notice_days", "options.governing_law"}


def test_both_parties_and_signatories_are_named(helptal):
    text = text_of(doc(helptal))
    for expected in ("Acme Robotics GmbH", "Musterstraße 1, 10115 Berlin", "HRB 12345", "Jane Doe",
                     "CEO", "Evith LLC", "30 N Gould St, Ste R, Sheridan, WY 82801, USA",
                     "Alex Example", "Managing Member", "privacy@helptal.example"):
        assert expected in text


def test_article_28_3_elements_are_present(helptal):
    text = text_of(doc(helptal)).lower()
    for phrase in ("documented instructions", "confidentiality", "article 32", "sub-processor",
                   "data subject", "personal data breach", "without undue delay",
                   "data protection impact assessment", "return and deletion", "audit",
                   "order of precedence"):
        assert phrase in text, phrase


def test_no_template_syntax_or_empty_field_is_left(helptal):
    for country in ("DE", "GB", "CH", "US"):
        document = doc(helptal, customer__country=country, customer__registration_number="",
                       workspace="")
        for block in document.blocks:
            for cell in (block.text, *block.columns, *(c for r in block.rows for c in r)):
                assert "{{" not in cell and "{%" not in cell
            if block.kind == "table":
                assert all(all(row) for row in block.rows), block


def test_document_id_is_stable_and_depends_on_the_request(helptal):
    assert doc(helptal).id == doc(helptal).id
    assert doc(helptal).id != doc(helptal, customer__legal_name="Other Ltd").id


def test_clause_versions_are_recorded(helptal):
    document = doc(helptal)
    assert document.clause_versions and all(v >= 1 for v in document.clause_versions.values())
    assert document.properties()["dpa.document_id"] == document.id


def test_facts_name_the_transfer_authority_and_notice_period(built):
    facts = built(country="DE").document.facts
    assert facts["transfer"].startswith("EU Standard Contractual Clauses")
    assert "Module Two" in facts["transfer"]
    assert facts["governing_law"] == "Germany"
    assert facts["notice_days"] == "30"
    assert "authority" in facts
    assert "governing_law" not in built(country="US").document.facts
