"""The PDF read as a reviewer reads it: tagged, PDF/A, typographic, no stranded rows or blocks."""
import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from conftest import pdf_text, running_texts, squash

PROFILES = [("helptal", "DE"), ("helpdesk", "DE")]


@pytest.fixture(scope="module", params=PROFILES, ids=[p for p, _ in PROFILES])
def result(request, built):
    profile, country = request.param
    return built(country, profile=profile)


def page_texts(result) -> list[str]:
    """Each page's words without its running header and footer."""
    document = result.document
    texts = []
    for page in PdfReader(io.BytesIO(result.files["pdf"])).pages:
        text = squash(page.extract_text())
        for running in running_texts(document):
            text = text.replace(running, " ")
        texts.append(squash(re.sub(r"Page \d+ of \d+", " ", text)))
    return texts


def test_tagged_and_still_pdf_a(result):
    info = subprocess.run(["pdfinfo", "-"], input=result.files["pdf"], capture_output=True,
                          check=True).stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    xmp = PdfReader(io.BytesIO(result.files["pdf"])).trailer["/Root"]["/Metadata"]
    xmp = xmp.get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp


def test_legal_text_has_typographic_quotes_and_apostrophes(result):
    text = pdf_text(result.files["pdf"])
    assert "“" in text and "”" in text and "’" in text
    assert '"' not in text and "'" not in text


def test_no_page_holds_only_a_table_row(result):
    tables = [b for b in result.document.blocks if b.kind == "table"]
    rows = {squash(" ".join(row)) for b in tables for row in b.rows}
    headers = {squash(" ".join(b.columns)) for b in tables if b.columns}
    for number, text in enumerate(page_texts(result), start=1):
        for header in headers:
            text = squash(text.replace(header, " "))
        assert text not in rows, f"page {number} holds only one table row: {text[:80]}"


def test_quoted_headings_and_emails_are_links(result):
    links = [annotation.get_object()
             for page in PdfReader(io.BytesIO(result.files["pdf"])).pages
             for annotation in page.get("/Annots") or []]
    internal = [link["/Dest"] for link in links if "/Dest" in link]
    mail = [link["/A"]["/URI"] for link in links if "/A" in link]
    assert len(internal) >= 10
    assert "mailto:privacy@acme.example" in mail


def test_the_contents_give_each_clause_and_annex_the_page_it_starts_on(result):
    """The contents open the Standard Terms and count their pages, as their footers do."""
    pages = page_texts(result)
    headings = [b for b in result.document.blocks if b.kind == "heading"]
    contents = next(n for n, text in enumerate(pages) if squash(headings[0].text) in text)
    for heading in headings:
        entry = re.search(re.escape(squash(heading.text)) + r" ?\.{3,} ?(\d+)", pages[contents])
        assert entry, heading.text
        page = contents + int(entry.group(1))  # the terms' page 1 holds the contents
        assert page > contents + 1 and squash(heading.text) in pages[page - 1]


def test_lines_hold_65_to_80_characters(result):
    """The measure that reads best: the median full line of text, tables' short lines aside."""
    lengths = sorted(len(line) for line in pdf_text(result.files["pdf"]).splitlines()
                     if len(line) >= 40)
    assert 65 <= lengths[len(lengths) // 2] <= 80


def test_the_signature_block_is_whole_on_a_cover_page_with_other_text(result):
    """On the Cover Page, before the contents and the Standard Terms, never alone."""
    block = next(b for b in result.document.cover if b.style == "signatures")
    contents = next(b for b in result.document.blocks if b.kind == "contents")
    words = [squash(cell) for row in (block.columns, *block.rows) for cell in row]
    texts = page_texts(result)
    pages = [n for n, text in enumerate(texts) if words[0] in text]
    assert len(pages) == 1 and all(word in texts[pages[0]] for word in words)
    assert pages[0] < next(n for n, text in enumerate(texts) if contents.text in text)
    others = texts[pages[0]]
    for word in words:
        others = others.replace(word, " ")
    assert len(squash(others)) > 200  # not a page of its own
