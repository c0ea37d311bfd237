from datetime import date

import pytest

from dpa_builder.content.annex_schema import SubProcessor
from dpa_builder.registry.changes import Change, check_change, registry_on

ANNOUNCED = date(2026, 12, 1)


def entry(**changes) -> SubProcessor:
    fields = dict(id="hetzner", brand="Hetzner", legal_entity="Example Hosting GmbH",
                  address="1 Example Street, Example City, Germany", country="DE",
                  processing_location="Germany", category="hosting",
                  purpose="Virtual server compute.", workspace_content=True, since=ANNOUNCED)
    return SubProcessor(**{**fields, **changes})


def check(registry, kind="add", target="", new=None, days=30, notice=30):
    return check_change(kind, target, new, ANNOUNCED, date.fromordinal(ANNOUNCED.toordinal() + days),
                        registry, notice)


def test_registry_on_a_date_applies_only_effective_changes(helptal):
    registry = helptal.registry
    changes = [Change(1, "add", "", entry(), ANNOUNCED, date(2027, 1, 1)),
               Change(2, "replace", "upstash", entry(id="redis2", brand="R2"), ANNOUNCED, date(2027, 2, 1)),
               Change(3, "remove", "tappay", None, ANNOUNCED, date(2027, 3, 1))]
    before, applied = registry_on(registry, changes, date(2026, 12, 31))
    assert before == registry and applied == []
    after, applied = registry_on(registry, changes, date(2027, 2, 15))
    ids = [s.id for s in after.subprocessors]
    assert [c.id for c in applied] == [1, 2]
    assert "hetzner" in ids and "redis2" in ids and "upstash" not in ids and "tappay" in ids
    assert ids.index("redis2") == [s.id for s in registry.subprocessors].index("upstash")
    assert after.version == date(2027, 2, 1)


def test_a_change_inside_the_notice_period_is_refused(helptal):
    problems = check(helptal.registry, new=entry(), days=29)
    assert "falls inside the 30-day notice period" in problems["effective_on"]
    assert "31 December 2026" in problems["effective_on"]
    assert check(helptal.registry, new=entry(), days=30) == {}


def test_the_longest_notice_any_customer_holds_applies(helptal):
    assert "60-day" in check(helptal.registry, new=entry(), days=45, notice=60)["effective_on"]


@pytest.mark.parametrize("kind, target, new", [
    ("add", "", entry(id="adyen", category="payment", workspace_content=False)),
    ("replace", "stripe", entry(id="adyen", category="payment", workspace_content=False)),
    ("replace", "neon", entry(workspace_content=False))])
def test_every_new_sub_processor_needs_the_notice_the_dpa_promises(built, helptal, kind, target, new):
    """The DPA promises notice for any addition or replacement, as SCC Clause 9(a) requires;
    a new payment provider cannot go live a day after its announcement."""
    terms = " ".join(built("DE").document.text_lines(built("DE").document.terms))
    assert ("notice of any intended addition or replacement of a Sub-processor, whatever the data "
            "it processes, other than an Announced Change (see below), at least the Notice Period "
            "before the change takes effect") in terms
    assert "notice period" in check(helptal.registry, kind, target, new, days=5)["effective_on"]
    assert check(helptal.registry, kind, target, new, days=30) == {}


def test_removals_need_no_notice_period(helptal):
    assert check(helptal.registry, "remove", "neon", days=1) == {}


@pytest.mark.parametrize("kind, target, new, field", [
    ("add", "", entry(id="neon"), "entry.id"), ("replace", "nope", entry(), "target"),
    ("remove", "nope", None, "target"), ("add", "", None, "entry"),
    ("add", "", entry(category="gpu"), "entry.category"), ("move", "", None, "kind")])
def test_malformed_changes_name_the_field(helptal, kind, target, new, field):
    assert field in check(helptal.registry, kind, target, new)


def test_effective_date_must_follow_the_announcement(helptal):
    assert check(helptal.registry, "remove", "neon", days=0)["effective_on"] == \
        "must be after the announcement date"


def test_summary_names_entity_location_and_date(helptal):
    change = Change(1, "replace", "upstash", entry(), ANNOUNCED, date(2027, 1, 1))
    text = change.summary(helptal.registry)
    assert text.startswith("Replacement of Upstash, Inc. (Upstash) by Example Hosting GmbH (Hetzner)")
    assert "processing in Germany" in text and text.endswith("effective 1 January 2027.")
