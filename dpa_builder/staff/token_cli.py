"""`dpa token create|list|revoke`: API tokens from the command line."""
import click
from sqlalchemy import select

from ..extensions import db
from .cli import app_context, find_user
from .models import ApiToken, User


@click.group()
def token():
    """Manage API tokens."""


@token.command("create")
@click.option("--email", required=True, help="The staff user the token acts for.")
@click.option("--label", default="", callback=lambda ctx, param, label: _label(label),
              help="What the token is for (at most 100 characters).")
def create_token(email: str, label: str):
    """Issue a bearer token for the API; it is printed once and stored only hashed."""
    with app_context():
        record, plain = ApiToken.issue(find_user(email), label)
        db.session.add(record)
        db.session.commit()
        click.echo(plain)


def _label(label: str) -> str:
    if len(label) > 100:
        raise click.BadParameter("give at most 100 characters", param_hint="--label")
    return label


@token.command("list")
def list_tokens():
    """Every token: id, its user, live or revoked, created, label (never the token itself)."""
    with app_context():
        rows = db.session.execute(select(ApiToken, User.email).join(User).order_by(ApiToken.id))
        for record, email in rows:
            state = "revoked" if record.revoked else "live"
            click.echo(f"{record.id}\t{email}\t{state}\t{record.created_at:%Y-%m-%d}\t{record.label}")


@token.command("revoke")
@click.argument("token_id", type=int)
def revoke(token_id: int):
    """Revoke a token by its id (from `dpa token list`); the API refuses it at once."""
    with app_context():
        record = db.session.get(ApiToken, token_id)
        if record is None:
            raise click.ClickException(f"no token with id {token_id}")
        record.revoked = True
        db.session.commit()
        click.echo(f"revoked token {token_id}")
