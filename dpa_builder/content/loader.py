"""Load and validate the content legal owns, naming file, entry and field on error."""
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .annex_schema import Integration, Integrations, Processing, Registry, Security, registry_problems
from .clause_schema import Clause
from .layout import LABELS_FILE, REPO_ROOT, TEMPLATE_FILES, ContentError
from .reader import Reader
from .regime_schema import Regime
from .schema import Profile


@dataclass(frozen=True)
class Content:
    """Everything one processor profile's documents are built from."""

    profile: Profile
    registry: Registry
    integrations: list[Integration]
    processing: Processing
    security: Security
    clauses: list[Clause]
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
    reader = Reader(files)
    annexes = f"annexes/{profile}"
    content = dict(
        profile=reader.model(f"{annexes}/profile.yaml", Profile),
        registry=reader.model(f"{annexes}/registry.yaml", Registry),
        integrations=reader.model(f"{annexes}/integrations.yaml", Integrations),
        processing=reader.model(f"{annexes}/processing.yaml", Processing),
        security=reader.model(f"{annexes}/security.yaml", Security),
        labels=reader.labels(LABELS_FILE),
        regimes=reader.regimes(),
    )
    content["clauses"] = reader.clauses(set(content["regimes"]))
    reader.problems += registry_problems(content["registry"], f"{annexes}/registry.yaml")
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
