"""Schema of a clause file (clause_library/NN-<id>.yaml): its paragraphs and when it applies."""
from typing import Literal

from pydantic import Field

from .schema import Strict, Text


class Bullets(Strict):
    bullets: list[str] = Field(min_length=1)


Paragraph = str | Bullets


class Condition(Strict):
    """When a clause applies; every key given must match."""

    regime: list[str] | None = None  # ids of regimes (regimes/<id>.yaml)
    # Where the Data Privacy Framework could apply: is the processor certified?
    dpf: Literal["certified", "not_certified"] | None = None
    role: Literal["controller", "processor"] | None = None
    ai_features: bool | None = None
    # Whether the profile offers AI providers that a customer opts in to (Annex III's
    # opt_in entries); without them the AI choice does not apply.
    opt_in_ai: bool | None = None


class Clause(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = Field(ge=1)
    title: str = Text
    when: Condition = Condition()
    paragraphs: list[Paragraph] = Field(min_length=1)
