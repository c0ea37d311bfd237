"""The DPA's structure: a Cover Page of variables with the signatures, then Standard Terms
that are the same, block for block, for every customer of one content version, registry
state and set of options."""
import dataclasses
import re

import pytest
from test_render import both_texts, comparable

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.context import Options
from dpa_builder.content.clause_schema import Clause
from dpa_builder.content.layout import ContentError
from dpa_builder.render.parts import terms_part
from dpa_builder.request import parse_request

from conftest import docx_text, make_request, pdf_text, squash

GOLDEN = dict(customer__legal_name="Golden Gate Widgets, Inc.", customer__country="FR",
              customer__address="12 rue de la Paix, 75002 Paris", customer__registration_number="",
              customer__contact_name="Camille Martin", customer__contact_title="DPO",
              customer__contact_email="dpo@ggw.example", signatory__name="Luc Bernard",
              signatory__title="Directeur général", workspace="ggw", effective_date="2027-01-15")


def doc(content, options=Options(), **changes):
    return assemble(parse_request(make_request(**changes)), content, options)


def lines(blocks) -> str:
    return "\n".join(line for b in blocks for line in
                     ([b.text] if b.text else []) + [c for row in (b.columns, *b.rows) for c in row])


def test_two_customers_of_one_combination_get_identical_standard_terms(helptal):
    acme = doc(helptal)  # Germany, 30 days, the law of Germany
    golden = doc(helptal, Options(notice_days=60, governing_law="IE"), **GOLDEN)
    assert acme.terms == golden.terms
    assert repr(terms_part(acme)) == repr(terms_part(golden))  # what both renderers key on
    assert acme.cover != golden.cover
    terms = lines(golden.terms)
    for customer_value in ("Golden Gate", "Paris", "Camille", "Luc Bernard", "15 January 2027",
                           "60 days", "Ireland", golden.id, "Acme", "Berlin", "Germany",
                           "Alex Example", "privacy@helptal.example"):
        assert customer_value not in terms, customer_value


def test_the_cover_states_every_customer_specific_value(helptal):
    cover = lines(doc(helptal, Options(notice_days=60, governing_law="IE"), **GOLDEN).cover)
    for expected in ("Golden Gate Widgets, Inc.", "12 rue de la Paix, 75002 Paris", "France",
                     "Camille Martin, DPO, dpo@ggw.example", "Luc Bernard, Directeur général",
                     "15 January 2027", "60 days", "The law of Ireland; the courts of Ireland",
                     "Commission nationale de l’informatique et des libertés (French data "
                     "protection authority, CNIL), Paris, France", "Module Two",
                     "Evith LLC", "30 N Gould St, Ste R, Sheridan, WY 82801, USA",
                     "Privacy Team, Data Protection Lead, privacy@helptal.example",
                     "Alex Example, Managing Member"):
        assert expected in cover, expected


def test_the_terms_refer_to_the_cover_for_those_values(helptal):
    terms = " ".join(doc(helptal).text_lines(doc(helptal).terms))
    for reference in ("the customer identified on the Cover Page (the “Customer”)",
                      "the effective date stated on the Cover Page (the “Effective Date”)",
                      "at least the Notice Period before the change takes effect",
                      "the Processor’s privacy contact stated on the Cover Page",
                      "the data exporter of intended changes is the Notice Period",
                      "governed by the law of the EU Member State stated as the governing law "
                      "on the Cover Page"):
        assert reference in terms, reference


@pytest.mark.parametrize("changes", [dict(role="processor"), dict(customer__country="GB"),
                                     dict(ai_features=True)])
def test_another_combination_has_other_terms(helptal, changes):
    base, other = doc(helptal), doc(helptal, **changes)
    assert other.terms != base.terms
    assert repr(terms_part(other)) != repr(terms_part(base))


def test_a_clause_naming_a_customer_value_is_refused(helptal):
    leaky = Clause(id="leaky", version=1, title="Leaky",
                   paragraphs=["The Customer is {{ customer.legal_name }}."])
    with pytest.raises(ContentError) as info:
        doc(dataclasses.replace(helptal, clauses=[*helptal.clauses, leaky]))
    assert "clause 'leaky' (version 1): paragraphs[0]: unknown variable customer" in str(info.value)


def test_signature_blocks_on_the_cover_with_name_title_date_and_place(helptal):
    document = doc(helptal, **GOLDEN)
    [table] = [b for b in document.cover if b.style == "signatures"]
    assert table.rows[0] == ("Golden Gate Widgets, Inc.", "Evith LLC")
    assert table.rows[2] == ("Name: Luc Bernard", "Name: Alex Example")
    assert table.rows[3] == ("Title: Directeur général", "Title: Managing Member")
    assert [row[0].split(":")[0] for row in table.rows[4:]] == ["Date", "Place"]
    assert not any(b.style == "signatures" for b in document.terms)


