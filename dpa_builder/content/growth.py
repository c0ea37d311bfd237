"""What a method or a filter would make, predicted from its arguments and refused when too big.

These are every str, bytes and int method and every Jinja filter whose result can
be larger than what it is given (a width, a count, a product of two texts). Each
prediction takes the arguments the real call takes; where they do not fit, the real
call raises its own error.
"""
import functools
from collections.abc import Iterator

from .sizes import check_percent, check_size, text_size


def _widened(text, width, fillchar=" "):
    return max(len(text), width)


def _tabs_expanded(text, tabsize=8):
    return len(text) + text.count("\t") * tabsize


def _replaced(text, old, new, count=-1):
    found = text.count(old)
    times = found if count is None or count < 0 else min(count, found)
    return len(text) + times * max(len(new) - len(old), 0)


def _joined(separator, items):
    items = items if isinstance(items, (list, tuple)) else list(items)
    return sum(text_size(item) for item in items) + len(separator) * len(items)


def _translated(text, table, *delete):
    values = table.values() if isinstance(table, dict) else table
    return len(text) * max([1, *(len(v) for v in values if isinstance(v, (str, bytes)))])


def _bytes_of(number, length=1, *args, **kwargs):
    return length


METHODS = {"center": _widened, "ljust": _widened, "rjust": _widened, "zfill": _widened,
           "expandtabs": _tabs_expanded, "replace": _replaced, "join": _joined,
           "translate": _translated, "to_bytes": _bytes_of}


def check_method(method, args, kwargs) -> None:
    """Refuse a call of a str, bytes or int method that would make more than MAX_SIZE."""
    owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
    if isinstance(owner, (str, bytes, int)) and name in METHODS:
        _check(METHODS[name], f"{name}()", owner, *args, **kwargs)


def _indented(s, width=4, first=False, blank=False):
    indent = len(width) if isinstance(width, str) else width
    return text_size(s) + indent * (str(s).count("\n") + 2)


def _wrapped(environment, s, width=79, break_long_words=True, wrapstring=None,
             break_on_hyphens=True):
    breaks = len(s) // max(width, 1) + s.count(" ") + s.count("\n") + 1
    return len(s) + breaks * len(wrapstring or "\n")


# Filters, with the arguments Jinja calls them with (some first take its eval context).
FILTERS = {
    "center": lambda value, width=80: max(text_size(value), width),
    "indent": _indented,
    "wordwrap": _wrapped,
    "join": lambda eval_ctx, value, d="", attribute=None: _joined(d, value),
    "replace": lambda eval_ctx, s, old, new, count=None: _replaced(str(s), str(old), str(new), count),
    "batch": lambda value, linecount, fill_with=None: linecount,
    "slice": lambda eval_ctx, value, slices, fill_with=None: slices,
    "sum": lambda environment, iterable, attribute=None, start=0: (
        text_size(list(iterable)) if isinstance(start, (str, list, tuple)) else 0),
    "pprint": text_size,
    "tojson": lambda eval_ctx, value, indent=None: text_size(value) * (1 + (indent or 0)),
}


def bounded_filters(filters: dict) -> dict:
    """Jinja's filters, each predicted where it can grow, and none giving an iterator.

    An iterator (from `map`, `select`, `reverse`, ...) becomes a list: as text it would
    show a memory address, and a list prints as its items.
    """
    return {name: _bounded(name, function) for name, function in filters.items()}


def _bounded(name: str, function):
    @functools.wraps(function)
    def bounded(*args, **kwargs):
        if name == "format":
            check_percent(str(args[0]), kwargs or args[1:])
        elif name in FILTERS:
            _check(FILTERS[name], f"|{name}", *args, **kwargs)
        result = function(*args, **kwargs)
        return list(result) if isinstance(result, Iterator) else result
    return bounded


def _check(predict, what: str, *args, **kwargs) -> None:
    try:
        size = predict(*args, **kwargs)
    except (TypeError, ValueError, AttributeError):
        return  # arguments the real call refuses too, in its own words
    check_size(size, what)
