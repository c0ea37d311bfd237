"""The one rendering policy for everything legal edits: clause texts, labels, DOCX and HTML templates.

Legal is trusted with the contract's words, never with the server. Templates
render in Jinja's immutable sandbox, with no loader, only `range` (bounded) as
a global, calls nested at most MAX_DEPTH deep, and a context of plain data.
Whatever a template could use to reach Python is refused when it is compiled,
with its line, so checks and renderers refuse the same things.
"""
import dataclasses
import re
from contextvars import ContextVar
from datetime import date
from functools import lru_cache

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from .refusals import refusals

MAX_RANGE = 10_000  # numbers one render may loop over, in all
MAX_DEPTH = 40  # macros (or recursive loops) calling themselves stop here
MAX_SIZE = 100_000  # characters or items one `*` may produce
# Undefined prints as StrictUndefined's own error.
PRINTABLE = (str, int, float, date, type(None), list, tuple, dict, Undefined)
# What rendering legal's text can raise besides Jinja's own errors: `1 / 0`, `"a" + 1`, ...
RENDER_ERRORS = (TemplateError, ArithmeticError, LookupError, TypeError, ValueError,
                 AttributeError, RecursionError)
JINJA_SYNTAX = re.compile(r"\{[{%#]")  # where Jinja's default delimiters open
NEWLINES = re.compile(r"\r\n?")
_BUDGET: ContextVar[list[int]] = ContextVar("sandbox_budget")  # [range left, call depth]


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja for legal's templates; `names`, when given, are the only variables they may use."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, names: frozenset[str] | None = None, autoescape: bool = False):
        super().__init__(undefined=StrictUndefined, autoescape=autoescape, finalize=_printable)
        self.globals = {"range": _range}
        self.names = names
        self.template_class = _Budgeted

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        for lineno, message in refusals(tree, self.names, self.globals):
            raise TemplateSyntaxError(message, lineno, name, filename)
        return tree

    def getattr(self, obj, attribute):
        # Plain data first: a key of a dict is data, and this skips the sandbox's slower checks.
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        budget = _BUDGET.get()
        if budget[1] >= MAX_DEPTH:
            raise SecurityError(f"calls nest more than {MAX_DEPTH} deep (a macro calling itself?)")
        budget[1] += 1
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            budget[1] -= 1

    def call_binop(self, context, operator, left, right):
        if operator == "*" and any(isinstance(v, (str, list, tuple)) for v in (left, right)):
            sized, times = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(times, int) and len(sized) * times > MAX_SIZE:
                raise SecurityError(f"`*` would make more than {MAX_SIZE} characters or items")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and (
                right * abs(left).bit_length() > 4096):
            raise SecurityError("`**` would make a number too large to print")
        return super().call_binop(context, operator, left, right)


@lru_cache(maxsize=8)
def sandbox(names: frozenset[str] | None, autoescape: bool = False) -> Sandbox:
    return Sandbox(names, autoescape)


@lru_cache(maxsize=4096)
def _compiled(source: str, names: frozenset[str]) -> Template:
    return sandbox(names).from_string(source)


def render_text(source: str, context: dict) -> str:
    """Render one of legal's texts (a clause paragraph, a label) with plain data, unescaped."""
    if not JINJA_SYNTAX.search(source):
        # Most texts have no tag at all: what Jinja would give, without compiling (a cold
        # `dpa generate` compiled 236 of them, 0.1-0.2 s).
        text = NEWLINES.sub("\n", source)
        return text[:-1] if text.endswith("\n") else text
    return _compiled(source, frozenset(context)).render(context)


class _Budgeted(Template):
    """Each render starts with its own range budget and call depth."""

    def render(self, *args, **kwargs):
        token = _BUDGET.set([MAX_RANGE, 0])
        try:
            return super().render(*args, **kwargs)
        finally:
            _BUDGET.reset(token)


def _range(*args) -> range:
    numbers, budget = range(*args), _BUDGET.get()
    if len(numbers) > budget[0]:
        raise SecurityError(f"range() of {len(numbers)} numbers: a template may loop over at most "
                            f"{MAX_RANGE} numbers in all")
    budget[0] -= len(numbers)
    return numbers


def _printable(value):
    if not isinstance(value, PRINTABLE):
        raise SecurityError(f"a {type(value).__name__} cannot be printed; print text or numbers")
    return value


def plain(value):
    """The value as plain data (dicts, lists, text, numbers, dates): all a template may see."""
    if isinstance(value, (str, int, float, date, type(None), Markup)):
        return value
    if hasattr(value, "model_dump"):  # a pydantic model: its fields, never its methods
        return plain(value.model_dump())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    raise TypeError(f"{type(value).__name__} is not plain data")
