"""The competent supervisory authority (Clause 13, Annex I.C): by country, and by Land in Germany."""
import pytest

from dpa_builder.assembly.assemble import assemble
from dpa_builder.content.loader import load_content
from dpa_builder.field_errors import FieldErrors
from dpa_builder.generate import build
from dpa_builder.request import parse_request

from conftest import docx_text, make_request, pdf_text, squash

# As the Cover Page states it: a value of its own, so capitalised.
RULE = "The supervisory authority of the German Land (federal state) in which the Customer has its seat"


def annex_i_c(content, **changes) -> str:
    """The authority the DPA names: on the Cover Page, to which Annex I.C refers."""
    document = assemble(parse_request(make_request(**changes)), content)
    lines = document.text_lines(document.terms)
    assert "the supervisory authority stated on the Cover Page" in lines[
        lines.index("C. Competent supervisory authority") + 1]
    cover = document.text_lines(document.cover)
    return cover[cover.index("Competent supervisory authority") + 1]


@pytest.mark.parametrize("region, authority", [
    ("DE-BY", "Bayerisches Landesamt für Datenschutzaufsicht (Data Protection Authority of Bavaria "
              "(private sector), BayLDA), Ansbach, Germany"),
    ("DE-HE", "Hessische Beauftragte für Datenschutz und Informationsfreiheit (Hessian Commissioner "
              "for Data Protection and Freedom of Information, HBDI), Wiesbaden, Germany"),
    ("NW", "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"),
    ("de-sn", "Sächsische Datenschutz- und Transparenzbeauftragte (Saxon Data Protection and "
              "Transparency Commissioner, SDTB), Dresden, Germany")])
def test_the_land_given_names_its_authority(helptal, region, authority):
    text = annex_i_c(helptal, customer__region=region, customer__address="Hauptstraße 1, 10115 Berlin")
    assert authority in text and "Berlin" not in text and "Bundesbeauftragte" not in text


@pytest.mark.parametrize("address, authority", [
    ("Musterstraße 1, 10115 Berlin", "Berliner Beauftragte für Datenschutz und Informationsfreiheit"),
    ("Leopoldstraße 5, 80802 München", "Bayerisches Landesamt für Datenschutzaufsicht"),
    ("Marienplatz 1 80331 Munich, Germany", "Bayerisches Landesamt für Datenschutzaufsicht"),
    ("Bahnhofstraße 3, 89231 Neu-Ulm", "Bayerisches Landesamt für Datenschutzaufsicht"),
    ("Münsterplatz 1, 89073 Ulm", "Baden-Württemberg"),
    ("Zeil 1, 60313 Frankfurt am Main", "Hessische Beauftragte"),
    ("Karl-Marx-Straße 1, 15230 Frankfurt (Oder)", "Akteneinsicht"),
    # Schönefeld's postcode starts like Berlin's; the city decides, not the postcode.
    ("Flughafen 1, 12529 Schönefeld", "Akteneinsicht"),
    ("Am Markt 2, 55252 Mainz-Kastel", "Hessische Beauftragte"),
    ("Leopoldstraße 5\n80802 München\nGermany", "Bayerisches Landesamt für Datenschutzaufsicht")])
def test_the_land_comes_from_the_city_in_the_address(helptal, address, authority):
    assert authority in annex_i_c(helptal, customer__address=address)


@pytest.mark.parametrize("address", [
    "Hauptstraße 1, 60311 Frankfurt",  # am Main (HE) or (Oder) (BB)?
    "Berliner Allee 1, Potsdamer Platz 2, 10115 Berlin, 14467 Potsdam",  # two Länder
    "Isarstraße 1, 84130 Dingolfing",  # a city the table does not list
    "Marktplatz 1, 84032 Landau an der Isar"])  # not Landau in der Pfalz (RP)
def test_without_an_unambiguous_city_the_rule_itself_stands(helptal, address):
    assert RULE in annex_i_c(helptal, customer__address=address)


def test_the_given_land_prevails_over_the_address(helptal):
    text = annex_i_c(helptal, customer__region="DE-HH", customer__address="Musterstraße 1, 10115 Berlin")
    assert text.startswith("Hamburgische Beauftragte")


@pytest.mark.parametrize("region", ["DE-XX", "US-CA", "Bavaria"])
def test_a_region_outside_the_country_is_refused_by_name(region):
    with pytest.raises(FieldErrors) as info:
        parse_request(make_request(customer__region=region))
    assert list(info.value.fields) == ["customer.region"]
    assert "such as DE-" in info.value.fields["customer.region"]


@pytest.mark.parametrize("country, authority", [
    ("NO", "Datatilsynet (Norwegian Data Protection Authority), Oslo, Norway"),
    ("PL", "Prezes Urzędu Ochrony Danych Osobowych (President of the Personal Data Protection "
           "Office, Prezes UODO), Warsaw, Poland"),
    ("RE", "Commission nationale de l’informatique et des libertés"),
    ("AX", "Office of the Data Protection Ombudsman"),
    ("GB", "Information Commissioner’s Office (ICO), Wilmslow, Cheshire, United Kingdom"),
    ("CH", "Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (Federal Data Protection "
           "and Information Commissioner, FDPIC), Bern, Switzerland")])
def test_every_authority_by_its_official_name(helptal, country, authority):
    text = annex_i_c(helptal, customer__country=country, customer__address="Street 1, Town")
    assert authority in text


def test_a_french_overseas_customer_takes_french_law(built, helptal):
    facts = assemble(parse_request(make_request(customer__country="RE")), helptal).facts
    assert facts["governing_law"] == "France"


@pytest.mark.parametrize("address, authority", [
    ("Musterstraße 1, 10115 Berlin", "Berliner Beauftragte für Datenschutz und Informationsfreiheit "
                                     "(Berlin Commissioner for Data Protection and Freedom of "
                                     "Information, BlnBDI), Berlin, Germany"),
    ("Leopoldstraße 5, 80802 München", "Bayerisches Landesamt für Datenschutzaufsicht (Data "
                                       "Protection Authority of Bavaria (private sector), BayLDA), "
                                       "Ansbach, Germany"),
    ("Domplatz 1, 50667 Köln", "Landesbeauftragte für Datenschutz und Informationsfreiheit "
                               "Nordrhein-Westfalen (State Commissioner for Data Protection and "
                               "Freedom of Information North Rhine-Westphalia, LDI NRW), "
                               "Düsseldorf, Germany")])
def test_the_issued_files_name_the_land_authority(address, authority):
    """Three Länder, read back from the DOCX and the PDF: never the BfDI."""
    result = build(parse_request(make_request(customer__address=address)), load_content("helptal"))
    for text in (squash(docx_text(result.files["docx"])), squash(pdf_text(result.files["pdf"]))):
        assert authority in text and "Bundesbeauftragte" not in text
