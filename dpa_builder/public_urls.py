"""Addresses on DPA_PUBLIC_URL, for emails and API answers.

Never built from the Host header a request claimed, and right behind a proxy that
serves the service under a path (DPA_PUBLIC_URL=https://example.com/dpa).
"""
from urllib.parse import urlsplit

from flask import current_app


def public_url(endpoint: str, **values) -> str:
    """The full address of an endpoint on DPA_PUBLIC_URL."""
    parts = urlsplit(current_app.config["DPA_PUBLIC_URL"])
    adapter = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/",
                                       url_scheme=parts.scheme)
    return adapter.build(endpoint, values, force_external=True)


def public_host() -> str:
    """DPA_PUBLIC_URL's host name: the domain of the Message-IDs the service makes."""
    return urlsplit(current_app.config["DPA_PUBLIC_URL"]).hostname or "localhost"
