from flask import Blueprint

bp = Blueprint("staff", __name__)


@bp.get("/staff/login")
def login():
    return "todo"
