"""Legal's workspace; importing it registers every route on views.bp."""
from . import content_views

__all__ = ["content_views"]
