"""Notice recipients from contracts: each issued DPA enrols its customer's contacts.

Clause 5.3 of every DPA promises notices "to the Customer's contact named in Annex
I.A" (and to the signatory where the profile's policy says so) "and to the persons
registered". A customer is a company of a profile (its country and folded legal
name); its newest DPA decides its notice period and replaces the contacts an older
DPA named. Recipients that sales or the customer added stay. Contract recipients
are confirmed by the contract itself: they can move notices to another address,
never opt out of them.
"""
import logging
from datetime import date, datetime

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from ..content.loader import Content
from ..extensions import db
from ..records.models import DocumentRecord, utcnow
from ..registry import service as registry
from . import outbox
from .models import Customer, Subscriber
from .subscriptions import normalise

log = logging.getLogger(__name__)


def customer_key(record: DocumentRecord) -> str:
    return f"{record.country}:{record.company_folded}"


def named_by(record: DocumentRecord, content: Content) -> set[str]:
    """The addresses this DPA names for notices."""
    named = {record.request["customer"]["contact_email"]}
    if content.profile.policy.notice_to_signatory:
        named.add(record.request["signatory"]["email"])
    return {normalise(address) for address in named}


def enrol(record: DocumentRecord, content: Content) -> Customer:
    """Make this DPA the customer's newest and its contacts the customer's contract
    recipients; queue them the notices of changes not yet in effect."""
    customer = _customer(record)
    if customer.record_id != record.id:
        customer.record_id, customer.document_id = record.id, record.document_id
        customer.name, customer.notice_days = record.company, record.notice_days or 0
        customer.updated_at = utcnow()
    named = named_by(record, content)
    db.session.execute(update(Subscriber).where(
        Subscriber.customer_id == customer.id, Subscriber.source == "contract",
        Subscriber.email.not_in(named), Subscriber.unsubscribed_at.is_(None))
        .values(unsubscribed_at=utcnow()))
    for address in named:
        add(customer, address, "contract")
    db.session.commit()
    queue_pending(customer)
    return customer


def enrol_stragglers(since: datetime, until: datetime) -> int:
    """Enrol each DPA issued between `since` and `until` that is newer than its customer's
    newest (or has no customer): its request stopped between storing the record and
    enrolling the contacts. `until` leaves alone the requests still enrolling theirs.
    Oldest first, so that a customer's newest DPA is enrolled last; one that fails is
    logged and left for the next sweep, and the others are still enrolled."""
    current = aliased(DocumentRecord)
    key = DocumentRecord.country + ":" + DocumentRecord.company_folded
    stragglers = db.session.scalars(
        select(DocumentRecord)
        .outerjoin(Customer, (Customer.profile == DocumentRecord.profile) & (Customer.key == key))
        .outerjoin(current, current.id == Customer.record_id)
        .where(DocumentRecord.issued_at >= since, DocumentRecord.issued_at < until,
               or_(Customer.id.is_(None), current.issued_at < DocumentRecord.issued_at))
        .order_by(DocumentRecord.issued_at)).all()
    enrolled = 0
    for record in stragglers:
        try:
            enrol(record, registry.content_for(record.profile, record.content_version))
            enrolled += 1
        except Exception:  # noqa: BLE001 - one DPA's failure must not stop every notice
            db.session.rollback()
            log.exception("DPA %s: its contacts could not be enrolled", record.id)
    return enrolled


def queue_pending(customer: Customer) -> None:
    """Queue the customer's recipients the notices of changes not yet in effect, once each:
    its DPA lists them as Announced Changes, and the clause promises their notice too."""
    for change in registry.changes(customer.profile):
        if change.effective_on > date.today():
            outbox.queue(change.id, customer.profile, customer_id=customer.id)


def add(customer: Customer, address: str, source: str) -> Subscriber:
    """Register an address for this customer's notices (again, if it was replaced)."""
    recipient = db.session.scalar(select(Subscriber).where(
        Subscriber.customer_id == customer.id, Subscriber.email == address))
    if recipient is None:
        recipient = Subscriber(profile=customer.profile, email=address, customer_id=customer.id,
                               source=source, confirmed_at=utcnow(), confirm_token=None)
        db.session.add(recipient)
    elif recipient.unsubscribed_at is not None:
        recipient.unsubscribed_at, recipient.source = None, source
    db.session.flush()
    return recipient


def recipients(customer: Customer) -> list[Subscriber]:
    return list(db.session.scalars(select(Subscriber).where(
        Subscriber.customer_id == customer.id, Subscriber.unsubscribed_at.is_(None))
        .order_by(Subscriber.id)))


def remove(customer: Customer, recipient_id: int) -> bool:
    """Stop an added recipient's notices (queued ones are cancelled when due); never the
    contract's own contacts. False when there is no such added recipient."""
    recipient = db.session.get(Subscriber, recipient_id)
    if (recipient is None or recipient.customer_id != customer.id or recipient.source == "contract"
            or recipient.unsubscribed_at is not None):
        return False
    recipient.unsubscribed_at = utcnow()
    db.session.commit()
    return True


def lists(customer: Customer | None, change_id: int) -> bool:
    """Whether the customer's newest DPA lists this change among its Announced Changes."""
    record = db.session.get(DocumentRecord, customer.record_id) if customer else None
    return record is not None and change_id in record.announced_changes


def customer_of(record: DocumentRecord) -> Customer | None:
    return db.session.scalar(select(Customer).where(
        Customer.profile == record.profile, Customer.key == customer_key(record)))


def _customer(record: DocumentRecord) -> Customer:
    customer = customer_of(record)
    if customer is not None:
        return customer
    db.session.add(Customer(profile=record.profile, key=customer_key(record), name=record.company,
                            record_id=record.id, document_id=record.document_id,
                            notice_days=record.notice_days))
    try:
        db.session.commit()
    except IntegrityError:  # the same customer's other DPA, issued at the same moment
        db.session.rollback()
    customer = customer_of(record)
    assert customer is not None  # inserted by this request or by the one that raced it
    return customer
