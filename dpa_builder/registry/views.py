"""The public sub-processor page, its JSON, the changelog and its Atom feed."""
from datetime import date
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for
from flask_babel import lazy_gettext as _

from ..assembly.language import long_date
from ..content.loader import available_profiles
from ..notices.forms import SubscribeForm
from . import service
from .changes import registry_on

bp = Blueprint("registry", __name__)
KIND_LABELS = {"add": _("Addition"), "replace": _("Replacement"), "remove": _("Removal")}


def _profile() -> str:
    profile = request.args.get("profile") or current_app.config["DPA_DEFAULT_PROFILE"]
    if profile not in available_profiles():
        abort(404)
    return profile


def _entries(profile: str) -> list[dict]:
    """Every change with its one sentence, worded once in the registry's core."""
    return [{"change": d.change, "kind": KIND_LABELS[d.change.kind], "summary": d.sentence}
            for d in service.change_log(profile)]


def _state(profile: str) -> dict:
    content = service.content_for(profile)
    today = date.today()
    entries = _entries(profile)
    current, _ = registry_on(content.registry, [e["change"] for e in entries], today)
    groups = [(category, [s for s in current.subprocessors if s.category == category.id])
              for category in current.categories]
    return {"content": content, "profile": content.profile, "policy": content.profile.policy,
            "registry": current, "groups": [(c, entries) for c, entries in groups if entries],
            "upcoming": [e for e in entries if e["change"].effective_on > today],
            "integrations": content.integrations, "args": _args(profile)}


def _args(profile: str) -> dict:
    """Keep a non-default profile in every link."""
    return {} if profile == current_app.config["DPA_DEFAULT_PROFILE"] else {"profile": profile}


@bp.get("/subprocessors")
def page():
    state = _state(_profile())
    form = SubscribeForm(profile=state["profile"].id)
    response = current_app.make_response(
        render_template("registry/page.html", form=form, **state))
    # Feed discovery that works whatever the base layout's <head> holds (RFC 8288).
    feed = url_for("registry.feed", **state["args"])
    response.headers["Link"] = f'<{feed}>; rel="alternate"; type="application/atom+xml"'
    return response


@bp.get("/subprocessors.json")
def json():
    state = _state(_profile())
    policy = state["policy"]
    return jsonify({
        "profile": state["profile"].id, "processor": state["profile"].processor.legal_name,
        "version": state["registry"].version.isoformat(),
        "categories": [c.model_dump() for c in state["registry"].categories],
        "subprocessors": [s.model_dump(mode="json") for s in state["registry"].subprocessors],
        "upcoming_changes": [{
            "id": e["change"].id, "kind": e["change"].kind, "target": e["change"].target or None,
            "summary": e["summary"], "announced_on": e["change"].announced_on.isoformat(),
            "effective_on": e["change"].effective_on.isoformat(),
            "subprocessor": e["change"].entry.model_dump(mode="json") if e["change"].entry else None,
        } for e in state["upcoming"]],
        "integrations": [i.model_dump() for i in state["integrations"]],
        "policy": {"notice_days": policy.notice_days, "notice_channels": policy.notice_channels,
                   "objection_grounds": policy.objection_grounds,
                   "objection_remedy": policy.objection_remedy,
                   "changelog_months": policy.changelog_months},
    })


@bp.get("/subprocessors/changelog")
def changelog():
    profile = _profile()
    content = service.content_for(profile)
    return render_template("registry/changelog.html", entries=_newest_first(_entries(profile)),
                           profile=content.profile, registry=content.registry, today=date.today(),
                           args=_args(profile))


@bp.get("/subprocessors/changelog.atom")
def feed():
    profile = _profile()
    content = service.content_for(profile)
    entries = _newest_first(_entries(profile))
    # Ids must never change: they name the change record, not the page it is shown on.
    host = urlsplit(current_app.config["DPA_PUBLIC_URL"]).hostname or "localhost"
    newest = max([content.registry.version, *(e["change"].announced_on for e in entries)])
    body = render_template("registry/changelog.xml", entries=entries, profile=content.profile,
                           host=host, since=content.registry.version.isoformat(),
                           updated=_atom_time(newest), atom_time=_atom_time,
                           long_date=long_date, args=_args(profile))
    return current_app.response_class(body, mimetype="application/atom+xml")


def _newest_first(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda e: (e["change"].announced_on, e["change"].id), reverse=True)


def _atom_time(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
