"""The variables legal's texts may use, as plain data, one context per part of the DPA.

- `terms_context`, for the Standard Terms: the profile, the policy, the registry
  and the options that make up a terms key (regime, role, AI features), and
  nothing about the customer, the date, the processor's configured people or a
  sales option. A clause naming `customer.legal_name` therefore fails instead of
  making the terms differ between customers: it refers to the Cover Page.
- `cover_context`, for the Cover Page: everything.

Plain data only: legal's texts are templates, and a model's methods would reach
the server. The customer's values are only ever data passed in, so "{{ x }}"
typed into a form prints as typed.
"""
from dataclasses import dataclass

from ..content.loader import Content
from ..content.sandbox import plain
from ..request import Request, region_name
from .language import country_name, join_names, long_date
from .postal import address_lines
from .transfers import Transfer

CHANNELS = {"email": "email", "in_product": "in-product notice"}


@dataclass(frozen=True)
class Options:
    """Terms sales may agree within the bounds the profile sets."""

    notice_days: int | None = None
    governing_law: str | None = None
    # A translated DPA: the missing or stale parts to give in English ("all", clause
    # ids, "label.<id>"), and whether to set the English and the translation together.
    english_for: tuple[str, ...] = ()
    bilingual: bool = False


def ai_choice(request: Request, content: Content) -> bool:
    """The AI choice counts only where the profile offers opt-in AI providers."""
    return request.ai_features and content.registry.offers_opt_in


def terms_context(content: Content, transfer: Transfer, role: str, ai_features: bool) -> dict:
    """What the Standard Terms may use: nothing about one customer, date or sales option."""
    profile, registry, language = content.profile, content.registry, content.language
    policy = profile.policy.model_dump(exclude={"notice_days", "notice_days_max"})
    breach = "without undue delay"
    if policy["breach_notice_hours"]:
        breach += f" and in any event within {policy['breach_notice_hours']} hours"
    return plain({
        "product": profile.product,
        "service_description": profile.service_description,
        "data_location": profile.data_location,
        "processor": profile.processor.model_dump(exclude={"signatory", "privacy_contact"}),
        "customer_role": role,
        "ai_features": ai_features,
        "policy": {**policy, "breach_notice_text": breach,
                   "notice_channels_text": "by " + " and/or ".join(
                       CHANNELS[c] for c in profile.policy.notice_channels)},
        "registry": {"version": long_date(registry.version, language),
                     "count": len(registry.subprocessors)},
        "opt_in_providers": join_names([s.legal_entity for s in registry.subprocessors if s.opt_in],
                                       language),
        # AI providers engaged for every customer, whatever the AI choice.
        "ai_providers": join_names([s.legal_entity for s in registry.subprocessors
                                    if s.ai_provider and not s.opt_in], language),
        "integrations_list": "; ".join(f"{i.name} ({i.providers})" for i in content.integrations),
        # The authority is the customer's: here it is the phrase that refers to the Cover Page.
        "transfer": {"kind": transfer.kind, "module": transfer.module,
                     "module_parties": transfer.module_parties, "dpf": transfer.dpf,
                     "authority": content.labels.get("authority_reference", "")
                     if transfer.authority else ""},
        "regime": _regime(content, transfer),
    })


def cover_context(request: Request, content: Content, transfer: Transfer, options: Options,
                  terms: dict) -> dict:
    """Everything, for the Cover Page's own texts: the terms' variables and the customer's."""
    language, customer = content.language, request.customer
    return plain({
        **terms,
        "processor": content.profile.processor,
        # In a sentence the address runs on one line, without a country the clause names itself.
        "customer": {**customer.model_dump(), "country_name": country_name(customer.country, language),
                     "address": ", ".join(address_lines(customer.address, customer.country)),
                     "region_name": region_name(transfer.region) if transfer.region else ""},
        "signatory": request.signatory,
        "effective_date": long_date(request.effective_date, language),
        "notice_days": options.notice_days or content.profile.policy.notice_days,
        "transfer": {**transfer.__dict__, "courts": transfer.courts},
    })


def _regime(content: Content, transfer: Transfer) -> dict:
    """The customer's regime as its clauses may use it: title and, where it could apply, the DPF."""
    regime = content.regimes[transfer.kind]
    return {"id": regime.id, "title": regime.title,
            "laws": "; ".join(law.law for law in regime.regional_laws if law.law),
            "other_regions": join_names([region_name(law.region) for law in regime.regional_laws
                                         if not law.law]),
            "dpf": regime.dpf.model_dump() if transfer.dpf and regime.dpf else None}
