"""Schemas of the content legal owns: a processor's profile (annexes/<profile>/profile.yaml).

The annexes' files are in annex_schema.py, clauses in clause_schema.py and regimes in
regime_schema.py. Every model forbids unknown keys, so a typo in a YAML file is an
error rather than a silently ignored field.
"""
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Text = Field(min_length=1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def not_shorter_than(other: str):
    """A field validator: this number of days is at least the `other` field's."""
    def check(cls, value, info):
        if value < info.data.get(other, 0):
            raise ValueError(f"must not be shorter than {other}")
        return value
    return check


class Person(Strict):
    name: str = Text
    title: str = Text


class Contact(Strict):
    name: str = Text
    title: str = Text  # the position Annex I.A asks of each party's contact person
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

    _max_not_below_default = field_validator("notice_days_max")(not_shorter_than("notice_days"))
    _backups_not_before_active = field_validator("backup_deletion_days")(
        not_shorter_than("deletion_days"))


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
