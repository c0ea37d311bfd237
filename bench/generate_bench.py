"""Time `dpa generate` for the Helptal DPA beside two baselines, in one run.

(a) docxtpl alone rendering the same template from a ready context (the
    assembled document), against our DOCX path (assembly + docxtpl + metadata
    + deterministic zip);
(b) LibreOffice converting the same DOCX to PDF, against our PDF path
    (assembly + WeasyPrint PDF/A-3b).

Warm: in one process after a first render; LibreOffice warm is the marginal
cost of one more file in a single `soffice --convert-to` run. Cold: a fresh
`dpa generate` process against a fresh LibreOffice process. Reports medians,
ratios and peak RSS, and what reusing loaded content saves per render; then the
same DPA in English, French and Chinese side by side (bench/languages.py).

    make bench            # or: python bench/generate_bench.py [--rounds N]
"""
import argparse
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import languages  # bench/languages.py: en, fr and zh side by side
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from dpa_builder.assembly.assemble import assemble
from dpa_builder.content.loader import DOCX_TEMPLATE, load_content
from dpa_builder.generate import render
from dpa_builder.request import parse_request

ROOT = Path(__file__).resolve().parents[1]
REQUEST = ROOT / "examples" / "request.json"


def median_seconds(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run_child(argv: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of a fresh process and its children."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{argv[0]} failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss


def soffice_convert(soffice: str, profile: Path, files: list[Path], out: Path) -> list[str]:
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(out), *map(str, files)]


def warm(rounds: int, request, content) -> dict:
    document = assemble(request, content)
    docx_bytes = render("docx", document, content)

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
    }, docx_bytes


def libreoffice(soffice: str, docx_bytes: bytes, rounds: int, work: Path) -> dict:
    profile, out = work / "lo-profile", work / "lo-out"
    files = []
    for i in range(rounds + 1):
        files.append(work / f"dpa-{i}.docx")
        files[-1].write_bytes(docx_bytes)
    run_child(soffice_convert(soffice, profile, files[:1], out))  # create the profile once
    cold = [run_child(soffice_convert(soffice, profile, files[:1], out)) for _ in range(rounds)]
    batch, _ = run_child(soffice_convert(soffice, profile, files, out))
    one = statistics.median(t for t, _ in cold)
    return {"lo_cold": one, "lo_warm": (batch - one) / rounds,
            "lo_peak_rss_kib": max(rss for _, rss in cold)}


def ours_cold(rounds: int, work: Path) -> dict:
    dpa = [sys.executable, "-m", "dpa_builder", "generate", "--request", str(REQUEST),
           "--out", str(work / "ours")]
    runs = {fmt: [run_child(dpa + ["--format", fmt]) for _ in range(rounds)] for fmt in ("docx", "pdf")}
    return {"ours_cold_docx": statistics.median(t for t, _ in runs["docx"]),
            "ours_cold_pdf": statistics.median(t for t, _ in runs["pdf"]),
            "ours_cold_peak_rss_kib": max(rss for _, rss in runs["pdf"])}


def report(r: dict) -> str:
    ms = lambda s: f"{s * 1000:8.1f} ms"  # noqa: E731
    mib = lambda k: f"{k / 1024:6.0f} MiB"  # noqa: E731
    return "\n".join([
        "warm (one process, after a first render), medians:",
        f"  ours DOCX (assemble+render)  {ms(r['ours_docx'])}   (a) docxtpl alone {ms(r['docxtpl_alone'])}"
        f"   ratio {r['ours_docx'] / r['docxtpl_alone']:.2f}x  (aim <= 1.5x)",
        f"  ours PDF  (assemble+render)  {ms(r['ours_pdf'])}   (b) LibreOffice   {ms(r['lo_warm'])}"
        f"   LibreOffice/ours {r['lo_warm'] / r['ours_pdf']:.2f}x  (aim >= 2x)",
        "cold (fresh processes), medians:",
        f"  ours `dpa generate` PDF      {ms(r['ours_cold_pdf'])}   (b) LibreOffice   {ms(r['lo_cold'])}"
        f"   LibreOffice/ours {r['lo_cold'] / r['ours_cold_pdf']:.2f}x  (aim >= 1.5x)",
        f"  ours `dpa generate` DOCX     {ms(r['ours_cold_docx'])}",
        "reuse between renders (same content version):",
        f"  content load + validation    {ms(r['content_load'])}  paid once per process, not per DPA",
        f"  assembly of one document     {ms(r['assembly_only'])}  (clause texts compiled once, cached)",
        "peak memory (RSS):",
        f"  ours in-process {mib(r['peak_rss_kib_in_process'])}"
        f"   ours cold PDF {mib(r['ours_cold_peak_rss_kib'])}"
        f"   LibreOffice {mib(r['lo_peak_rss_kib'])}",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice is needed for the baseline: run scripts/setup.sh")
    content = load_content("helptal")
    request = parse_request(json.loads(REQUEST.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results, docx_bytes = warm(args.rounds * 4, request, content)
        results |= libreoffice(soffice, docx_bytes, args.rounds, work)
        results |= ours_cold(args.rounds, work)
    results["languages"] = languages.measure(args.rounds * 2, request, content)
    print(report(results))
    print(languages.report(results["languages"]))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "generate.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
