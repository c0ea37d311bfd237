"""The web interface's language: the user's choice, then Accept-Language, else English.

`?lang=fr` on any page records the choice in the session. Every page says its
language in <html lang> (zh-CN, so that browsers pick Simplified Chinese
glyphs), and responses vary by Accept-Language and the cookie holding the choice.
"""
from flask import Flask, has_request_context, request, session
from flask_babel import Babel, get_locale

from .assembly.language import long_date

LANGUAGES = {"en": "English", "fr": "Français", "zh": "中文"}  # each in its own words
HTML_LANG = {"en": "en", "fr": "fr", "zh": "zh-CN"}
babel = Babel()


def select_language() -> str:
    if not has_request_context():  # a notice worker: each email picks its recipient's language
        return "en"
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES)) or "en"


def current_language() -> str:
    return str(get_locale() or "en")


def ui_date(day) -> str:
    """A date as the page's language writes it, as in the DPAs: "25 November 2026"."""
    return long_date(day, current_language())


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_language)

    @app.before_request
    def remember_choice():
        if request.args.get("lang") in LANGUAGES:
            session["lang"] = request.args["lang"]

    app.add_template_filter(ui_date)

    @app.context_processor
    def languages():
        return {"html_lang": HTML_LANG[current_language()], "ui_languages": LANGUAGES,
                "ui_language": current_language()}

    @app.after_request
    def vary(response):
        response.vary.update(("Accept-Language", "Cookie"))
        return response
