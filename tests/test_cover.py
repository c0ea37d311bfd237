"""The Cover Page's values as counsel reads them in the issued files: both parties' contacts
with their positions, country names and values that read as English, the liability position
each regime allows, and no stray punctuation after a name."""
from functools import cache

import pytest

from dpa_builder.content.loader import load_content
from dpa_builder.generate import build
from dpa_builder.request import parse_request

from conftest import docx_text, make_request, pdf_text, squash

GOLDEN = dict(customer__legal_name="Golden Gate Widgets, Inc.", customer__country="US",
              customer__region="US-CA", customer__address="1 Market St, San Francisco, CA 94105",
              customer__contact_title="Head of Privacy")


@cache
def _texts(profile: str, changes: tuple) -> tuple[str, str]:
    result = build(parse_request(make_request(**dict(changes))), load_content(profile))
    return squash(docx_text(result.files["docx"])), squash(pdf_text(result.files["pdf"]))


@pytest.fixture(scope="module")
def files(demo_env):
    """Both files' text, squashed: files(**request changes) -> (docx, pdf)."""
    return lambda profile="helptal", **changes: _texts(profile, tuple(sorted(changes.items())))


@pytest.mark.parametrize("profile", ["helptal", "helpdesk"])
def test_both_parties_name_their_contact_with_position(files, profile):
    processor = load_content(profile).profile.processor.privacy_contact
    for text in files(profile, customer__contact_title="Data Protection Officer"):
        assert "Erika Mustermann, Data Protection Officer, privacy@acme.example" in text
        assert f"{processor.name}, Data Protection Lead, {processor.email}" in text
        # Annex I.A: both rows point at name, position and contact details on the Cover Page.
        assert text.count("contact person (name, position and contact details)") == 2


def test_an_unset_position_is_configuration_and_the_dpa_says_so(monkeypatch):
    monkeypatch.delenv("HELPTAL_PRIVACY_CONTACT_TITLE")
    content = load_content("helptal")
    assert "HELPTAL_PRIVACY_CONTACT_TITLE is not set" in content.specimen
    result = build(parse_request(make_request()), content, ("docx",))
    text = squash(docx_text(result.files["docx"]))
    assert "Privacy Team, [HELPTAL_PRIVACY_CONTACT_TITLE not set], privacy@helptal.example" in text
    assert "HELPTAL_PRIVACY_CONTACT_TITLE is not set" in text  # the specimen notice says why


@pytest.mark.parametrize("country, law", [("NL", "the Netherlands"), ("DE", "Germany")])
def test_a_country_name_takes_its_article_in_a_sentence(files, country, law):
    for text in files(customer__country=country):
        assert f"The law of {law}; the courts of {law}" in text


def test_a_value_opens_with_a_capital_where_the_clauses_use_it_mid_sentence(files):
    for text in files(customer__address="Hauptstraße 2, 99999 Kleinstadt"):
        assert "A Wyoming limited liability company" in text  # Legal form
        assert "Evith LLC, a Wyoming limited liability company, identified" in text  # Annex I.A
        assert "The supervisory authority of the German Land (federal state)" in text


@pytest.mark.parametrize("country, sccs", [("DE", True), ("GB", True), ("US", False),
                                           ("JP", False), ("IN", False)])
def test_the_liability_value_names_the_sccs_only_where_they_apply(files, country, sccs):
    limit = ("as far as the Standard Contractual Clauses allow" if sccs
             else "as far as Data Protection Law allows")
    for text in files(customer__country=country):
        assert f"The Agreement’s limitations, {limit}; never towards data subjects" in text
        assert sccs or "limitations, as far as the Standard Contractual Clauses" not in text


def test_a_name_ending_in_a_full_stop_is_followed_by_no_second_one(files):
    for text in files(**GOLDEN):
        assert "authorised to sign for Golden Gate Widgets, Inc. " in text
        assert "Inc.." not in text and "Golden Gate Widgets, Inc.," not in text
