from flask import Blueprint

bp = Blueprint("records", __name__)


@bp.get("/verify")
def verify():
    return "todo"
