"""The Standard Terms are laid out once per combination and reused: the PDF is the same bytes
whether its terms were laid out now, kept in memory, or read from disk by a new process."""
import shutil
from pathlib import Path

import pytest

from dpa_builder.assembly.assemble import assemble
from dpa_builder.content.layout import HTML_TEMPLATE
from dpa_builder.generate import render
from dpa_builder.render import pdf, pdf_parts
from dpa_builder.render.html import render_html
from dpa_builder.render.parts import terms_part
from dpa_builder.request import parse_request

from conftest import make_request, pdf_text, squash


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    """A process's cache as if new, on its own folder; the shared one again afterwards."""
    monkeypatch.setenv("DPA_CACHE_DIR", str(tmp_path))
    pdf.terms_cache.cache_clear()
    yield tmp_path
    pdf.terms_cache.cache_clear()


def document(helptal, **changes):
    return assemble(parse_request(make_request(**changes)), helptal)


def test_the_same_bytes_laid_out_now_from_memory_and_from_disk(helptal, cache_folder,
                                                               monkeypatch):
    dpa = document(helptal)
    laid_out_now = render("pdf", dpa, helptal)

    def laid_out_again(*args, **kwargs):
        raise AssertionError("the terms were laid out again, not read from the cache")
    monkeypatch.setattr(pdf, "freeze", laid_out_again)
    assert render("pdf", dpa, helptal) == laid_out_now
    pdf.terms_cache.cache_clear()  # a new process finds the terms on disk only
    assert render("pdf", dpa, helptal) == laid_out_now
    files = list(cache_folder.glob(f"{dpa.content_version}/*.terms"))
    assert len(files) == 1 and files[0].stat().st_size > 50_000


def test_customers_share_terms_and_options_make_their_own(helptal, cache_folder):
    first = render("pdf", document(helptal), helptal)
    other = render("pdf", document(helptal, customer__legal_name="Other Company Ltd"), helptal)
    assert len(list(cache_folder.rglob("*.terms"))) == 1
    assert "Other Company Ltd" in squash(pdf_text(other)) and first != other
    render("pdf", document(helptal, role="processor"), helptal)
    render("pdf", document(helptal, customer__country="GB"), helptal)
    assert len(list(cache_folder.rglob("*.terms"))) == 3


def test_the_terms_say_nothing_of_the_customer(helptal):
    dpa = document(helptal, customer__legal_name="Quite Unusual Name GmbH",
                   signatory__name="Quite Unusual Signatory", effective_date="2027-03-04")
    terms = render_html(terms_part(dpa), helptal.text(HTML_TEMPLATE))
    for customers in (dpa.id, "Quite Unusual", "Acme", "2027", "Musterstraße"):
        assert customers not in terms


def test_a_change_to_the_renderer_or_the_faces_makes_new_keys(helptal, tmp_path, monkeypatch):
    """Terms an older renderer wrote to disk are never joined to a cover the new one drew."""
    def key():
        pdf_parts._renderer.cache_clear()
        return pdf_parts.terms_key(terms_part(document(helptal)), "html", "css", pdf.OPTIONS)
    code = tmp_path / "render"
    shutil.copytree(Path(pdf_parts.__file__).parent, code)
    monkeypatch.setattr(pdf_parts, "__file__", str(code / "pdf_parts.py"))
    before = key()
    with (code / "pdf_join.py").open("a") as module:
        module.write("\n# changed\n")
    changed_code = key()
    monkeypatch.setattr(pdf_parts, "faces_identity", lambda: "other faces")
    assert len({before, changed_code, key()}) == 3
    pdf_parts._renderer.cache_clear()
