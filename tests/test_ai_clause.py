"""The AI clause and Annex III say the same, for every profile and both AI choices: no DPA
says "no AI processing" while Annex III lists an AI provider engaged for the Customer."""
import dataclasses

import pytest

from dpa_builder.assembly.assemble import assemble
from dpa_builder.content.loader import available_profiles, load_content
from dpa_builder.request import parse_request

from conftest import make_request

AI_CLAUSES = {"ai_features_enabled", "ai_features_not_enabled", "ai_functionality"}
DENIALS = ("does not process Workspace content for AI features",
           "No Sub-processor listed in Annex III is engaged to provide AI")


def doc(content, ai: bool):
    return assemble(parse_request(make_request(ai_features=ai)), content)


def ai_clause(document) -> str:
    """The words of the one AI clause, from its heading to the next clause's."""
    [clause] = AI_CLAUSES & set(document.clause_versions)
    number = list(document.clause_versions).index(clause) + 1
    lines = document.text_lines(document.terms)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))
    end = next(i for i, line in enumerate(lines[start + 1:], start + 1)
               if line.startswith(f"{number + 1}. ") or line.startswith("Annex I"))
    return " ".join(lines[start:end])


def annex_row(document, entry) -> tuple[str, ...]:
    name = f"{entry.legal_entity} ({entry.brand})"
    return next(row for block in document.terms if block.style == "grid"
                for row in block.rows if row[0] == name)


@pytest.mark.parametrize("profile", available_profiles())
@pytest.mark.parametrize("ai", [False, True])
def test_the_ai_clause_and_annex_three_agree(demo_env, profile, ai):
    content = load_content(profile)
    document = doc(content, ai)
    clause, text = ai_clause(document), "\n".join(document.text_lines())
    providers = [s for s in content.registry.subprocessors if s.ai_provider]
    assert providers, "each shipped profile has AI providers"
    for entry in providers:
        purpose = annex_row(document, entry)[3]
        assert entry.legal_entity in clause
        if not entry.opt_in:
            assert "engaged for every customer" in purpose and "engaged for every customer" in clause
        elif ai:
            assert "engaged, as the Customer has enabled AI features" in purpose
        else:
            assert "not engaged unless the Customer enables AI features" in purpose
            assert "does not engage the Sub-processors that Annex III identifies" in clause
    if ai or any(not s.opt_in for s in providers):
        assert not [d for d in DENIALS if d in text]


def test_without_opt_in_providers_the_ai_choice_changes_nothing(helpdesk):
    assert not any(s.opt_in for s in helpdesk.registry.subprocessors)
    assert doc(helpdesk, True).terms == doc(helpdesk, False).terms
    assert "Optional AI features" not in doc(helpdesk, True).text_lines(doc(helpdesk, True).cover)


def test_a_profile_without_ai_providers_says_so_and_marks_none(helpdesk):
    registry = helpdesk.registry.model_copy(update={"subprocessors": [
        s for s in helpdesk.registry.subprocessors if not s.ai_provider]})
    document = doc(dataclasses.replace(helpdesk, registry=registry), False)
    assert "No Sub-processor listed in Annex III is engaged to provide AI" in ai_clause(document)
    assert "AI provider" not in "\n".join(document.text_lines(document.terms))
