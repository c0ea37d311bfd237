"""Alembic environment: Flask-Migrate runs it inside the application context."""
import logging

from alembic import context
from flask import current_app

# Quiet by default: `dpa serve` and the CLI run migrations on every start.
logging.getLogger("alembic").setLevel(logging.WARNING)
db = current_app.extensions["migrate"].db


def run_offline() -> None:
    """Write the SQL to standard output instead of running it."""
    context.configure(url=db.engine.url.render_as_string(hide_password=False),
                      target_metadata=db.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode copies a table and drops the old one, which a foreign key to it
            # would forbid; the pragma only takes effect outside a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        # Batch mode lets SQLite, which cannot alter columns in place, follow the same scripts.
        context.configure(connection=connection, target_metadata=db.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
