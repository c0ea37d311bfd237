"""Shared fixtures: demo configuration, content, requests and built documents."""
import io
import subprocess
from functools import lru_cache

import pytest
from docx import Document as open_docx

from dpa_builder.content.loader import load_content
from dpa_builder.generate import build
from dpa_builder.request import parse_request

# The processor's signatory and privacy contact are configuration (unknown in
# the sources); tests use the demo values, as `make run` does.
DEMO_ENV = {
    "HELPTAL_SIGNATORY_NAME": "Alex Example", "HELPTAL_SIGNATORY_TITLE": "Managing Member",
    "HELPTAL_PRIVACY_CONTACT_NAME": "Privacy Team", "HELPTAL_PRIVACY_EMAIL": "privacy@helptal.example",
    "HELPDESK_SIGNATORY_NAME": "Jordan Example", "HELPDESK_SIGNATORY_TITLE": "Authorised Officer",
    "HELPDESK_PRIVACY_CONTACT_NAME": "Privacy Team",
}


@pytest.fixture(scope="session", autouse=True)
def demo_env():
    with pytest.MonkeyPatch.context() as mp:
        for key, value in DEMO_ENV.items():
            mp.setenv(key, value)
        yield


@pytest.fixture(scope="session")
def helptal(demo_env):
    return load_content("helptal")


@pytest.fixture(scope="session")
def helpdesk(demo_env):
    return load_content("helpdesk")


def make_request(**changes):
    """The example request of PRODUCT.md with fields replaced, as raw JSON data."""
    data = {
        "customer": {"legal_name": "Acme Robotics GmbH", "address": "Musterstraße 1, 10115 Berlin",
                     "country": "DE", "registration_number": "HRB 12345",
                     "contact_name": "Erika Mustermann", "contact_email": "privacy@acme.example"},
        "signatory": {"name": "Jane Doe", "title": "CEO", "email": "jane@acme.example"},
        "role": "controller", "workspace": "acme", "ai_features": False, "language": "en",
        "effective_date": "2026-12-01",
    }
    for dotted, value in changes.items():
        node, *path = data, *dotted.split("__")
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return data


@lru_cache(maxsize=None)
def _built(profile: str, country: str, role: str, ai: bool, legal_name: str):
    request = parse_request(make_request(customer__country=country, role=role, ai_features=ai,
                                         customer__legal_name=legal_name))
    return build(request, load_content(profile))


@pytest.fixture(scope="session")
def built(demo_env):
    """Build (and cache) a DPA: built(country="DE", role=..., ai=..., profile=...)."""
    def get(country="DE", role="controller", ai=False, profile="helptal",
            legal_name="Acme Robotics GmbH"):
        return _built(profile, country, role, ai, legal_name)
    return get


def docx_text(data: bytes) -> str:
    """Every paragraph of body, tables, headers and footers, in order."""
    doc = open_docx(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    for section in doc.sections:
        lines += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                            capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def squash(text: str) -> str:
    """Fold line breaks and hyphenation so phrases wrapped in a PDF still match."""
    return " ".join(text.split())
