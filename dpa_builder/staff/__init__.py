"""Staff accounts and pages; importing it registers every route on views.bp."""
from . import desk, login

__all__ = ["desk", "login"]
