"""The generated parts: cover page, Annexes I–III and the signature page."""
from ..content.loader import Content
from ..content.regime_schema import Regime
from ..request import Request
from .model import Block
from .postal import postal_address


def _fields(rows: list[tuple[str, str]]) -> Block:
    return Block("table", style="fields", rows=tuple((k, v) for k, v in rows if v))


def _customer_line(request: Request, language: str) -> str:
    """Name, address and registration on their own lines, the country named once."""
    c = request.customer
    parts = [c.legal_name, postal_address(c.address, c.country, language)]
    if c.registration_number:
        parts.append(c.registration_number)
    return "\n".join(parts)


def _processor_line(content: Content) -> str:
    p = content.profile.processor
    return f"{p.legal_name}, {p.description}, {p.address}"


def cover(request: Request, content: Content, regime: Regime, label, doc_id: str) -> list[Block]:
    return [
        Block("title", label("title")),
        Block("subtitle", label("cover_subtitle")),
        _fields([
            (label("processor"), _processor_line(content)),
            (label("customer"), _customer_line(request, content.language)),
            (label("customer_role"), label(f"role_{request.role}")),
            (label("workspace"), request.workspace),
            (label("effective_date"), label.date(request.effective_date)),
            (label("transfer_mechanism"), label.render(regime.labels.mechanism)),
            (label("registry_version"), label("registry_version_value")),
            (label("document_id"), doc_id),
            (label("content_version"), content.version),
        ]),
        Block("paragraph", label("cover_intro")),
        Block("page_break"),
    ]


def annex_one(request: Request, content: Content, regime: Regime, label) -> list[Block]:
    processor, customer = content.profile.processor, request.customer
    contact = customer.contact_name or request.signatory.name
    processing = content.processing
    return [
        Block("page_break"),
        Block("heading", label("annex_i")),
        Block("subheading", label("annex_i_a")),
        _fields([
            (label("exporter"), _customer_line(request, content.language)),
            (label("contact_person"), f"{contact}, {customer.contact_email}"),
            (label("activities"), label("customer_activities")),
            (label("role"), label(f"role_{request.role}")),
            (label("signature_and_date"), label("see_signatures")),
        ]),
        _fields([
            (label("importer"), _processor_line(content)),
            (label("contact_person"),
             f"{processor.privacy_contact.name}, {processor.privacy_contact.email}"),
            (label("activities"), processor.activities),
            (label("role"), label("role_processor")),
            (label("signature_and_date"), label("see_signatures")),
        ]),
        Block("subheading", label("annex_i_b")),
        _fields([(label(key), label.render(value)) for key, value in [
            ("data_subjects", "; ".join(processing.data_subjects)),
            ("data_categories", "; ".join(processing.data_categories)),
            ("sensitive_data", processing.sensitive_data),
            ("frequency", processing.frequency),
            ("nature", processing.nature),
            ("purpose", processing.purpose),
            ("retention", processing.retention),
            ("subprocessor_transfers", processing.subprocessor_transfers),
        ]]),
        Block("subheading", label("annex_i_c")),
        Block("paragraph", label.render(regime.labels.authority)),
    ]


def annex_two(content: Content, label) -> list[Block]:
    blocks = [Block("page_break"), Block("heading", label("annex_ii")),
              Block("paragraph", label("annex_ii_intro"))]
    for group in content.security.groups:
        blocks.append(Block("subheading", label.render(group.heading)))
        blocks += [Block("bullet", label.render(m)) for m in group.measures]
    return blocks


def annex_three(request: Request, content: Content, label) -> list[Block]:
    """Every sub-processor, by category; opt-in providers marked by what the customer chose."""
    registry = content.registry
    blocks = [Block("page_break"), Block("heading", label("annex_iii")),
              Block("paragraph", label("annex_iii_intro"))]
    columns = (label("col_entity"), label("col_address"), label("col_location"), label("col_purpose"))
    for category in registry.categories:
        entries = [s for s in registry.subprocessors if s.category == category.id]
        if not entries:
            continue
        rows = []
        for s in entries:
            purpose = s.purpose
            if s.opt_in:
                purpose += " " + label("opt_in_engaged" if request.ai_features else "opt_in_not_engaged")
            rows.append((f"{s.legal_entity} ({s.brand})", s.address, s.processing_location, purpose))
        blocks += [Block("subheading", category.title),
                   Block("table", style="grid", columns=columns, rows=tuple(rows))]
    return blocks


def signatures(request: Request, content: Content, label) -> list[Block]:
    processor, signatory = content.profile.processor, request.signatory
    line = "_" * 28
    return [
        Block("page_break"),
        Block("heading", label("signatures")),
        Block("paragraph", label("signatures_intro")),
        Block("table", style="signatures",
              columns=(label("for_customer"), label("for_processor")),
              rows=((request.customer.legal_name, processor.legal_name),
                    (f"{label('signature')}: {line}", f"{label('signature')}: {line}"),
                    (f"{label('name')}: {signatory.name}", f"{label('name')}: {processor.signatory.name}"),
                    (f"{label('title_of_signatory')}: {signatory.title}",
                     f"{label('title_of_signatory')}: {processor.signatory.title}"),
                    (f"{label('date')}: {line}", f"{label('date')}: {line}"))),
    ]
