"""No server banner with versions: `dpa serve` (Werkzeug) and gunicorn."""
import http.client
import os
import socket
import subprocess
import sys
import threading

from werkzeug.serving import make_server

from dpa_builder.quiet_server import QuietHandler


def server_header(port: int) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/api/v1/none")
    return connection.getresponse().getheader("Server")


def test_dpa_serve_names_no_versions(app):
    server = make_server("127.0.0.1", 0, app, request_handler=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert server_header(server.server_port) == "DPA Builder"
    finally:
        server.shutdown()


def test_gunicorn_names_no_versions(tmp_path):
    # gunicorn serves a socket that already listens: the request waits in its
    # backlog while gunicorn starts, so nothing polls.
    listening = socket.create_server(("127.0.0.1", 0))
    env = {**os.environ, "DPA_INSTANCE_DIR": str(tmp_path)}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-b", f"fd://{listening.fileno()}",
                                "wsgi:app"], env=env, pass_fds=[listening.fileno()],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert server_header(listening.getsockname()[1]) == "gunicorn"
    finally:
        process.terminate()
        process.wait(timeout=10)
        listening.close()
