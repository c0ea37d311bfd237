"""Every module sits in a layer of the contract in pyproject.toml, which `make lint` checks
with import-linter (not run here: it reconfigures logging for the rest of the session),
and no module imports itself through others."""
import tomllib

import grimp

from dpa_builder.content.layout import REPO_ROOT


def layered_modules() -> list[str]:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    return [name.strip() for layer in layers for name in layer.split(":")]


def test_every_module_sits_in_a_layer():
    graph = grimp.build_graph("dpa_builder")
    layered = layered_modules()
    unplaced = [m for m in sorted(graph.modules) if not m.startswith("dpa_builder.migrations")
                and m != "dpa_builder" and graph.find_children(m) == set()
                and not any(m == p or m.startswith(p + ".") for p in layered)]
    assert not unplaced, f"add these to a layer in pyproject.toml: {unplaced}"


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("dpa_builder")
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain:
                cycles.append(" -> ".join((module, *chain)))
    assert not cycles, cycles
