"""Translations of the profile and regime texts a DPA quotes (Annexes I–III, policy phrases).

clause_library/translations/<lang>/texts.yaml lists each English text beside
its translation. The English text itself is the record of what was
translated: once legal changes it, it no longer matches and its translation is
missing again. Only the fields below are translated; names, legal entities,
addresses and emails never are.
"""
import hashlib
from collections.abc import Callable, Iterator

# Content attribute -> the paths of its translatable texts ("*": every item or value).
FIELDS = {
    "profile": ("service_description", "data_location", "processor.description",
                "processor.activities", "policy.objection_grounds", "policy.objection_remedy",
                "policy.data_protection_cap", "policy.assistance_costs"),
    "registry": ("categories.*.title", "subprocessors.*.purpose",
                 "subprocessors.*.processing_location", "announced.*.incoming.purpose",
                 "announced.*.incoming.processing_location", "announced.*.outgoing.purpose",
                 "announced.*.outgoing.processing_location"),
    "processing": ("data_subjects.*", "data_categories.*", "sensitive_data", "frequency", "nature",
                   "purpose", "retention", "subprocessor_transfers"),
    "security": ("groups.*.heading", "groups.*.measures.*"),
    "regimes": ("*.title", "*.labels.mechanism", "*.labels.authority", "*.dpf.name",
                "*.dpf.basis", "*.authorities.*.rule", "*.governing_law.fixed"),
}


def text_key(english: str) -> str:
    """How gaps and english_for name one text: "text." and a digest of its English."""
    return "text." + hashlib.sha256(english.encode("utf-8")).hexdigest()[:8]


def english_texts(data: dict) -> Iterator[tuple[str, str]]:
    """(where, English text) for every translatable text in the dumped content models."""
    for name, paths in FIELDS.items():
        for path in paths:
            yield from ((f"{name}.{where}", text) for where, text in _walk(data[name], path))


def replaced(data, path: str, translate: Callable[[str], str]):
    """The dumped model with the texts at path passed through translate."""
    head, _, rest = path.partition(".")
    if head == "*":
        items = data.items() if isinstance(data, dict) else enumerate(data)
        new = {k: _at(v, rest, translate) for k, v in items}
        return new if isinstance(data, dict) else list(new.values())
    if data is None or head not in data:
        return data
    return {**data, head: _at(data[head], rest, translate)}


def _at(value, rest: str, translate):
    if not rest:
        return translate(value) if isinstance(value, str) and value else value
    return replaced(value, rest, translate)


def _walk(data, path: str, where: str = "") -> Iterator[tuple[str, str]]:
    head, _, rest = path.partition(".")
    if head == "*":
        items = data.items() if isinstance(data, dict) else enumerate(data)
        children = [(f"{where}[{k}]", v) for k, v in items]
    else:
        children = [(f"{where}.{head}".lstrip("."), data.get(head))] if isinstance(data, dict) else []
    for at, value in children:
        if rest:
            yield from _walk(value, rest, at)
        elif isinstance(value, str) and value:
            yield at, value
