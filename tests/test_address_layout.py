"""A multi-line address prints on its lines in both files, with the country once."""
import io

import pytest
from docx import Document as open_docx

from dpa_builder.content.loader import load_content
from dpa_builder.generate import build
from dpa_builder.request import parse_request

from conftest import make_request, pdf_text

ADDRESS = "3. Obergeschoß\nDüsseldorfer Straße 123–125\n40212 Düsseldorf\nDeutschland"
PRINTED = ["3. Obergeschoß", "Düsseldorfer Straße 123–125", "40212 Düsseldorf", "Germany"]


@pytest.fixture(scope="module")
def result(demo_env):
    return build(parse_request(make_request(customer__address=ADDRESS)), load_content("helptal"))


def test_the_pdf_prints_each_address_line_on_its_own(result):
    lines = [line.strip() for line in pdf_text(result.files["pdf"]).splitlines()]
    # The first line may share its line with the row's label ("Address") beside it.
    starts = [i for i, line in enumerate(lines) if line.endswith(PRINTED[0])]
    assert starts and all(lines[i + 1:i + len(PRINTED)] == PRINTED[1:] for i in starts)
    assert "Deutschland" not in pdf_text(result.files["pdf"])


def test_the_docx_breaks_the_address_into_its_lines(result):
    docx = open_docx(io.BytesIO(result.files["docx"]))
    cells = [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    holding = [text for text in cells if PRINTED[0] in text]
    assert holding and all("\n".join(PRINTED) in text for text in holding)
    assert not [text for text in cells if "Deutschland" in text]
    assert not [text for text in holding if text.count("Germany") > 1]
