"""Translations of the profile and regime texts a DPA quotes (Annexes I–III, policy phrases).

clause_library/translations/<lang>/texts.yaml lists each English text beside
its translation. The English text itself is the record of what was
translated: once legal changes it, it no longer matches and its translation is
missing again. Only the fields below are translated; names, legal entities,
addresses and emails never are.
"""
import hashlib
from collections.abc import Callable

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


def english_texts(data: dict) -> list[tuple[str, str]]:
    """(where, English text) for every translatable text in the dumped content models."""
    found: list[tuple[str, str]] = []
    for name, paths in FIELDS.items():
        def note(where: str, text: str, name: str = name) -> str:
            found.append((f"{name}.{where}", text))
            return text
        for path in paths:
            replaced(data[name], path, note)
    return found


def replaced(data, path: str, translate: Callable[[str, str], str], where: str = ""):
    """The dumped model with each text at path passed through translate(where, text),
    where naming it ("subprocessors[2].purpose")."""
    head, _, rest = path.partition(".")
    if head == "*":
        items = data.items() if isinstance(data, dict) else enumerate(data)
        new = {k: _at(v, rest, translate, f"{where}[{k}]") for k, v in items}
        return new if isinstance(data, dict) else list(new.values())
    if not isinstance(data, dict) or head not in data:
        return data
    return {**data, head: _at(data[head], rest, translate, f"{where}.{head}".lstrip("."))}


def _at(value, rest: str, translate, where: str):
    if not rest:
        return translate(where, value) if isinstance(value, str) and value else value
    return replaced(value, rest, translate, where)
