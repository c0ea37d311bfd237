"""The web application factory: settings, extensions, blueprints, error pages, headers."""
from pathlib import Path

from flask import Flask

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def create_app(test_config: dict | None = None) -> Flask:
    """Create the web application; configuration comes from the environment."""
    from . import config

    app = Flask("dpa_builder")
    app.config.from_mapping(config.from_environment())
    if test_config:
        app.config.from_mapping(test_config)
    app.config["DPA_STORAGE"] = config.storage_backend(app.config)
    if app.config["DPA_STORAGE"] == "files":
        Path(app.config["DPA_STORAGE_DIR"]).mkdir(parents=True, exist_ok=True)
    if app.config["DPA_PROXY_COUNT"]:
        # Behind N trusted proxies, take the client address and scheme from their headers.
        from werkzeug.middleware.proxy_fix import ProxyFix
        hops = app.config["DPA_PROXY_COUNT"]
        # ProxyFix wraps the WSGI callable, as Flask documents.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security_headers(app)
    return app


def migrated_app() -> Flask:
    """The application with its database migrated: what each command-line tool needs."""
    app = create_app()
    with app.app_context():
        migrate_database()
    return app


def migrate_database() -> None:
    """Apply the migrations, then import each profile's first content version (once)."""
    from flask_migrate import upgrade

    from .registry.content_import import import_first_versions

    upgrade()
    import_first_versions()


def register_extensions(app: Flask) -> None:
    from . import ui_language
    from .extensions import csrf, db, limiter, login_manager, migrate
    from .notices import models as _notices  # noqa: F401 - tables for migrations
    from .records import once as _once  # noqa: F401
    from .records import storage as _storage  # noqa: F401
    from .registry import models as _registry  # noqa: F401
    from .staff.sessions import load_user

    db.init_app(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            _tune_sqlite(db.engine)
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "staff.login"
    login_manager.user_loader(load_user)
    ui_language.init_app(app)


def _tune_sqlite(engine) -> None:
    """Let several gunicorn workers share the embedded database: WAL, wait on locks."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def pragmas(connection, _record):
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def register_blueprints(app: Flask) -> None:
    from .api.views import bp as api
    from .customer.views import bp as customer
    from .legal.views import bp as legal
    from .notices.recipient_views import bp as recipients
    from .notices.views import bp as notices
    from .records.models import as_utc
    from .records.views import bp as records
    from .registry.views import bp as registry
    from .staff.views import bp as staff

    for blueprint in (customer, records, staff, api, legal, registry, notices, recipients):
        app.register_blueprint(blueprint)
    app.jinja_env.globals["utc"] = as_utc  # pages show stored times in UTC

    @app.context_processor
    def product():
        from .content.layout import ContentError
        from .records.service import current_content
        try:
            return {"product_name": current_content(app.config["DPA_DEFAULT_PROFILE"]).profile.product}
        except ContentError:  # nothing published yet: the error page still needs a name
            return {"product_name": "DPA Builder"}


def register_errorhandlers(app: Flask) -> None:
    from .errors import register

    register(app)


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def headers(response):
        # Everything is served from this origin; no inline script, no framing.
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if app.config["SESSION_COOKIE_SECURE"]:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
