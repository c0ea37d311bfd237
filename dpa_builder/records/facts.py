"""How pages word a record's facts (Document.facts, stored when the DPA was issued).

The labels are in the page's language; the values as the DPA stated them.
"""
from flask_babel import lazy_gettext as _l

# fact key -> (label, how its value reads); a fact without an entry still shows, under its key.
FACT_WORDING = {
    "regime": (_l("Data protection regime"), "%(value)s"),
    "region": (_l("Customer's Land or state"), "%(value)s"),
    "transfer": (_l("Transfer mechanism"), "%(value)s"),
    "authority": (_l("Competent supervisory authority"), "%(value)s"),
    "dpf": (_l("Data Privacy Framework"), "%(value)s"),
    "governing_law": (_l("Governing law and courts"), "%(value)s"),
    "notice_days": (_l("Notice of sub-processor changes"), _l("%(value)s days")),
    "announced": (_l("Announced sub-processor changes"), "%(value)s"),
    "language": (_l("Language of the DPA"), "%(value)s"),
}


def fact_rows(facts: dict[str, str]) -> list[tuple[str, str]]:
    """Each fact as (label, text), in the order the DPA states them."""
    rows = []
    for key, value in facts.items():
        label, text = FACT_WORDING.get(key, (key.replace("_", " ").capitalize(), "%(value)s"))
        rows.append((str(label), str(text) % {"value": value}))
    return rows
