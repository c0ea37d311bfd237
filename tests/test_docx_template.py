"""templates/dpa.docx is what scripts/make_docx_template.py builds from the style sheet."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import make_docx_template  # noqa: E402 - the script's folder is not a package


def test_the_committed_template_is_the_style_sheet_built():
    assert (ROOT / "templates" / "dpa.docx").read_bytes() == make_docx_template.build(), \
        "run: python scripts/make_docx_template.py"
