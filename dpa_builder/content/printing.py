"""What a template may turn into text: plain data, within the render's output budget.

A function or method reached from a template is sealed: it can be called, never
turned into text (printed, `|string`, `~`, `%`, `format`, `|join`), where its repr
would show a memory address.
"""
from datetime import date

from jinja2 import Undefined
from jinja2.sandbox import SecurityError
from markupsafe import soft_str

from .budget import LIMITS, MAX_OUTPUT, spend
from .sizes import check_size, text_size

# Undefined prints as StrictUndefined's own error.
PRINTABLE = (str, int, float, date, type(None), list, tuple, dict, Undefined)


class Sealed:
    """A function or method in a template: it may be called, never turned into text."""

    __slots__ = ("function",)

    def __init__(self, function):
        self.function = function

    def _refuse(self, *_):
        raise SecurityError("a function cannot be turned into text; call it, or print text or "
                            "numbers")

    __str__ = __repr__ = __format__ = _refuse


def sealed(value):
    """`value`, sealed if it is a function or method."""
    return Sealed(value) if callable(value) and not isinstance(value, Undefined) else value


def printable(value):
    """What `{{ }}` prints (the environment's finalize): plain data, within the budgets."""
    if isinstance(value, Sealed) or not isinstance(value, PRINTABLE):
        kind = "function" if isinstance(value, Sealed) else type(value).__name__
        raise SecurityError(f"a {kind} cannot be printed; print text or numbers")
    size = text_size(value)
    check_size(size, "printing this")
    spend("output", size)
    return value


def as_string(value) -> str:
    """The `string` filter, which `~` applies to each of its operands."""
    check_size(text_size(value), "`|string` or `~`")
    return soft_str(value)


def joined(chunks) -> str:
    """The environment's concat: a render's (or a macro's) output, joined within MAX_OUTPUT."""
    parts, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise SecurityError(LIMITS["output"])
        parts.append(chunk)
    return "".join(parts)
