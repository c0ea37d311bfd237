"""Schemas of the content legal owns: profiles, registry, annexes, clauses.

Every model forbids unknown keys, so a typo in a YAML file is an error
rather than a silently ignored field.
"""
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Text = Field(min_length=1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(Strict):
    name: str = Text
    title: str = Text


class Contact(Strict):
    name: str = Text
    email: str = Text


class Processor(Strict):
    legal_name: str = Text
    description: str = Text  # e.g. "a Wyoming limited liability company"
    address: str = Text
    country: str = Field(pattern=r"^[A-Z]{2}$")
    activities: str = Text  # Annex I.A "activities relevant to the data transferred"
    signatory: Person
    privacy_contact: Contact


class Policy(Strict):
    """The promises the processor makes about sub-processor changes and more."""

    notice_days: int = Field(ge=1, le=365)
    notice_days_max: int = Field(ge=1, le=365)  # the longest period sales may agree
    notice_channels: list[Literal["email", "in_product"]] = Field(min_length=1)
    # Whether change notices also go to the customer's signatory, beside the Annex I.A contact.
    notice_to_signatory: bool = False
    objection_grounds: str = Text
    objection_remedy: str = Text  # completes "the Customer may ..."
    changelog_months: int = Field(ge=1)
    breach_notice_hours: int | None = Field(default=None, ge=1)
    deletion_days: int = Field(ge=1)  # deletion from active systems, after the export window
    audits_per_year: int = Field(ge=1)
    # Counsel's positions (README, "Content"): each a value legal sets, not a clause literal.
    export_days: int = Field(ge=1)  # after the Services end, the Customer may still export
    backup_deletion_days: int = Field(ge=1)  # backups gone, after deletion from active systems
    data_protection_cap: str = ""  # completes "is limited to ..."; empty: the Agreement's cap
    objection_withholds_data: bool  # an objecting customer's data kept from the new provider
    subprocessor_audit_reports: bool  # audits through providers' own reports where needed
    standard_terms_vendors: bool  # providers on their own terms: "the same level of protection"
    assistance_costs: str = Text  # a sentence: who pays for assistance under the DPA

    @field_validator("notice_days_max")
    @classmethod
    def _max_not_below_default(cls, value, info):
        if value < info.data.get("notice_days", 0):
            raise ValueError("must not be shorter than notice_days")
        return value

    @field_validator("backup_deletion_days")
    @classmethod
    def _backups_not_before_active(cls, value, info):
        if value < info.data.get("deletion_days", 0):
            raise ValueError("must not be shorter than deletion_days")
        return value


class DpfCertification(Strict):
    """Whether the processor is certified under each part of the Data Privacy Framework.

    Never assumed: a profile that says nothing is not certified, and the DPA
    then relies on the transfer clauses alone.
    """

    eu: bool = False
    uk_extension: bool = False  # only on top of the EU-US certification
    swiss: bool = False

    @field_validator("uk_extension")
    @classmethod
    def _extension_needs_eu(cls, value, info):
        if value and not info.data.get("eu"):
            raise ValueError("the UK Extension requires the EU-US certification (eu: true)")
        return value


class Profile(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    # Non-empty when this profile's DPAs can only be specimens, saying why (for
    # example, a policy the processor has not published).
    specimen: str = ""
    product: str = Text
    service_description: str = Text
    processor: Processor
    data_location: str = Text
    policy: Policy
    eu_governing_law_fallback: str = Field(pattern=r"^[A-Z]{2}$")
    dpf: DpfCertification = DpfCertification()


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


class Registry(Strict):
    version: date
    categories: list[Category] = Field(min_length=1)
    subprocessors: list[SubProcessor] = Field(min_length=1)


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

