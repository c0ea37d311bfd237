"""Put a translation's texts in place of the English; its gaps stay English, listed."""
from dataclasses import dataclass, replace

from ..content.annex_schema import Processing, Registry, Security
from ..content.clause_schema import Bullets, Clause
from ..content.layout import ContentError
from ..content.loader import Content
from ..content.regime_schema import Regime
from ..content.schema import Profile
from ..content.text_translations import FIELDS, replaced
from ..content.translation_status import LABEL_KEY, TEXT_KEY, Gap, dumped, review
from ..content.translations import ClauseTranslation, TextsTranslation, load_translation
from .french import french_spacing

_CACHE: dict[tuple, "Translated"] = {}


@dataclass(frozen=True)
class Translated:
    content: Content  # the clause and label texts in the language; each gap still in English
    gaps: tuple[Gap, ...]  # missing or stale: the parts a document may give in English only if asked
    reviewers: dict[str, str | None]  # clause id, or "label.", -> who reviewed its translation

    def reviewed(self, clause_ids) -> bool:
        """Whether every translation these clauses and the labels use names its reviewer."""
        english = {g.key for g in self.gaps}
        used = [cid for cid in clause_ids if cid not in english] + [LABEL_KEY, TEXT_KEY]
        return all(self.reviewers.get(key) for key in used)


def translate(content: Content, language: str) -> Translated:
    """The content with `language`'s texts in place; ContentError for a broken translation."""
    # The profile too: its configured values (signatory, contacts) come from the environment,
    # which the content version does not cover; and the registry, which announced changes
    # move on from the version's own.
    key = (content.profile.model_dump_json(), content.registry.model_dump_json(), content.specimen,
           content.version, language)
    if key not in _CACHE:
        if len(_CACHE) >= 32:
            _CACHE.clear()
        _CACHE[key] = _translate(content, language)
    return _CACHE[key]


def _translate(content: Content, language: str) -> Translated:
    translation = load_translation(content.files, language)
    gaps, problems = review(content, translation)
    if problems:
        raise ContentError(problems)
    english = {g.key for g in gaps}
    text = french_spacing if language == "fr" else str
    clauses = [c if c.id in english else _clause(c, translation.clauses[c.id], text)
               for c in content.clauses]
    done = translation.labels.labels
    labels = {key: text(done[key].text) if key in done and LABEL_KEY + key not in english else value
              for key, value in content.labels.items()}
    reviewers = {cid: t.reviewed_by for cid, t in translation.clauses.items()}
    reviewers[LABEL_KEY] = translation.labels.reviewed_by
    reviewers[TEXT_KEY] = translation.texts.reviewed_by
    texts = _texts(content, translation.texts, text)
    return Translated(replace(content, clauses=clauses, labels=labels, language=language, **texts),
                      tuple(gaps), reviewers)


def _texts(content: Content, done: TextsTranslation, text) -> dict:
    """The profile and regime models with each translated text in place of its English."""
    mapping = {t.en: text(t.text) for t in done.texts}
    data = dumped(content)
    for name, paths in FIELDS.items():
        for path in paths:
            data[name] = replaced(data[name], path, lambda _, s: mapping.get(s, s))
    return {"profile": Profile.model_validate(data["profile"]),
            "registry": Registry.model_validate(data["registry"]),
            "processing": Processing.model_validate(data["processing"]),
            "security": Security.model_validate(data["security"]),
            "regimes": {rid: Regime.model_validate(r) for rid, r in data["regimes"].items()}}


def _clause(english: Clause, translated: ClauseTranslation, text) -> Clause:
    paragraphs = [Bullets(bullets=[text(b) for b in p.bullets]) if isinstance(p, Bullets) else text(p)
                  for p in translated.paragraphs]
    return english.model_copy(update={"title": text(translated.title), "paragraphs": paragraphs})
