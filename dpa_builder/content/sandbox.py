"""The one rendering policy for everything legal edits: clause texts, labels, DOCX and HTML templates.

Legal is trusted with the contract's words, never with the server. Templates
render in Jinja's immutable sandbox, with no loader, only `range` (bounded) as
a global, a context of plain data and a budget of work and output (budget.py).
Whatever a template could use to reach Python is refused when it is compiled,
with its line, so checks and renderers refuse the same things; a function or
method it reaches can be called, never turned into text (printing.py).
"""
import dataclasses
import re
from collections import ChainMap
from datetime import date
from functools import lru_cache

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, nodes, pass_context
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from . import budget, growth, printing, sizes
from .refusals import refusals

# What rendering legal's text can raise besides Jinja's own errors: `1 / 0`, `"a" + 1`, ...
RENDER_ERRORS = (TemplateError, ArithmeticError, LookupError, TypeError, ValueError,
                 AttributeError, RecursionError)
JINJA_SYNTAX = re.compile(r"\{[{%#]")  # where Jinja's default delimiters open
NEWLINES = re.compile(r"\r\n?")
LOOP_ITEMS = "loop items"  # the filter every loop's items pass through (no template can name it)


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja for legal's templates; `names`, when given, are the only variables they may use."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(printing.joined)

    def __init__(self, names: frozenset[str] | None = None, autoescape: bool = False):
        super().__init__(undefined=StrictUndefined, autoescape=autoescape,
                         finalize=pass_context(lambda _, value: printing.printable(value)))
        self.globals = {"range": budget.bounded_range}
        self.filters = {**growth.bounded_filters(self.filters), "string": printing.as_string,
                        LOOP_ITEMS: pass_context(lambda _, items: budget.counted(items))}
        self.names = names
        self.template_class = budget.Budgeted

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        # Each `~` operand goes through `|string`: the text it makes is checked, and
        # a function refused (even when Jinja folds a constant as it compiles).
        for concat in tree.find_all(nodes.Concat):
            concat.nodes = [self._filtered(operand, "string") for operand in concat.nodes]
        for lineno, message in refusals(tree, self.names, self.globals):
            raise TemplateSyntaxError(message, lineno, name, filename)
        return tree

    def _generate(self, source, name, filename, defer_init=False):
        # As compiled, not as parsed (the template checks read loops' items by type):
        # each loop's items count against the render's budget.
        for loop in source.find_all(nodes.For):
            loop.iter = self._filtered(loop.iter, LOOP_ITEMS)
        return super()._generate(source, name, filename, defer_init)

    def _filtered(self, node: nodes.Expr, name: str) -> nodes.Filter:
        through = nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)
        through.set_environment(self)
        return through

    def make_globals(self, d):
        # Each template's globals, with every function sealed (html.py adds some of its own).
        return ChainMap({name: printing.sealed(value)
                         for name, value in {**self.globals, **(d or {})}.items()})

    def getattr(self, obj, attribute):
        # Plain data first: a key of a dict is data, and this skips the sandbox's slower checks.
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return printing.sealed(super().getattr(obj, attribute))

    def getitem(self, obj, argument):
        return printing.sealed(super().getitem(obj, argument))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        if isinstance(__obj, printing.Sealed):
            __obj = __obj.function
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (budget.counted(args[0]), *args[1:])
        growth.check_method(__obj, args, kwargs)
        with budget.nested_call():
            return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator, left, right):
        sizes.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value):
        formats = super().wrap_str_format(value)  # str.format and format_map, sandboxed
        return formats and sizes.bounded_format(value.__self__, formats)


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
