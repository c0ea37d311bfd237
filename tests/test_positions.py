"""Counsel's positions are policy values in the profile: each reaches the DPA's words, on the
Cover Page and in the clauses, and a different value gives different words."""
import dataclasses

import pytest
from pydantic import ValidationError

from dpa_builder.assembly.assemble import assemble
from dpa_builder.content.schema import Policy
from dpa_builder.request import parse_request

from conftest import make_request


def text(content, **policy) -> str:
    changed = content.profile.policy.model_copy(update=policy)
    profile = content.profile.model_copy(update={"policy": changed})
    document = assemble(parse_request(make_request()), dataclasses.replace(content, profile=profile))
    return "\n".join(document.text_lines())


def test_breach_notice_within_the_hours_the_policy_sets(helptal):
    default = text(helptal)
    assert "without undue delay and in any event within 48 hours after becoming aware" in default
    assert "Personal Data Breach notice\nWithout undue delay and in any event within 48 hours" in default
    assert "within 24 hours" in text(helptal, breach_notice_hours=24)


def test_export_window_then_deletion_then_backups_and_only_then_no_restore(helptal):
    words = text(helptal)
    assert "For 30 days after the Services end (the “export window”), the Customer may still " \
           "export Customer Personal Data" in words
    assert "Within 30 days after the export window ends" in words
    assert ("in any event within 90 days after the deletion from active systems; from then on, "
            "Customer Personal Data cannot be restored") in words
    assert "so that it cannot be restored" not in words  # not while backups still hold it
    assert "within 120 days after the deletion" in text(helptal, backup_deletion_days=120)


def test_backups_cannot_outlast_a_shorter_deletion_period(helptal):
    data = {**helptal.profile.policy.model_dump(), "deletion_days": 30, "backup_deletion_days": 10}
    with pytest.raises(ValidationError) as info:
        Policy.model_validate(data)
    assert info.value.errors()[0]["loc"] == ("backup_deletion_days",)


def test_the_sccs_prevail_over_the_liability_cap_and_a_separate_cap_only_if_set(helptal):
    default = text(helptal)
    assert "they prevail over those limitations (their Clause 5)" in default
    assert "limits either Party’s liability towards data subjects" in default
    assert "aggregate liability" not in default
    capped = text(helptal, data_protection_cap="twice the fees paid in the preceding twelve months")
    assert ("aggregate liability for breach of its obligations under this DPA and Data Protection "
            "Law is limited to twice the fees paid in the preceding twelve months") in capped
    assert "For breach of data protection obligations, limited to twice the fees" in capped


def test_an_objecting_customers_data_is_kept_from_the_new_sub_processor(helptal):
    promise = "the Processor does not give the Customer’s Customer Personal Data to the Sub-processor"
    assert promise in text(helptal)
    assert promise not in text(helptal, objection_withholds_data=False)


def test_no_promise_of_the_same_obligations_from_vendors_on_their_own_terms(helptal):
    own_terms = text(helptal)
    assert "at least the same level of protection for Customer Personal Data as this DPA" in own_terms
    assert "Where a Sub-processor offers only its own standard terms" in own_terms
    assert "the same data protection obligations as those set out in this DPA" not in own_terms
    negotiated = text(helptal, standard_terms_vendors=False)
    assert "the same data protection obligations as those set out in this DPA" in negotiated


def test_audits_follow_scc_clause_8_9_and_reach_sub_processors_through_their_reports(helptal):
    words = text(helptal)
    assert "whenever there are indications of non-compliance with this DPA" in words
    assert ("Where a Sub-processor’s contract allows no more, audits concerning it are carried out "
            "through its own audit reports and certifications") in words
    assert "allows no more" not in text(helptal, subprocessor_audit_reports=False)


def test_who_pays_for_assistance_is_the_policys_sentence(helptal):
    assert "Costs. " + helptal.profile.policy.assistance_costs in text(helptal)
    assert "Costs. Each Party bears its own costs." in text(
        helptal, assistance_costs="Each Party bears its own costs.")


def test_account_data_is_carved_out_and_payment_processors_are_marked(helptal):
    words = text(helptal)
    assert "It does not include Account Data." in words
    assert "act largely as independent controllers of the payment data they process" in words
    annex_i = words[words.index("A. List of parties"):words.index("C. Competent")]
    annex_i_b = words[words.index("B. Description of the processing"):words.index("C. Competent")]
    assert "billing" not in annex_i.lower() and "Account Data only" in annex_i_b
    for entry in helptal.registry.subprocessors:
        row = words[words.index(f"{entry.legal_entity} ({entry.brand})"):][:800]
        assert ("Payment processor: Account Data only" in row.split("\n")[3]) == \
            entry.payment_processor
