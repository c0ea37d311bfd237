"""The Chinese faces cut to GB 2312 at setup (render/common_faces.py): a Chinese DPA is drawn
with them, a rarer character still by the full Noto face, and the style sheet fetches
nothing else."""
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.compose import ALL_GAPS
from dpa_builder.assembly.context import Options
from dpa_builder.generate import render
from dpa_builder.render.common_faces import FACES, FOLDER, FaceFetcher
from dpa_builder.request import parse_request

from conftest import make_request, pdf_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import make_common_faces  # noqa: E402 - the scripts' folder is not a package


@pytest.fixture(scope="module", autouse=True)
def made():
    missing = [face.file for face in FACES if not (FOLDER / face.file).exists()]
    assert not missing, f"{missing} not made: run make setup (scripts/make_common_faces.py)"


def chinese_fonts(helptal, name: str) -> tuple[list[tuple[str, str]], str]:
    """The Chinese DPA's CJK fonts (name without its subset tag, encoding) and its text."""
    request = parse_request(make_request(language="zh", customer__legal_name=name))
    pdf = render("pdf", assemble(request, helptal, Options(english_for=(ALL_GAPS,))), helptal)
    rows = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode().splitlines()[2:]
    fonts = [(row.split()[0].split("+")[1], row.split()[-6]) for row in rows if "CJK" in row]
    return fonts, pdf_text(pdf)


def test_a_chinese_dpa_is_drawn_with_the_common_faces_only(helptal):
    fonts, text = chinese_fonts(helptal, "深圳市示例科技有限公司")
    assert {name for name, _ in fonts} == {
        "Noto-Sans-CJK-SC-Common", "Noto-Sans-CJK-SC-Common-Bold",
        "Noto-Serif-CJK-SC-Common", "Noto-Serif-CJK-SC-Common-Bold"}
    # WeasyPrint gives a font with a .notdef glyph a Custom encoding (a space once was one)
    assert all(encoding == "Identity-H" for _, encoding in fonts)
    assert "深圳市示例科技有限公司" in text


def test_a_character_outside_gb2312_is_drawn_by_the_full_face(helptal):
    fonts, text = chinese_fonts(helptal, "體育示例有限公司")  # 體: Traditional, not in GB 2312
    names = {name for name, _ in fonts}
    assert "Noto-Serif-CJK-SC" in names and "Noto-Serif-CJK-SC-Common" in names
    assert all(encoding == "Identity-H" for _, encoding in fonts)
    assert "體育示例有限公司" in text


def test_the_faces_hold_gb2312_and_are_named_apart():
    characters = make_common_faces.common_characters()
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in characters) == 6763  # GB 2312's hanzi
    assert {" ", "，", "。", "“", "Ａ"} <= set(characters)
    for face in FACES:
        font = TTFont(FOLDER / face.file)
        assert font["name"].getDebugName(1) == face.family  # never taken for the full face
        assert {ord("體"), ord("\u00a0")} & set(font.getBestCmap()) == {0xA0}


@pytest.mark.parametrize("url", ["file:///etc/passwd", "dpa-face:../faces.json",
                                 "dpa-face:faces.json", "https://example.com/font.otf"])
def test_the_style_sheet_fetches_nothing_but_the_faces(url):
    with pytest.raises(ValueError, match="refused"):
        FaceFetcher().fetch(url)
    face = FaceFetcher().fetch("dpa-face:" + FACES[0].file)
    assert face.read()[:4] == b"OTTO"
