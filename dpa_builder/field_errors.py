"""Refused input, by field: the one error type the core hands to every face (form, API, CLI)."""
from pydantic import ValidationError
from pydantic_core import ErrorDetails

# pydantic's wording where a person reads it better another way.
FRIENDLY = {"missing": "is required", "string_too_short": "is required",
            "extra_forbidden": "is not a known field"}


class FieldErrors(ValueError):
    """Problems by dotted field ("customer.contact_email", "options.notice_days") → message.

    The dotted paths are those of the request JSON, so the API returns them as they are,
    the CLI prints them one a line and forms show each beside the field it names.
    """

    def __init__(self, fields: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = dict(fields)

    @classmethod
    def from_validation(cls, exc: ValidationError, prefix: str = "",
                        patterns: dict[str, str] | None = None) -> "FieldErrors":
        """Name each field pydantic refused; `patterns` words a pattern mismatch by field."""
        fields: dict[str, str] = {}
        for error in exc.errors():
            path = ".".join([prefix, *map(str, error["loc"])] if prefix else map(str, error["loc"]))
            fields.setdefault(path or "request", _message(error, patterns or {}))
        return cls(fields)

    def lines(self) -> list[str]:
        return [f"{field}: {message}" for field, message in self.fields.items()]


def _message(error: ErrorDetails, patterns: dict[str, str]) -> str:
    kind = error["type"]
    if kind in ("string_too_long", "too_long"):
        return f"must be at most {error['ctx']['max_length']} characters"
    if kind == "string_pattern_mismatch" and error["loc"]:
        return patterns.get(str(error["loc"][-1]), error["msg"])
    return FRIENDLY.get(kind, error["msg"].removeprefix("Value error, "))
