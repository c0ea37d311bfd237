"""Assemble a request and a profile's content into one Document. Pure: no I/O."""
import hashlib
import json

from ..content.loader import LABELS_FILE, Content, ContentError
from ..content.refusals import problem
from ..content.regime_schema import Regime
from ..content.sandbox import RENDER_ERRORS, render_text
from ..content.schema import Clause, Condition
from ..field_errors import FieldErrors
from ..request import Request
from . import annexes
from .compose import compose
from .context import Options, build_context
from .language import long_date
from .model import Block, Document
from .transfers import Transfer, choose_transfer, eu_member_states, regional_law


def assemble(request: Request, content: Content, options: Options = Options()) -> Document:
    """The DPA in the request's language: English, translated or bilingual (see compose.py)."""
    return compose(request, content, options, assemble_texts)


def assemble_texts(request: Request, content: Content, options: Options) -> Document:
    """One document from the content's texts, in the content's language."""
    _check_options(options, content)
    profile = content.profile
    transfer = choose_transfer(request.customer, request.role, content, options.governing_law)
    context = build_context(request, content, transfer, options)
    label = _Labels(content.labels, context, f"annexes/{profile.id}", content.language)
    clauses = [c for c in content.clauses if applies(c.when, transfer, request)]
    doc_id = document_id(request, content, options)

    regime = content.regimes[transfer.kind]
    blocks = [*annexes.cover(request, content, regime, label, doc_id),
              Block("contents", label("contents")), Block("page_break"),
              *body(clauses, context),
              *annexes.annex_one(request, content, regime, label),
              *annexes.annex_two(content, label),
              *annexes.annex_three(request, content, label),
              *annexes.signatures(request, content, label)]
    return Document(
        id=doc_id, language=content.language,
        title=label("title"),
        subject=label("subject"),
        author=profile.processor.legal_name,
        keywords=label("keywords"),
        issued=request.effective_date,
        content_version=content.version,
        registry_version=content.registry.version.isoformat(),
        footer=label("footer", document_id=doc_id, content_version=content.version),
        page_label=_page_label(label),
        blocks=tuple(blocks),
        clause_versions={c.id: c.version for c in clauses},
        facts=_facts(regime, transfer, context, label),
    )


def text_variables(request: Request, content: Content, options: Options = Options()) -> dict:
    """The variables legal's clause texts and labels may use, as this request fills them."""
    transfer = choose_transfer(request.customer, request.role, content, options.governing_law)
    return build_context(request, content, transfer, options)


def _facts(regime: Regime, transfer: Transfer, context: dict, label) -> dict[str, str]:
    """What the record keeps and every page shows, as plain text; empty ones left out."""
    dpf = f"{regime.dpf.name}: {transfer.dpf.replace('_', ' ')}" if transfer.dpf and regime.dpf else ""
    facts = {"regime": regime.title, "region": regional_law(regime, transfer.region),
             "transfer": label.render(regime.labels.mechanism), "authority": transfer.authority,
             "dpf": dpf, "governing_law": transfer.governing_law,
             "notice_days": str(context["policy"]["notice_days"])}
    return {key: value for key, value in facts.items() if value}


def _page_label(label) -> tuple[str, str, str]:
    """The label's words before, between and after the two page numbers."""
    before, between, after = (label("page_numbers", page="\x00", pages="\x01")
                              .replace("\x01", "\x00").split("\x00"))
    return before.strip(), between.strip(), after.strip()


def applies(when: Condition, transfer: Transfer, request: Request) -> bool:
    return ((when.regime is None or transfer.kind in when.regime)
            and (when.dpf is None or when.dpf == transfer.dpf)
            and (when.role is None or when.role == request.role)
            and (when.ai_features is None or when.ai_features == request.ai_features))


def body(clauses: list[Clause], context: dict) -> list[Block]:
    """Number the clauses "N." and their paragraphs "N.M"; bullets stay unnumbered."""
    return [block for n, clause in enumerate(clauses, start=1)
            for block in _clause_blocks(clause, n, context)]


def _clause_blocks(clause: Clause, n: int, context: dict) -> list[Block]:
    where = f"clause_library: clause {clause.id!r} (version {clause.version})"
    blocks = [Block("heading", _render(clause.title, context, f"{where}: title"), number=f"{n}.")]
    m = 0
    for i, paragraph in enumerate(clause.paragraphs):
        if isinstance(paragraph, str):
            m += 1
            blocks.append(Block("paragraph", _render(paragraph, context, f"{where}: paragraphs[{i}]"),
                                number=f"{n}.{m}"))
        else:
            blocks += [Block("bullet", _render(b, context, f"{where}: paragraphs[{i}].bullets[{j}]"))
                       for j, b in enumerate(paragraph.bullets)]
    return blocks


def _render(text: str, context: dict, where: str) -> str:
    """Legal's text with the context; a refusal names the file and field it comes from."""
    try:
        return render_text(text, context)
    except RENDER_ERRORS as exc:
        raise ContentError([f"{where}: {problem(exc)}"]) from None


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


class _Labels:
    """Legal's short texts (headings, table labels), rendered with the context."""

    def __init__(self, labels: dict[str, str], context: dict, annexes: str, language: str):
        self._labels, self._context = labels, context
        self._annexes, self._language = annexes, language

    def __call__(self, key: str, **extra) -> str:
        if key not in self._labels:
            raise ContentError([f"{LABELS_FILE}: {key}: missing; the DPA needs this label"])
        return _render(self._labels[key], {**self._context, **extra}, f"{LABELS_FILE}: {key}")

    def render(self, text: str) -> str:
        return _render(text, self._context, f"{self._annexes}: the text {text[:40]!r}")

    def date(self, value) -> str:
        return long_date(value, self._language)
