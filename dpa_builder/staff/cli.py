"""`dpa user create|list|disable|enable|set-password`: staff accounts from the command line."""
import click
from email_validator import EmailNotValidError, validate_email
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


def _email(ctx, param, email: str) -> str:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        raise click.BadParameter(str(exc)) from None
    return email


def _name(ctx, param, name: str) -> str:
    if not 0 < len(name.strip()) <= 200:
        raise click.BadParameter("give 1 to 200 characters")
    return name.strip()


def _user_with(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email.lower()))


def find_user(email: str) -> User:
    account = _user_with(email)
    if account is None:
        raise click.ClickException(f"no user with email {email}")
    return account


@click.group()
def user():
    """Manage staff accounts."""


@user.command("create")
@click.option("--email", required=True, callback=_email)
@click.option("--name", required=True, callback=_name)
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.password_option(help="Prompted for (twice) when not given.")
def create_user(email: str, name: str, role: str, password: str):
    """Create a staff account with a hashed password."""
    password = _password(password)
    with app_context():
        if _user_with(email):
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
    _set_active(email, False, "disabled {}; its sessions have ended")


@user.command("enable")
@click.option("--email", required=True)
def enable(email: str):
    """Let a disabled account sign in again."""
    _set_active(email, True, "enabled {}")


def _set_active(email: str, active: bool, done: str) -> None:
    with app_context():
        account = find_user(email)
        account.active = active
        if not active:
            account.end_sessions()
        db.session.commit()
        click.echo(done.format(account.email))


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
