"""Typographic quotes in legal's texts, set when the content is loaded.

Legal writes straight quotes in YAML; a signed contract shows “curly” ones and
apostrophes (’). Only legal's own words change: Jinja tags in clause texts are
left alone, and a customer's value (inserted later, when a clause renders)
prints as typed.
"""
import re

_TAG = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.DOTALL)
# A quote after nothing, a space or an opening bracket or dash opens; any other closes.
_OPENING_CONTEXT = frozenset(" \t\n([{\u2014\u2013/")


def smarten(source: str) -> str:
    """The template source with straight quotes outside its tags made typographic."""
    parts = _TAG.split(source)
    out, previous = [], ""
    for index, part in enumerate(parts):
        if index % 2:  # a tag, kept as written: a value counts as a word, a statement as nothing
            out.append(part)
            previous = "x" if part.startswith("{{") else previous
            continue
        chars = []
        for char in part:
            if char in "\"'":
                opening = previous == "" or previous in _OPENING_CONTEXT
                char = {('"', True): "\u201c", ('"', False): "\u201d",
                        ("'", True): "\u2018", ("'", False): "\u2019"}[char, opening]
            chars.append(char)
            previous = char
        out.append("".join(chars))
    return "".join(out)


def smarten_all(data):
    """Every string in parsed YAML smartened; keys and other values kept."""
    if isinstance(data, str):
        return smarten(data)
    if isinstance(data, list):
        return [smarten_all(item) for item in data]
    if isinstance(data, dict):
        return {key: smarten_all(value) for key, value in data.items()}
    return data
