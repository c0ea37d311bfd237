"""Both renderers, read back the way a reviewer would: python-docx and pdftotext."""
import io
import re
import zipfile

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.samples import sample_request
from dpa_builder.field_errors import FieldErrors
from dpa_builder.generate import build, render
from dpa_builder.render.parts import terms_part

from conftest import docx_text, pdf_text, running_texts, squash

TRICKY = 'Smith & Sons <Ltd> "Q" l\'Été Ünïcødé 株式会社 😀 {{ 7*7 }}'


@pytest.fixture(scope="module")
def helptal_de(built):
    return built("DE")


def both_texts(result):
    return squash(docx_text(result.files["docx"])), squash(pdf_text(result.files["pdf"]))


def comparable(text: str, document) -> str:
    """Drop running headers, footers and marking, every hyphen and the line break after a slash
    (pdftotext joins line ends with a space), so a paragraph split across lines or pages
    compares whole."""
    for running in running_texts(document):
        text = text.replace(running, " ")
    text = squash(re.sub(r"Page \d+ of \d+", " ", text))
    return re.sub(r"(?<=[-/]) ", "", text).replace("-", "")


@pytest.mark.parametrize("country", ["DE", "GB", "CH", "US"])
def test_docx_and_pdf_carry_the_same_words(built, country):
    result = built(country)
    docx_words, pdf_words = both_texts(result)
    pdf_words = comparable(pdf_words, result.document)
    for line in result.document.text_lines():
        assert squash(line) in docx_words
        assert comparable(line, result.document) in pdf_words, line


def test_both_files_hold_parties_registry_and_policy(helptal_de, helptal):
    for text in both_texts(helptal_de):
        assert "Acme Robotics GmbH" in text and "Evith LLC" in text
        for entry in helptal.registry.subprocessors:
            assert entry.legal_entity in text and entry.processing_location in text
        assert "30 days" in text and "24 months" in text
        # The remedy may run across a page break, through the running header and footer.
        remedy = comparable(helptal.profile.policy.objection_remedy, helptal_de.document)
        assert remedy in comparable(text, helptal_de.document)


def test_tricky_text_comes_out_intact_in_both(built):
    result = built("DE", legal_name=TRICKY + "\x0b\u200b")
    for text in both_texts(result):
        assert TRICKY in text
        assert "\x0b" not in text


def test_rebuild_is_byte_identical(helptal):
    first, second = (build(sample_request(), helptal) for _ in range(2))
    assert first.files == second.files


def test_every_timestamp_comes_from_the_effective_date(helptal_de):
    """No clock reading enters a file, so a rebuild on any later day gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(helptal_de.files["docx"])) as z:
        assert {entry.date_time for entry in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = open_docx(io.BytesIO(helptal_de.files["docx"])).core_properties
    assert {str(core.created), str(core.modified)} == {"2026-12-01 00:00:00+00:00"}
    info = PdfReader(io.BytesIO(helptal_de.files["pdf"])).metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261201000000Z"


def test_docx_footers_have_page_x_of_y_and_the_cover_the_document_id(helptal_de):
    """As in the PDF, the Standard Terms name themselves where the cover has the id."""
    with zipfile.ZipFile(io.BytesIO(helptal_de.files["docx"])) as z:
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert re.search(r'w:instr=" PAGE "', footer) and re.search(r'w:instr=" NUMPAGES "', footer)
    assert helptal_de.document.id in footer and helptal_de.document.content_version in footer
    assert "Standard Terms · content version" in footer


def test_docx_metadata_and_custom_properties(helptal_de):
    document = helptal_de.document
    core = open_docx(io.BytesIO(helptal_de.files["docx"])).core_properties
    assert core.title == "Data Processing Addendum — Acme Robotics GmbH" and core.author == "Evith LLC"
    assert "Acme Robotics GmbH" in core.subject and core.identifier == document.id
    with zipfile.ZipFile(io.BytesIO(helptal_de.files["docx"])) as z:
        custom = z.read("docProps/custom.xml").decode()
    for name, value in document.properties().items():
        assert f'name="{name}"><vt:lpwstr>{value}</vt:lpwstr>' in custom
    assert "dpa.clause.subprocessors" in custom


def test_pdf_is_pdf_a_3b_with_metadata(helptal_de):
    reader = PdfReader(io.BytesIO(helptal_de.files["pdf"]))
    info = reader.metadata
    assert info.title == "Data Processing Addendum — Acme Robotics GmbH" and info.author == "Evith LLC"
    assert "Acme Robotics GmbH" in info.subject
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp


def test_every_pdf_page_but_the_cover_has_header_and_footer(helptal_de):
    """The Cover Page's pages name the document; the Standard Terms, laid out once for every
    customer who shares them, name themselves and number their own pages."""
    document, terms = helptal_de.document, terms_part(helptal_de.document)
    pages = [squash(page.extract_text())
             for page in PdfReader(io.BytesIO(helptal_de.files["pdf"])).pages]
    cover = sum(document.footer in text for text in pages) + 1
    assert not [text for text in running_texts(document)[:4] if text in pages[0]]
    for number, text in enumerate(pages[1:cover], start=2):
        assert f"Page {number} of {cover}" in text and document.footer in text
        assert f"{document.title} — {document.id}" in text
    for number, text in enumerate(pages[cover:], start=1):
        assert f"Page {number} of {len(pages) - cover}" in text and terms.footer in text
        assert f"{document.title} — {terms.id}" in text and document.id not in text


def test_markup_in_a_request_is_printed_not_followed(helptal):
    markup = '<img src="http://127.0.0.1:9/x"> <link rel="attachment" href="file:///etc/hostname">'
    customer = sample_request().customer.model_copy(update={"legal_name": markup})
    document = assemble(sample_request().model_copy(update={"customer": customer}), helptal)
    result = render("pdf", document, helptal)
    assert squash(markup) in squash(pdf_text(result))
    assert b"/EmbeddedFile" not in result


def test_the_renderer_fetches_nothing_even_from_its_own_markup(tmp_path):
    from weasyprint import HTML

    from dpa_builder.render.common_faces import FaceFetcher
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    html = f'<link rel="attachment" href="{secret.as_uri()}"><img src="{secret.as_uri()}"><p>x</p>'
    assert b"/EmbeddedFile" not in HTML(string=html, url_fetcher=FaceFetcher()).write_pdf()
    with pytest.raises(ValueError):
        FaceFetcher().fetch(secret.as_uri())


def test_chinese_and_emoji_need_no_missing_glyph(helptal, caplog):
    request = sample_request().model_copy(update={"customer": sample_request().customer.model_copy(
        update={"legal_name": "深圳市示例科技有限公司 😀"})})
    with caplog.at_level("WARNING", logger="weasyprint"):
        text = pdf_text(render("pdf", assemble(request, helptal), helptal))
    assert "深圳市示例科技有限公司" in text
    assert not [r for r in caplog.records if "glyph" in r.getMessage()]


def test_plain_text_uses_the_text_fonts(helptal_de):
    """Digits are emoji code points too: an emoji font early in the stack would draw them."""
    reader = PdfReader(io.BytesIO(helptal_de.files["pdf"]))
    fonts = {str(font["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert fonts and not [f for f in fonts if "Emoji" in f], fonts


def test_an_unknown_format_is_refused_not_rendered_as_another(helptal):
    document = assemble(sample_request(), helptal)
    with pytest.raises(FieldErrors) as info:
        render("odt", document, helptal)
    assert info.value.fields == {"format": "must be one of docx, pdf; got 'odt'"}
    with pytest.raises(FieldErrors):
        build(sample_request(), helptal, ("docx", "PDF"))
