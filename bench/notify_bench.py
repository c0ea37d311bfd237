"""Send sub-processor change notices to 10,000 subscribers with 1 and with 4 workers.

For each database (SQLite in a temporary folder; then PostgreSQL when
DPA_BENCH_DATABASE_URL names an empty, throwaway database, else skipped with a
message), in one run:

1. migrate, then insert N confirmed subscribers (setup, timed apart);
2. per worker count (default 1, then 4): announce a new change, queue its
   notices (`outbox.queue`: the queue time), start that many
   `python -m dpa_builder notify --batch B` processes at once and wait for all
   to exit (the send time, process start-up included; the sending window, from
   the first to the last `sent_at`, without it);
3. check that none is lost or doubled: every notice of the change is `sent` in
   the database, the workers' printed counts add up to N, and the SMTP sink
   (aiosmtpd on loopback, in this process) received each expected Message-ID
   exactly once.

Writes bench/results/notify-<database>.json; exits 1 on a lost or doubled
notice. Only loopback traffic; every worker and the whole run are bounded in
time (--timeout), and workers exit by themselves when nothing is left.

    python bench/notify_bench.py                        # SQLite (PostgreSQL skipped)
    DPA_BENCH_DATABASE_URL=postgresql+psycopg://... python bench/notify_bench.py
    python bench/notify_bench.py --subscribers 2000 --workers 1,2,4 --batch 50
"""
import argparse
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from aiosmtpd.controller import Controller
from harness import demo_environment, free_port
from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.I | re.M)
PUBLIC_URL = "http://dpa.example"


class Sink:
    """Counts accepted messages by Message-ID; thread-safe (aiosmtpd runs in its own thread)."""

    def __init__(self):
        self.lock, self.ids = threading.Lock(), Counter()

    async def handle_DATA(self, server, session, envelope):
        head = envelope.original_content.split(b"\r\n\r\n", 1)[0]
        match = MESSAGE_ID.search(head)
        with self.lock:
            self.ids[match.group(1).decode() if match else "(none)"] += 1
        return "250 OK"

    def snapshot(self) -> Counter:
        with self.lock:
            return Counter(self.ids)


def make_app(env: dict):
    """The application in this process, on the same settings as the workers."""
    os.environ.update(env)
    from dpa_builder.app import migrated_app
    return migrated_app()


def check_empty(app) -> None:
    from dpa_builder.extensions import db
    from dpa_builder.notices.models import Subscriber
    from dpa_builder.registry.models import RegistryChange
    with app.app_context():
        if db.session.scalar(select(func.count()).select_from(Subscriber)) or \
                db.session.scalar(select(func.count()).select_from(RegistryChange)):
            raise SystemExit("the benchmark database is not empty: DPA_BENCH_DATABASE_URL must name "
                             "a throwaway database (the bench announces changes and adds subscribers)")


def add_subscribers(app, count: int) -> float:
    from dpa_builder.extensions import db
    from dpa_builder.notices.models import Subscriber, new_token
    from dpa_builder.records.models import utcnow
    start = time.perf_counter()
    with app.app_context():
        now = utcnow()
        rows = [{"profile": "helptal", "email": f"bench{i:06d}@customer.example", "token": new_token(),
                 "source": "bench", "created_at": now, "confirmed_at": now} for i in range(count)]
        for offset in range(0, count, 2000):
            db.session.execute(insert(Subscriber), rows[offset:offset + 2000])
        db.session.commit()
    return time.perf_counter() - start


def announce_and_queue(app, number: int) -> tuple[int, int, int, float, dict[int, str]]:
    """A new change and its notices queued: change id, rows queued, what queue() returned,
    queue seconds, and the Message-ID each active subscriber must get."""
    from dpa_builder.extensions import db
    from dpa_builder.notices import outbox
    from dpa_builder.notices.models import Notice, Subscriber
    from dpa_builder.registry import service
    today = date.today()
    entry = dict(id=f"benchhost{number}", brand=f"BenchHost {number}", legal_entity="Bench Hosting GmbH",
                 address="1 Example Street, 10115 Berlin, Germany", country="DE",
                 processing_location="Germany", category="hosting", purpose="Virtual servers.",
                 workspace_content=True, opt_in=False, since=(today + timedelta(days=30)).isoformat())
    with app.app_context():
        change = service.announce("helptal", "add", "", entry, today, today + timedelta(days=30), None)
        start = time.perf_counter()
        returned = outbox.queue(change.id, "helptal")
        seconds = time.perf_counter() - start
        queued = db.session.scalar(select(func.count()).where(Notice.change_id == change.id))
        ids = db.session.scalars(select(Subscriber.id).where(Subscriber.confirmed_at.is_not(None),
                                                             Subscriber.unsubscribed_at.is_(None)))
        expected = {i: f"<notice-{change.id}-{i}@dpa.example>" for i in ids}
        return change.id, queued, returned, seconds, expected


def run_workers(env: dict, workers: int, batch: int, timeout: float) -> tuple[float, list[int], list[str]]:
    """Start the workers together and wait; kill any still running at the deadline."""
    command = [sys.executable, "-m", "dpa_builder", "notify", "--batch", str(batch)]
    start = time.perf_counter()
    procs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(workers)]
    counts, problems = [], []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=max(1.0, start + timeout - time.perf_counter()))
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            problems.append(f"worker {proc.pid} killed after {timeout:.0f} s")
        match = re.search(r"sent (\d+) notice", out or "")
        counts.append(int(match.group(1)) if match else 0)
        if proc.returncode != 0:
            problems.append(f"worker {proc.pid} exited {proc.returncode}: {(err or '')[-1500:]}")
    return time.perf_counter() - start, counts, problems


