from flask import Blueprint

bp = Blueprint("legal", __name__, url_prefix="/legal")
