from datetime import date, timedelta

import pytest

from dpa_builder.field_errors import FieldErrors
from dpa_builder.request import clean_text, parse_request

from conftest import make_request


def errors_of(data) -> dict:
    with pytest.raises(FieldErrors) as info:
        parse_request(data)
    return info.value.fields


def test_example_request_is_valid():
    request = parse_request(make_request())
    assert request.customer.country == "DE"
    assert request.role == "controller"


def test_missing_field_is_named():
    data = make_request()
    del data["customer"]["legal_name"]
    assert errors_of(data) == {"customer.legal_name": "is required"}


def test_each_bad_field_is_named():
    fields = errors_of(make_request(customer__contact_email="not-an-email",
                                    customer__country="XX", signatory__name="x" * 5000,
                                    role="owner", language="de"))
    assert set(fields) == {"customer.contact_email", "customer.country", "signatory.name",
                           "role", "language"}
    assert "ISO 3166-1" in fields["customer.country"]
    assert fields["signatory.name"] == "must be at most 200 characters"


def test_unknown_field_is_refused():
    assert errors_of(make_request(customer__vat="DE1")) == {"customer.vat": "is not a known field"}


def test_blank_after_cleaning_is_refused():
    assert "customer.legal_name" in errors_of(make_request(customer__legal_name=" \u200b\x0b "))


def test_not_an_object_is_refused():
    assert errors_of(["a"]) == {"request": "must be a JSON object"}


def test_country_code_is_normalised():
    assert parse_request(make_request(customer__country="fr")).customer.country == "FR"


def test_clean_text_drops_invisible_characters_and_keeps_the_rest():
    pasted = "Smith\u00a0&\tSons\x0b <Ltd>\u200b \u201cQ\u201d\ufeff Caf\u0065\u0301 株式会社 😀"
    assert clean_text(pasted) == "Smith & Sons <Ltd> \u201cQ\u201d Café 株式会社 😀"


def test_template_syntax_is_kept_as_text():
    request = parse_request(make_request(customer__legal_name="{{ 7*7 }} {% if %} Ltd"))
    assert request.customer.legal_name == "{{ 7*7 }} {% if %} Ltd"


def test_the_address_keeps_the_customers_lines_each_cleaned():
    data = make_request(customer__address=" 3. Obergeschoß\r\n\r\nDüsseldorfer   Straße 1\u200b\n"
                                          "40212 Düsseldorf \u2028Deutschland",
                        customer__legal_name="Acme\nRobotics")
    request = parse_request(data)
    assert request.customer.address == ("3. Obergeschoß\nDüsseldorfer Straße 1\n40212 Düsseldorf\n"
                                        "Deutschland")
    assert request.customer.legal_name == "Acme Robotics"  # only the address keeps lines


def test_an_address_of_too_many_lines_is_refused():
    with pytest.raises(FieldErrors) as error:
        parse_request(make_request(customer__address="\n".join("line" for _ in range(9))))
    assert error.value.fields == {"customer.address": "must have at most 8 lines"}


@pytest.mark.parametrize("country, day, message", [
    ("DE", "2021-06-03", "must not be before 4 June 2021, when the EU Standard Contractual "
                         "Clauses were adopted"),
    ("US", "1999-12-31", "must not be before 4 June 2021, when the EU Standard Contractual "
                         "Clauses were adopted"),
    ("GB", "2022-03-20", "must not be before 21 March 2022, when the UK Addendum came into force")])
def test_an_effective_date_before_the_instruments_is_refused_by_name(country, day, message):
    assert errors_of(make_request(customer__country=country, effective_date=day)) == {
        "effective_date": message}
    assert parse_request(make_request(customer__country=country, effective_date="2022-03-21"))


def test_an_effective_date_more_than_a_year_ahead_is_refused():
    far = date.today() + timedelta(days=400)
    message = errors_of(make_request(effective_date=far.isoformat()))["effective_date"]
    assert message.startswith("must not be more than a year ahead (at the latest ")
    assert parse_request(make_request(effective_date=(date.today() + timedelta(days=300)).isoformat()))
