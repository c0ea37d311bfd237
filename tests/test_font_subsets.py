"""Font subsets kept per process (render/font_subsets.py): a PDF made from kept subsets is
the same bytes as one made afresh, and a second Cover Page of the same glyphs cuts nothing."""
import os

import pydyf
import pytest
from weasyprint.pdf import fonts, stream

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.compose import ALL_GAPS
from dpa_builder.assembly.context import Options
from dpa_builder.generate import render
from dpa_builder.render import font_subsets
from dpa_builder.render.kept import Kept
from dpa_builder.request import parse_request

from conftest import make_request


@pytest.fixture
def cuts(monkeypatch):
    """The subsets WeasyPrint itself cuts, counted; nothing kept from before."""
    made: list[str] = []
    original = fonts.Font.subset

    def counted(font, to_unicode, hinting):
        made.append(font.family)
        original(font, to_unicode, hinting)
    monkeypatch.setattr(fonts.Font, "subset", counted)
    monkeypatch.setattr(font_subsets, "SUBSETS", Kept(64))
    monkeypatch.setattr(font_subsets, "PACKED", Kept(64))
    return made


def chinese_pdf(helptal, name: str) -> bytes:
    request = parse_request(make_request(language="zh", customer__legal_name=name))
    return render("pdf", assemble(request, helptal, Options(english_for=(ALL_GAPS,))), helptal)


def test_weasyprint_draws_with_the_keeping_font():
    import dpa_builder.render.pdf  # noqa: F401 - installs it
    assert stream.Font is font_subsets.Font


def test_kept_subsets_give_the_same_bytes_and_cut_nothing_again(helptal, cuts):
    fresh = chinese_pdf(helptal, "深圳市示例科技有限公司")
    assert any("CJK" in family for family in cuts)
    cuts.clear()
    assert chinese_pdf(helptal, "深圳市示例科技有限公司") == fresh
    assert cuts == []
    chinese_pdf(helptal, "杭州市样例贸易有限公司")  # new Chinese glyphs in the body face only
    assert [family for family in cuts if "CJK" in family] == ["Noto Serif CJK SC Common"]


def test_a_large_stream_compressed_once_is_written_as_pydyf_writes_it(cuts, monkeypatch):
    program = os.urandom(20_000) * 3  # a font program's size; repetitive, as fonts are
    compressed = []
    compress = font_subsets.zlib.compress
    monkeypatch.setattr(font_subsets.zlib, "compress",
                        lambda data, level: compressed.append(level) or compress(data, level))
    for _ in range(2):
        written = pydyf.Stream([program], pydyf.Dictionary({"Length1": len(program)}), compress=True)
        assert font_subsets.stream_data(written) == written.data
    assert len(font_subsets.PACKED) == 1 and compressed == [9]
