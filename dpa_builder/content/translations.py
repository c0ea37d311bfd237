"""Translations of the clause library, each tied to the English text it translates.

clause_library/translations/<lang>/<NN-id>.yaml mirrors one English clause file
and records the clause version it translates; translations/<lang>/labels.yaml
holds the labels, each with a digest of its English text (labels have no
version); translations/<lang>/texts.yaml the profile and regime texts a DPA
quotes, each beside its English (text_translations.py). Each file records who
reviewed it: null until a person has.
"""
import hashlib
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, field_validator

from .clause_schema import Bullets, Clause, Paragraph
from .layout import ContentError
from .reader import Reader
from .schema import Strict, Text

LANGUAGES = {"fr": "French", "zh": "Chinese (Simplified)"}
FOLDER = "clause_library/translations"
_CLAUSE_FILE = re.compile(rf"^{FOLDER}/(?P<lang>[a-z]+)/[0-9][^/]*\.yaml$")
Reviewer = Annotated[str, Field(min_length=1)] | None  # required: null until reviewed


def source_digest(english: str) -> str:
    """What a label translation records of its English text: its SHA-256, shortened."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:8]


class ClauseTranslation(Strict):
    id: str = Text
    source_version: int = Field(ge=1)
    reviewed_by: Reviewer
    title: str = Text
    paragraphs: list[Paragraph] = Field(min_length=1)


class LabelTranslation(Strict):
    source: str = Field(pattern=r"^[0-9a-f]{8}$")
    text: str = Text


class LabelsTranslation(Strict):
    reviewed_by: Reviewer
    labels: dict[str, LabelTranslation]


class TextTranslation(Strict):
    en: str = Text  # the English text, exactly as the profile or regime file has it
    text: str = Text


class TextsTranslation(Strict):
    reviewed_by: Reviewer
    texts: list[TextTranslation]

    @field_validator("texts")
    @classmethod
    def _each_english_once(cls, texts: list[TextTranslation]) -> list[TextTranslation]:
        seen = [t.en for t in texts]
        twice = sorted({en[:60] for en in seen if seen.count(en) > 1})
        if twice:
            raise ValueError(f"translated twice: {twice}")
        return texts


@dataclass(frozen=True)
class Translation:
    """One language's translation files, validated; clauses by the English clause id."""

    language: str
    clauses: dict[str, ClauseTranslation]
    paths: dict[str, str]  # clause id -> its translation file
    labels: LabelsTranslation
    texts: TextsTranslation  # profile and regime texts (text_translations.py)

    @property
    def labels_path(self) -> str:
        return labels_path(self.language)


def labels_path(language: str) -> str:
    return f"{FOLDER}/{language}/labels.yaml"


def texts_path(language: str) -> str:
    return f"{FOLDER}/{language}/texts.yaml"


def load_translation(files: dict[str, bytes], language: str) -> Translation:
    """Read one language's files from a content snapshot; ContentError names file and field."""
    reader = Reader(files)
    clauses: dict[str, ClauseTranslation] = {}
    paths: dict[str, str] = {}
    for path in sorted(p for p in files if (m := _CLAUSE_FILE.match(p)) and m["lang"] == language):
        clause = reader.model(path, ClauseTranslation)
        if clause is not None and clause.id in paths:
            reader.problems.append(f"{path}: id: {clause.id!r} already translated in {paths[clause.id]}")
        elif clause is not None:
            clauses[clause.id], paths[clause.id] = clause, path
    path = labels_path(language)
    labels = (reader.model(path, LabelsTranslation) if path in files
              else LabelsTranslation(reviewed_by=None, labels={}))
    path = texts_path(language)
    texts = (reader.model(path, TextsTranslation) if path in files
             else TextsTranslation(reviewed_by=None, texts=[]))
    if reader.problems:
        raise ContentError(reader.problems)
    return Translation(language, clauses, paths, labels, texts)


def same_shape(english: Clause, translated: ClauseTranslation) -> str:
    """Why a translation's paragraphs do not mirror the English ones ('' when they do)."""
    if len(english.paragraphs) != len(translated.paragraphs):
        return (f"has {len(translated.paragraphs)} paragraphs; "
                f"English version {english.version} has {len(english.paragraphs)}")
    for index, (a, b) in enumerate(zip(english.paragraphs, translated.paragraphs)):
        if _bullet_count(a) != _bullet_count(b):
            return f"paragraphs[{index}] does not match the English paragraph in kind or bullet count"
    return ""


def _bullet_count(paragraph: Paragraph) -> int:
    """-1 for a plain paragraph, else its number of bullets."""
    return len(paragraph.bullets) if isinstance(paragraph, Bullets) else -1
