"""Issue 13's goal, side by side in one run: a new customer's DPA (both files, recorded)
against LibreOffice converting that DPA's DOCX to PDF alone.

warm: `POST /api/v1/dpa` with a new company each time, on a running service (gunicorn,
      one worker, SQLite, after two warm-up requests), against LibreOffice's time for one
      more file in a running batch (`soffice --convert-to pdf` of N+1 copies, less one
      copy's run, / N);
cold: a fresh `dpa generate` (both files, a new company, the disk cache as the service
      left it) against a fresh `soffice --convert-to pdf` of the same DOCX.
Each round takes one sample of every path in turn, so machine noise falls on all of them;
the figures are medians and each ratio is LibreOffice / ours (1.0 or more: ours faster).
Also: the service's DPA downloaded and `dpa generate`'s for the same request are the same
bytes, and the peak memory of the service's worker and of each fresh process.
"""
import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from harness import REQUEST, ROOT, demo_environment, free_port, run_child, soffice, soffice_convert
from load_bench import Gunicorn, migrate

TOKEN_CODE = """
from dpa_builder.app import create_app
from dpa_builder.extensions import db
from dpa_builder.staff.models import ApiToken, User
app = create_app()
with app.app_context():
    user = User(email="bench@dpa.example", name="Bench", role="sales")
    user.set_password("bench password, long enough")
    db.session.add(user)
    db.session.flush()
    token, plain = ApiToken.issue(user, "bench")
    db.session.add(token)
    db.session.commit()
    print(plain)
"""


def request_for(company: str) -> dict:
    request = json.loads(REQUEST.read_text(encoding="utf-8"))
    request["customer"]["legal_name"] = company
    return request


