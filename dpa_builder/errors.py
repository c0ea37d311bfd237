"""Error pages: JSON under /api/, HTML elsewhere; never a traceback."""
from flask import jsonify, render_template, request
from flask_babel import force_locale
from flask_babel import lazy_gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .content.specimen import SpecimenRefused
from .records.service import current_content
from .registry.service import NothingPublished

MESSAGES = {
    400: _("The request could not be understood."),
    403: _("You do not have access to this page."),
    404: _("There is nothing at this address."),
    405: _("This address does not accept that method."),
    413: _("The upload or request is too large."),
    429: _("Too many requests; please wait a minute and try again."),
    500: _("Something went wrong on our side; nothing was issued."),
    503: _("The service is not ready yet: no DPA content is published. Please try again later."),
}


def _respond(code: int, message: str):
    if request.path.startswith("/api/"):
        with force_locale("en"):  # the API speaks English, as its field errors do
            return jsonify(error=str(message)), code
    return render_template("error.html", code=code, message=message), code


def register(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _respond(400, _("The form expired or was not sent from this site; please reload "
                               "it and submit again."))

    @app.errorhandler(NothingPublished)
    def nothing_published(error):
        app.logger.error("%s", error)  # names the profile and the command that fixes it
        return _respond(503, MESSAGES[503])

    @app.errorhandler(SpecimenRefused)
    def specimen_refused(error):
        app.logger.error("%s", error)  # names each example or missing configuration value
        return _respond(503, str(error))

    # The DPA form and the desk say, before anything is typed, that DPAs are specimens here.
    app.jinja_env.globals["specimen_reasons"] = (
        lambda: current_content(app.config["DPA_DEFAULT_PROFILE"]).specimen)

    @app.errorhandler(HTTPException)
    def http_error(error):
        return _respond(error.code, MESSAGES.get(error.code, error.description))

    @app.errorhandler(Exception)
    def unexpected(error):
        app.logger.exception("unhandled error")
        return _respond(500, MESSAGES[500])
