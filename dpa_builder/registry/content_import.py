"""Store the content folders' files as a published version: explicitly, logged, never on a read.

The first version of each profile is imported when the database is migrated
(`migrated_app`); later ones by `dpa content import`. An import never replaces
what legal published on the web since the last import unless told to.
"""
import logging
from dataclasses import dataclass

from ..content.loader import (
    Content,
    ContentError,
    available_profiles,
    content_from_files,
    profile_files,
    snapshot_version,
)
from . import service

log = logging.getLogger(__name__)
log.setLevel(logging.INFO)  # every import is worth a line in the service's log, whatever the default
_parsed: dict[tuple[str, str], Content] = {}  # (profile, version) -> content, once per process


class NewerPublished(Exception):
    """Legal published on the web since the last import; importing would replace it."""


@dataclass(frozen=True)
class Imported:
    profile: str
    version: str
    published: bool  # False: that version was already current

    def __str__(self) -> str:
        state = "published" if self.published else "already current"
        return f"{self.profile}: content version {self.version} {state}"


def import_content(profile: str, note: str, replace_newer: bool = False) -> Imported:
    """Publish the profile's files from the content folders unless that version is current."""
    content = _load(profile)  # ContentError names every problem
    current = service.latest_publication(profile)
    if current is not None and current.version_id == content.version:
        return Imported(profile, content.version, published=False)
    if current is not None and current.published_by is not None and not replace_newer:
        raise NewerPublished(
            f"{profile}: legal published version {current.version_id} on "
            f"{current.published_at:%Y-%m-%d} ({current.note!r}) after the last import; "
            f"bring those edits into the content folders first, or pass --replace-newer")
    service.publish(profile, content.files, user_id=None, note=note, content=content)
    log.info("imported %s content version %s: %s", profile, content.version, note)
    return Imported(profile, content.version, published=True)


def _load(profile: str) -> Content:
    """The folders' content, validated once per version: every test database imports it."""
    files = profile_files(profile)
    key = (profile, snapshot_version(files))
    if key not in _parsed:
        _parsed[key] = content_from_files(profile, files)
    return _parsed[key]


def import_first_versions() -> list[str]:
    """Import each profile that has no content yet; return the problems of those that fail.

    A profile whose files do not load (an unset setting, say) stays unpublished: its
    pages say so, and `dpa content import` names the problem.
    """
    problems = []
    for profile in available_profiles():
        if service.latest_publication(profile) is not None:
            continue
        try:
            import_content(profile, note="first content version, imported at migration")
        except ContentError as exc:
            problems += exc.problems
            log.warning("%s content not imported: %s", profile, "; ".join(exc.problems))
    return problems
