"""Load the customer form through gunicorn on loopback; check no DPA is lost.

Starts `gunicorn -w 2 -b 127.0.0.1:<free port> wsgi:app` on a fresh instance
folder (SQLite there by default; the PostgreSQL database named by
DPA_BENCH_DATABASE_URL if set) with the demo configuration and the rate limit
raised out of the way. Then, in one run:

1. warm-up: one submission per worker, not counted in the latencies;
2. single: one client, sequential submissions: the latency of one request on
   an idle server;
3. load: 20 concurrent clients (a thread and a requests.Session each), each
   doing N rounds of GET / -> read the CSRF token -> POST the form with a
   distinct company name -> follow the redirect to /documents/<id>.

Reports throughput, p50/p95 latencies, errors, and compares the load p95 with
the single latency: under fair queueing, 20 clients on 2 workers wait about
single x 20 / 2, so p95 / (single x 20 / 2) near 1 means no added overhead.
A submission's latency is POST / plus the redirected GET of its summary, as a
browser sees it; with sync workers that GET queues behind other clients'
POSTs, so "POST alone" (to the redirect) is reported too. Server CPU per DPA
and the load average before the run tell whether other work skewed it.
Finally counts this run's rows in document_records, which must equal the
successful submissions (none lost, none doubled). Writes
bench/results/load.json; exits 1 on a lost record or any error.

Only loopback traffic; every loop is bounded in count and in time.

    make bench-load                # SQLite
    make bench-load-pg             # a throwaway PostgreSQL (scripts/with-postgres.sh)
    python bench/load_bench.py --clients 20 --rounds 3 --single 5
"""
import argparse
import json
import math
import os
import re
import resource
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests
from harness import demo_environment, free_port
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DOCUMENT_PATH = re.compile(r"^/documents/[^/]+$")
CSRF_INPUT = re.compile(r'<input[^>]*\bname="csrf_token"[^>]*>')
VALUE = re.compile(r'\bvalue="([^"]*)"')


# --- the server ------------------------------------------------------------

def server_environment(instance: Path, database_url: str, port: int) -> dict:
    env = demo_environment()
    env.update({
        "DPA_INSTANCE_DIR": str(instance),
        "DPA_DATABASE_URL": database_url,
        "DPA_STORAGE_DIR": str(instance / "documents"),
        "DPA_SECRET_KEY": secrets.token_urlsafe(32),  # shared by both workers
        "DPA_RATE_LIMIT": "1000000 per minute",
        "DPA_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def migrate(env: dict) -> None:
    code = "from dpa_builder.app import migrated_app\nmigrated_app()\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"migration failed:\n{result.stderr[-2000:]}")


class Gunicorn:
    def __init__(self, env: dict, port: int, workers: int, log: Path):
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
             "--graceful-timeout", "10", "wsgi:app"],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log.open("wb"),
            stderr=subprocess.STDOUT)

    def wait_ready(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.proc.returncode}):\n{self.tail()}")
            try:
                if requests.get(self.url + "/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn not ready after {seconds:.0f} s:\n{self.tail()}")

    def tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


# --- the clients -----------------------------------------------------------

def form_data(company: str, token: str) -> dict:
    """The customer form's fields (dpa_builder/customer/forms.py), as a browser posts them."""
    return {
        "csrf_token": token,
        "legal_name": company, "address": "Musterstraße 1, 10115 Berlin", "country": "DE",
        "registration_number": "HRB 12345", "contact_name": "Erika Mustermann",
        "contact_email": "privacy@acme.example", "signatory_name": "Jane Doe",
        "signatory_title": "CEO", "signatory_email": "jane@acme.example", "role": "controller",
        "workspace": "acme", "language": "en", "effective_date": "2026-12-01", "authorised": "y",
    }


def csrf_token(page: str) -> str | None:
    tag = CSRF_INPUT.search(page)
    value = tag and VALUE.search(tag.group(0))
    return value.group(1) if value else None


@dataclass
class Tally:
    submit: list = field(default_factory=list)  # seconds: POST + redirect + summary page
    post: list = field(default_factory=list)  # seconds: the POST alone, to its redirect
    get_form: list = field(default_factory=list)  # seconds: GET /
    ok: list = field(default_factory=list)  # company names issued (redirected to a record)
    attempted: int = 0
    requests: int = 0
    errors: dict = field(default_factory=dict)
    examples: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str, detail: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1
            if len(self.examples) < 5:
                self.examples.append(f"{kind}: {detail[:200]}")


