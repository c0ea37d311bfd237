"""Load and validate the content legal owns, naming file, entry and field on error."""
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from . import schema

REPO_ROOT = Path(__file__).resolve().parents[2]
LABELS_FILE = "labels.yaml"


class ContentError(Exception):
    """One or more problems in the content files; each names file, entry and field."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Content:
    """Everything one processor profile's documents are built from."""

    profile: schema.Profile
    registry: schema.Registry
    integrations: list[schema.Integration]
    processing: schema.Processing
    security: schema.Security
    clauses: list[schema.Clause]
    labels: dict[str, str]
    authorities: schema.Authorities
    version: str  # digest of every file read, templates included


def available_profiles(root: Path = REPO_ROOT) -> list[str]:
    return sorted(p.parent.name for p in (root / "annexes").glob("*/profile.yaml"))


def load_content(profile: str, root: Path = REPO_ROOT) -> Content:
    """Read and validate every file a profile's DPA is built from."""
    if profile not in available_profiles(root):
        raise ContentError([f"profile: unknown profile {profile!r}; "
                            f"available: {', '.join(available_profiles(root))}"])
    reader = _Reader(root)
    annexes = Path("annexes") / profile
    content = dict(
        profile=reader.model(annexes / "profile.yaml", schema.Profile),
        registry=reader.model(annexes / "registry.yaml", schema.Registry),
        integrations=reader.model(annexes / "integrations.yaml", schema.Integrations),
        processing=reader.model(annexes / "processing.yaml", schema.Processing),
        security=reader.model(annexes / "security.yaml", schema.Security),
        authorities=reader.model(Path("annexes/supervisory_authorities.yaml"), schema.Authorities),
        labels=reader.labels(Path("clause_library") / LABELS_FILE),
        clauses=reader.clauses(Path("clause_library")),
    )
    _check_registry(content["registry"], annexes / "registry.yaml", reader.problems)
    for template in sorted((root / "templates").glob("dpa.*")):
        reader.digest.update(template.name.encode() + template.read_bytes())
    if reader.problems:
        raise ContentError(reader.problems)
    content["integrations"] = content["integrations"].integrations
    return Content(**content, version=reader.digest.hexdigest()[:12])


class _Reader:
    """Collects problems across files so one run reports all of them."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[str] = []
        self.digest = hashlib.sha256()

    def raw(self, relative: Path):
        try:
            data = (self.root / relative).read_bytes()
        except OSError as exc:
            self.problems.append(f"{relative}: cannot read: {exc.strerror}")
            return None
        self.digest.update(str(relative).encode() + data)
        try:
            return yaml.safe_load(data)
        except yaml.YAMLError as exc:
            self.problems.append(f"{relative}: not valid YAML: {exc}")
            return None

    def model(self, relative: Path, model: type[BaseModel], data=None):
        data = self.raw(relative) if data is None else data
        if data is None:
            return None
        unset: list[str] = []
        data = _resolve_env(data, unset)
        self.problems += [f"{relative}: {field}: not configured: set the environment variable {var}"
                          for field, var in unset]
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            # An unset variable was reported above; its empty value is not a second problem.
            skip = {field for field, _ in unset}
            self.problems.extend(_describe(relative, data, error) for error in exc.errors()
                                 if ".".join(map(str, error["loc"])) not in skip)
            return None

    def labels(self, relative: Path) -> dict[str, str]:
        data = self.raw(relative)
        if not isinstance(data, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and v for k, v in data.items()):
            self.problems.append(f"{relative}: must map each label id to a non-empty text")
            return {}
        return data

    def clauses(self, folder: Path) -> list[schema.Clause]:
        clauses, seen = [], {}
        for path in sorted((self.root / folder).glob("[0-9]*.yaml")):
            relative = path.relative_to(self.root)
            clause = self.model(relative, schema.Clause)
            if clause is None:
                continue
            if clause.id in seen:
                self.problems.append(f"{relative}: id: {clause.id!r} already used by {seen[clause.id]}")
            seen[clause.id] = relative
            clauses.append(clause)
        if not clauses and not self.problems:
            self.problems.append(f"{folder}: no clause files found")
        return clauses


def _resolve_env(data, unset: list, where: str = ""):
    """Replace each `{env: NAME}` by that variable's value, listing the unset ones."""
    if isinstance(data, dict) and set(data) == {"env"}:
        value = os.environ.get(data["env"], "").strip()
        if not value:
            unset.append((where, data["env"]))
        return value
    if isinstance(data, dict):
        return {k: _resolve_env(v, unset, f"{where}.{k}".lstrip(".")) for k, v in data.items()}
    if isinstance(data, list):
        return [_resolve_env(v, unset, f"{where}.{i}") for i, v in enumerate(data)]
    return data


def _describe(relative: Path, data, error: dict) -> str:
    """Turn a pydantic error into 'file: entry (id): field: message'."""
    path, node = [], data
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


def _check_registry(registry, relative: Path, problems: list[str]) -> None:
    if registry is None:
        return
    categories = {c.id for c in registry.categories}
    seen = set()
    for index, entry in enumerate(registry.subprocessors):
        where = f"{relative}: subprocessors[{index}] ({entry.id})"
        if entry.category not in categories:
            problems.append(f"{where}: category: {entry.category!r} is not one of {sorted(categories)}")
        if entry.id in seen:
            problems.append(f"{where}: id: duplicate")
        seen.add(entry.id)
