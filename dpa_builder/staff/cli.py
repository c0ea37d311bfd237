"""`dpa user create` and `dpa token create`: staff accounts from the command line."""
import click
from sqlalchemy import select

from ..extensions import db
from .models import ROLES, ApiToken, User


def _app():
    from ..app import migrated_app
    return migrated_app()


@click.group()
def user():
    """Manage staff accounts."""


@user.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.password_option(help="Prompted for (twice) when not given.")
def create_user(email: str, name: str, role: str, password: str):
    """Create a staff account with a hashed password."""
    if len(password) < 12:
        raise click.BadParameter("use at least 12 characters", param_hint="--password")
    with _app().app_context():
        if db.session.scalar(select(User).where(User.email == email.lower())):
            raise click.ClickException(f"a user with email {email} already exists")
        account = User(email=email.lower(), name=name, role=role)
        account.set_password(password)
        db.session.add(account)
        db.session.commit()
        click.echo(f"created {role} {email}")


@click.group()
def token():
    """Manage API tokens."""


@token.command("create")
@click.option("--email", required=True, help="The staff user the token acts for.")
@click.option("--label", default="", help="What the token is for.")
def create_token(email: str, label: str):
    """Issue a bearer token for the API; it is printed once and stored only hashed."""
    with _app().app_context():
        account = db.session.scalar(select(User).where(User.email == email.lower()))
        if account is None:
            raise click.ClickException(f"no user with email {email}")
        record, plain = ApiToken.issue(account, label)
        db.session.add(record)
        db.session.commit()
        click.echo(plain)
