"""Joining pages written apart gives the file WeasyPrint writes whole: same text on every
page, same tags, same bookmarks, valid, and the same bytes however the terms were kept."""
import io
import re
import subprocess

import pypdf
import pytest
from weasyprint import HTML

from dpa_builder.render.pdf_join import freeze, join
from dpa_builder.render.terms_cache import TermsCache, dumps, loads

from conftest import pdf_text

OPTIONS = {"pdf_variant": "pdf/a-3b", "pdf_tags": True}
ID = b"0123456789abcdef0123456789abcdef"
ROWS = "".join(f"<tr><th scope='row'>Row {i}</th><td>Value {i}</td></tr>" for i in range(40))
SOURCE = f"""<!doctype html><html lang="en"><head><title>Joined</title><style>
@page {{ size: A5; @bottom-right {{ content: "Page " counter(page) " of " counter(pages) }} }}
h2, .break {{ break-before: page }} </style></head><body>
<h1>Cover</h1><p>Mail <a href="mailto:privacy@example.com">privacy@example.com</a>,
<a href="#own">a link on the cover</a>, <span id="own">its target</span>.</p>
<table><tr><th>Party</th><th>Name</th></tr><tr><td>Customer</td><td>Acme</td></tr></table>
<h2>1. Terms</h2><p id="one">Clause one, <a href="#two">see clause two</a>.</p>
<table><thead><tr><th>Name</th><th>Value</th></tr></thead>{ROWS}</table>
<h2 id="two">2. More terms</h2><h3>2.1 Detail</h3><p>Text with “typographic” quotes.</p>
<p class="break">Last page.</p></body></html>"""


def rendered():
    return HTML(string=SOURCE).render(pdf_variant="pdf/a-3b")


def joined(cut: int = 1, terms=None) -> bytes:
    if terms is None:
        document = rendered()
        terms = freeze(document.copy(document.pages[cut:]), **OPTIONS)
    document = rendered()
    return join(document.copy(document.pages[:cut]), terms, ID, **OPTIONS)


@pytest.fixture(scope="module")
def whole() -> bytes:
    return rendered().write_pdf(pdf_identifier=ID, **OPTIONS)


def pages_text(data: bytes) -> list[str]:
    return pdf_text(data).split("\f")


def structure(data: bytes) -> str:
    """The structure tree as poppler reads it, but for object numbers (links' annotations,
    and the table header ids WeasyPrint makes of them)."""
    tree = subprocess.run(["pdfinfo", "-struct", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
    return re.sub(r"\d+-(\d+)-(\d+)|Object \d+ 0", r"N-\1-\2", tree)


def outline(data: bytes) -> list[tuple]:
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)

    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item), item.top
    return list(walk(reader.outline))


@pytest.mark.parametrize("cut", [1, -1])  # anywhere no link crosses from one part to the other
def test_joined_pages_read_as_the_whole_document(whole, cut):
    data = joined(cut)
    assert pages_text(data) == pages_text(whole)
    assert structure(data) == structure(whole)
    assert outline(data) == outline(whole) and len(outline(data)) == 4
    assert data.count(b"/Subtype /Link") == whole.count(b"/Subtype /Link")


def test_joined_file_is_valid_tagged_pdf_a(tmp_path):
    data = joined()
    (tmp_path / "joined.pdf").write_bytes(data)
    subprocess.run(["qpdf", "--check", tmp_path / "joined.pdf"], capture_output=True, check=True)
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout
    assert b"Tagged:          yes" in info
    catalog = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    metadata = catalog["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in metadata and b'pdfaid:conformance="B"' in metadata
    assert catalog["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"
    fonts = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True)
    names = [line.split()[0] for line in fonts.stdout.decode().splitlines()[2:]]
    assert len(names) == len(set(names)) > 2  # each part's subsets have their own tags


def test_the_same_bytes_whether_the_terms_are_fresh_in_memory_or_on_disk(tmp_path):
    document = rendered()
    terms = freeze(document.copy(document.pages[1:]), **OPTIONS)
    fresh = joined(1, terms)
    assert joined(1, terms) == fresh and joined() == fresh
    assert joined(1, loads(dumps(terms))) == fresh
    cache = TermsCache(tmp_path)
    made = cache.get("k", "v1", lambda: terms)
    assert (tmp_path / "v1" / "k.terms").exists() and made is cache.get("k", "v1", None)
    assert joined(1, TermsCache(tmp_path).get("k", "v1", None)) == fresh


def test_a_damaged_cache_file_is_laid_out_again(tmp_path):
    document = rendered()
    terms = freeze(document.copy(document.pages[1:]), **OPTIONS)
    path = tmp_path / "v1" / "k.terms"
    path.parent.mkdir()
    path.write_bytes(dumps(terms)[:-10])
    with pytest.raises(ValueError, match="damaged"):
        loads(path.read_bytes())
    again = TermsCache(tmp_path).get("k", "v1", lambda: terms)
    assert again is terms and loads(path.read_bytes()).body == terms.body
