"""The API's request body: the DPA request and the options legal allows, every bad field named."""
from ..assembly.context import Options
from ..field_errors import FieldErrors
from ..request import Request, parse_request

OPTIONS = ("notice_days", "governing_law", "bilingual", "english_for")


def parse_body(data: dict) -> tuple[Request, Options]:
    """The request and its options, or FieldErrors naming every bad field of both."""
    data = dict(data)
    errors, options, dpa_request = {}, Options(), None
    try:
        options = parse_options(data.pop("options", None))
    except FieldErrors as exc:
        errors.update(exc.fields)
    try:
        dpa_request = parse_request(data)
    except FieldErrors as exc:
        errors.update(exc.fields)
    if errors or dpa_request is None:
        raise FieldErrors(errors)
    return dpa_request, options


def parse_options(raw) -> Options:
    """Check the options' types; their bounds are assemble()'s to check."""
    if raw is None:
        return Options()
    if not isinstance(raw, dict):
        raise FieldErrors({"options": "must be a JSON object"})
    errors = {f"options.{key}": "is not a known field" for key in raw if key not in OPTIONS}
    days, law = raw.get("notice_days"), raw.get("governing_law")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)):
        errors["options.notice_days"] = "must be a whole number of days"
    if law is not None and not isinstance(law, str):
        errors["options.governing_law"] = "must be a country code such as IE"
    bilingual, english = raw.get("bilingual", False), raw.get("english_for", [])
    if not isinstance(bilingual, bool):
        errors["options.bilingual"] = "must be true or false"
    if not isinstance(english, list) or not all(isinstance(p, str) for p in english):
        errors["options.english_for"] = 'must be a list of parts, such as ["all"]'
    if errors:
        raise FieldErrors(errors)
    return Options(notice_days=days, governing_law=(law or "").strip().upper() or None,
                   bilingual=bilingual, english_for=tuple(sorted(set(english))))
