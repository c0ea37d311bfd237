import pytest

from dpa_builder.content.layout import REPO_ROOT, ContentError
from dpa_builder.content.loader import available_profiles, load_content


def problems(profile, root):
    with pytest.raises(ContentError) as info:
        load_content(profile, root)
    return info.value.problems


def test_both_profiles_load(helptal, helpdesk):
    assert helptal.profile.processor.legal_name == "Evith LLC"
    assert helpdesk.profile.processor.legal_name == "Text, Inc."
    assert available_profiles() == ["helpdesk", "helptal"]


def test_error_names_file_entry_and_field(content_copy):
    registry = content_copy / "annexes/helptal/registry.yaml"
    registry.write_text(registry.read_text().replace("legal_entity: Neon, LLC", "legal_entity: ''"))
    assert problems("helptal", content_copy) == [
        "annexes/helptal/registry.yaml: subprocessors[2] (neon).legal_entity: "
        "String should have at least 1 character"]


def test_unknown_key_is_reported(content_copy):
    registry = content_copy / "annexes/helptal/registry.yaml"
    registry.write_text(registry.read_text().replace(
        "\n    workspace_content: true\n", "\n    workspace_content: true\n    colour: red\n", 1))
    assert problems("helptal", content_copy) == [
        "annexes/helptal/registry.yaml: subprocessors[0] (vultr).colour: Extra inputs are not permitted"]


def test_unknown_category_is_reported(content_copy):
    registry = content_copy / "annexes/helptal/registry.yaml"
    registry.write_text(registry.read_text().replace("category: payment", "category: payments", 1))
    assert problems("helptal", content_copy) == [
        "annexes/helptal/registry.yaml: subprocessors[6] (stripe): category: 'payments' is not one of "
        "['ai', 'edge', 'email', 'hosting', 'payment']"]


def test_a_period_shorter_than_the_one_it_follows_is_reported(content_copy):
    profile = content_copy / "annexes/helptal/profile.yaml"
    profile.write_text(profile.read_text().replace("notice_days_max: 90", "notice_days_max: 20")
                       .replace("backup_deletion_days: 90", "backup_deletion_days: 10"))
    assert problems("helptal", content_copy) == [
        "annexes/helptal/profile.yaml: policy.notice_days_max: Value error, must not be shorter "
        "than notice_days",
        "annexes/helptal/profile.yaml: policy.backup_deletion_days: Value error, must not be "
        "shorter than deletion_days"]


def test_a_subprocessor_id_used_twice_is_reported(content_copy):
    registry = content_copy / "annexes/helptal/registry.yaml"
    registry.write_text(registry.read_text().replace("- id: neon", "- id: vultr", 1))
    assert problems("helptal", content_copy) == [
        "annexes/helptal/registry.yaml: subprocessors[2] (vultr): id: duplicate"]


def test_unset_or_example_configuration_makes_a_specimen(content_copy, monkeypatch):
    monkeypatch.delenv("HELPTAL_PRIVACY_EMAIL")
    content = load_content("helptal", content_copy)
    assert content.profile.processor.privacy_contact.email == "[HELPTAL_PRIVACY_EMAIL not set]"
    assert content.specimen == ("HELPTAL_SIGNATORY_NAME is an example value (Alex Example)",
                                "HELPTAL_PRIVACY_EMAIL is not set")


def test_real_configuration_is_not_a_specimen(content_copy, monkeypatch):
    monkeypatch.setenv("HELPTAL_SIGNATORY_NAME", "Dana Smith")
    monkeypatch.setenv("HELPTAL_PRIVACY_EMAIL", "privacy@evith.com")
    assert load_content("helptal", content_copy).specimen == ()


def test_clause_with_bad_condition_is_reported(content_copy):
    clause = next((content_copy / "clause_library").glob("[0-9]*.yaml"))
    clause.write_text(clause.read_text() + "\nwhen: {regime: [moon]}\n")
    assert any(p.startswith(f"clause_library/{clause.name}: when.regime: unknown regime moon")
               for p in problems("helptal", content_copy))


def test_unknown_profile():
    assert "unknown profile 'nope'" in problems("nope", REPO_ROOT)[0]


def test_content_version_changes_with_any_file(content_copy, helptal):
    assert load_content("helptal", content_copy).version == helptal.version
    (content_copy / "clause_library/labels.yaml").open("a").write("\nextra: Extra\n")
    assert load_content("helptal", content_copy).version != helptal.version
