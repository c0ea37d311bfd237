"""The translation machinery: gaps found, stale parts refused or given in English and said so."""
import pytest
import yaml
from translated import clause_file, texts_file, with_translation

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.context import Options
from dpa_builder.content.layout import ContentError
from dpa_builder.content.loader import content_from_files
from dpa_builder.content.text_translations import english_texts, text_key
from dpa_builder.content.translation_status import dumped, review
from dpa_builder.content.translations import FOLDER, load_translation, texts_path
from dpa_builder.field_errors import FieldErrors
from dpa_builder.request import parse_request

from conftest import make_request

FR = parse_request(make_request(language="fr"))


def lines(document) -> list[str]:
    return document.text_lines()


def gaps(content, language="fr"):
    found, problems = review(content, load_translation(content.files, language))
    assert problems == []
    return [(g.key, g.kind) for g in found]


def test_complete_translation_has_no_gaps_and_replaces_every_clause_text(helptal):
    content = with_translation(helptal, "fr")
    assert gaps(content) == []
    document = assemble(FR, content)
    assert document.language == "fr"
    headings = [b.text for b in document.blocks if b.kind == "heading" and b.number]
    assert headings and all(h.startswith("[FR] ") for h in headings)
    assert "Acme Robotics GmbH" in "\n".join(lines(document))  # values inserted as typed


def test_missing_and_stale_parts_are_reported(helptal):
    content = with_translation(helptal, "fr", missing=["breach"], stale=["audits"],
                               stale_labels=["title"])
    assert gaps(content) == [("breach", "missing"), ("audits", "stale"), ("label.title", "stale")]
    untranslated = content_from_files("helptal", {
        path: data for path, data in helptal.files.items() if not path.startswith(f"{FOLDER}/zh/")})
    texts = dict.fromkeys(text for _, text in english_texts(dumped(helptal)))
    assert gaps(untranslated, "zh") == [*((c.id, "missing") for c in helptal.clauses),
                                        *((f"label.{k}", "missing") for k in helptal.labels
                                          if k != "prevailing_language_fr"),
                                        *((text_key(t), "missing") for t in texts)]


def test_a_stale_translation_is_refused_naming_it(helptal):
    content = with_translation(helptal, "fr", stale=["audits"])
    with pytest.raises(FieldErrors) as info:
        assemble(FR, content)
    assert list(info.value.fields) == ["language"]
    assert "French translation of clauses audits is missing or out of date" in info.value.fields["language"]


def test_english_fallback_is_explicit_per_part_and_the_document_says_so(helptal):
    content = with_translation(helptal, "fr", stale=["audits"], missing=["breach"])
    with pytest.raises(FieldErrors):
        assemble(FR, content, Options(english_for=("audits",)))
    document = assemble(FR, content, Options(english_for=("audits", "breach")))
    text = "\n".join(lines(document))
    headings = {b.number: b.text for b in document.blocks if b.kind == "heading" and b.number}
    english = [f"{n} {t}" for n, t in headings.items() if not t.startswith("[FR]")]
    assert [t.split(" ", 1)[1] for t in english] == ["Personal Data Breaches", "Information and audits"]
    assert "[FR] The following clauses are given in English only" in text
    assert "; ".join(english) in text
    assert "in English: " + ", ".join(english) in document.facts["language"]


def test_a_gap_in_a_clause_the_document_does_not_use_is_no_obstacle(helptal):
    content = with_translation(helptal, "fr", missing=["transfers_swiss"])
    assert "transfers_swiss" not in assemble(FR, content).clause_versions  # a German customer


def test_unreviewed_until_every_translation_used_names_a_reviewer(helptal):
    unreviewed = assemble(FR, with_translation(helptal, "fr"))
    assert "[FR] Unreviewed convenience translation" in "\n".join(lines(unreviewed))
    assert unreviewed.footer.endswith("[FR] unreviewed convenience translation")
    assert unreviewed.facts["language"] == "French, an unreviewed convenience translation"
    reviewed = assemble(FR, with_translation(helptal, "fr", reviewed_by="Maître Exemple"))
    assert "Unreviewed" not in "\n".join(lines(reviewed)) and "unreviewed" not in reviewed.footer
    assert reviewed.facts["language"] == "French"


def test_the_prevailing_language_clause_stands_under_the_title(helptal):
    document = assemble(FR, with_translation(helptal, "fr"))
    assert [b.kind for b in document.blocks[:3]] == ["title", "subtitle", "paragraph"]
    assert document.blocks[2].text == "[FR] " + helptal.labels["prevailing_language_fr"]


