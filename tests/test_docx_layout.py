"""The DOCX read as Word reads it: widths, list numbering, paragraphs, settings, fonts."""
import re

import pytest
from word import W, WordView, cell_widths, text_of

PROFILES = [("helptal", "DE"), ("helpdesk", "DE")]


@pytest.fixture(scope="module", params=PROFILES, ids=[p for p, _ in PROFILES])
def result(request, built):
    profile, country = request.param
    return built(country, profile=profile)


@pytest.fixture(scope="module")
def word(result):
    return WordView(result.files["docx"])


def test_every_row_fits_the_text_width(word):
    width = word.text_width()
    tables = word.tables()
    assert tables
    for table in tables:
        assert table.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
        assert int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w")) == width
        grid = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
        assert sum(grid) == width
        for row in cell_widths(table):
            assert row == grid[:len(row)] and sum(row) == width


def test_annex_iii_has_a_column_per_heading_in_every_row(result, word):
    grids = [b for b in result.document.blocks if b.kind == "table" and b.style == "grid"]
    assert sum(len(b.rows) for b in grids) >= 11  # HelpDesk: 29 rows
    for table in word.tables():
        assert len({len(row) for row in cell_widths(table)}) == 1


def test_clause_numbers_are_word_list_numbers_matching_the_model(result, word):
    numbered = [p for p in word.paragraphs() if p.label]
    model = [b.number.rstrip(".") for b in result.document.blocks if b.number]
    assert [p.label.rstrip(".") for p in numbered] == model
    for p in numbered:
        assert p.element.find(f"{W}pPr/{W}numPr") is None  # the style carries it
        assert not re.match(r"\d+(\.\d+)*\.?\s", p.text), p.text


def test_no_paragraph_starts_with_a_typed_number(word):
    """Only the contents' entries show numbers as text: they are a TOC field's result."""
    typed = [p.text for p in word.paragraphs()
             if p.style != "TOC1" and re.match(r"\d+\.(\d+)?\s", p.text)]
    assert typed == []


def test_a_toc_field_lists_every_clause_and_annex_linked_to_its_heading(result, word):
    body = word.document.find(f"{W}body")
    [toc] = [i for i in body.iter(f"{W}instrText") if i.text.strip().startswith("TOC")]
    assert toc.text == ' TOC \\o "1-1" \\h \\z \\u '
    entries = [p for p in word.paragraphs() if p.style == "TOC1"]
    headings = [b for b in result.document.blocks if b.kind == "heading"]
    assert [e.text for e in entries] == [f"{b.number}\t{b.text}\t" if b.number else f"{b.text}\t"
                                         for b in headings]
    bookmarks = {b.get(f"{W}name"): text_of(b.getparent()) for b in body.iter(f"{W}bookmarkStart")}
    for entry, heading in zip(entries, headings):
        link = entry.element.find(f"{W}hyperlink")
        assert bookmarks[link.get(f"{W}anchor")] == heading.text
        assert f"PAGEREF {link.get(f'{W}anchor')}" in "".join(link.itertext())
    assert word.settings.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_bullets_hang_inside_the_clause_text(word):
    clause = word.style_property("Clause", f"{W}pPr/{W}ind")
    levels = {lvl.find(f"{W}pStyle").get(f"{W}val"): lvl.find(f"{W}pPr/{W}ind")
              for lvl in word.numbering.iter(f"{W}lvl")}
    assert clause is None  # the indent comes from the list level
    clause_text = int(levels["Clause"].get(f"{W}left"))
    bullet = levels["ListBullet"]
    assert int(bullet.get(f"{W}left")) - int(bullet.get(f"{W}hanging")) == clause_text


def test_no_run_of_empty_paragraphs_and_real_page_breaks(word):
    body = word.document.find(f"{W}body")
    empty = [not "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
             for p in body.iterchildren(f"{W}p")]
    assert not any(a and b for a, b in zip(empty, empty[1:]))
    pages = [br for br in body.iter(f"{W}br") if br.get(f"{W}type") == "page"]
    assert not pages  # page breaks are "page break before" on the next paragraph
    assert len(list(body.iter(f"{W}pageBreakBefore"))) >= 3


def test_adjacent_tables_stay_apart(word):
    body = word.document.find(f"{W}body")
    for table in body.iterchildren(f"{W}tbl"):
        assert table.getnext().tag != f"{W}tbl"


