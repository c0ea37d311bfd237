"""The DOCX's Standard Terms are rendered once per combination and put into each cover:
the file is the one a whole render makes, whichever template legal publishes."""
import io
import re
import zipfile

import pytest
from docx import Document as open_docx
from test_legal import template_with

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.context import Options
from dpa_builder.content.layout import DOCX_TEMPLATE
from dpa_builder.render import docx, docx_terms
from dpa_builder.request import parse_request

from conftest import docx_text, make_request


@pytest.fixture
def kept(monkeypatch):
    """A process's kept terms as if new, counting how often they are made."""
    monkeypatch.setattr(docx_terms, "KEPT", docx_terms.Kept(16))
    made = []
    real = docx._terms
    monkeypatch.setattr(docx, "_terms", lambda part, template: made.append(1) or real(part, template))
    return made


def document(helptal, **changes):
    return assemble(parse_request(make_request(**changes)), helptal)


def body_xml(data: bytes) -> str:
    """document.xml with bookmarks numbered in the order they appear (each part numbers
    its own: the kept terms cannot know how many headings a cover has)."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    names = dict.fromkeys(re.findall(r'w:name="(_Ref\d+)"', xml))
    ids = dict.fromkeys(re.findall(r'<w:bookmarkStart w:id="(\d+)"', xml))
    xml = re.sub(r"_Ref\d+", lambda m: f"bookmark-{list(names).index(m.group(0))}", xml)
    return re.sub(r'(<w:bookmark(?:Start|End) w:id=")(\d+)"',
                  lambda m: f'{m.group(1)}{list(ids).index(m.group(2))}"', xml)


def whole(document, template: bytes) -> bytes:
    """The DPA rendered in one part, as a template that does not part is."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(docx, "kept_terms", lambda *args: None)
        return docx.render_docx(document, template)


@pytest.mark.parametrize("language, bilingual", [("en", False), ("fr", True)])
def test_the_cover_with_the_kept_terms_is_the_whole_document(helptal, kept, language, bilingual):
    request = parse_request(make_request(language=language))
    dpa = assemble(request, helptal, Options(bilingual=bilingual))
    template = helptal.files[DOCX_TEMPLATE]
    parted = docx.render_docx(dpa, template)
    assert kept == [1]
    assert body_xml(parted) == body_xml(whole(dpa, template))
    assert "REF bookmark-" in body_xml(parted)  # cross-references survive the parting
    assert ('w:lang w:val="fr-FR"' in body_xml(parted)) is bilingual  # translated paragraphs


def test_terms_are_made_once_and_every_copy_is_the_same(helptal, kept, monkeypatch):
    template = helptal.files[DOCX_TEMPLATE]
    first = docx.render_docx(document(helptal), template)
    other = document(helptal, customer__legal_name="Other Customer Ltd")
    assert docx.render_docx(other, template) != first
    assert body_xml(docx.render_docx(other, template)) == body_xml(whole(other, template))
    assert docx.render_docx(document(helptal), template) == first
    assert kept == [1]
    monkeypatch.setattr(docx_terms, "KEPT", docx_terms.Kept(16))  # as a new process
    assert docx.render_docx(document(helptal), template) == first
    assert kept == [1, 1]


def test_each_combination_has_its_own_terms(helptal, kept):
    template = helptal.files[DOCX_TEMPLATE]
    german, british = (docx.render_docx(document(helptal, customer__country=c), template)
                       for c in ("DE", "GB"))
    assert kept == [1, 1]
    assert "UK Addendum" in docx_text(british) and "UK Addendum" not in docx_text(german)


def test_static_words_of_the_template_stay_after_the_terms(helptal, kept):
    dpa, template = document(helptal), template_with(helptal, "Closing words of the template.")
    parted = docx.render_docx(dpa, template)
    paragraphs = [p.text for p in open_docx(io.BytesIO(parted)).paragraphs if p.text]
    assert paragraphs.count("Closing words of the template.") == 1
    assert paragraphs[-1] == "Closing words of the template."
    assert body_xml(parted) == body_xml(whole(dpa, template))


def test_a_template_that_hides_a_paragraphs_words_is_rendered_whole(helptal, kept):
    shouting = _edited(helptal.files[DOCX_TEMPLATE], "{{ block.text }}", "{{ block.text|upper }}")
    dpa = document(helptal)
    data = docx.render_docx(dpa, shouting)
    assert data == whole(dpa, shouting)
    assert "THESE STANDARD TERMS" in docx_text(data)
    docx.render_docx(document(helptal, customer__legal_name="Other Customer Ltd"), shouting)
    assert kept == [1]  # that the terms cannot be cut out is kept too


def _edited(template: bytes, old: str, new: str) -> bytes:
    """The template with each paragraph block's text tag replaced (all its styles)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(old.encode(), new.encode())
            dst.writestr(item, data)
    return out.getvalue()
