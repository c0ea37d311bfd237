"""The DPA's structure: a Cover Page of variables with the signatures, then Standard Terms
that are the same, block for block, for every customer of one content version, registry
state and set of options."""
import dataclasses

import pytest

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.context import Options
from dpa_builder.content.clause_schema import Clause
from dpa_builder.content.loader import ContentError
from dpa_builder.request import parse_request

from conftest import make_request

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
    assert acme.terms == golden.terms and acme.terms_key == golden.terms_key
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
                     "Privacy Team, privacy@helptal.example", "Alex Example, Managing Member"):
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
def test_another_combination_has_other_terms_and_another_key(helptal, changes):
    base, other = doc(helptal), doc(helptal, **changes)
    assert other.terms != base.terms and other.terms_key != base.terms_key


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