def test_french_translation_gets_non_breaking_spaces(helptal):
    clause = helptal.clauses[0]
    source = yaml.safe_load(clause_file(clause, "fr"))
    source["title"] = "Définitions : « champ » ; portée ?"
    extra = {f"{FOLDER}/fr/00-{clause.id}.yaml": yaml.safe_dump(source, allow_unicode=True).encode()}
    document = assemble(FR, with_translation(helptal, "fr", extra=extra))
    heading = next(b.text for b in document.blocks if b.kind == "heading" and b.number == "1.")
    assert heading == "Définitions\u00a0: «\u00a0champ\u00a0»\u00a0; portée\u00a0?"


@pytest.mark.parametrize("change, problem", [
    (lambda d: d.update(colour="red"), "00-definitions_scope.yaml: colour: Extra inputs are not permitted"),
    (lambda d: d.pop("reviewed_by"), "00-definitions_scope.yaml: reviewed_by: Field required"),
    (lambda d: d.update(id="nope"), "00-definitions_scope.yaml: id: 'nope' is no English clause"),
    (lambda d: d["paragraphs"].pop(), "00-definitions_scope.yaml: paragraphs: has "),
])
def test_a_broken_translation_names_file_and_field(helptal, change, problem):
    clause = helptal.clauses[0]
    data = yaml.safe_load(clause_file(clause, "fr"))
    change(data)
    path = f"{FOLDER}/fr/00-{clause.id}.yaml"
    content = with_translation(helptal, "fr", extra={path: yaml.safe_dump(data).encode()})
    with pytest.raises(ContentError) as info:
        assemble(FR, content)
    assert any(p.startswith(f"{FOLDER}/fr/") and problem in p for p in info.value.problems), \
        info.value.problems


def test_bilingual_sets_each_english_block_before_its_translation(helptal):
    document = assemble(FR, with_translation(helptal, "fr"), Options(bilingual=True))
    assert document.language == "en"
    blocks = list(document.blocks)
    heading = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.number == "5.")
    english, french = blocks[heading], blocks[heading + 1]
    assert (english.text, english.lang) == ("Sub-processors", "")
    assert (french.kind, french.number, french.lang, french.text) == (
        "subheading", "", "fr", "[FR] Sub-processors")
    paragraph, translation = blocks[heading + 2], blocks[heading + 3]
    assert (paragraph.kind, paragraph.number, paragraph.lang) == ("paragraph", "5.1", "")
    assert (translation.kind, translation.number, translation.lang) == ("paragraph", "5.1", "fr")
    assert translation.text.startswith("[FR] General written authorisation")
    assert "20 May 2026" in paragraph.text and "20 mai 2026" in translation.text
    assert document.facts["language"].startswith("Bilingual: English, then French")
    cover = next(b for b in blocks if b.kind == "table")
    assert cover.rows[0][0] == "Legal name\n[FR] Legal name"


def test_bilingual_needs_a_translated_language(helptal):
    with pytest.raises(FieldErrors) as info:
        assemble(parse_request(make_request()), helptal, Options(bilingual=True))
    assert list(info.value.fields) == ["options.bilingual"]


def test_profile_and_regime_texts_are_translated_and_legal_entities_never(helptal):
    document = assemble(FR, with_translation(helptal, "fr"))
    text = "\n".join(lines(document))
    assert "[FR] " + helptal.processing.retention.split("{")[0][:30] in text
    assert "[FR] " + helptal.security.groups[0].heading in text
    for entry in helptal.registry.subprocessors:
        assert f"{entry.legal_entity} ({entry.brand})" in text and "[FR] " + entry.purpose in text
    assert document.facts["transfer"].startswith("[FR] ")


def test_a_changed_english_text_needs_its_translation_again(helptal):
    content = with_translation(helptal, "fr")
    files = dict(content.files)
    source = yaml.safe_load(content.files["annexes/helptal/processing.yaml"])
    source["retention"] = "Kept for as long as the Customer decides."
    files["annexes/helptal/processing.yaml"] = yaml.safe_dump(source).encode()
    edited = content_from_files("helptal", files)
    assert gaps(edited) == [(text_key("Kept for as long as the Customer decides."), "missing")]
    with pytest.raises(FieldErrors) as info:
        assemble(FR, edited)
    assert "1 labels and annex texts" in info.value.fields["language"]


def test_a_text_translated_twice_is_refused(helptal):
    texts = yaml.safe_load(texts_file(helptal, "fr"))
    texts["texts"].append(texts["texts"][0])
    content = with_translation(helptal, "fr", extra={texts_path("fr"): yaml.safe_dump(texts).encode()})
    with pytest.raises(ContentError) as info:
        assemble(FR, content)
    assert "texts.yaml: texts: Value error, translated twice" in info.value.problems[0]
