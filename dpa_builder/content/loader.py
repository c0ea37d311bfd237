"""Load and validate the content legal owns, naming file, entry and field on error."""
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import schema
from .regime_schema import Regime, regime_problems
from .specimen import configured_value
from .typography import smarten_all

REPO_ROOT = Path(__file__).resolve().parents[2]  # the default home of legal's folders
LABELS_FILE = "clause_library/labels.yaml"
CLAUSE_FILE = re.compile(r"^clause_library/[0-9][^/]*\.yaml$")
REGIME_FILE = re.compile(r"^regimes/[^/]+\.yaml$")
DOCX_TEMPLATE, HTML_TEMPLATE, CSS_FILE = "templates/dpa.docx", "templates/dpa.html", "templates/dpa.css"
TEMPLATE_FILES = (DOCX_TEMPLATE, HTML_TEMPLATE, CSS_FILE)
# libyaml's safe loader where PyYAML was built with it: the same documents, 10x faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    regimes: dict[str, Regime]  # by id
    files: dict[str, bytes] = field(repr=False)  # the snapshot this was read from
    version: str = ""  # digest of the snapshot, templates included
    language: str = "en"  # of the clause and label texts (assembly.translate puts others in place)
    # Why this content can only give specimen DPAs (empty: real ones): unset or
    # example configuration, and the profile's own `specimen` statement.
    specimen: tuple[str, ...] = ()

    def text(self, path: str) -> str:
        return self.files[path].decode("utf-8")


def content_root() -> Path:
    """Where legal's folders live: DPA_CONTENT_DIR, or this repository by default."""
    return Path(os.environ.get("DPA_CONTENT_DIR") or REPO_ROOT).resolve()


def available_profiles(root: Path | None = None) -> list[str]:
    root = root or content_root()
    return sorted(p.parent.name for p in (root / "annexes").glob("*/profile.yaml"))


def profile_files(profile: str, root: Path | None = None) -> dict[str, bytes]:
    """The files one profile's DPAs are built from, by path relative to the root."""
    root = root or content_root()
    # Only what the loader reads: clause_library/ also holds legal's regimes checklist.
    paths = [*(root / "annexes" / profile).glob("*.yaml"), *(root / "regimes").glob("*.yaml"),
             *(root / "clause_library").glob("[0-9]*.yaml"), root / LABELS_FILE,
             *(root / "clause_library" / "translations").glob("*/*.yaml"),
             *(root / t for t in TEMPLATE_FILES)]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(paths) if p.is_file()}


def load_content(profile: str, root: Path | None = None) -> Content:
    """Read and validate every file a profile's DPA is built from."""
    if profile not in available_profiles(root):
        raise ContentError([f"profile: unknown profile {profile!r}; "
                            f"available: {', '.join(available_profiles(root))}"])
    return content_from_files(profile, profile_files(profile, root))


def content_from_files(profile: str, files: dict[str, bytes]) -> Content:
    """Validate a snapshot of content files (from the repository or a stored version)."""
    reader = _Reader(files)
    annexes = f"annexes/{profile}"
    content = dict(
        profile=reader.model(f"{annexes}/profile.yaml", schema.Profile),
        registry=reader.model(f"{annexes}/registry.yaml", schema.Registry),
        integrations=reader.model(f"{annexes}/integrations.yaml", schema.Integrations),
        processing=reader.model(f"{annexes}/processing.yaml", schema.Processing),
        security=reader.model(f"{annexes}/security.yaml", schema.Security),
        labels=reader.labels(LABELS_FILE),
        regimes=reader.regimes(),
    )
    content["clauses"] = reader.clauses(set(content["regimes"]))
    _check_registry(content["registry"], f"{annexes}/registry.yaml", reader.problems)
    reader.problems += [f"{t}: missing" for t in TEMPLATE_FILES if t not in files]
    if reader.problems:
        raise ContentError(reader.problems)
    content["integrations"] = content["integrations"].integrations
    specimen = [content["profile"].specimen, *reader.specimen]
    return Content(**content, files=dict(files), version=snapshot_version(files),
                   specimen=tuple(dict.fromkeys(s for s in specimen if s)))


def snapshot_version(files: dict[str, bytes]) -> str:
    """The content version: a digest of every file, templates included."""
    digest = hashlib.sha256()
    for path, data in sorted(files.items()):
        digest.update(f"{path}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()[:12]


class _Reader:
    """Collects problems across files so one run reports all of them."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.problems: list[str] = []
        self.specimen: list[str] = []  # unset or example configuration
        self.regime_files: dict[str, str] = {}  # regime id -> the file that defines it

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

    def clauses(self, regime_ids: set[str]) -> list[schema.Clause]:
        clauses: list[schema.Clause] = []
        seen: dict[str, str] = {}
        for relative in sorted(p for p in self.files if CLAUSE_FILE.match(p)):
            clause = self.model(relative, schema.Clause)
            if clause is None:
                continue
            if clause.id in seen:
                self.problems.append(f"{relative}: id: {clause.id!r} already used by {seen[clause.id]}")
            unknown = sorted(set(clause.when.regime or ()) - regime_ids)
            if unknown and not any(p.startswith("regimes") for p in self.problems):
                self.problems.append(f"{relative}: when.regime: unknown regime {', '.join(unknown)}; "
                                     f"regimes are {', '.join(sorted(regime_ids))}")
            seen[clause.id] = relative
            clauses.append(clause)
        if not clauses and not self.problems:
            self.problems.append("clause_library: no clause files found")
        return clauses

    def regimes(self) -> dict[str, Regime]:
        regimes: dict[str, Regime] = {}
        for relative in sorted(p for p in self.files if REGIME_FILE.match(p)):
            regime = self.model(relative, Regime)
            if regime is None:
                continue
            if regime.id in regimes:
                self.problems.append(f"{relative}: id: {regime.id!r} already used by "
                                     f"{self.regime_files[regime.id]}")
            regimes[regime.id] = regime
            self.regime_files[regime.id] = relative
        self.problems += regime_problems(regimes, self.regime_files)
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


def _check_registry(registry, relative: str, problems: list[str]) -> None:
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
