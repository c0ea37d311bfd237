"""The variables clause texts may use, built from request, profile and registry."""
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..content.loader import Content
from ..request import Request, country_name
from .transfers import Transfer

# Legal's texts are templates; the customer's values are only ever data passed
# into them, so "{{ x }}" typed into a form prints as typed.
_ENV = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                     keep_trailing_newline=False)
CHANNELS = {"email": "email", "in_product": "in-product notice"}


@dataclass(frozen=True)
class Options:
    """Terms sales may agree within the bounds the profile sets."""

    notice_days: int | None = None
    governing_law: str | None = None


@lru_cache(maxsize=4096)
def _compiled(text: str):
    return _ENV.from_string(text)


def render_text(text: str, context: dict) -> str:
    return _compiled(text).render(context)


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def join_names(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def build_context(request: Request, content: Content, transfer: Transfer, options: Options) -> dict:
    profile, registry = content.profile, content.registry
    policy = profile.policy
    breach = "without undue delay"
    if policy.breach_notice_hours:
        breach += f" and in any event within {policy.breach_notice_hours} hours"
    customer = request.customer
    return {
        "product": profile.product,
        "service_description": profile.service_description,
        "data_location": profile.data_location,
        "processor": profile.processor,
        "customer": {**customer.model_dump(), "country_name": country_name(customer.country)},
        "signatory": request.signatory,
        "customer_role": request.role,
        "ai_features": request.ai_features,
        "effective_date": long_date(request.effective_date),
        "policy": {
            **policy.model_dump(),
            "notice_days": options.notice_days or policy.notice_days,
            "notice_channels_text": "by " + " and/or ".join(CHANNELS[c] for c in policy.notice_channels),
            "breach_notice_text": breach,
        },
        "registry": {"version": long_date(registry.version), "count": len(registry.subprocessors)},
        "opt_in_providers": join_names([s.legal_entity for s in registry.subprocessors if s.opt_in]),
        "integrations_list": "; ".join(f"{i.name} ({i.providers})" for i in content.integrations),
        "transfer": {**transfer.__dict__, "courts": transfer.courts},
    }