def test_a_name_ending_in_a_full_stop_gets_no_second_one(helptal):
    text = "\n".join(doc(helptal, **GOLDEN).text_lines())
    assert "authorised to sign for Golden Gate Widgets, Inc." in text and "Inc.." not in text


# A definition: “Term” means / has the meaning; (the “Term”); “Term” or “Other”.
DEFINED = re.compile(r"“([A-Z][^”]{0,60})”(?=,? (?:or “[^”]+” )?(?:means|has the meaning)| or “)"
                     r"|\((?:the |each an? |together the )?“([A-Z][^”]{0,60})”\)")
VARIANTS = [(profile, country, role) for profile in ("helptal", "helpdesk")
            for country in ("DE", "GB", "CH", "US", "JP", "BR", "CN", "IN")
            for role in ("controller", "processor")]


@pytest.fixture(scope="module")
def every_variant(helptal, helpdesk):
    """The English text and clause headings of a DPA for each profile, regime and role."""
    contents = {"helptal": helptal, "helpdesk": helpdesk}
    documents = {v: doc(contents[v[0]], customer__country=v[1], role=v[2], ai_features=True,
                        customer__address="1 Example Road, Example City") for v in VARIANTS}
    return {v: (" ".join(d.text_lines()), {b.text for b in d.terms if b.kind == "heading"})
            for v, d in documents.items()}


def test_every_defined_term_a_dpa_uses_is_defined_in_that_dpa(every_variant):
    terms = {next(filter(None, m.groups())) for text, _ in every_variant.values()
             for m in DEFINED.finditer(text)}
    assert {"Subscription", "UK Addendum", "Third-Party Controller", "Account Data"} <= terms
    for variant, (text, _) in every_variant.items():
        quoted = set(re.findall(r"“([^”]+)”", text))
        defined = {next(filter(None, m.groups())) for m in DEFINED.finditer(text)}
        used = {t for t in terms if re.search(rf"(?<![“\w-]){re.escape(t)}(?![\w”])", text)}
        assert used <= quoted, f"{variant}: used but not defined: {sorted(used - quoted)}"
        assert used <= defined, f"{variant}: quoted but never defined: {sorted(used - defined)}"


def test_every_clause_referred_to_by_its_heading_is_in_that_dpa(every_variant):
    for variant, (text, headings) in every_variant.items():
        referred = set(re.findall(r"clause headed “([^”]+)”", text))
        assert referred and referred <= headings, f"{variant}: no such clause: {sorted(referred - headings)}"


def test_the_third_party_controllers_are_defined_before_the_module_three_clause(helptal):
    headings = [b.text for b in doc(helptal, role="processor").terms if b.kind == "heading"]
    assert headings.index("Customer acting as a processor") < headings.index(
        "Module Three: informing the Third-Party Controllers")


def test_the_uk_addendum_and_subscription_are_defined_in_the_issued_files(built):
    result = built("GB")
    for text in (comparable(t, result.document) for t in both_texts(result)):  # across pages too
        assert "“UK Addendum” means the International Data Transfer Addendum" in text
        assert "“Subscription” means the Customer’s subscription to the Services" in text
        assert "terminate the affected Subscription" in text
        # The UK Addendum's own terms, which the clause uses to complete its tables.
        assert ("Terms that the UK Addendum defines and this clause uses, such as “Addendum EU "
                "SCCs”, “Approved EU SCCs”, “Appendix Information”, “Approved Addendum”, "
                "“Mandatory Clauses”, “Importer” and “Exporter”, have the meanings given to them "
                "in the UK Addendum.") in text


@pytest.mark.parametrize("profile", ["helptal", "helpdesk"])
def test_annex_i_b_finds_each_sub_processors_duration_in_annex_iii(built, profile):
    """Annex I.B sends the reader to Annex III for each sub-processor's duration, and Annex III
    states it: one rule for every entry."""
    result = built(profile=profile)
    for text in (squash(docx_text(result.files["docx"])), squash(pdf_text(result.files["pdf"]))):
        start = text.rindex("B. Description of the processing")
        annex_i_b = text[start:text.index("Annex II — ", start)]
        assert "for the subject matter, nature and duration stated there for each of them" in annex_i_b
        annex_iii = text[text.rindex("Annex III — List of sub-processors"):]
        assert ("Each processes it while the Processor engages it, and no longer than the term of "
                "the Agreement and the periods of the clause headed “Return and deletion of "
                "Customer Personal Data”.") in annex_iii
