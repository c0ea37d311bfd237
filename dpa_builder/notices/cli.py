"""`dpa notify`: deliver the queued sub-processor change notices."""
from datetime import timedelta
from urllib.parse import urlsplit

import click


def url_settings(public_url: str) -> dict:
    """Let url_for build DPA_PUBLIC_URL links outside a request, as the notice emails need."""
    parts = urlsplit(public_url)
    return {"SERVER_NAME": parts.netloc, "APPLICATION_ROOT": parts.path or "/",
            "PREFERRED_URL_SCHEME": parts.scheme or "http"}


def _app():
    from ..app import migrated_app
    app = migrated_app()
    if not app.config["DPA_MAIL_FROM"]:
        raise click.UsageError("set DPA_MAIL_FROM, the sender address of the notices")
    app.config.update(url_settings(app.config["DPA_PUBLIC_URL"]))
    return app


@click.command()
@click.option("--batch", default=50, show_default=True, type=click.IntRange(1, 5000),
              help="Notices claimed at a time.")
@click.option("--lease-seconds", default=120, show_default=True, type=click.IntRange(1),
              help="After this long, notices claimed by a worker that died go to another.")
@click.option("--follow", is_flag=True, help="Keep running and wait for new notices.")
@click.option("--idle-sleep", default=2.0, show_default=True, type=click.FloatRange(0.05),
              help="Seconds between polls with --follow.")
@click.option("--die-after", type=click.IntRange(1), hidden=True,
              help="Exit abruptly after this many sends (tests of a worker dying).")
def notify(batch: int, lease_seconds: int, follow: bool, idle_sleep: float, die_after: int | None):
    """Send every due notice exactly once; several workers may run side by side."""
    from . import worker

    with _app().app_context():
        sent = worker.run(batch=batch, lease=timedelta(seconds=lease_seconds), follow=follow,
                          idle_sleep=idle_sleep, die_after=die_after)
    click.echo(f"sent {sent} notice{'' if sent == 1 else 's'}")
