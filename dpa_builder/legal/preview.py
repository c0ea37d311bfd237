"""Previews for legal: the changed snapshot, sample DPAs before and after, a readable diff."""
import dataclasses
import difflib
import hashlib
import hmac
import itertools
from dataclasses import dataclass

from ..assembly.assemble import assemble
from ..assembly.language import country_in_text
from ..assembly.samples import sample_request, variants
from ..content.layout import DOCX_TEMPLATE, LABELS_FILE, ContentError
from ..content.loader import Content, content_from_files
from ..content.reader import CLAUSE_FILE
from ..generate import build
from ..render.docx_check import docx_lines


@dataclass(frozen=True)
class Row:
    kind: str  # same, removed, added, gap
    parts: tuple[tuple[str, str], ...] = ()  # (same | del | ins, text)


@dataclass
class Preview:
    problems: list[str]
    sample: str = ""  # which sample customer the diff shows
    rows: list[Row] = dataclasses.field(default_factory=list)

    def pairs(self) -> list[tuple[Row | None, Row | None]]:
        """The rows in two columns, before and after: each removed row beside the added
        row that replaces it, unchanged rows (and gaps) on both sides."""
        pairs: list[tuple[Row | None, Row | None]] = []
        removed: list[Row] = []
        added: list[Row] = []
        for row in [*self.rows, Row("end")]:
            if row.kind == "removed" and not added:
                removed.append(row)
            elif row.kind == "added":
                added.append(row)
            else:
                pairs += itertools.zip_longest(removed, added)
                removed, added = [row] if row.kind == "removed" else [], []
                if row.kind in ("same", "gap"):
                    pairs.append((row, row))
        return pairs


def editable(path: str) -> bool:
    return bool(CLAUSE_FILE.match(path)) or path == LABELS_FILE


def normalise(text: str) -> str:
    # Browsers send a textarea's lines ending in CRLF; the files keep LF.
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"


def proof(secret: str, *parts: str) -> str:
    """A token for "this text was previewed on this version"; a publish must carry it."""
    return hmac.new(secret.encode(), "\0".join(parts).encode(), hashlib.sha256).hexdigest()


def clause_preview(profile: str, current: Content, path: str, text: str) -> Preview:
    """Validate the edited file, then diff the first sample DPA whose text it changes."""
    try:
        changed = content_from_files(profile, {**current.files, path: text.encode()})
    except ContentError as exc:
        return Preview(exc.problems)
    first, problems = None, []
    for country, role, ai in variants(changed):
        request = sample_request(country, role, ai)
        try:
            before, after = _lines(request, current), _lines(request, changed)
        except ContentError as exc:
            problems += [p for p in exc.problems if p not in problems]
            continue
        if first is None and before != after:
            first = (f"a sample customer from {country_in_text(country)} ({country}) acting as "
                     f"{role}, AI features {'on' if ai else 'off'}", diff_rows(before, after))
    if problems:
        return Preview(problems)
    return Preview([], *(first or ("every sample customer", [])))


def _lines(request, content: Content) -> list[str]:
    document = assemble(request, content)
    # Id and content version change with every edit; they are not what legal reviews.
    hidden = {document.id: "(document id)", document.content_version: "(content version)"}
    return [hidden.get(line, line) for line in document.text_lines()]


def template_preview(current: Content, data: bytes) -> Preview:
    """The sample DPA's words with the current template and with the new one."""
    request = sample_request()
    new = dataclasses.replace(current, files={**current.files, DOCX_TEMPLATE: data})
    before, after = (docx_lines(build(request, c, ("docx",)).files["docx"]) for c in (current, new))
    return Preview([], "the standard sample customer", diff_rows(list(before), list(after)))


def diff_rows(before: list[str], after: list[str], context: int = 2) -> list[Row]:
    """Changed paragraphs with a little context; words changed inside a paragraph marked."""
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if rows:
            rows.append(Row("gap"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [Row("same", (("same", line),)) for line in before[i1:i2]]
            elif tag == "replace" and i2 - i1 == j2 - j1:
                for old, new in zip(before[i1:i2], after[j1:j2]):
                    rows += _word_diff(old, new)
            else:
                rows += [Row("removed", (("del", line),)) for line in before[i1:i2]]
                rows += [Row("added", (("ins", line),)) for line in after[j1:j2]]
    return rows


def _word_diff(old: str, new: str) -> list[Row]:
    a, b = old.split(" "), new.split(" ")
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            removed.append(("same", " ".join(a[i1:i2])))
            added.append(("same", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            removed.append(("del", " ".join(a[i1:i2])))
        if j2 > j1:
            added.append(("ins", " ".join(b[j1:j2])))
    return [Row("removed", tuple(removed)), Row("added", tuple(added))]
