"""Check that a template uses only the variables the document model has; list them for legal."""
import dataclasses
import typing
from datetime import date

from jinja2 import Environment, nodes

from ..assembly.model import Block, Document
from .docx_places import Place, jinja_source

ANY, DOCUMENT, BLOCK, BLOCKS, ROWS, CELLS = "any", "document", "block", "blocks", "rows", "cells"
FIELDS = {DOCUMENT: {f.name: BLOCKS if f.name == "blocks" else ANY
                     for f in dataclasses.fields(Document)},
          BLOCK: {f.name: {"rows": ROWS, "columns": CELLS}.get(f.name, ANY)
                  for f in dataclasses.fields(Block)}}
ITEM = {BLOCKS: BLOCK, ROWS: CELLS}
HOLDS = {BLOCKS: "a list of blocks: {% for block in document.blocks %}",
         ROWS: "a list of rows, each a list of texts", CELLS: "a list of texts",
         str: "text", int: "a number", date: "a date, e.g. {{ document.issued.isoformat() }}",
         dict: "names and their values", tuple: "a list of texts, e.g. {{ document.page_label[0] }}"}


def documented() -> list[tuple[str, str]]:
    """Every variable a DOCX or HTML template may use and what it holds, from the model."""
    return [(f"{prefix}.{f.name}",
             HOLDS.get(FIELDS[prefix][f.name]) or HOLDS[typing.get_origin(f.type) or f.type])
            for prefix, model in ((DOCUMENT, Document), (BLOCK, Block))
            for f in dataclasses.fields(model)]


def check_names(places: list[Place], env: Environment) -> list[str]:
    found: list[tuple[int, str]] = []
    scope = {name: ANY for name in env.globals} | {"document": DOCUMENT}
    _visit(env.parse(jinja_source(places)), scope, found)
    return [f"{places[line - 1]}: unknown variable {name}" for line, name in dict.fromkeys(found)]


def _visit(node, scope: dict, found: list) -> str:
    """Walk the template, typing each expression; record names the model lacks."""
    if isinstance(node, nodes.Name):
        if node.ctx != "load":
            scope[node.name] = ANY
        elif node.name not in scope:
            found.append((node.lineno, node.name))
        return scope.get(node.name, ANY)
    if isinstance(node, nodes.Getattr):
        kind = _visit(node.node, scope, found)
        if kind in FIELDS and node.attr not in FIELDS[kind]:
            found.append((node.lineno, f"{_dotted(node.node)}.{node.attr}"))
        return FIELDS.get(kind, {}).get(node.attr, ANY)
    if isinstance(node, nodes.Getitem):
        kind = _visit(node.node, scope, found)
        _visit(node.arg, scope, found)
        return ITEM.get(kind, ANY)
    if isinstance(node, nodes.For):
        inner = {**scope, "loop": ANY}
        item = ITEM.get(_visit(node.iter, scope, found), ANY)
        if isinstance(node.target, nodes.Name):
            inner[node.target.name] = item
        inner.update((name.name, ANY) for name in node.target.find_all(nodes.Name))
        for child in [*([node.test] if node.test else []), *node.body]:
            _visit(child, inner, found)
        for child in node.else_:
            _visit(child, scope, found)
        return ANY
    if isinstance(node, nodes.Macro):  # a macro may call itself; the sandbox bounds that
        scope[node.name] = ANY
        inner = {**scope, "caller": ANY, "varargs": ANY, "kwargs": ANY}
        for child in node.iter_child_nodes():
            _visit(child, inner, found)
        return ANY
    if isinstance(node, nodes.Assign):  # the value first: {% set x = x %}
        _visit(node.node, scope, found)
        _visit(node.target, scope, found)
        return ANY
    for child in node.iter_child_nodes():
        _visit(child, scope, found)
    return ANY


def _dotted(node) -> str:
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return getattr(node, "name", "…")