def submit_once(session: requests.Session, url: str, company: str, tally: Tally,
                timeout: float) -> None:
    """GET / -> CSRF token -> POST / -> follow the redirect to /documents/<id>."""
    with tally.lock:
        tally.attempted += 1
    try:
        start = time.perf_counter()
        page = session.get(url + "/", timeout=timeout)
        got = time.perf_counter()
        with tally.lock:
            tally.requests += 1
            tally.get_form.append(got - start)
        if page.status_code != 200:
            return tally.error(f"GET / {page.status_code}", page.text)
        token = csrf_token(page.text)
        if not token:
            return tally.error("no CSRF token", page.text)
        start = time.perf_counter()
        response = session.post(url + "/", data=form_data(company, token), timeout=timeout)
        elapsed = time.perf_counter() - start
        with tally.lock:
            tally.requests += 1 + len(response.history)
        redirected = response.history and response.history[0].status_code in (302, 303)
        if not redirected:
            return tally.error(f"POST / {response.status_code}", response.text)
        if response.status_code != 200 or not DOCUMENT_PATH.match(urlsplit(response.url).path):
            return tally.error(f"summary {response.status_code}", response.url)
        with tally.lock:
            tally.submit.append(elapsed)
            tally.post.append(response.history[0].elapsed.total_seconds())
            tally.ok.append(company)
    except requests.RequestException as exc:
        tally.error(type(exc).__name__, str(exc))


def run_clients(url: str, prefix: str, clients: int, rounds: int, max_seconds: float,
                timeout: float) -> tuple[Tally, float]:
    """`clients` threads, each `rounds` submissions; no round starts after max_seconds."""
    tally = Tally()
    start_line = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(number: int) -> None:
        with requests.Session() as session:
            start_line.wait()
            for round_ in range(rounds):
                if time.monotonic() > deadline[0]:
                    break
                submit_once(session, url, f"{prefix} c{number:02d} r{round_:03d} GmbH", tally,
                            timeout)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    deadline[0] = time.monotonic() + max_seconds
    start = time.perf_counter()
    start_line.wait()
    for thread in threads:
        thread.join(timeout=max_seconds + 2 * timeout + 30)
    return tally, time.perf_counter() - start


# --- figures ---------------------------------------------------------------

def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least p% at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else float("nan")


