"""Translated and bilingual DPAs as files: real fonts, no missing glyph, languages Word can see."""
import io
import subprocess
import zipfile

import pytest
from lxml import etree
from translated import clause_file, with_translation
from word import WordView

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.context import Options
from dpa_builder.content.layout import CSS_FILE, HTML_TEMPLATE
from dpa_builder.content.translations import FOLDER
from dpa_builder.generate import render
from dpa_builder.render.html import render_html
from dpa_builder.render.pdf import missing_glyphs
from dpa_builder.request import parse_request

from conftest import make_request, pdf_text, squash

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rendered(content, language: str, options=Options(), **changes):
    """The document, its DOCX and PDF, and WeasyPrint's glyph warnings for the whole PDF."""
    document = assemble(parse_request(make_request(language=language, **changes)), content, options)
    missing = missing_glyphs(document, content.text(HTML_TEMPLATE), content.text(CSS_FILE))
    return document, render("docx", document, content), render("pdf", document, content), missing


@pytest.fixture(scope="module")
def chinese(helptal):
    content = with_translation(helptal, "zh")
    return (content, *rendered(content, "zh", customer__legal_name="深圳市示例科技有限公司"))


@pytest.fixture(scope="module")
def bilingual(helptal):
    content = with_translation(helptal, "fr")
    return (content, *rendered(content, "fr", Options(bilingual=True)))


def xml(docx: bytes, part: str):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(part))


def embedded_fonts(pdf: bytes) -> list[list[str]]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout
    return [line.split() for line in out.decode().splitlines()[2:]]


def test_harfbuzz_subset_is_loaded():
    """Without it WeasyPrint subsets the CJK font with fontTools, ten times slower."""
    from weasyprint.text.ffi import harfbuzz_subset
    assert harfbuzz_subset is not None


def test_chinese_pdf_has_every_glyph_from_an_embedded_cjk_font(chinese):
    _, document, _, pdf, missing = chinese
    assert missing == []
    cjk = [row for row in embedded_fonts(pdf) if "CJK-SC" in row[0]]
    assert cjk and all(row[-5] == "yes" for row in cjk)  # the "emb" column
    assert "深圳市示例科技有限公司" in pdf_text(pdf) and "2026年12月1日" in pdf_text(pdf)


def test_the_glyph_check_catches_a_character_no_font_has(helptal):
    """The negative control: an Egyptian hieroglyph, which no installed font draws."""
    *_, missing = rendered(helptal, "en", customer__legal_name="\U00013000 Ltd")
    assert missing and ".notdef" in missing[0]


def test_the_glyph_check_reads_the_standard_terms_even_once_they_are_cached(helptal):
    """The terms are drawn once for many DPAs: a glyph they lack is still found every time."""
    last = len(helptal.clauses) - 1
    clause = clause_file(helptal.clauses[last], "fr").replace(b"[FR] ", "\U00013000 ".encode())
    content = with_translation(
        helptal, "fr", extra={f"{FOLDER}/fr/{last:02d}-{helptal.clauses[last].id}.yaml": clause})
    for _ in range(2):
        *_, missing = rendered(content, "fr")
        assert missing and ".notdef" in missing[0]


def test_chinese_html_asks_for_simplified_chinese_glyphs(chinese):
    content, document, *_ = chinese
    html = render_html(document, content.text("templates/dpa.html"))
    assert '<html lang="zh-CN">' in html
    # Runs in the page's language are not tagged again (each tag costs layout time).
    assert '<span lang="zh-CN">' not in html and "深圳市示例科技有限公司" in html


def test_chinese_in_an_english_dpa_is_tagged_simplified_chinese(helptal):
    document, *_ = rendered(helptal, "en", customer__legal_name="深圳市示例科技有限公司")
    html = render_html(document, helptal.text("templates/dpa.html"))
    assert '<span lang="zh-CN">深圳市示例科技有限公司</span>' in html


def test_chinese_docx_says_its_language_and_its_east_asian_face(chinese, helptal):
    _, _, docx, _, _ = chinese
    defaults = xml(docx, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    # Chinese is the East Asian language; Latin words keep a Latin language, so that word
    # processors break English words between words, not anywhere.
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"
    assert defaults.find(f"{W}lang").get(f"{W}val") == "en-GB"
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == "SimSun"  # Word's Simplified face
    assert b"<dc:language>zh-CN</dc:language>" in zipfile.ZipFile(io.BytesIO(docx)).read(
        "docProps/core.xml")
    # In an English DPA, Chinese text gets runs of its own in that face and language.
    *_, english, _, _ = rendered(helptal, "en", customer__legal_name="深圳市示例科技有限公司")
    runs = [r for r in xml(english, "word/document.xml").iter(f"{W}r")
            if "示例" in "".join(t.text or "" for t in r.iter(f"{W}t"))]
    assert runs and all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "SimSun" and
                        r.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN" for r in runs)


def test_footer_words_come_from_the_document(chinese):
    _, document, docx, pdf, _ = chinese
    assert document.page_label == ("[中文] Page", "of", "")
    footer = "".join(t.text or "" for t in xml(docx, "word/footer1.xml").iter(f"{W}t"))
    assert "[中文] Page 1 of 1" in footer  # Word updates the PAGE and NUMPAGES fields
    assert "[中文] Page 2 of " in squash(pdf_text(pdf))


def test_bilingual_docx_numbers_only_the_english_and_tags_the_translation(bilingual):
    _, document, docx, _, _ = bilingual
    shown = [p.shown for p in WordView(docx).paragraphs()]
    assert sum(1 for line in shown if line.startswith("5.1 ")) == 1
    five_one = next(i for i, line in enumerate(shown) if line.startswith("5.1 "))
    assert shown[five_one + 1].startswith("[FR] General written authorisation")
    body = xml(docx, "word/document.xml")
    translated = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
                  and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "ClauseTranslation"]
    assert translated and all(r.find(f"{W}rPr/{W}lang").get(f"{W}val") == "fr-FR"
                              for p in translated for r in p.iter(f"{W}r"))


def test_bilingual_pdf_sets_each_translation_after_its_english(bilingual):
    content, document, _, pdf, missing = bilingual
    assert missing == []
    text = squash(pdf_text(pdf))
    english = text.index("General written authorisation. The Customer")
    assert english < text.index("[FR] General written authorisation. The Customer") < text.index(
        "5.2 Advance notice")
    html = render_html(document, content.text("templates/dpa.html"))
    assert '<p class="translation" lang="fr">' in html


def test_table_columns_measure_chinese_as_wide_characters():
    from dpa_builder.render.columns import column_shares
    shares = column_shares("grid", [["实体", "地址", "处理地点", "目的"],
                                    ["Neon, LLC", "Delaware, USA", "新加坡", "托管的数据库" * 8]])
    assert shares[2] >= 0.12  # four characters at 9.5 pt fit without breaking the heading
