"""Addresses print on the customer's lines, with the country named once, in any language."""
import pytest

from dpa_builder.assembly.postal import address_lines, postal_address


@pytest.mark.parametrize("address, country, printed", [
    ("3. Obergeschoß\nDüsseldorfer Straße 123–125\n40212 Düsseldorf\nDeutschland", "DE",
     "3. Obergeschoß\nDüsseldorfer Straße 123–125\n40212 Düsseldorf\nGermany"),
    ("1 Canada Square\nLondon E14 5AB\nUnited Kingdom", "GB",
     "1 Canada Square\nLondon E14 5AB\nUnited Kingdom"),
    ("1 Main St, New York, NY 10001, U.S.A.", "US", "1 Main St, New York, NY 10001\nUnited States"),
    ("Rue du Rhône 1\n1204 Genève\nSuisse", "CH", "Rue du Rhône 1\n1204 Genève\nSwitzerland"),
    ("東京都千代田区丸の内1-1\n日本", "JP", "東京都千代田区丸の内1-1\nJapan"),
    ("Musterstraße 1, 10115 Berlin", "DE", "Musterstraße 1, 10115 Berlin\nGermany"),
])
def test_the_country_is_printed_once_in_english(address, country, printed):
    assert postal_address(address, country) == printed
    assert address_lines(address, country) == printed.split("\n")[:-1]


def test_the_country_is_named_in_the_documents_language():
    assert postal_address("Musterstraße 1\n10115 Berlin\nGermany", "DE", "fr") == (
        "Musterstraße 1\n10115 Berlin\nAllemagne")


def test_a_town_named_like_no_country_is_kept():
    assert postal_address("1 High St\nJersey City, NJ", "US") == "1 High St\nJersey City, NJ\nUnited States"
