"""`dpa user create|list|disable|enable|set-password`: staff accounts from the command line."""
import click
from sqlalchemy import select

from ..extensions import db
from .models import ROLES, User


def app_context():
    from ..app import migrated_app
    return migrated_app().app_context()


def _password(password: str) -> str:
    if len(password) < 12:
        raise click.BadParameter("use at least 12 characters", param_hint="--password")
    return password


def find_user(email: str) -> User:
    account = db.session.scalar(select(User).where(User.email == email.lower()))
    if account is None:
        raise click.ClickException(f"no user with email {email}")
    return account


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
    password = _password(password)
    with app_context():
        if db.session.scalar(select(User).where(User.email == email.lower())):
            raise click.ClickException(f"a user with email {email} already exists")
        account = User(email=email.lower(), name=name, role=role)
        account.set_password(password)
        db.session.add(account)
        db.session.commit()
        click.echo(f"created {role} {email}")


@user.command("list")
def list_users():
    """Every staff account: email, role, enabled or disabled, name."""
    with app_context():
        for account in db.session.scalars(select(User).order_by(User.email)):
            state = "enabled" if account.active else "disabled"
            click.echo(f"{account.email}\t{account.role}\t{state}\t{account.name}")


@user.command("disable")
@click.option("--email", required=True)
def disable(email: str):
    """Refuse the account's sign-ins and API tokens; its sessions end at once."""
    with app_context():
        account = find_user(email)
        account.active = False
        account.end_sessions()
        db.session.commit()
        click.echo(f"disabled {account.email}; its sessions have ended")


@user.command("enable")
@click.option("--email", required=True)
def enable(email: str):
    """Let a disabled account sign in again."""
    with app_context():
        account = find_user(email)
        account.active = True
        db.session.commit()
        click.echo(f"enabled {account.email}")


@user.command("set-password")
@click.option("--email", required=True)
@click.password_option(help="Prompted for (twice) when not given.")
def set_password(email: str, password: str):
    """Give the account a new password; every session signed in with the old one ends."""
    password = _password(password)
    with app_context():
        account = find_user(email)
        account.set_password(password)
        db.session.commit()
        click.echo(f"new password set for {account.email}; its sessions have ended")
