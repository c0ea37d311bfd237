"""Entry point for gunicorn: `gunicorn -w 4 wsgi:app`."""
from dpa_builder.app import create_app

app = create_app()
