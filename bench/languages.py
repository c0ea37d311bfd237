"""The same DPA in English, French and Chinese, side by side (part of `make bench`).

Warm medians of assemble + render for each language and format, the page
count, and each language's time against the English one's (aim: Chinese
within 1.3x). The languages take turns within each round, so that a change in
the machine's load weighs on all three alike. A translation still missing
parts is measured with those parts in English, and the report says so.
"""
import io
import statistics
import time

from pypdf import PdfReader

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.compose import ALL_GAPS
from dpa_builder.assembly.context import Options
from dpa_builder.assembly.translate import translate
from dpa_builder.generate import render

LANGUAGES = ("en", "fr", "zh")
FORMATS = ("docx", "pdf")


def measure(rounds: int, request, content) -> dict:
    builders = {language: _builder(language, request, content) for language in LANGUAGES}
    samples: dict = {(language, fmt): [] for language in LANGUAGES for fmt in FORMATS}
    for fmt in FORMATS:
        for build in builders.values():
            build(fmt)  # the first render of a language pays its translation and fonts once
    for _ in range(rounds):
        for language, build in builders.items():
            for fmt in FORMATS:
                start = time.perf_counter()
                build(fmt)
                samples[language, fmt].append(time.perf_counter() - start)
    return {language: {**{fmt: statistics.median(samples[language, fmt]) for fmt in FORMATS},
                       "pages": len(PdfReader(io.BytesIO(builders[language]("pdf"))).pages),
                       "gaps": 0 if language == "en" else len(translate(content, language).gaps)}
            for language in LANGUAGES}


def _builder(language: str, request, content):
    asked = request.model_copy(update={"language": language})
    options = Options() if language == "en" else Options(english_for=(ALL_GAPS,))
    return lambda fmt: render(fmt, assemble(asked, content, options), content)


def report(results: dict) -> str:
    english = results["en"]
    lines = ["languages (warm medians, assemble + render, taking turns; ratio to English):"]
    for language, r in results.items():
        note = f"   (translation incomplete: {r['gaps']} gaps, given in English)" if r["gaps"] else ""
        lines.append(
            f"  {language}  DOCX {r['docx'] * 1000:7.1f} ms ({r['docx'] / english['docx']:.2f}x)"
            f"   PDF {r['pdf'] * 1000:7.1f} ms ({r['pdf'] / english['pdf']:.2f}x)"
            f"   {r['pages']} pages{note}")
    lines.append(f"  Chinese PDF / English PDF {results['zh']['pdf'] / english['pdf']:.2f}x (aim <= 1.3x)")
    return "\n".join(lines)
