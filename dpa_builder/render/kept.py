"""The renderers' bounded stores: what each process keeps of work done once."""
from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    """At most `items` values, the least recently used out first; safe across threads."""

    def __init__(self, items: int):
        self.items, self._kept, self._lock = items, OrderedDict[Hashable, V](), Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def values(self) -> list[V]:
        with self._lock:
            return list(self._kept.values())

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
            return self._kept.get(key)

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self.items:
                self._kept.popitem(last=False)

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept for key, or made now and kept (two threads may both make it)."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value
