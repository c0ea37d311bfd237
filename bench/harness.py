"""What the benchmarks share: a free loopback port and the demo environment."""
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_environment() -> dict:
    """The environment after `set -a; . config/demo.env`, as `make run` has it."""
    out = subprocess.run(["bash", "-c", 'set -a; . "$1"; env -0', "_", str(ROOT / "config/demo.env")],
                         check=True, capture_output=True).stdout
    return dict(item.split("=", 1) for item in out.decode().split("\0") if "=" in item)
