"""What the benchmarks share: a free loopback port, the demo environment, timing a fresh
process, and LibreOffice's command line."""
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUEST = ROOT / "examples" / "request.json"  # the example request of PRODUCT.md


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_environment() -> dict:
    """The environment after `set -a; . config/demo.env`, as `make run` has it."""
    out = subprocess.run(["bash", "-c", 'set -a; . "$1"; env -0', "_", str(ROOT / "config/demo.env")],
                         check=True, capture_output=True).stdout
    return dict(item.split("=", 1) for item in out.decode().split("\0") if "=" in item)


def run_child(argv: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of a fresh process and its children."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{argv[0]} failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss


def soffice() -> str:
    """LibreOffice's program, the baseline of the PDF benchmarks."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise SystemExit("LibreOffice is needed for the baseline: run scripts/setup.sh")
    return program


def soffice_convert(soffice: str, profile: Path, files: list[Path], out: Path) -> list[str]:
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(out), *map(str, files)]
