"""East Asian text in the face of its language: a Japanese name in Japanese glyphs, in both files."""
import subprocess

import pytest
from word import W, WordView

from dpa_builder.content.loader import load_content
from dpa_builder.generate import build
from dpa_builder.request import parse_request

from conftest import make_request

JAPANESE = "株式会社サンプル"  # kana: Japanese, whatever the document's language


@pytest.fixture(scope="module")
def result(demo_env):
    request = parse_request(make_request(customer__legal_name=f"{JAPANESE} (Sample KK)",
                                         customer__country="JP"))
    return build(request, load_content("helptal"))


def test_the_pdf_draws_the_japanese_name_with_the_japanese_face(result):
    fonts = subprocess.run(["pdffonts", "-"], input=result.files["pdf"], capture_output=True,
                           check=True).stdout.decode()
    assert "Noto-Serif-CJK-JP" in fonts and "CJK-SC" not in fonts


def test_the_docx_tags_the_japanese_runs_and_gives_them_a_japanese_face(result):
    word = WordView(result.files["docx"])
    runs = [r for r in word.document.iter(f"{W}r")
            if "".join(t.text or "" for t in r.iter(f"{W}t")) == JAPANESE]
    assert runs
    for run in runs:
        assert run.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "ja-JP"
        assert run.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "MS Mincho"