def outcome(app, change_id: int) -> dict:
    """Statuses and attempts of the change's notices, and its sending window."""
    from dpa_builder.extensions import db
    from dpa_builder.notices.models import Notice
    with app.app_context():
        of_change = Notice.change_id == change_id
        statuses = dict(db.session.execute(select(Notice.status, func.count()).where(of_change)
                                           .group_by(Notice.status)).all())
        retried = db.session.scalar(select(func.count()).where(of_change, Notice.attempts > 1))
        first, last = db.session.execute(select(func.min(Notice.sent_at), func.max(Notice.sent_at))
                                         .where(of_change)).one()
    window = (last - first).total_seconds() if first and last else float("nan")
    return {"statuses": statuses, "retried": retried, "window_s": window}


def bench_database(kind: str, database_url: str, args, tmp: Path, sink_url: str, sink: Sink) -> dict:
    env = {**demo_environment(), "DPA_DATABASE_URL": database_url, "DPA_SMTP_URL": sink_url,
           "DPA_MAIL_FROM": "notices@dpa.example", "DPA_PUBLIC_URL": PUBLIC_URL,
           "DPA_INSTANCE_DIR": str(tmp / "instance"), "DPA_STORAGE_DIR": str(tmp / "documents"),
           "DPA_SECRET_KEY": secrets.token_urlsafe(32), "PYTHONUNBUFFERED": "1"}
    loadavg = os.getloadavg()
    app = make_app(env)
    check_empty(app)
    setup_s = add_subscribers(app, args.subscribers)
    print(f"{kind}: {args.subscribers} subscribers added in {setup_s:.2f} s", flush=True)
    runs, ok = [], True
    for number, workers in enumerate(args.workers, start=1):
        change_id, queued, returned, queue_s, expected = announce_and_queue(app, number)
        before = sink.snapshot()
        send_s, counts, problems = run_workers(env, workers, args.batch, args.timeout)
        received = sink.snapshot() - before
        result = outcome(app, change_id)
        mine = {mid: received[mid] for mid in expected.values()}
        run = {
            "workers": workers, "subscribers": args.subscribers, "queued": queued,
            "queue_returned": returned, "queue_s": queue_s,
            "send_s": send_s, "per_s": queued / send_s, "window_s": result["window_s"],
            "per_s_window": queued / result["window_s"] if result["window_s"] > 0 else None,
            "worker_counts": counts, "statuses": result["statuses"], "retried": result["retried"],
            "smtp_received": sum(received.values()),
            "lost": sum(1 for n in mine.values() if n == 0),
            "doubled": sum(n - 1 for n in mine.values() if n > 1),
            "unexpected": sum(received.values()) - sum(mine.values()), "problems": problems,
        }
        run["ok"] = (not problems and queued == len(expected) == args.subscribers
                     and result["statuses"] == {"sent": queued} and sum(counts) == queued
                     and run["lost"] == run["doubled"] == run["unexpected"] == 0)
        ok &= run["ok"]
        runs.append(run)
        print(f"{kind}, {workers} worker{'s' if workers > 1 else ''}: queued {queued} in "
              f"{queue_s * 1000:.0f} ms; sent in {send_s:.2f} s = {run['per_s']:.0f} notices/s "
              f"(sending window {result['window_s']:.2f} s = {run['per_s_window'] or 0:.0f}/s, "
              f"start-up excluded); per worker {counts}; DB {result['statuses']}, "
              f"{result['retried']} retried; SMTP {run['smtp_received']} received, {run['lost']} lost, "
              f"{run['doubled']} doubled, {run['unexpected']} unexpected"
              + ("" if run["ok"] else "  FAILED"), flush=True)
        if returned != queued:
            print(f"  note: outbox.queue() returned {returned} for {queued} rows queued")
        for problem in problems:
            print(f"  {problem}")
    from dpa_builder.extensions import db
    with app.app_context():
        db.engine.dispose()
    return {"database": kind, "subscribers": args.subscribers, "setup_s": setup_s, "batch": args.batch,
            "cpus": os.cpu_count(), "loadavg_before": loadavg, "runs": runs, "ok": ok}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--workers", default="1,4", help="comma-separated worker counts, run in turn")
    parser.add_argument("--batch", type=int, default=100, help="notices a worker claims at a time")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per run of workers")
    args = parser.parse_args()
    args.workers = [int(n) for n in args.workers.split(",") if n.strip()]
    if not (1 <= args.subscribers <= 100_000 and args.workers and all(1 <= n <= 16 for n in args.workers)
            and 1 <= args.batch <= 5000 and 10 <= args.timeout <= 3600):
        parser.error("subscribers 1..100000, workers 1..16 each, batch 1..5000, timeout 10..3600")
    sink, port = Sink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    status = 0
    try:
        databases = [("sqlite", None), ("postgresql", os.environ.get("DPA_BENCH_DATABASE_URL"))]
        for kind, url in databases:
            if kind == "postgresql" and not url:
                print("postgresql: skipped (set DPA_BENCH_DATABASE_URL to an empty, throwaway "
                      "database, e.g. through scripts/with-postgres.sh)")
                continue
            with tempfile.TemporaryDirectory(prefix=f"dpa-notify-{kind}-") as tmp:
                url = url or f"sqlite:///{Path(tmp) / 'dpa.sqlite3'}"
                results = bench_database(kind, url, args, Path(tmp), f"smtp://127.0.0.1:{port}", sink)
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / f"notify-{kind}.json").write_text(json.dumps(results, indent=2, default=str))
            status |= 0 if results["ok"] else 1
    finally:
        controller.stop()
    print("OK: every notice sent exactly once" if status == 0 else "FAILED: see above")
    return status


if __name__ == "__main__":
    sys.exit(main())
