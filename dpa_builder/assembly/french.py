"""French typography in legal's translated texts: no line break before : ; ? ! or inside « ».

Applied to the template source, outside its Jinja tags, so only legal's words
change; a customer's value, inserted when the text renders, prints as typed.
"""
import re

NBSP = "\u00a0"
_TAG = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.DOTALL)
_BEFORE = re.compile(r"[ \t]+(?=[:;?!»])")  # "article 28 :" -> "article 28\u00a0:"
_AFTER = re.compile(r"(?<=«)[ \t]+")
# «mot» -> « mot », also where a value stands beside the guillemet: «{{ name }}».
_BARE_BEFORE = re.compile(r"(?<=\w)(?=»)|^(?=»)")
_BARE_AFTER = re.compile(r"(?<=«)(?=\w|$)")


def french_spacing(source: str) -> str:
    """The source with each space before : ; ? ! » and after « made non-breaking."""
    parts = _TAG.split(source)
    for index in range(0, len(parts), 2):  # even parts are text, odd ones tags
        text = _BEFORE.sub(NBSP, parts[index])
        text = _BARE_AFTER.sub(NBSP, _AFTER.sub(NBSP, text))
        parts[index] = _BARE_BEFORE.sub(NBSP, text)
    return "".join(parts)
