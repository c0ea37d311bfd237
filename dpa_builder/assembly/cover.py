"""The Cover Page: every customer-specific value of the DPA and both signature blocks.

The Standard Terms refer to these values ("the Notice Period stated on the
Cover Page"), so whatever differs between two customers is said here, once.
"""
from ..content.loader import Content
from ..request import Request
from .model import Block
from .postal import postal_address
from .transfers import Transfer


def fields(rows: list[tuple[str, str]]) -> Block:
    return Block("table", style="fields", rows=tuple((k, v) for k, v in rows if v))


def cover(request: Request, content: Content, transfer: Transfer, label, doc_id: str,
          facts: dict[str, str]) -> list[Block]:
    """The Cover Page's blocks; `facts` are the document's (assemble._facts), which it states."""
    blocks = [Block("title", label("title")), Block("subtitle", label("cover_subtitle"))]
    if content.specimen:
        blocks.append(Block("notice", label("specimen_notice", reasons="; ".join(content.specimen))))
    return [*blocks, Block("paragraph", label("cover_intro")),
            Block("subheading", label("customer")), _customer(request, content.language, label),
            Block("subheading", label("processor")), _processor(content, label),
            Block("subheading", label("cover_terms")),
            _terms(request, content, transfer, label, facts),
            Block("subheading", label("cover_document")),
            fields([(label("document_id"), doc_id), (label("content_version"), content.version),
                    (label("registry_version"), label("registry_version_value"))]),
            *signatures(request, content, label), Block("page_break")]


def _contact(*parts: str) -> str:
    return ", ".join(part for part in parts if part)


def _capital(phrase: str) -> str:
    """A phrase the texts also use mid-sentence ("a Wyoming limited liability company", an
    authority's rule), opening a value of its own."""
    return phrase[:1].upper() + phrase[1:]


def _customer(request: Request, language: str, label) -> Block:
    c, s = request.customer, request.signatory
    contact = (_contact(c.contact_name, c.contact_title, c.contact_email) if c.contact_name
               else _contact(s.name, s.title, c.contact_email))
    return fields([(label("legal_name"), c.legal_name),
                   (label("address"), postal_address(c.address, c.country, language)),
                   (label("registration_number"), c.registration_number),
                   (label("contact_person"), contact),
                   (label("signatory"), _contact(s.name, s.title, s.email)),
                   (label("customer_role"), label(f"role_{request.role}")),
                   (label("workspace"), request.workspace)])


def _processor(content: Content, label) -> Block:
    p = content.profile.processor
    contact = p.privacy_contact
    return fields([(label("legal_name"), p.legal_name), (label("entity"), _capital(p.description)),
                   (label("address"), p.address),
                   (label("contact_person"), _contact(contact.name, contact.title, contact.email)),
                   (label("signatory"), _contact(p.signatory.name, p.signatory.title))])


def _terms(request: Request, content: Content, transfer: Transfer, label,
           facts: dict[str, str]) -> Block:
    """The values the Standard Terms refer to, and every position chosen."""
    offers_ai = content.registry.offers_opt_in
    return fields([
        (label("effective_date"), label.date(request.effective_date)),
        (label("transfer_mechanism"), facts.get("transfer", "")),
        (label("region"), facts.get("region", "")),
        (label("authority"), _capital(transfer.authority)),
        (label("governing_law"), label("governing_law_value")),
        (label("notice_period"), label("notice_period_value")),
        (label("announced_cover"), facts.get("announced", "")),
        (label("ai_features"), label("ai_on" if request.ai_features else "ai_off") if offers_ai else ""),
        (label("breach_notice"), label("breach_notice_value")),
        (label("export"), label("export_value")),
        (label("deletion"), label("deletion_value")),
        (label("audits"), label("audits_value")),
        (label("liability"), label("liability_value")),
    ])


def signatures(request: Request, content: Content, label) -> list[Block]:
    """Both parties' blocks: name, title, date and place of signing, room to sign by hand."""
    processor, signatory = content.profile.processor, request.signatory
    line = "_" * 28
    sign = label("not_for_signature") if content.specimen else f"{label('signature')}: {line}"
    return [
        Block("subheading", label("signatures")),
        Block("paragraph", label("signatures_intro")),
        Block("table", style="signatures",
              columns=(label("for_customer"), label("for_processor")),
              rows=((request.customer.legal_name, processor.legal_name),
                    (sign, sign),
                    (f"{label('name')}: {signatory.name}", f"{label('name')}: {processor.signatory.name}"),
                    (f"{label('title_of_signatory')}: {signatory.title}",
                     f"{label('title_of_signatory')}: {processor.signatory.title}"),
                    (f"{label('date')}: {line}", f"{label('date')}: {line}"),
                    (f"{label('place')}: {line}", f"{label('place')}: {line}"))),
    ]
