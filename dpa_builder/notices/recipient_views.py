"""Contract recipients: a customer or sales adds one; a recipient moves notices to another
address. Contractual notices cannot be turned off, and the pages say so."""
from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..records.models import DocumentRecord
from . import contracts, subscriptions
from .forms import RecipientForm

bp = Blueprint("recipients", __name__)


@bp.route("/documents/<record_id>/recipients", methods=["GET", "POST"])
def for_record(record_id: str):
    """Who receives the customer's notices; whoever holds the DPA's link may add someone."""
    record = db.session.get(DocumentRecord, record_id) or abort(404)
    customer = contracts.customer_of(record) or abort(404)
    form = RecipientForm()
    if form.validate_on_submit() and _added(form, customer):
        return redirect(url_for("recipients.for_record", record_id=record_id), code=303)
    return render_template("notices/recipients.html", form=form, record=record, customer=customer,
                           recipients=contracts.recipients(customer),
                           staff=current_user.is_authenticated), 422 if form.errors else 200


@bp.post("/documents/<record_id>/recipients/<int:recipient_id>/remove")
def remove(record_id: str, recipient_id: int):
    """Take off someone sales or the customer added; the contacts the DPA names stay."""
    record = db.session.get(DocumentRecord, record_id) or abort(404)
    customer = contracts.customer_of(record) or abort(404)
    if not FlaskForm().validate_on_submit():
        abort(400)
    if not contracts.remove(customer, recipient_id):
        abort(404)
    return redirect(url_for("recipients.for_record", record_id=record_id), code=303)


def _added(form: RecipientForm, customer) -> bool:
    try:
        address = subscriptions.normalise(form.email.data)
    except subscriptions.BadAddress as exc:
        form.email.errors = [str(exc)]
        return False
    contracts.add(customer, address, "sales" if current_user.is_authenticated else "customer")
    db.session.commit()
    contracts.queue_pending(customer)  # a person registered now is told of what is announced
    return True


@bp.route("/recipients/<token>", methods=["GET", "POST"])
def address(token: str):
    """A contract recipient sends the notices to another address (the link is in each notice)."""
    recipient = subscriptions.by_token(token) if len(token) <= 64 else None
    if recipient is None or not recipient.contractual or not recipient.active:
        abort(404)
    form, moved = RecipientForm(), None
    if form.validate_on_submit():
        moved = _moved(form, recipient)
    return render_template("notices/address.html", form=form, recipient=recipient, moved=moved), \
        422 if form.errors else 200


def _moved(form: RecipientForm, recipient) -> str | None:
    try:
        recipient.email = subscriptions.normalise(form.email.data)
        db.session.commit()
        return recipient.email
    except subscriptions.BadAddress as exc:
        form.email.errors = [str(exc)]
    except IntegrityError:  # that address already receives this customer's notices
        db.session.rollback()
        form.email.errors = [_("This address already receives these notices.")]
    return None
