"""Annexes I–III, part of the Standard Terms: they name no customer, only "the Cover Page"."""
from ..content.loader import Content
from ..content.regime_schema import Regime
from .announced import announced, entity, purpose
from .cover import fields
from .model import Block


def annex_one(content: Content, regime: Regime, role: str, label) -> list[Block]:
    processing = content.processing
    return [
        Block("page_break"),
        Block("heading", label("annex_i")),
        Block("subheading", label("annex_i_a")),
        fields([(label("exporter"), label("exporter_value")),
                (label("activities"), label("customer_activities")),
                (label("role"), label(f"role_{role}")),
                (label("signature_and_date"), label("see_signatures"))]),
        fields([(label("importer"), label("importer_value")),
                (label("activities"), content.profile.processor.activities),
                (label("role"), label("role_processor")),
                (label("signature_and_date"), label("see_signatures"))]),
        Block("subheading", label("annex_i_b")),
        fields([(label(key), label.render(value)) for key, value in [
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


def annex_three(content: Content, ai_features: bool, label) -> list[Block]:
    """The changes announced and not yet in effect first, as the public list shows its
    upcoming changes; then every sub-processor, by category, opt-in providers marked by
    what the customer chose."""
    registry = content.registry
    blocks = [Block("page_break"), Block("heading", label("annex_iii")),
              Block("paragraph", label("annex_iii_intro")),
              *announced(registry.announced, ai_features, label)]
    columns = (label("col_entity"), label("col_address"), label("col_location"), label("col_purpose"))
    for category in registry.categories:
        rows = tuple((entity(s), s.address, s.processing_location, purpose(s, ai_features, label))
                     for s in registry.subprocessors if s.category == category.id)
        if rows:
            blocks += [Block("subheading", category.title),
                       Block("table", style="grid", columns=columns, rows=rows)]
    return blocks
