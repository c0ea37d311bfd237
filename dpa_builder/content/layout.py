"""Where legal's files live, and the error that names them: no validation imported, so
that a renderer can name a template without loading the schemas."""
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]  # the default home of legal's folders
LABELS_FILE = "clause_library/labels.yaml"
DOCX_TEMPLATE, HTML_TEMPLATE, CSS_FILE = "templates/dpa.docx", "templates/dpa.html", "templates/dpa.css"
TEMPLATE_FILES = (DOCX_TEMPLATE, HTML_TEMPLATE, CSS_FILE)


class ContentError(Exception):
    """One or more problems in the content files; each names file, entry and field."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
