"""The variables clause texts may use, built from request, profile and registry."""
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




def build_context(request: Request, content: Content, transfer: Transfer, options: Options) -> dict:
    """Plain data only: legal's texts are templates, and a model's methods would reach the server.

    The customer's values are only ever data passed in, so "{{ x }}" typed into
    a form prints as typed.
    """
    profile, registry = content.profile, content.registry
    policy, language = profile.policy, content.language
    breach = "without undue delay"
    if policy.breach_notice_hours:
        breach += f" and in any event within {policy.breach_notice_hours} hours"
    customer = request.customer
    return plain({
        "product": profile.product,
        "service_description": profile.service_description,
        "data_location": profile.data_location,
        "processor": profile.processor,
        # In a sentence the address runs on one line, without a country the clause names itself.
        "customer": {**customer.model_dump(), "country_name": country_name(customer.country, language),
                     "address": ", ".join(address_lines(customer.address, customer.country)),
                     "region_name": region_name(transfer.region) if transfer.region else ""},
        "signatory": request.signatory,
        "customer_role": request.role,
        "ai_features": request.ai_features,
        "effective_date": long_date(request.effective_date, language),
        "policy": {
            **policy.model_dump(),
            "notice_days": options.notice_days or policy.notice_days,
            "notice_channels_text": "by " + " and/or ".join(CHANNELS[c] for c in policy.notice_channels),
            "breach_notice_text": breach,
        },
        "registry": {"version": long_date(registry.version, language), "count": len(registry.subprocessors)},
        "opt_in_providers": join_names([s.legal_entity for s in registry.subprocessors if s.opt_in],
                                       language),
        "integrations_list": "; ".join(f"{i.name} ({i.providers})" for i in content.integrations),
        "transfer": {**transfer.__dict__, "courts": transfer.courts},
        "regime": _regime(content, transfer),
    })


def _regime(content: Content, transfer: Transfer) -> dict:
    """The customer's regime as its clauses may use it: title and, where it could apply, the DPF."""
    regime = content.regimes[transfer.kind]
    return {"id": regime.id, "title": regime.title,
            "laws": "; ".join(law.law for law in regime.regional_laws if law.law),
            "other_regions": join_names([region_name(law.region) for law in regime.regional_laws
                                         if not law.law]),
            "dpf": regime.dpf.model_dump() if transfer.dpf and regime.dpf else None}
