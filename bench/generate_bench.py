"""`make bench`: the DPA against LibreOffice, and our engine against docxtpl, in one run.

1. The goal of issue 13 (bench/goal.py): a new customer's DPA, both files, recorded,
   through the running service and by a fresh `dpa generate`, against LibreOffice
   converting that DPA's DOCX to PDF in a running batch and in a fresh process.
2. The Standard Terms cache (bench/cache_bench.py): for every sample customer, the PDF
   laid out now, from memory and from disk must be the same bytes; miss and hit times;
   the cache's size for the content version.
3. The engine in one process, after a first render: our DOCX path (assembly + docxtpl +
   metadata + deterministic zip) against docxtpl alone rendering the same template from
   a ready context; our PDF path; what reusing loaded content saves per render.
4. The same DPA in English, French and Chinese side by side (bench/languages.py).

Medians and ratios; results in bench/results/generate.json.

    make bench            # or: python bench/generate_bench.py [--rounds N] [--batch N]
    python bench/goal.py [--rounds N] [--batch N]    # the goal alone
"""
import argparse
import io
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

import cache_bench  # bench/cache_bench.py: cached against uncached, and the cache's size
import goal  # bench/goal.py: the two ratios
import languages  # bench/languages.py: en, fr and zh side by side
from docxtpl import DocxTemplate
from harness import REQUEST, ROOT, soffice
from jinja2 import Environment, StrictUndefined

from dpa_builder.assembly.assemble import assemble
from dpa_builder.content.layout import DOCX_TEMPLATE
from dpa_builder.content.loader import load_content
from dpa_builder.generate import render
from dpa_builder.request import parse_request


def median_seconds(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def warm(rounds: int, request, content) -> dict:
    document = assemble(request, content)

    def docxtpl_alone():
        tpl = DocxTemplate(io.BytesIO(content.files[DOCX_TEMPLATE]))
        env = Environment(undefined=StrictUndefined, autoescape=True)  # docxtpl as documented
        tpl.render({"document": document}, env, autoescape=True)
        tpl.save(io.BytesIO())

    ours_docx = lambda: render("docx", assemble(request, content), content)  # noqa: E731
    ours_pdf = lambda: render("pdf", assemble(request, content), content)  # noqa: E731
    for fn in (docxtpl_alone, ours_docx, ours_pdf):
        fn()  # first render: imports, font discovery, template compilation
    return {
        "docxtpl_alone": median_seconds(docxtpl_alone, rounds),
        "ours_docx": median_seconds(ours_docx, rounds),
        "ours_pdf": median_seconds(ours_pdf, rounds),
        "assembly_only": median_seconds(lambda: assemble(request, content), rounds),
        "content_load": median_seconds(lambda: load_content("helptal"), rounds),
        "peak_rss_kib_in_process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def report(r: dict) -> str:
    ms = lambda s: f"{s * 1000:8.1f} ms"  # noqa: E731
    mib = lambda k: f"{k / 1024:6.0f} MiB"  # noqa: E731
    return "\n".join([
        "warm (one process, after a first render), medians:",
        f"  ours DOCX (assemble+render)  {ms(r['ours_docx'])}   (a) docxtpl alone {ms(r['docxtpl_alone'])}"
        f"   ratio {r['ours_docx'] / r['docxtpl_alone']:.2f}x  (aim <= 1.5x)",
        f"  ours PDF  (assemble+render)  {ms(r['ours_pdf'])}",
        "reuse between renders (same content version):",
        f"  content load + validation    {ms(r['content_load'])}  paid once per process, not per DPA",
        f"  assembly of one document     {ms(r['assembly_only'])}  (clause texts compiled once, cached)",
        f"  peak RSS of this process     {mib(r['peak_rss_kib_in_process'])}",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=4,
                        help="DPAs per round through the service; files per LibreOffice batch")
    args = parser.parse_args()
    program = soffice()
    content = load_content("helptal")
    request = parse_request(json.loads(REQUEST.read_text(encoding="utf-8")))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results["goal"] = goal.measure(program, work, args.rounds, args.batch)
        print(goal.report(results["goal"]), flush=True)
        results["cache"] = cache_bench.measure(content, work / "cache")
        print(cache_bench.report(results["cache"]), flush=True)
    results |= warm(args.rounds * 4, request, content)
    results["languages"] = languages.measure(args.rounds * 2, request, content)
    print(report(results))
    print(languages.report(results["languages"]))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "generate.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
