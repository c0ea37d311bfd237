"""Schemas of a processor's annex files: Annex I.B (processing.yaml), Annex II (security.yaml),
Annex III (registry.yaml) and the integrations beside it, which are never sub-processors."""
from datetime import date
from typing import Literal

from pydantic import Field

from .schema import Strict, Text


class Category(Strict):
    id: str = Text
    title: str = Text


class SubProcessor(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    brand: str = Text
    legal_entity: str = Text
    address: str = Text
    country: str = Field(pattern=r"^[A-Z]{2}$")
    processing_location: str = Text
    category: str = Text
    purpose: str = Text
    workspace_content: bool
    # Engaged only for customers who enable AI features (then also an AI provider).
    opt_in: bool = False
    # Provides AI functionality: the AI clause names it, whether opt-in or not.
    ai: bool = False
    # A payment processor: receives Account Data only and acts largely as an independent
    # controller (the DPA's definition of Account Data).
    payment_processor: bool = False
    since: date

    @property
    def ai_provider(self) -> bool:
        return self.ai or self.opt_in

    @property
    def named(self) -> str:
        """The legal entity with its brand, as every list and notice names it."""
        return f"{self.legal_entity} ({self.brand})"


class AnnouncedChange(Strict):
    """A change announced but not yet in effect on the day a DPA is issued, as Annex III and
    the Cover Page list it: the sub-processor coming in and the one going out (None where
    there is none). The service fills these in from its announced changes; registry.yaml
    never holds them."""

    kind: Literal["add", "replace", "remove"]
    incoming: SubProcessor | None = None
    outgoing: SubProcessor | None = None
    effective_on: date


class Registry(Strict):
    version: date
    categories: list[Category] = Field(min_length=1)
    subprocessors: list[SubProcessor] = Field(min_length=1)
    announced: list[AnnouncedChange] = []  # in the order they take effect

    @property
    def offers_opt_in(self) -> bool:
        """Whether some sub-processor is engaged only for customers who enable it (AI)."""
        return any(s.opt_in for s in self.subprocessors)


class Integration(Strict):
    name: str = Text
    providers: str = Text
    location: str = Text
    description: str = Text


class Integrations(Strict):
    integrations: list[Integration]


class Processing(Strict):
    """Annex I.B: the description of the processing."""

    data_subjects: list[str] = Field(min_length=1)
    data_categories: list[str] = Field(min_length=1)
    sensitive_data: str = Text
    frequency: str = Text
    nature: str = Text
    purpose: str = Text
    retention: str = Text
    subprocessor_transfers: str = Text


class MeasureGroup(Strict):
    heading: str = Text
    measures: list[str] = Field(min_length=1)


class Security(Strict):
    """Annex II: technical and organisational measures."""

    groups: list[MeasureGroup] = Field(min_length=1)


def registry_problems(registry: Registry | None, relative: str) -> list[str]:
    """What the registry's model cannot check alone: known categories, each id once, and
    no announced changes (the service lists those legal announces)."""
    if registry is None:
        return []
    categories = {c.id for c in registry.categories}
    problems, seen = [], set()
    if registry.announced:
        problems.append(f"{relative}: announced: the service lists the changes announced on "
                        "/legal/ itself; delete this key")
    for index, entry in enumerate(registry.subprocessors):
        where = f"{relative}: subprocessors[{index}] ({entry.id})"
        if entry.category not in categories:
            problems.append(f"{where}: category: {entry.category!r} is not one of {sorted(categories)}")
        if entry.id in seen:
            problems.append(f"{where}: id: duplicate")
        seen.add(entry.id)
    return problems
