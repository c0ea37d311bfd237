"""The Standard Terms caches, measured (part of `make bench`).

For every sample customer of one content version (each regime's countries, both roles,
AI features on and off): the PDF laid out with an empty cache, again from memory, and again
from disk in a process that has never seen it (a new cache object on the same folder); the
DOCX with its terms made now and again from memory. Each format's renders must be the same
bytes. Reports how long a miss and a hit take, how many combinations the content version
has and each cache's size for it on disk and in memory.
"""
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from dpa_builder.assembly.assemble import assemble
from dpa_builder.assembly.samples import sample_request, variants
from dpa_builder.generate import render
from dpa_builder.render import docx_terms, pdf
from dpa_builder.render.kept import Kept
from dpa_builder.render.terms_cache import MEMORY_ITEMS, TermsCache


def _timed(fn) -> tuple[float, bytes]:
    start = time.perf_counter()
    data = fn()
    return time.perf_counter() - start, data


def measure(content, folder: Path) -> dict:
    """Fill a fresh cache in `folder` with every combination, checking bytes on the way."""
    caches = [TermsCache(folder)]
    pdf.terms_cache = lambda: caches[-1]  # this run's cache, as a new process would make it
    medians, differ = _sampled(content, "pdf", {
        "miss": lambda: None, "memory": lambda: None,
        "disk": lambda: caches.append(TermsCache(folder))})
    files = list((folder / content.version).glob("*.terms"))
    return {"combinations": len(variants(content)), "differ": differ, "medians": medians,
            "files": len(files), "bytes": sum(f.stat().st_size for f in files),
            "largest": max(f.stat().st_size for f in files), "version": content.version,
            "docx": _docx(content)}


def _docx(content) -> dict:
    """The DOCX's kept terms: made now against kept, and the memory they take."""
    docx_terms.KEPT = Kept(len(variants(content)))
    medians, differ = _sampled(content, "docx", {"miss": lambda: None, "memory": lambda: None})
    sizes = [len(terms.xml) for terms in docx_terms.KEPT.values()]
    return {"differ": differ, "kept": len(sizes), "medians": medians,
            "kib_each": sum(sizes) / 1024 / max(len(sizes), 1)}


def _sampled(content, fmt: str, passes: dict[str, Callable[[], object]]) -> tuple[dict, list]:
    """Each sample customer's file rendered once per pass, after the pass's set-up: each
    pass's median, and the customers whose files differ between passes."""
    times: dict[str, list[float]] = {name: [] for name in passes}
    differ = []
    for country, role, ai in variants(content):
        document = assemble(sample_request(country, role, ai), content)
        files = set()
        for name, set_up in passes.items():
            set_up()
            seconds, data = _timed(lambda: render(fmt, document, content))  # noqa: B023
            times[name].append(seconds)
            files.add(data)
        if len(files) > 1:
            differ.append(f"{country} {role} ai={ai}")
    return {name: statistics.median(values) for name, values in times.items()}, differ


def report(r: dict) -> str:
    ms = lambda s: f"{s * 1000:6.0f} ms"  # noqa: E731
    same, d = _same(r["differ"]), r["docx"]
    return "\n".join([
        f"standard terms cache, content version {r['version']}, {r['combinations']} sample "
        "customers (every regime's countries x role x AI features):",
        f"  cached against uncached PDFs (laid out now / from memory / from disk): {same}",
        f"  PDF with the terms laid out now {ms(r['medians']['miss'])}, from memory "
        f"{ms(r['medians']['memory'])}, from disk {ms(r['medians']['disk'])} (medians)",
        f"  size: {r['files']} combinations, {r['bytes'] / 1024 / 1024:.1f} MiB on disk for this "
        f"content version (largest {r['largest'] / 1024:.0f} KiB); in memory about the same, "
        f"at most {MEMORY_ITEMS} combinations per process",
        f"  DOCX terms made now against kept: {_same(d['differ'])}; DOCX with the terms made now "
        f"{ms(d['medians']['miss'])}, kept {ms(d['medians']['memory'])} (medians)",
        f"  size: {d['kept']} combinations kept in memory, {d['kib_each']:.0f} KiB each on "
        f"average, at most {docx_terms.KEPT_ITEMS} per process (not on disk: made again in "
        f"{ms(d['medians']['miss'] - d['medians']['memory'])})",
    ])


def _same(differ: list[str]) -> str:
    return "all the same bytes" if not differ else f"DIFFERENT: {', '.join(differ)}"
