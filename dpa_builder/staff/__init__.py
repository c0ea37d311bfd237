"""Staff accounts and pages; importing it registers every route on views.bp."""
from . import login

__all__ = ["login"]
