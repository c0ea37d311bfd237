"""How much one render of legal's template may do in all: loops, output, nesting.

Each render gets its own budget: MAX_RANGE numbers from `range`, MAX_LOOPS items
through its loops, MAX_OUTPUT characters printed, calls nested MAX_DEPTH deep.
"""
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from jinja2 import Template
from jinja2.sandbox import SecurityError

MAX_RANGE = 10_000  # numbers one render may take from range(), in all
MAX_LOOPS = 200_000  # items one render's loops may go through, in all
MAX_OUTPUT = 20_000_000  # characters one render may print, in all
MAX_DEPTH = 40  # macros (or recursive loops) calling themselves stop here


@dataclass
class Budget:
    numbers: int = MAX_RANGE
    loops: int = MAX_LOOPS
    output: int = MAX_OUTPUT
    depth: int = 0


_BUDGET: ContextVar[Budget] = ContextVar("sandbox_budget")


class Budgeted(Template):
    """Each render starts with a budget of its own."""

    def render(self, *args, **kwargs):
        token = _BUDGET.set(Budget())
        try:
            return super().render(*args, **kwargs)
        finally:
            _BUDGET.reset(token)


def spend(kind: str, amount: int) -> None:
    """Take `amount` from the render's budget of `kind` (numbers, loops, output)."""
    budget = _BUDGET.get()
    left = getattr(budget, kind) - amount
    if left < 0:
        raise SecurityError(LIMITS[kind])
    setattr(budget, kind, left)


LIMITS = {"numbers": f"a template may loop over at most {MAX_RANGE} numbers in all",
          "loops": f"a template's loops may go through at most {MAX_LOOPS} items in all",
          "output": f"a template may print at most {MAX_OUTPUT} characters in all"}


def bounded_range(*args) -> range:
    """`range` for templates: its numbers count against the render's budget."""
    numbers = range(*args)
    if len(numbers) > _BUDGET.get().numbers:
        raise SecurityError(f"range() of {len(numbers)} numbers: {LIMITS['numbers']}")
    spend("numbers", len(numbers))
    return numbers


def counted(items):
    """A loop's items, counted against the render's budget."""
    if not hasattr(items, "__len__"):
        items = list(items)
    spend("loops", len(items))
    return items


@contextmanager
def nested_call():
    """One more call in progress; refused beyond MAX_DEPTH."""
    budget = _BUDGET.get()
    if budget.depth >= MAX_DEPTH:
        raise SecurityError(f"calls nest more than {MAX_DEPTH} deep (a macro calling itself?)")
    budget.depth += 1
    try:
        yield
    finally:
        budget.depth -= 1
