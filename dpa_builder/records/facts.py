"""How pages word a record's facts (Document.facts, stored when the DPA was issued)."""

# fact key -> (label, how its value reads); a fact without an entry still shows, under its key.
FACT_WORDING = {
    "regime": ("Data protection regime", "{}"),
    "region": ("Customer's Land or state", "{}"),
    "transfer": ("Transfer mechanism", "{}"),
    "authority": ("Competent supervisory authority", "{}"),
    "dpf": ("Data Privacy Framework", "{}"),
    "governing_law": ("Governing law and courts", "{}"),
    "notice_days": ("Notice of sub-processor changes", "{} days"),
}


def fact_rows(facts: dict[str, str]) -> list[tuple[str, str]]:
    """Each fact as (label, text), in the order the DPA states them."""
    rows = []
    for key, value in facts.items():
        label, text = FACT_WORDING.get(key, (key.replace("_", " ").capitalize(), "{}"))
        rows.append((label, text.format(value)))
    return rows
