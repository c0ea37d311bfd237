"""Read a snapshot of legal's files: YAML, each file's model, labels, clauses and regimes.

A Reader collects the problems of every file, each naming its file, entry and field, so
that one run reports all of them.
"""
import re
from collections.abc import Iterator
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .clause_schema import Clause
from .regime_schema import Regime, regime_problems
from .specimen import configured_value
from .typography import smarten_all

CLAUSE_FILE = re.compile(r"^clause_library/[0-9][^/]*\.yaml$")
REGIME_FILE = re.compile(r"^regimes/[^/]+\.yaml$")
# libyaml's safe loader where PyYAML was built with it: the same documents, 10x faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Identified = TypeVar("Identified", Clause, Regime)  # a model with an id


class Reader:
    """Reads the snapshot's files, collecting their problems in `problems`."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.problems: list[str] = []
        self.specimen: list[str] = []  # unset or example configuration

    def raw(self, relative: str):
        if relative not in self.files:
            self.problems.append(f"{relative}: missing")
            return None
        try:
            return smarten_all(yaml.load(self.files[relative], Loader=SAFE_LOADER))
        except yaml.YAMLError as exc:
            self.problems.append(f"{relative}: not valid YAML: {exc}")
            return None

    def model(self, relative: str, model: type[BaseModel]):
        data = self.raw(relative)
        if data is None:
            return None
        data = _resolve_env(data, self.specimen)
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(_describe(relative, data, error) for error in exc.errors())
            return None

    def labels(self, relative: str) -> dict[str, str]:
        data = self.raw(relative)
        if not isinstance(data, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and v for k, v in data.items()):
            self.problems.append(f"{relative}: must map each label id to a non-empty text")
            return {}
        return data

    def each(self, pattern: re.Pattern, model: type[Identified]) -> Iterator[tuple[str, Identified]]:
        """Each file `pattern` matches that is a valid `model`; an id used twice is a problem."""
        files: dict[str, str] = {}
        for relative in sorted(p for p in self.files if pattern.match(p)):
            item = self.model(relative, model)
            if item is None:
                continue
            if item.id in files:
                self.problems.append(f"{relative}: id: {item.id!r} already used by {files[item.id]}")
            files[item.id] = relative
            yield relative, item

    def clauses(self, regime_ids: set[str]) -> list[Clause]:
        clauses = []
        for relative, clause in self.each(CLAUSE_FILE, Clause):
            unknown = sorted(set(clause.when.regime or ()) - regime_ids)
            if unknown and not any(p.startswith("regimes") for p in self.problems):
                self.problems.append(f"{relative}: when.regime: unknown regime {', '.join(unknown)}; "
                                     f"regimes are {', '.join(sorted(regime_ids))}")
            clauses.append(clause)
        if not clauses and not self.problems:
            self.problems.append("clause_library: no clause files found")
        return clauses

    def regimes(self) -> dict[str, Regime]:
        regimes, files = {}, {}
        for relative, regime in self.each(REGIME_FILE, Regime):
            regimes[regime.id], files[regime.id] = regime, relative
        self.problems += regime_problems(regimes, files)
        return regimes


def _resolve_env(data, specimen: list[str]):
    """Replace each `{env: NAME}` by that variable's value (or a placeholder if unset).

    Unset and example values do not stop the content loading: they make every
    DPA built from it a specimen, and `specimen` says why.
    """
    if isinstance(data, dict) and set(data) == {"env"}:
        return configured_value(str(data["env"]), specimen)
    if isinstance(data, dict):
        return {k: _resolve_env(v, specimen) for k, v in data.items()}
    if isinstance(data, list):
        return [_resolve_env(v, specimen) for v in data]
    return data


def _describe(relative: str, data, error: ErrorDetails) -> str:
    """Turn a pydantic error into 'file: entry (id): field: message'."""
    path: list[str] = []
    node = data
    for part in error["loc"]:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            label = node.get("id") or node.get("name") if isinstance(node, dict) else None
            path[-1] += f"[{part}]" + (f" ({label})" if label else "")
        elif isinstance(node, dict) and part in node:
            node = node[part]
            path.append(str(part))
        else:
            path.append(str(part))
    return f"{relative}: {'.'.join(path) or '(top level)'}: {error['msg']}"