def records_of_run(database_url: str, prefix: str) -> dict[str, int]:
    """Company name -> rows in document_records, for this run's companies."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT company, count(*) FROM document_records WHERE company LIKE :prefix "
                "GROUP BY company"), {"prefix": prefix + " %"}).all()
    finally:
        engine.dispose()
    return {company: n for company, n in rows}


def engine_times() -> dict:
    path = RESULTS / "generate.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text())
    return {key: data[key] for key in ("ours_docx", "ours_pdf") if key in data}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="submissions per client")
    parser.add_argument("--single", type=int, default=5, help="sequential single-client submissions")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=300,
                        help="no new round starts after this (load phase)")
    parser.add_argument("--timeout", type=float, default=120, help="per HTTP request")
    args = parser.parse_args()
    if not (1 <= args.clients <= 200 and 1 <= args.rounds <= 1000 and 1 <= args.single <= 1000):
        parser.error("clients 1..200, rounds and single 1..1000")

    bench_db = os.environ.get("DPA_BENCH_DATABASE_URL")
    prefix = f"LoadBench {secrets.token_hex(4)}"
    with tempfile.TemporaryDirectory(prefix="dpa-load-") as tmp:
        instance = Path(tmp) / "instance"
        instance.mkdir()
        database_url = bench_db or f"sqlite:///{instance / 'dpa.sqlite3'}"
        kind = "postgresql" if database_url.startswith("postgresql") else "sqlite"
        port = free_port()
        env = server_environment(instance, database_url, port)
        migrate(env)
        loadavg = os.getloadavg()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        self_before = resource.getrusage(resource.RUSAGE_SELF)
        server = Gunicorn(env, port, args.workers, Path(tmp) / "gunicorn.log")
        try:
            server.wait_ready()
            print(f"gunicorn -w {args.workers} on {server.url} ({kind}); warming up", flush=True)
            warm, _ = run_clients(server.url, prefix + " warm", args.workers, 1, args.max_seconds,
                                  args.timeout)
            single, _ = run_clients(server.url, prefix + " single", 1, args.single,
                                    args.max_seconds, args.timeout)
            print(f"single client: {len(single.ok)} submissions; load: {args.clients} clients x "
                  f"{args.rounds} rounds", flush=True)
            load, wall = run_clients(server.url, prefix + " load", args.clients, args.rounds,
                                     args.max_seconds, args.timeout)
        finally:
            server.stop()
        # Gunicorn and its workers, once reaped, count as our children.
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        server_cpu = (children.ru_utime + children.ru_stime
                      - children_before.ru_utime - children_before.ru_stime)
        own = resource.getrusage(resource.RUSAGE_SELF)
        client_cpu = own.ru_utime + own.ru_stime - self_before.ru_utime - self_before.ru_stime
        stored = records_of_run(database_url, prefix)
        server_log = server.tail()

    issued = {*warm.ok, *single.ok, *load.ok}
    errors = {k: warm.errors.get(k, 0) + single.errors.get(k, 0) + load.errors.get(k, 0)
              for k in {*warm.errors, *single.errors, *load.errors}}
    single_submit = statistics.median(single.submit) if single.submit else float("nan")
    p50, p95 = percentile(load.submit, 50), percentile(load.submit, 95)
    fair = single_submit * args.clients / args.workers
    engine = engine_times()
    results = {
        "database": kind, "workers": args.workers, "clients": args.clients, "rounds": args.rounds,
        "load_wall_s": wall, "load_ok": len(load.ok), "load_attempted": load.attempted,
        "throughput_dpa_per_s": len(load.ok) / wall, "throughput_http_per_s": load.requests / wall,
        "submit_p50_s": p50, "submit_p95_s": p95, "submit_max_s": max(load.submit, default=None),
        "post_p50_s": percentile(load.post, 50), "post_p95_s": percentile(load.post, 95),
        "single_post_median_s": statistics.median(single.post) if single.post else None,
        "get_form_p50_s": percentile(load.get_form, 50), "get_form_p95_s": percentile(load.get_form, 95),
        "single_submit_median_s": single_submit, "single_submit_samples": single.submit,
        "single_get_form_median_s": statistics.median(single.get_form) if single.get_form else None,
        "throughput_over_ideal": len(load.ok) / wall / (args.workers / single_submit),
        "server_cpu_s": server_cpu, "server_cpu_per_dpa_s": server_cpu / max(1, len(issued)),
        "client_cpu_s": client_cpu, "loadavg_before": loadavg, "cpus": os.cpu_count(),
        "p95_over_fair_share": p95 / fair, "p95_over_single": p95 / single_submit,
        "engine_s": engine, "errors": errors, "error_examples": warm.examples + single.examples
        + load.examples, "issued_ok": len(issued), "rows": sum(stored.values()),
        # issued (redirected to its record) but not in the table:
        "lost": len(issued - stored.keys()),
        # in the table but the client saw an error (e.g. a time-out after the commit):
        "unconfirmed": len(stored.keys() - issued),
        "duplicated": sum(n - 1 for n in stored.values()),
    }

    ms = lambda s: f"{s * 1000:7.0f} ms"  # noqa: E731
    lines = [
        f"load: {args.clients} clients x {args.rounds} rounds, gunicorn -w {args.workers}, {kind}",
        f"  submissions ok {len(load.ok)} of {load.attempted}, errors "
        f"{sum(load.errors.values())}" + (f" {load.errors}" if load.errors else ""),
        f"  throughput     {results['throughput_dpa_per_s']:.2f} DPAs/s "
        f"({results['throughput_http_per_s']:.2f} HTTP requests/s) over {wall:.1f} s; "
        f"{results['throughput_over_ideal']:.2f} of {args.workers} workers / single "
        f"(aim >= 5 DPAs/s on 2 cores: {'met' if results['throughput_dpa_per_s'] >= 5 else 'not met'})",
        f"  submit latency p50 {ms(p50)}   p95 {ms(p95)}   max {ms(results['submit_max_s'] or 0)}"
        f"   (POST / + redirect + summary page; aim p95 <= 3 s: {'met' if p95 <= 3 else 'not met'})",
        f"  POST alone     p50 {ms(results['post_p50_s'])}   p95 {ms(results['post_p95_s'])}"
        "   (to the redirect; the summary GET queues behind other clients' POSTs)",
        f"  GET / latency  p50 {ms(results['get_form_p50_s'])}   p95 {ms(results['get_form_p95_s'])}",
        f"single client, sequential, {len(single.submit)} submissions: submit median {ms(single_submit)}"
        f", POST alone {ms(results['single_post_median_s'] or float('nan'))}"
        f", GET / {ms(results['single_get_form_median_s'] or float('nan'))}",
        f"  p95 / (single x {args.clients} clients / {args.workers} workers) = "
        f"{results['p95_over_fair_share']:.2f}   (1 = fair queueing, no added cost under load)",
        f"  p95 / single = {results['p95_over_single']:.1f}",
    ]
    lines.append(f"cpu: server {server_cpu:.1f} s ({results['server_cpu_per_dpa_s'] * 1000:.0f} ms per DPA"
                 f" issued), bench clients {client_cpu:.1f} s; {os.cpu_count()} CPUs, load average "
                 f"{loadavg[0]:.2f} before the run (other work on the machine skews every figure)")
    if engine:
        both = engine.get("ours_docx", 0) + engine.get("ours_pdf", 0)
        lines.append("engine alone (bench/results/generate.json, warm): "
                     f"DOCX {ms(engine.get('ours_docx', 0))}"
                     f" + PDF {ms(engine.get('ours_pdf', 0))} = {ms(both)}; single submit / engine = "
                     f"{single_submit / both:.2f}")
    else:
        lines.append("engine alone: bench/results/generate.json not found (run `make bench`)")
    lines.append(f"records: {len(issued)} submissions issued (warm-up, single, load), "
                 f"{results['rows']} rows of this run in document_records: {results['lost']} lost, "
                 f"{results['duplicated']} doubled, {results['unconfirmed']} stored after a client error")
    for example in results["error_examples"]:
        lines.append(f"  error: {example}")
    print("\n".join(lines))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"load-{kind}.json").write_text(json.dumps(results, indent=2))
    if errors or results["lost"] or results["duplicated"] or results["unconfirmed"]:
        print(f"FAILED: errors or records not matching; gunicorn log tail:\n{server_log}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
