"""Subscribe to change notices (double opt-in), unsubscribe in one click, object to a change."""
from datetime import date

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from ..content.loader import available_profiles
from ..extensions import csrf, db, limiter
from ..registry import service as registry
from ..ui_language import current_language
from . import links, subscriptions
from .forms import ObjectionForm, SubscribeForm
from .models import Objection, Subscriber

bp = Blueprint("notices", __name__)


def _rate_limit() -> str:
    return current_app.config["DPA_RATE_LIMIT"]


def _address() -> str:
    return "subscribe:" + (request.form.get("email") or "").strip().lower()


@bp.post("/subscriptions")
@limiter.limit(_rate_limit)
@limiter.limit("5 per hour", key_func=_address)  # nobody can flood one inbox with confirmations
def subscribe():
    form = SubscribeForm()
    profile = form.profile.data
    if profile not in available_profiles():
        profile = form.profile.data = current_app.config["DPA_DEFAULT_PROFILE"]
    if form.validate():
        try:
            subscriptions.subscribe(form.email.data, profile, source="page", must_send=True,
                                    language=current_language())
        except subscriptions.BadAddress as exc:
            form.email.errors = [str(exc)]
        except subscriptions.NotSent:
            return render_template("notices/message.html", title=_("Please try again later"), text=_(
                "We could not send the confirmation email just now. Please try again in a few "
                "minutes."), args=_args(profile)), 503
        else:
            # The same answer whether or not the address was already subscribed.
            return render_template("notices/check_inbox.html", email=form.email.data,
                                   args=_args(profile))
    return render_template("notices/subscribe.html", form=form, args=_args(profile)), 422


@bp.route("/subscriptions/confirm/<token>", methods=["GET", "POST"])
def confirm(token: str):
    """GET only shows a button: link scanners follow links but do not press buttons."""
    subscriber = _subscriber(token, subscriptions.by_confirm_token)
    form = FlaskForm()
    if form.validate_on_submit():
        subscriptions.confirm(subscriber)
        return render_template("notices/message.html", title=_("Subscription confirmed"), text=_(
            "%(email)s will receive notice of sub-processor changes.", email=subscriber.email),
            args=_args(subscriber.profile))
    return render_template("notices/confirm.html", form=form, subscriber=subscriber)


@bp.route("/subscriptions/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt
def unsubscribe(token: str):
    """Mail clients POST `List-Unsubscribe=One-Click` (RFC 8058) with no session, hence
    no CSRF token: the token in the address is the credential, and it only unsubscribes."""
    subscriber = _subscriber(token, subscriptions.by_token)
    if subscriber.contractual:  # the DPA promises these notices: move them, never stop them
        return redirect(url_for("recipients.address", token=token), code=303)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
        return render_template("notices/message.html", title=_("Unsubscribed"), text=_(
            "%(email)s will receive no more sub-processor change notices.", email=subscriber.email),
            args=_args(subscriber.profile))
    return render_template("notices/unsubscribe.html", subscriber=subscriber)


@bp.route("/objections/<int:notice_id>/<token>", methods=["GET", "POST"], endpoint="object")
@limiter.limit(_rate_limit, methods=["POST"])
def object_to_change(notice_id: int, token: str):
    """Object through the link of one notice, to its change, until the change takes effect."""
    notice = links.notice_for(notice_id, token) if len(token) <= 64 else None
    if notice is None:
        abort(404)
    subscriber = db.session.get_one(Subscriber, notice.subscriber_id)
    record = registry.change_record(notice.change_id)
    described = registry.described(record)
    change = described.change
    profile = registry.content_for(record.profile).profile
    page = dict(change=change, summary=described.sentence,
                profile=profile, policy=profile.policy)
    if date.today() >= change.effective_on:
        return render_template("notices/object.html", closed=True, **page), 410
    form = ObjectionForm(email=subscriber.email)
    if form.validate_on_submit():
        objection = Objection(change_id=change.id, subscriber_id=subscriber.id, notice_id=notice.id,
                              company=form.company.data, name=form.name.data,
                              email=form.email.data, reason=form.reason.data)
        db.session.add(objection)
        db.session.commit()
        return render_template("notices/objected.html", objection=objection, **page)
    return render_template("notices/object.html", form=form, closed=False,
                           **page), 422 if form.is_submitted() else 200


def _subscriber(token: str, find) -> Subscriber:
    subscriber = find(token) if len(token) <= 64 else None
    if subscriber is None:
        abort(404)
    return subscriber


def _args(profile: str) -> dict:
    return {} if profile == current_app.config["DPA_DEFAULT_PROFILE"] else {"profile": profile}
