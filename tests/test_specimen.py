"""A DPA built on example or missing configuration is a specimen, marked on every page of
both files; a DPA built on a real configuration carries no marking."""
import io
import zipfile

import pytest
from pypdf import PdfReader

from dpa_builder.check import sample_request
from dpa_builder.content.layout import REPO_ROOT
from dpa_builder.content.loader import load_content
from dpa_builder.content.specimen import is_example
from dpa_builder.generate import build

from conftest import docx_text, pdf_text, squash

MARK = "SPECIMEN — NOT FOR SIGNATURE"
REAL = {"HELPTAL_SIGNATORY_NAME": "Dana Smith", "HELPTAL_PRIVACY_EMAIL": "privacy@evith.com"}


def headers(docx: bytes) -> list[str]:
    """The text of every header part, as Word shows it on each page it heads."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]


def pages(pdf: bytes) -> list[str]:
    count = len(PdfReader(io.BytesIO(pdf)).pages)
    return [pdf_text(pdf, page) for page in range(1, count + 1)]


@pytest.fixture(scope="module")
def real(demo_env):
    with pytest.MonkeyPatch.context() as mp:
        for key, value in REAL.items():
            mp.setenv(key, value)
        return build(sample_request(), load_content("helptal"))


def test_every_demo_value_is_recognised_as_an_example():
    demo = (REPO_ROOT / "config/demo.env").read_text()
    values = [line.split(":-", 1)[1].rstrip("}") for line in demo.splitlines() if ":-" in line]
    examples = [v for v in values if is_example(v)]
    assert {"Alex Example", "privacy@helptal.example", "Jordan Example"} <= set(examples)
    assert not is_example("privacy@evith.com") and not is_example("Dana Smith")


def test_a_specimen_is_marked_on_every_page_of_both_files(built):
    result = built("DE")
    assert result.document.specimen and result.document.marking == MARK
    assert headers(result.files["docx"]) and all(MARK in h for h in headers(result.files["docx"]))
    for number, text in enumerate(pages(result.files["pdf"]), start=1):
        assert MARK in text, f"page {number}"


def test_a_specimen_says_why_and_is_not_for_signature(built):
    result = built("DE")
    for text in (docx_text(result.files["docx"]), pdf_text(result.files["pdf"])):
        assert "HELPTAL_PRIVACY_EMAIL is an example value (privacy@helptal.example)" in squash(text)
        assert text.count("SPECIMEN — not for signature") == 2  # both signature blocks
    assert "example value" in result.document.properties()["dpa.specimen"]


def test_a_real_configuration_is_not_marked(real):
    assert real.document.specimen == () and real.document.marking == ""
    assert not any("SPECIMEN" in h for h in headers(real.files["docx"]))
    for text in (docx_text(real.files["docx"]), pdf_text(real.files["pdf"])):
        assert "SPECIMEN" not in text and "Signature: ____" in text
        assert "Dana Smith" in text and "privacy@evith.com" in text


def test_a_profile_whose_policy_is_not_published_is_always_a_specimen(monkeypatch):
    for variable in ("HELPDESK_SIGNATORY_NAME", "HELPDESK_SIGNATORY_TITLE",
                     "HELPDESK_PRIVACY_CONTACT_NAME"):
        monkeypatch.setenv(variable, "Dana Smith")
    content = load_content("helpdesk")
    assert content.specimen == ("Text, Inc. publishes no sub-processor notice, objection, "
                                "breach-notice, deletion or audit policy for HelpDesk; the policy "
                                "values of this profile are examples, not its terms",)
    document = build(sample_request(), content, ("docx",)).document
    assert document.marking == MARK and "policy values of this profile are examples" in \
        " ".join(document.text_lines(document.cover))
