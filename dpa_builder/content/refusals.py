"""What the rendering policy refuses in a template, and how it says so to legal."""
from jinja2 import TemplateError, TemplateSyntaxError, meta, nodes

LOADING = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
           nodes.Extends: "extends"}


def refusals(tree: nodes.Template, names, global_names) -> list[tuple[int, str]]:
    """(line, message) for everything the policy refuses in a parsed template."""
    found = [(node.lineno, f"{{% {word} %}} is not allowed: a template cannot load files")
             for kind, word in LOADING.items() for node in tree.find_all(kind)]
    found += [(node.lineno, f"attribute {attr!r} is not allowed: names starting with _ are "
                            f"Python's internals") for node, attr in _private(tree)]
    if names is not None:
        unknown = meta.find_undeclared_variables(tree) - names - set(global_names)
        found += [(node.lineno, f"unknown variable {node.name}")
                  for node in tree.find_all(nodes.Name)
                  if node.ctx == "load" and (node.name in unknown or node.name == "self")]
    return sorted(found)


def _private(tree: nodes.Template):
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        attr: str | None
        if isinstance(node, nodes.Getattr):
            attr = node.attr
        elif isinstance(node, nodes.Getitem):
            attr = node.arg.value if isinstance(node.arg, nodes.Const) else None
        else:
            assert isinstance(node, nodes.Filter)
            attr = node.args[0].value if (node.name == "attr" and node.args and
                                          isinstance(node.args[0], nodes.Const)) else None
        if isinstance(attr, str) and attr.startswith("_"):
            yield node, attr


def problem(exc: Exception) -> str:
    """A refusal as legal reads it, without Python's traceback."""
    if isinstance(exc, TemplateSyntaxError):
        return str(exc.message)
    if isinstance(exc, RecursionError):
        return "the template nests too deeply"
    return f"{exc}" if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"


def line_of(exc: Exception) -> int | None:
    """The template line a refusal comes from, where Jinja knows it."""
    if isinstance(exc, TemplateSyntaxError):
        return exc.lineno
    line, frame = None, exc.__traceback__
    while frame:
        if frame.tb_frame.f_code.co_filename == "<template>":
            line = frame.tb_lineno
        frame = frame.tb_next
    return line
