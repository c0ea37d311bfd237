from flask import Blueprint

bp = Blueprint("customer", __name__)


@bp.get("/")
def form():
    return "todo"
