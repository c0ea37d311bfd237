"""The same DPA in English, French and Chinese, side by side (part of `make bench`).

Warm medians of assemble + render for each language and format, the page
count, and each language's time against the English one's (aim: Chinese
within 1.3x). A DPA's PDF lays out only its Cover Page once the Standard Terms
of its combination are cached, so the terms' own layout (what the first DPA of
a language pays) is timed apart. "PDF" is the same customer again, whose font
subsets the process has kept (render/font_subsets.py); "PDF new" is a customer
never seen, named in new characters (new hanzi in Chinese), whose faces are cut
again. The languages take turns within each round, so that a change in the
machine's load weighs on all three alike. A translation still missing parts is
measured with those parts in English, and the report says so.

    python bench/languages.py [--rounds N]    # this part of `make bench` alone
"""
import argparse
import io
import itertools
import json
import statistics
import time

from harness import REQUEST
from pypdf import PdfReader

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.compose import ALL_GAPS
from dpa_builder.assembly.context import Options
from dpa_builder.assembly.translate import translate
from dpa_builder.content.loader import load_content
from dpa_builder.generate import render
from dpa_builder.render.formats import pdf_templates
from dpa_builder.render.parts import terms_part
from dpa_builder.render.pdf import OPTIONS, laid_out
from dpa_builder.render.pdf_join import freeze
from dpa_builder.request import parse_request

LANGUAGES = ("en", "fr", "zh")
KINDS = ("docx", "pdf", "new", "terms")
LABELS = {"docx": "DOCX", "pdf": "PDF", "new": "PDF new", "terms": "terms"}
# Names of four hanzi each, never the same four: GB 2312's first-level (common) hanzi.
HANZI = "".join(bytes((row, cell)).decode("gb2312", "ignore")  # 5 cells of 0xD7 are unassigned
                for row in range(0xB0, 0xD8) for cell in range(0xA1, 0xFF))


def measure(rounds: int, request, content) -> dict:
    builders = {language: _builder(language, request, content) for language in LANGUAGES}
    samples: dict = {(language, kind): [] for language in LANGUAGES for kind in KINDS}
    for build in builders.values():
        for kind in KINDS:
            build(kind)  # the first render of a language pays its translation, fonts and terms
    for n in range(rounds):
        for language, build in builders.items():
            for kind in KINDS:
                if kind == "terms" and n % 2:
                    continue  # the terms take about as long as a whole DPA did: every other round
                start = time.perf_counter()
                build(kind)
                samples[language, kind].append(time.perf_counter() - start)
    return {language: {**{kind: statistics.median(samples[language, kind]) for kind in KINDS},
                       "pages": len(PdfReader(io.BytesIO(builders[language]("pdf"))).pages),
                       "gaps": 0 if language == "en" else len(translate(content, language).gaps)}
            for language in LANGUAGES}


def _new_customer(request, language: str, n: int):
    """The request for a customer whose name no earlier call used."""
    name = (HANZI[4 * n:4 * n + 4] + "科技有限公司" if language == "zh"
            else f"Customer {n} Robotics GmbH")
    return request.model_copy(update={"customer": request.customer.model_copy(
        update={"legal_name": name})})


def _builder(language: str, request, content):
    asked = request.model_copy(update={"language": language})
    options = Options() if language == "en" else Options(english_for=(ALL_GAPS,))
    html, css = pdf_templates(content)
    customers = itertools.count()

    def build(kind: str):
        if kind == "new":
            fresh = _new_customer(asked, language, next(customers))
            return render("pdf", assemble(fresh, content, options), content)
        document = assemble(asked, content, options)
        if kind == "terms":  # laid out, drawn and written, as the cache does once
            return freeze(laid_out(terms_part(document), html, css), **OPTIONS)
        return render(kind, document, content)
    return build


def report(results: dict) -> str:
    english = results["en"]
    lines = ["languages (warm medians, assemble + render, taking turns; ratio to English;",
             "          PDF: a DPA whose Standard Terms are cached; new: the same for a new customer;",
             "          terms: laying those out once):"]
    for language, r in results.items():
        note = f"   (translation incomplete: {r['gaps']} gaps, given in English)" if r["gaps"] else ""
        lines.append(f"  {language}  " + "   ".join(
            f"{LABELS[kind]} {r[kind] * 1000:7.1f} ms"
            f" ({r[kind] / english[kind]:.2f}x)" for kind in KINDS) + f"   {r['pages']} pages{note}")
    for kind in ("pdf", "new", "terms"):
        lines.append(f"  Chinese / English, {kind}: {results['zh'][kind] / english[kind]:.2f}x"
                     " (aim <= 1.3x)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    request = parse_request(json.loads(REQUEST.read_text(encoding="utf-8")))
    print(report(measure(args.rounds, request, load_content("helptal"))))


if __name__ == "__main__":
    main()
