"""The same DPA in English, French and Chinese, side by side (part of `make bench`).

Warm medians of assemble + render for each language and format, the page
count, and each language's time against the English one's (aim: Chinese
within 1.3x). A translation still missing parts is measured with those parts in
English, and the report says so.
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


def _median(fn, rounds: int) -> float:
    fn()  # the first render of a language pays its translation and fonts once
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(rounds: int, request, content) -> dict:
    return {language: _language(language, rounds, request, content) for language in LANGUAGES}


def _language(language: str, rounds: int, request, content) -> dict:
    asked = request.model_copy(update={"language": language})
    english = language == "en"
    options = Options() if english else Options(english_for=(ALL_GAPS,))

    def build(fmt: str) -> bytes:
        return render(fmt, assemble(asked, content, options), content)

    return {"docx": _median(lambda: build("docx"), rounds), "pdf": _median(lambda: build("pdf"), rounds),
            "pages": len(PdfReader(io.BytesIO(build("pdf"))).pages),
            "gaps": 0 if english else len(translate(content, language).gaps)}


def report(results: dict) -> str:
    english = results["en"]
    lines = ["languages (warm medians, assemble + render; ratio to English):"]
    for language, r in results.items():
        note = f"   (translation incomplete: {r['gaps']} gaps, given in English)" if r["gaps"] else ""
        lines.append(
            f"  {language}  DOCX {r['docx'] * 1000:7.1f} ms ({r['docx'] / english['docx']:.2f}x)"
            f"   PDF {r['pdf'] * 1000:7.1f} ms ({r['pdf'] / english['pdf']:.2f}x)"
            f"   {r['pages']} pages{note}")
    lines.append(f"  Chinese PDF / English PDF {results['zh']['pdf'] / english['pdf']:.2f}x (aim <= 1.3x)")
    return "\n".join(lines)
