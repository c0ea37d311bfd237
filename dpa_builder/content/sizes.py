"""What one step of a template may make: at most MAX_SIZE characters or items.

An operation that can make more than it is given (`*`, `+`, `**`, `%`, a format
width) is checked from its arguments before it runs.
"""
import re
from string import Formatter

from jinja2.sandbox import SecurityError

MAX_SIZE = 100_000  # characters or items one step may make
# A %-conversion's width and precision ("*" would take them from the values).
PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")
NUMBER = re.compile(r"\d+")


def text_size(value, limit: int = MAX_SIZE) -> int:
    """About how many characters `value` makes as text; counting stops past `limit`."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, dict):
        value = [*value, *value.values()]
    if not isinstance(value, (list, tuple)):
        return 24  # a number, a date, None: short
    total = 2
    for item in value:
        total += text_size(item, limit - total) + 2
        if total > limit:
            break
    return total


def check_size(size: int, what: str) -> None:
    if size > MAX_SIZE:
        raise SecurityError(f"{what} would make more than {MAX_SIZE} characters or items")


def check_binop(operator: str, left, right) -> None:
    """`*`, `+` and `%` within MAX_SIZE, `**` within a printable number."""
    sized = (str, bytes, list, tuple)
    if operator == "*" and any(isinstance(v, sized) for v in (left, right)):
        items, times = (left, right) if isinstance(left, sized) else (right, left)
        if isinstance(times, int):
            check_size(len(items) * times, "`*`")
    if operator == "+" and isinstance(left, sized) and isinstance(right, sized):
        check_size(len(left) + len(right), "`+`")
    if operator == "**" and isinstance(left, int) and isinstance(right, int) and (
            right * abs(left).bit_length() > 4096):
        raise SecurityError("`**` would make a number too large to print")
    if operator == "%" and isinstance(left, str):
        check_percent(left, right)


def check_percent(template: str, values) -> None:
    """`template % values` (or `|format`): its widths and values within MAX_SIZE."""
    widths = [n for match in PERCENT.finditer(template) for n in match.groups() if n]
    if "*" in widths:
        raise SecurityError("a `*` width in `%`: write the width as a number")
    check_size(len(template) + sum(map(int, widths)) + text_size(values), "`%`")


def bounded_format(template: str, formats):
    """`formats` (Jinja's sandboxed `template.format`), checked before it runs."""
    def bounded(*args, **kwargs):
        check_format(template, args, kwargs)
        return formats(*args, **kwargs)
    return bounded


def check_format(template: str, args, kwargs) -> None:
    """`template.format(...)`: its widths and values within MAX_SIZE."""
    width = 0
    for _, _, spec, _ in Formatter().parse(template):
        if spec and "{" in spec:
            raise SecurityError("a width taken from a value in format(): write it as a number")
        width += sum(map(int, NUMBER.findall(spec or "")))
    check_size(len(template) + width + text_size([list(args), kwargs]), "format()")
