"""`dpa content import`: publish the content folders' files as the current version."""
import sys

import click

from ..content.layout import ContentError
from ..content.loader import available_profiles


@click.group()
def content():
    """Manage the published content."""


@content.command("import")
@click.option("--profile", "profiles", multiple=True,
              help="Import only this profile (repeatable); default: all.")
@click.option("--replace-newer", is_flag=True,
              help="Replace content legal published on the web since the last import.")
def import_(profiles, replace_newer: bool):
    """Publish the content folders' files; refuse to replace newer web publications."""
    from ..app import migrated_app
    from .content_import import NewerPublished, import_content

    failed = False
    with migrated_app().app_context():
        for profile in profiles or available_profiles():
            try:
                click.echo(import_content(profile, "imported by dpa content import", replace_newer))
            except ContentError as exc:
                failed = True
                click.echo("\n".join(f"error: {p}" for p in exc.problems), err=True)
            except NewerPublished as exc:
                failed = True
                click.echo(f"refused: {exc}", err=True)
    sys.exit(1 if failed else 0)
