"""`dpa check` for translations: gaps to report, problems to fix, every sample in each language.

Gaps (missing or stale parts) are reported, not failed: the English is
complete, and a translated DPA refuses a gap it uses unless asked to give that
part in English, so an English edit need not wait for its translators.
`dpa check --strict-translations` fails on them too. Problems (a broken
translation file, a translated text that does not render) always fail.
"""
from .assembly.assemble import assemble
from .assembly.context import Options
from .content.layout import ContentError
from .content.loader import Content
from .content.translation_status import review
from .content.translations import LANGUAGES, load_translation
from .field_errors import FieldErrors

# Every part in English where a translation lacks it, and both languages set together.
_SAMPLE_OPTIONS = Options(english_for=("all",), bilingual=True)


def translation_gaps(content: Content) -> list[str]:
    """Each missing or stale part of each language, one line each."""
    lines = []
    for language in LANGUAGES:
        try:
            lines += [gap.line() for gap in review(content, load_translation(content.files, language))[0]]
        except ContentError:
            continue  # a broken file is one of translation_problems()
    return lines


def translation_problems(profile: str, content: Content, samples: list) -> list[str]:
    """Broken translation files, then every sample request assembled in each language."""
    problems = []
    for language in LANGUAGES:
        try:
            found = review(content, load_translation(content.files, language))[1]
        except ContentError as exc:
            found = exc.problems
        problems += found or _assemble_all(profile, content, language, samples)
    return problems


def _assemble_all(profile: str, content: Content, language: str, samples: list) -> list[str]:
    problems = []
    for request in samples:
        request = request.model_copy(update={"language": language})
        try:
            assemble(request, content, _SAMPLE_OPTIONS)
        except (ContentError, FieldErrors) as exc:
            variant = f"{request.customer.country}/{request.role}/ai={request.ai_features}"
            problems.append(f"{profile}: sample {variant} in {language}: {exc}")
    return problems
