"""Where a translation falls short of the English: missing and stale parts, and broken files.

A gap (missing or stale) is not an error in the content: the English is
complete, and a translated DPA refuses the gap unless told to give that part in
English. A problem (a translation of something the English no longer has, or
one whose paragraphs no longer mirror the English it claims to translate) is
an error legal must fix.
"""
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

from .layout import LABELS_FILE
from .loader import Content
from .reader import CLAUSE_FILE, SAFE_LOADER
from .text_translations import english_texts, text_key
from .translations import FOLDER, Translation, same_shape, source_digest, texts_path

LABEL_KEY = "label."  # a label's key in gaps and in --english-for, beside clause ids
TEXT_KEY = "text."  # a profile or regime text's (text_translations.text_key)
PREVAILING = "prevailing_language_"  # + the language: its prevailing-language clause


@dataclass(frozen=True)
class Gap:
    key: str  # what --english-for names: a clause id, "label.<id>" or "text.<digest>"
    where: str  # the translation file that should hold it
    kind: str  # "missing" or "stale"
    detail: str

    def line(self) -> str:
        return f"{self.where}: {self.key}: {self.kind}: {self.detail}"

    @property
    def clause(self) -> bool:
        """A clause's gap matters only to DPAs with that clause; a label's or text's to all."""
        return "." not in self.key


def review(content: Content, translation: Translation) -> tuple[list[Gap], list[str]]:
    """The gaps of one translation against the content's English, and its problems."""
    gaps, problems = _clause_gaps(content, translation)
    label_gaps, label_problems = _label_gaps(content, translation)
    return gaps + label_gaps + _text_gaps(content, translation), problems + label_problems


def _english_files(content: Content) -> dict[str, str]:
    """Clause id -> the English clause file, for naming the translation file to write."""
    return {yaml.load(data, Loader=SAFE_LOADER)["id"]: path for path, data in content.files.items()
            if CLAUSE_FILE.match(path)}


def _clause_gaps(content: Content, translation: Translation) -> tuple[list[Gap], list[str]]:
    gaps, problems, files = [], [], _english_files(content)
    folder = f"{FOLDER}/{translation.language}"
    for clause in content.clauses:
        done = translation.clauses.get(clause.id)
        where = translation.paths.get(clause.id) or f"{folder}/{PurePosixPath(files[clause.id]).name}"
        if done is None:
            gaps.append(Gap(clause.id, where, "missing",
                            f"no translation of {files[clause.id]} (version {clause.version})"))
        elif done.source_version != clause.version:
            gaps.append(Gap(clause.id, where, "stale", f"translates version {done.source_version}; "
                            f"the English is version {clause.version}"))
        elif shape := same_shape(clause, done):
            problems.append(f"{where}: paragraphs: {shape}")
    english = {c.id for c in content.clauses}
    problems += [f"{translation.paths[cid]}: id: {cid!r} is no English clause; delete this translation"
                 for cid in translation.clauses if cid not in english]
    return gaps, problems


def _label_gaps(content: Content, translation: Translation) -> tuple[list[Gap], list[str]]:
    gaps, where, done = [], translation.labels_path, translation.labels.labels
    for key, english in content.labels.items():
        if key.startswith(PREVAILING) and key != PREVAILING + translation.language:
            continue  # another language's clause: never shown in this one's DPA
        digest = source_digest(english)
        if key not in done:
            gaps.append(Gap(LABEL_KEY + key, where, "missing",
                            f"no translation of {LABELS_FILE}: {key} (source {digest})"))
        elif done[key].source != digest:
            gaps.append(Gap(LABEL_KEY + key, where, "stale", f"translates source {done[key].source}; "
                            f"the English is now source {digest}"))
    problems = [f"{where}: labels.{key}: no such English label; delete this translation"
                for key in done if key not in content.labels]
    return gaps, problems


def _text_gaps(content: Content, translation: Translation) -> list[Gap]:
    """Each profile or regime text with no translation: new, or changed since translated."""
    done = {t.en for t in translation.texts.texts}
    where = texts_path(translation.language)
    found = dict((text, at) for at, text in english_texts(dumped(content)))
    return [Gap(text_key(text), where, "missing", f"no translation of {at} (new, or changed since "
                f"translated): {text[:70]!r}") for text, at in found.items() if text not in done]


def dumped(content: Content) -> dict:
    """The content's translatable models as plain data, for text_translations' paths."""
    return {"profile": content.profile.model_dump(), "registry": content.registry.model_dump(),
            "processing": content.processing.model_dump(), "security": content.security.model_dump(),
            "regimes": {rid: r.model_dump() for rid, r in content.regimes.items()}}
