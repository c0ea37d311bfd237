"""Configuration from the environment, with embedded defaults for one-command runs."""
import os
import secrets
from pathlib import Path

from .files import instance_dir


def from_environment() -> dict:
    """Read every setting the service knows; see the README's Configuration table."""
    instance = instance_dir()
    env = os.environ.get
    public_url = env("DPA_PUBLIC_URL", "http://127.0.0.1:5000")
    # Cookies are Secure whenever the service is served over HTTPS, as in production.
    https = public_url.startswith("https://")
    return {
        "SECRET_KEY": env("DPA_SECRET_KEY") or _development_secret(instance),
        "SQLALCHEMY_DATABASE_URI": env("DPA_DATABASE_URL", f"sqlite:///{instance / 'dpa.sqlite3'}"),
        "DPA_STORAGE": env("DPA_STORAGE", ""),  # see storage_backend
        "DPA_STORAGE_DIR": env("DPA_STORAGE_DIR", str(instance / "documents")),
        "DPA_DEFAULT_PROFILE": env("DPA_DEFAULT_PROFILE", "helptal"),
        # production: refuse to issue specimens (example or missing configuration)
        "DPA_ENV": env("DPA_ENV", "development"),
        "DPA_SMTP_URL": env("DPA_SMTP_URL", "smtp://127.0.0.1:25"),
        "DPA_MAIL_FROM": env("DPA_MAIL_FROM", ""),
        "DPA_PUBLIC_URL": public_url,
        "RATELIMIT_ENABLED": True,  # set on every app: the limiter object is shared
        "RATELIMIT_STORAGE_URI": env("DPA_RATELIMIT_STORAGE_URL", "memory://"),
        # If the shared store goes away, count per process until it is back: never a 500.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "DPA_PROXY_COUNT": int(env("DPA_PROXY_COUNT", "0")),
        "DPA_RATE_LIMIT": env("DPA_RATE_LIMIT", "30 per minute"),
        "MAX_CONTENT_LENGTH": int(env("DPA_MAX_REQUEST_BYTES", str(2 * 1024 * 1024))),
        "DPA_SESSION_IDLE_MINUTES": int(env("DPA_SESSION_IDLE_MINUTES", "30")),
        "DPA_SESSION_MAX_HOURS": int(env("DPA_SESSION_MAX_HOURS", "12")),
        "SESSION_COOKIE_SECURE": https,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": https,
        "PREFERRED_URL_SCHEME": "https" if https else "http",
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    }


def storage_backend(settings) -> str:
    """Where issued files and staged uploads live: `files` (embedded) or `database` (shared)."""
    chosen = settings["DPA_STORAGE"]
    if chosen not in ("", "files", "database"):
        raise SystemExit(f"DPA_STORAGE must be `files` or `database`; got {chosen!r}")
    # App servers sharing a database server must share the files too; SQLite is one machine.
    embedded = settings["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")
    return chosen or ("files" if embedded else "database")


def _development_secret(instance: Path) -> str:
    """Keep one random key per instance folder so sessions survive restarts.

    Production sets DPA_SECRET_KEY; several app servers must share it.
    """
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()
