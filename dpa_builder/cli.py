"""The `dpa` command line: generate a DPA, check the content."""
import importlib
import json
import logging
import os
import sys
from pathlib import Path

import click

from .apart import build_apart
from .job import Job, write_files
from .render.formats import FORMATS

MAX_REQUEST_BYTES = 256 * 1024


def _fail(lines: list[str], code: int = 2):
    for line in lines:
        click.echo(f"error: {line}", err=True)
    sys.exit(code)


def _read_request(path: Path):
    try:
        if path.stat().st_size > MAX_REQUEST_BYTES:
            _fail([f"request: {path} is larger than {MAX_REQUEST_BYTES // 1024} KiB"])
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        _fail([f"request: cannot read {path}: {exc.strerror}"])
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        _fail([f"request: {path} is not valid UTF-8 JSON: {exc}"])


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)}; got {value!r}")
    return formats


class LazyGroup(click.Group):
    """Import a command's module only when it runs: `dpa generate` stays quick to start."""

    lazy = {"user": "dpa_builder.staff.cli:user", "token": "dpa_builder.staff.token_cli:token",
            "notify": "dpa_builder.notices.cli:notify", "content": "dpa_builder.registry.cli:content"}

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx, name):
        if name in self.lazy:
            module, _, attribute = self.lazy[name].partition(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


# Document commands: no database, and every file is written and closed before they end.
QUICK_EXIT = {"generate", "check"}


def run() -> None:
    """The `dpa` program. After a document command it exits without tearing the interpreter
    down: freeing WeasyPrint's and the content's objects one by one took 0.2-0.6 s of a
    fresh `dpa generate`, longer than laying out its Cover Page."""
    try:
        main()
    except SystemExit as done:
        if sys.argv[1:2] and sys.argv[1] in QUICK_EXIT and isinstance(done.code, int | None):
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done.code or 0)
        raise


@click.group(cls=LazyGroup)
def main():
    """Assemble GDPR Data Processing Addendums from the clause library and registry."""
    # The service's log lines (a content import, say) go to stderr, in place of Flask's handler.
    log = logging.getLogger("dpa_builder")
    if not log.handlers:
        log.addHandler(logging.StreamHandler())
        log.setLevel(logging.INFO)


@main.command()
@click.option("--request", "request_path", required=True, type=click.Path(path_type=Path),
              help="The request JSON (see PRODUCT.md).")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Directory for <document-id>.docx / .pdf.")
@click.option("--format", "formats", default="docx,pdf", show_default=True, callback=
              lambda ctx, param, value: _formats(value), help=f"Comma-separated: {', '.join(FORMATS)}.")
@click.option("--profile", default="helptal", show_default=True, help="Processor profile.")
@click.option("--english-for", "english_for", multiple=True, metavar="PART",
              help="A French or Chinese DPA: give this missing or stale part in English (a clause "
                   "id or label.<id>, as `dpa check` names it; `all` for every one). Repeatable.")
@click.option("--bilingual", is_flag=True, help="English and the translation, paragraph by paragraph.")
def generate(request_path: Path, out_dir: Path, formats, profile: str, english_for, bilingual):
    """Write the DPA for one request and print each file's path and SHA-256."""
    job = Job(_read_request(request_path), profile, formats, tuple(sorted(set(english_for))),
              bilingual)
    built = build_apart(job) or _build_here(job)
    for fmt, path in write_files(built, out_dir).items():
        click.echo(f"{path}  sha256:{built.sha256(fmt)}")


def _build_here(job: Job):
    """Build in this process, turning refused input into messages and an exit code.
    Imported here, not above: a fresh `dpa generate` forks before it loads the core."""
    from .content.layout import ContentError
    from .content.specimen import SpecimenRefused
    from .field_errors import FieldErrors
    from .generate import build_job
    try:
        return build_job(job)
    except FieldErrors as exc:
        _fail(exc.lines())
    except (ContentError, SpecimenRefused) as exc:
        _fail(str(exc).splitlines(), code=3)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int):
    """Run the web service on embedded defaults (SQLite, local files)."""
    from .app import migrated_app
    from .quiet_server import QuietHandler

    app = migrated_app()
    click.echo(f"DPA Builder on http://{host}:{port}/ (for production, run gunicorn wsgi:app)")
    app.run(host=host, port=port, debug=False, load_dotenv=False, request_handler=QuietHandler)


@main.command()
@click.option("--profile", "profiles", multiple=True,
              help="Check only this profile (repeatable); default: all.")
@click.option("--strict-translations", is_flag=True,
              help="Fail on missing or stale translations too (otherwise reported as warnings).")
@click.option("--production", is_flag=True,
              help="Also refuse example or missing configuration (as DPA_ENV=production does).")
def check(profiles, strict_translations, production):
    """Validate all content and templates; exit non-zero on any problem."""
    from .check import check_content, specimen_reasons, translation_gaps
    from .content.loader import available_profiles
    from .content.specimen import production as is_production

    problems, gaps, specimens = [], [], []
    for profile in profiles or available_profiles():
        problems += check_content(profile)
        gaps += translation_gaps(profile)
        specimens += [f"{profile}: specimen: {reason}" for reason in specimen_reasons(profile)]
    if production or is_production():
        problems += specimens
    for line in [] if production or is_production() else specimens:
        click.echo(f"note: {line} (refused with --production)", err=True)
    for line in dict.fromkeys(gaps):  # the clause library is shared: report each once
        click.echo(f"{'error' if strict_translations else 'warning'}: {line}", err=True)
    if problems or (gaps and strict_translations):
        _fail(problems, code=1)
    click.echo(f"ok: {', '.join(profiles or available_profiles())}"
               + (f" ({len(set(gaps))} translation gaps)" if gaps else ""))