def test_word_2013_mode_british_english_and_no_theme_fonts(word):
    compat = word.settings.find(f"{W}compat/{W}compatSetting[@{W}name='compatibilityMode']")
    assert compat.get(f"{W}val") == "15"
    styles = word.parts["word/styles.xml"]
    defaults = re.search(rb"<w:rPrDefault>.*?</w:rPrDefault>", styles).group(0)
    assert b'<w:lang w:val="en-GB"' in defaults
    assert b"Theme" not in styles and "word/theme/theme1.xml" not in word.parts


def test_fonts_every_word_has_with_their_metric_twins(word):
    fonts = re.findall(rb'w:ascii="([^"]+)"', word.parts["word/styles.xml"])
    assert set(fonts) == {b"Times New Roman", b"Arial"}
    table = word.parts["word/fontTable.xml"]
    for name, twin in ((b"Times New Roman", b"Liberation Serif"), (b"Arial", b"Liberation Sans")):
        assert re.search(rb'w:name="' + name + rb'"><w:altName w:val="' + twin + rb'"', table)


def test_header_and_footer_are_8pt_grey_and_absent_on_the_cover(word):
    for style in ("Header", "Footer"):
        assert word.style_property(style, f"{W}rPr/{W}sz").get(f"{W}val") == "16"
        assert word.style_property(style, f"{W}rPr/{W}color").get(f"{W}val") == "595959"
    cover, terms = list(word.document.iter(f"{W}sectPr"))  # as the PDF: two parts
    assert cover.getparent().tag == f"{W}pPr" and cover.find(f"{W}titlePg") is not None
    first = [r for r in cover.iter(f"{W}headerReference", f"{W}footerReference")
             if r.get(f"{W}type") == "first"]
    assert len(first) == 2
    footers = [data for name, data in word.parts.items() if name.startswith("word/footer")]
    assert sum(b" NUMPAGES " in footer for footer in footers) == 2  # the cover's later pages, terms


def test_app_properties_say_what_wrote_the_file(word):
    app = word.parts["docProps/app.xml"].decode()
    assert "<Application>DPA Builder</Application>" in app and "Microsoft" not in app
    words = int(re.search(r"<Words>(\d+)</Words>", app).group(1))
    shown = sum(len(p.text.split()) for p in word.paragraphs())
    assert words == shown and "<Pages>" not in app


def test_quoted_headings_are_ref_fields_to_bookmarked_headings(word):
    body = word.document.find(f"{W}body")
    bookmarks = {b.get(f"{W}name"): b.getparent() for b in body.iter(f"{W}bookmarkStart")}
    references = [re.fullmatch(r" REF (\S+) \\h ", i.text) for i in body.iter(f"{W}instrText")
                  if i.text.startswith(" REF ")]
    assert len(references) >= 10
    shown = {p.text for p in word.paragraphs()}
    for reference in references:
        heading = bookmarks[reference.group(1)]
        assert heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val") in ("Heading1", "AnnexHeading")
        assert any(f"clause headed “{text_of(heading)}”" in text for text in shown)


def test_the_signature_block_keeps_together_with_room_to_sign(word):
    [table] = [t for t in word.tables()
               if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "DPASignatures"]
    rows = table.findall(f"{W}tr")
    for row in rows[:-1]:
        assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in row.iter(f"{W}p"))
    assert table.getprevious().find(f"{W}pPr/{W}keepNext") is not None  # its introduction
    signing = rows[2]  # after the header row and the parties' names
    for paragraph in signing.iter(f"{W}p"):
        before = int(paragraph.find(f"{W}pPr/{W}spacing").get(f"{W}before"))
        assert 1134 <= before <= 1417  # 2 to 2.5 cm to sign by hand


def test_grid_tables_have_a_real_header_row_that_repeats(word):
    grids = [t for t in word.tables() if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "DPAGrid"]
    assert grids
    for table in grids:
        header, *rows = table.findall(f"{W}tr")
        assert header.find(f"{W}trPr/{W}tblHeader") is not None
        assert not [r for r in rows if r.find(f"{W}trPr/{W}tblHeader") is not None]
        assert {p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in header.iter(f"{W}p")} == {
            "TableHeading"}
