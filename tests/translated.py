"""Stand-in translations for testing the machinery: every English text marked, Jinja kept.

`with_translation(content, "fr")` returns the content with a complete
translation (clauses, labels, profile and regime texts) written as files, as
legal would commit it; keyword arguments leave parts out, make them stale or
name a reviewer.
"""
import yaml

from dpa_builder.content.clause_schema import Bullets
from dpa_builder.content.loader import Content, content_from_files
from dpa_builder.content.text_translations import english_texts
from dpa_builder.content.translation_status import dumped
from dpa_builder.content.translations import FOLDER, labels_path, source_digest, texts_path

MARK = {"fr": "[FR] ", "zh": "[中文] "}


def clause_file(clause, language: str, version: int | None = None, reviewed_by=None) -> bytes:
    mark = MARK[language]
    paragraphs = [{"bullets": [mark + b for b in p.bullets]} if isinstance(p, Bullets) else mark + p
                  for p in clause.paragraphs]
    return _yaml({"id": clause.id, "source_version": version or clause.version,
                  "reviewed_by": reviewed_by, "title": mark + clause.title, "paragraphs": paragraphs})


def labels_file(content: Content, language: str, reviewed_by=None, stale=()) -> bytes:
    labels = {key: {"source": "00000000" if key in stale else source_digest(text),
                    "text": MARK[language] + text} for key, text in content.labels.items()}
    return _yaml({"reviewed_by": reviewed_by, "labels": labels})


def texts_file(content: Content, language: str, reviewed_by=None) -> bytes:
    texts = dict.fromkeys(text for _, text in english_texts(dumped(content)))
    return _yaml({"reviewed_by": reviewed_by,
                  "texts": [{"en": en, "text": MARK[language] + en} for en in texts]})


def with_translation(content: Content, language: str, missing=(), stale=(), reviewed_by=None,
                     stale_labels=(), extra: dict[str, bytes] | None = None) -> Content:
    """The content with this language's files replaced by a complete stand-in translation."""
    files = {path: data for path, data in content.files.items()
             if not path.startswith(f"{FOLDER}/{language}/")}
    for n, clause in enumerate(content.clauses):
        if clause.id not in missing:
            version = clause.version + 1 if clause.id in stale else None
            files[f"{FOLDER}/{language}/{n:02d}-{clause.id}.yaml"] = clause_file(
                clause, language, version, reviewed_by)
    files[labels_path(language)] = labels_file(content, language, reviewed_by, stale_labels)
    files[texts_path(language)] = texts_file(content, language, reviewed_by)
    files.update(extra or {})
    return content_from_files(content.profile.id, files)


def _yaml(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()
