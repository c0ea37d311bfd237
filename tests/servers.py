"""Real servers for tests, as child processes on free loopback ports: PostgreSQL, Redis and
the web service under gunicorn. Each stops (and its folder goes) when the test ends."""
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def postgres():
    """A PostgreSQL URL: DPA_TEST_DATABASE_URL if `make test` gave one, else a throwaway
    cluster from scripts/with-postgres.sh, kept running until this block ends."""
    if os.environ.get("DPA_TEST_DATABASE_URL"):
        yield os.environ["DPA_TEST_DATABASE_URL"]
        return
    # The script stops its server once the command (waiting on our stdin) ends.
    proc = subprocess.Popen(
        ["bash", str(ROOT / "scripts/with-postgres.sh"), "sh", "-c",
         'echo "$DPA_TEST_DATABASE_URL"; exec cat >/dev/null'],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        if not url:
            raise RuntimeError(f"with-postgres.sh gave no server: {proc.stderr.read()[-1000:]}")
        yield url
    finally:
        proc.stdin.close()
        proc.wait(timeout=120)


@contextmanager
def redis_server(folder: Path):
    """`redis-server` (Debian's, from scripts/setup.sh) on a free port, nothing saved to disk."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is missing: run scripts/setup.sh")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, proc)
        yield f"redis://127.0.0.1:{port}/0", proc
    finally:
        _stop(proc)


def _wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} (exit code {proc.poll()})")


@contextmanager
def gunicorn(env: dict, log: Path):
    """`gunicorn wsgi:app` with one worker on a free port; yields its base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=env, stdout=log.open("wb"),
        stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _answers(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.1)
        yield url
    finally:
        _stop(proc)


def _answers(url: str) -> bool:
    try:
        return requests.get(url + "/", timeout=5).status_code == 200
    except requests.RequestException:
        return False
