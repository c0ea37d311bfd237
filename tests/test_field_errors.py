"""FieldErrors and the one helper that shows them on a form."""
from types import SimpleNamespace

import pytest

from dpa_builder.field_errors import FieldErrors
from dpa_builder.form_errors import show_field_errors
from dpa_builder.request import parse_request


class Form:
    """A form as the helper sees one: named fields with errors, a path map, a fallback."""

    field_paths = {"customer.country": "country", "options.notice_days": "notice_days"}
    fallback_field = "legal_name"

    def __init__(self):
        self.country = SimpleNamespace(errors=["Not a valid choice."])  # the form's own
        self.notice_days = SimpleNamespace(errors=())
        self.legal_name = SimpleNamespace(errors=())


def test_each_problem_goes_beside_its_field_and_replaces_the_forms_own():
    form = Form()
    show_field_errors(form, FieldErrors({"customer.country": "must be an ISO code",
                                         "options.notice_days": "must be between 30 and 90 days",
                                         "customer.nickname": "is not a known field"}))
    assert form.country.errors == ["must be an ISO code"]
    assert form.notice_days.errors == ["must be between 30 and 90 days"]
    assert form.legal_name.errors == ["customer.nickname: is not a known field"]


def test_the_cli_prints_one_line_a_field():
    with pytest.raises(FieldErrors) as info:
        parse_request({"customer": {}, "role": "owner"})
    lines = info.value.lines()
    assert "customer.legal_name: is required" in lines
    assert any(line.startswith("role: ") for line in lines)
