"""The shipped French and Chinese DPAs, read back from both files: terms, prevailing clause, entities."""
import subprocess
from functools import cache

import pytest
from lxml import etree

from dpa_builder.assembly.context import Options
from dpa_builder.assembly.translate import translate
from dpa_builder.content.layout import CSS_FILE, HTML_TEMPLATE
from dpa_builder.content.loader import load_content
from dpa_builder.generate import build
from dpa_builder.render.pdf import missing_glyphs
from dpa_builder.request import parse_request

from conftest import docx_text, make_request, pdf_text, squash

# ../shared/reference/terminology.md: the official GDPR and SCC words in each language.
KEY_TERMS = {
    "fr": ["responsable du traitement", "sous-traitant ultérieur", "données à caractère personnel",
           "violation de données à caractère personnel", "personne concernée", "autorité de contrôle",
           "mesures techniques et organisationnelles",
           "analyses d'impact relatives à la protection des données", "instructions documentées",
           "autorisation écrite générale", "pays tiers", "état membre", "clauses contractuelles types",
           "module deux", "clause d'adhésion", "annexe", "dans les meilleurs délais"],
    "zh": ["控制者", "处理者", "子处理者", "个人数据", "个人数据泄露", "数据主体", "监管机构",
           "技术和组织措施", "数据保护影响评估", "书面指示", "一般书面授权", "第三国", "成员国",
           "标准合同条款", "模块二", "对接条款", "附件", "无不当延误"],
}
PREVAILING = {
    "fr": "Le présent Accord est établi en anglais et traduit en français. En cas de divergence "
          "entre les deux versions, la version anglaise prévaut.",
    "zh": "本中文译本仅供参考；中英文版本如有任何不一致或歧义，以英文版本为准。",
}
UNREVIEWED = {"fr": "Traduction de courtoisie non révisée", "zh": "未经审阅的参考译本"}


def issued(language: str, country: str = "DE", bilingual: bool = False):
    """Both files of the Helptal DPA, their texts, and WeasyPrint's glyph warnings.

    Legal may change the English before the translators catch up: these tests of the
    shipped translations then wait (skipped, naming the gaps `dpa check` lists), while
    the machinery's own tests (test_translations.py) keep running.
    """
    gaps = translate(load_content("helptal"), language).gaps
    if gaps:
        pytest.skip(f"the {language} translation has {len(gaps)} missing or stale parts "
                    f"(dpa check lists them): {', '.join(g.key for g in gaps[:5])}")
    return _issued(language, country, bilingual)


@cache
def _issued(language: str, country: str, bilingual: bool):
    request = parse_request(make_request(language=language, customer__country=country))
    content = load_content("helptal")
    built = build(request, content, options=Options(bilingual=bilingual))
    missing = missing_glyphs(built.document, content.text(HTML_TEMPLATE), content.text(CSS_FILE))
    # A word the PDF hyphenates at a line end comes back as "‐ " (U+2010, then the line break).
    texts = (squash(docx_text(built.files["docx"])),
             squash(pdf_text(built.files["pdf"])).replace("\u2010 ", ""))
    return built, texts, missing


def in_both(texts, phrase: str, language: str) -> bool:
    """In the DOCX and the PDF; Chinese lines break without a space, so spaces are ignored."""
    if language == "zh":
        return all(phrase.replace(" ", "") in t.replace(" ", "") for t in texts)
    return all(phrase.lower() in t.lower().replace("\u00a0", " ").replace("\u2019", "'")
               for t in texts)


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_the_official_terms_are_used_in_both_files(language, demo_env):
    _, texts, _ = issued(language)
    missing = [term for term in KEY_TERMS[language] if not in_both(texts, term, language)]
    assert not missing


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_the_prevailing_language_clause_and_the_unreviewed_notice(language, demo_env):
    built, texts, _ = issued(language)
    assert in_both(texts, PREVAILING[language], language)
    assert in_both(texts, UNREVIEWED[language], language)
    assert built.document.language == language and built.document.blocks[2].text == (
        PREVAILING[language].replace(" :", "\u00a0:"))


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_every_legal_entity_and_party_stays_as_written(language, helptal, demo_env):
    _, texts, _ = issued(language)
    names = [s.legal_entity for s in helptal.registry.subprocessors]
    names += ["Acme Robotics GmbH", "Evith LLC", "Musterstraße 1"]
    assert [n for n in names if not in_both(texts, n, language)] == []


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_no_character_lacks_a_glyph(language, demo_env):
    assert issued(language)[2] == []


def test_chinese_pitfalls_are_avoided_and_pipl_terms_kept_for_mainland_china(demo_env):
    _, texts, _ = issued("zh")
    for wrong in ("次处理方", "具有同等法律效力", "个人信息处理者", "受托人"):
        assert not in_both(texts, wrong, "zh"), wrong  # a GDPR DPA speaks GDPR
    _, china, _ = issued("zh", country="CN")
    assert in_both(china, "客户为个人信息处理者", "zh") and in_both(china, "转委托", "zh")


def test_french_punctuation_keeps_its_non_breaking_space(demo_env):
    built, _, _ = issued("fr")
    text = "\n".join(built.document.text_lines())
    assert "comprennent\u00a0:" in text and "«\u00a0Sous-traitants ultérieurs\u00a0»" in text
    assert " :" not in text.replace("\u00a0:", "")


def test_dates_countries_and_governing_law_in_the_language(demo_env):
    for language, words in (("fr", ["1 décembre 2026", "Allemagne"]),
                            ("zh", ["2026年12月1日", "受德国法律管辖"])):
        _, texts, _ = issued(language)
        assert all(in_both(texts, w, language) for w in words), language


def test_a_bilingual_chinese_dpa_sets_english_then_chinese(demo_env):
    built, texts, missing = issued("zh", bilingual=True)
    assert missing == []
    pdf = texts[1].replace(" ", "")
    english = pdf.index("Generalwrittenauthorisation.TheCustomer")
    assert english < pdf.index("一般书面授权。客户给予处理者一般书面授权")
    assert in_both(texts, PREVAILING["zh"], "zh")
    assert "The Chinese translation of this DPA is provided for reference only" in texts[0]


def test_french_hyphenation_never_splits_an_email_address(demo_env):
    built, _, _ = issued("fr")
    assert "privacy@helptal.example" in pdf_text(built.files["pdf"])  # not "priva‐ cy@…"


def test_a_long_translated_footer_keeps_clear_of_the_page_number(demo_env):
    """French says "traduction de courtoisie non révisée" in every footer: it wraps rather
    than running into "Page 3 sur 27"."""
    built, _, _ = issued("fr")
    for words in footer_lines(built.files["pdf"]):
        assert not any(w[2].endswith("Page") and w[2] != "Page" for w in words)  # "réviséePage"
        number = next((w for w in words if w[2] == "Page"), None)
        if number:
            before = [w for w in words if w[1] < number[0]]
            assert not before or max(w[1] for w in before) <= number[0] - 4


def footer_lines(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Each page's footer lines: words (left, right, text) below the text block."""
    html = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout
    lines: dict[tuple[int, float], list] = {}
    for n, page in enumerate(etree.fromstring(html).iter("{*}page")):
        for word in page.iter("{*}word"):
            if float(word.get("yMin")) > float(page.get("height")) - 80:
                lines.setdefault((n, float(word.get("yMin"))), []).append(
                    (float(word.get("xMin")), float(word.get("xMax")), word.text))
    return list(lines.values())
