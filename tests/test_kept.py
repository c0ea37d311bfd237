"""The renderers' bounded store keeps the most recently used values and makes each once."""
from dpa_builder.render.kept import Kept


def test_the_least_recently_used_value_goes_first():
    kept: Kept[str] = Kept(2)
    kept.put("a", "A")
    kept.put("b", "B")
    assert kept.get("a") == "A"  # "b" is now the least recently used
    kept.put("c", "C")
    assert kept.get("b") is None and kept.values() == ["A", "C"] and len(kept) == 2


def test_a_value_is_made_once_then_kept():
    kept: Kept[int] = Kept(4)
    made = []
    assert kept.get_or_make("key", lambda: made.append(1) or 42) == 42
    assert kept.get_or_make("key", lambda: made.append(1) or 0) == 42
    assert made == [1]