class Service:
    """The web service under gunicorn with one worker and an API token."""

    def __init__(self, work: Path):
        self.instance = work / "instance"
        self.env = demo_environment() | {
            "DPA_INSTANCE_DIR": str(self.instance), "DPA_SECRET_KEY": secrets.token_hex(32),
            "DPA_RATE_LIMIT": "1000000 per minute", "PYTHONUNBUFFERED": "1"}
        self.instance.mkdir()
        migrate(self.env)
        self.token = subprocess.run([sys.executable, "-c", TOKEN_CODE], cwd=ROOT, env=self.env,
                                    check=True, capture_output=True, text=True).stdout.strip()
        port = free_port()
        self.server = Gunicorn(self.env | {"DPA_PUBLIC_URL": f"http://127.0.0.1:{port}"}, port, 1,
                               work / "gunicorn.log")
        self.server.wait_ready()
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.token}"

    def issue(self, company: str) -> tuple[float, dict]:
        """Seconds for one POST (both files built, stored, recorded) and its answer."""
        start = time.perf_counter()
        answer = self.session.post(self.server.url + "/api/v1/dpa", json=request_for(company),
                                   timeout=300)
        elapsed = time.perf_counter() - start
        if answer.status_code != 201:
            raise SystemExit(f"the service answered {answer.status_code}: {answer.text[:500]}")
        return elapsed, answer.json()

    def download(self, record: dict, fmt: str) -> bytes:
        path = record["urls"][fmt].split("://", 1)[1].split("/", 1)[1]
        return self.session.get(f"{self.server.url}/{path}", timeout=60).content

    def worker_peak_kib(self) -> int:
        """VmHWM of gunicorn's worker (the arbiter's only child)."""
        children = Path(f"/proc/{self.server.proc.pid}/task/{self.server.proc.pid}/children")
        worker = children.read_text().split()[0]
        status = Path(f"/proc/{worker}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))


def generate_cold(env: dict, work: Path, company: str) -> tuple[float, int, Path]:
    """A fresh `dpa generate` of both files: seconds, peak RSS (KiB), its output folder."""
    path, out = work / f"{company}.json", work / f"cold-{company}"
    path.write_text(json.dumps(request_for(company)), encoding="utf-8")
    argv = [sys.executable, "-m", "dpa_builder", "generate", "--request", str(path),
            "--out", str(out)]
    elapsed, peak = run_child(argv, env)
    return elapsed, peak, out


def measure(soffice: str, work: Path, rounds: int, batch: int) -> dict:
    service = Service(work)
    try:
        for n in range(2):
            service.issue(f"Warm-up {n} GmbH")
        _, first = service.issue("Goal Check GmbH")
        docx, pdf = service.download(first, "docx"), service.download(first, "pdf")
        files = [work / f"dpa-{i}.docx" for i in range(batch + 1)]
        for file in files:
            file.write_bytes(docx)
        profile, out = work / "lo-profile", work / "lo-out"
        run_child(soffice_convert(soffice, profile, files[:1], out))  # create the profile once
        samples: dict[str, list] = {key: [] for key in ("warm", "lo_batch", "lo_cold", "cold")}
        peaks = {"cold": 0, "lo": 0}
        for round_ in range(rounds):
            samples["warm"] += [service.issue(f"Warm {round_}-{i} GmbH")[0] for i in range(batch)]
            lo_cold, lo_peak = run_child(soffice_convert(soffice, profile, files[:1], out))
            lo_batch, _ = run_child(soffice_convert(soffice, profile, files, out))
            cold, cold_peak, _ = generate_cold(service.env, work, f"Cold {round_} GmbH")
            samples["lo_cold"].append(lo_cold)
            samples["lo_batch"].append((lo_batch - lo_cold) / batch)
            samples["cold"].append(cold)
            peaks = {"cold": max(peaks["cold"], cold_peak), "lo": max(peaks["lo"], lo_peak)}
        _, _, same = generate_cold(service.env, work, "Goal Check GmbH")
        generated = {fmt: next(same.glob(f"*.{fmt}")).read_bytes() for fmt in ("docx", "pdf")}
        worker_peak = service.worker_peak_kib()
    finally:
        service.server.stop()
    medians = {key: statistics.median(values) for key, values in samples.items()}
    return {**medians, "samples": samples, "peak_kib": {**peaks, "worker": worker_peak},
            "service_equals_generate": {"docx": generated["docx"] == docx,
                                        "pdf": generated["pdf"] == pdf},
            "loadavg": os.getloadavg()}


def report(r: dict) -> str:
    ms = lambda s: f"{s * 1000:7.0f} ms"  # noqa: E731
    mib = lambda k: f"{k / 1024:.0f} MiB"  # noqa: E731
    same = r["service_equals_generate"]
    return "\n".join([
        "goal (issue 13): a new customer's DPA, both files, recorded, against LibreOffice "
        "converting its DOCX; medians, LibreOffice / ours:",
        f"  warm  POST /api/v1/dpa {ms(r['warm'])}   LibreOffice, one more file in a batch "
        f"{ms(r['lo_batch'])}   ratio {r['lo_batch'] / r['warm']:.2f}",
        f"  cold  dpa generate     {ms(r['cold'])}   fresh soffice --convert-to pdf      "
        f"{ms(r['lo_cold'])}   ratio {r['lo_cold'] / r['cold']:.2f}",
        f"  peak RSS: service worker {mib(r['peak_kib']['worker'])}, fresh dpa generate "
        f"{mib(r['peak_kib']['cold'])}, fresh soffice {mib(r['peak_kib']['lo'])}",
        f"  the service's files and dpa generate's for the same request are the same bytes: "
        f"DOCX {same['docx']}, PDF {same['pdf']}",
        f"  load average before: {r['loadavg'][0]:.1f} on {os.cpu_count()} CPUs",
    ])


def main() -> None:
    """This part of `make bench` alone: python bench/goal.py [--rounds N] [--batch N]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(report(measure(soffice(), Path(tmp), args.rounds, args.batch)))


if __name__ == "__main__":
    main()
