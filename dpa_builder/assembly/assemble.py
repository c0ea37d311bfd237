"""Assemble a request and a profile's content into one Document. Pure: no I/O."""
import hashlib
import json
from dataclasses import replace

from ..content.clause_schema import Clause, Condition
from ..content.loader import Content
from ..content.regime_schema import Regime
from ..field_errors import FieldErrors
from ..request import Request
from . import annexes, announced
from .compose import compose
from .context import Options, ai_choice, cover_context, terms_context
from .cover import cover
from .model import Block, Document
from .texts import Labels, body
from .transfers import Transfer, choose_transfer, eu_member_states, regional_law


def assemble(request: Request, content: Content, options: Options = Options()) -> Document:
    """The DPA in the request's language: English, translated or bilingual (see compose.py)."""
    return compose(request, content, options, assemble_texts)


def assemble_texts(request: Request, content: Content, options: Options) -> Document:
    """One document from the content's texts, in the content's language."""
    _check_options(options, content)
    profile = content.profile
    transfer = choose_transfer(request.customer, request.role, content, options.governing_law)
    regime, ai = content.regimes[transfer.kind], ai_choice(request, content)
    terms = terms_context(content, transfer, request.role, ai)
    cover_label = Labels(content.labels, cover_context(request, content, transfer, options, terms),
                          f"annexes/{profile.id}", content.language)
    terms_label = Labels(content.labels, terms, f"annexes/{profile.id}", content.language)
    clauses = [c for c in content.clauses
               if applies(c.when, transfer, request.role, ai, content.registry.offers_opt_in)]
    doc_id, facts = document_id(request, content, options), _facts(regime, transfer, cover_label, content)
    front = [replace(b, part="cover") for b in cover(request, content, transfer, cover_label, doc_id, facts)]
    return Document(
        id=doc_id, language=content.language,
        title=cover_label("title"),
        subject=cover_label("subject"),
        author=profile.processor.legal_name,
        keywords=cover_label("keywords"),
        issued=request.effective_date,
        content_version=content.version,
        registry_version=content.registry.version.isoformat(),
        footer=cover_label("footer", document_id=doc_id, content_version=content.version),
        page_label=_page_label(cover_label),
        blocks=(*front, *standard_terms(content, regime, clauses, terms, terms_label, request.role, ai)),
        clause_versions={c.id: c.version for c in clauses},
        facts=facts,
        specimen=content.specimen,
        marking=cover_label("specimen_marking") if content.specimen else "",
        customer=request.customer.legal_name,
    )


def standard_terms(content: Content, regime: Regime, clauses: list[Clause], context: dict, label,
                   role: str, ai: bool) -> list[Block]:
    """The clauses and Annexes I–III: the same for every customer of one terms key."""
    return [Block("title", label("standard_terms")), Block("paragraph", label("standard_terms_intro")),
            Block("contents", label("contents")), Block("page_break"),
            *body(clauses, context),
            *annexes.annex_one(content, regime, role, label),
            *annexes.annex_two(content, label),
            *annexes.annex_three(content, ai, label)]


def text_variables(request: Request, content: Content, options: Options = Options(),
                   part: str = "cover") -> dict:
    """The variables legal's texts may use, as this request fills them: the Cover Page's
    labels see all of them, the clauses and the Standard Terms' labels (part "terms") fewer."""
    transfer = choose_transfer(request.customer, request.role, content, options.governing_law)
    terms = terms_context(content, transfer, request.role, ai_choice(request, content))
    return terms if part == "terms" else cover_context(request, content, transfer, options, terms)


def _facts(regime: Regime, transfer: Transfer, label, content: Content) -> dict[str, str]:
    """What the record keeps and every page shows, as plain text; empty ones left out."""
    context = label.context
    dpf = f"{regime.dpf.name}: {transfer.dpf.replace('_', ' ')}" if transfer.dpf and regime.dpf else ""
    facts = {"regime": regime.title, "region": regional_law(regime, transfer.region),
             "transfer": label.render(regime.labels.mechanism), "authority": transfer.authority,
             "dpf": dpf, "governing_law": transfer.governing_law,
             "notice_days": str(context["notice_days"]),
             "announced": announced.cover_value(content.registry.announced, label),
             "specimen": "; ".join(content.specimen)}
    return {key: value for key, value in facts.items() if value}


def _page_label(label) -> tuple[str, str, str]:
    """The label's words before, between and after the two page numbers."""
    before, between, after = (label("page_numbers", page="\x00", pages="\x01")
                              .replace("\x01", "\x00").split("\x00"))
    return before.strip(), between.strip(), after.strip()


def applies(when: Condition, transfer: Transfer, role: str, ai: bool, opt_in_ai: bool) -> bool:
    return ((when.regime is None or transfer.kind in when.regime)
            and (when.dpf is None or when.dpf == transfer.dpf)
            and (when.role is None or when.role == role)
            and (when.ai_features is None or when.ai_features == ai)
            and (when.opt_in_ai is None or when.opt_in_ai == opt_in_ai))


def document_id(request: Request, content: Content, options: Options) -> str:
    """Derive the id from everything the document is built from, so a rebuild keeps it."""
    canonical = json.dumps([request.model_dump(mode="json"), content.profile.id, content.version,
                            content.registry.model_dump(mode="json"), options.__dict__],
                           sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:16].upper()
    return "DPA-" + "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def _check_options(options: Options, content: Content) -> None:
    policy, problems = content.profile.policy, {}
    if options.notice_days is not None and not (
            policy.notice_days <= options.notice_days <= policy.notice_days_max):
        problems["options.notice_days"] = (f"must be between {policy.notice_days} and "
                                   f"{policy.notice_days_max} days")
    if options.governing_law is not None and (
            options.governing_law not in eu_member_states(content.regimes)):
        problems["options.governing_law"] = "must be an EU Member State"
    if problems:
        raise FieldErrors(problems)
