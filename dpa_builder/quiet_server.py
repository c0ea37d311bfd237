"""Werkzeug's development server for `dpa serve`, without its version banner.

Werkzeug sends `Server: Werkzeug/<version> Python/<version>`, telling an
attacker which advisories apply. gunicorn sends a bare `Server: gunicorn`.
"""
from werkzeug.serving import WSGIRequestHandler


class QuietHandler(WSGIRequestHandler):
    def version_string(self) -> str:
        return "DPA Builder"
