"""Check an uploaded DOCX template before legal may publish it. Pure: bytes in, problems out.

Each problem names where it is, as a person finds it in Word: "paragraph 12",
"table 2, row 1, cell 3, paragraph 1", "section 1 footer, paragraph 1". The
checks run in stages and stop at the first stage with problems, so one
mistake does not come back as ten:

1. the file is a DOCX (a zip holding word/document.xml, within size bounds);
2. every tag starts and ends in one paragraph, and where a tag is split
   across Word runs, docxtpl's own clean-up (patch_xml) rejoins it;
3. the Jinja syntax of each part, one line per paragraph, so an error's line
   number is its paragraph (docxtpl's {%p/{%tr/{%tc/{%r tags included);
4. only known variables: `document` with Document's fields, loop variables
   over its blocks with Block's fields;
5. the XML docxtpl actually produces compiles (text boxes and the like);
6. a sample DPA renders, opens with python-docx, keeps no template syntax and
   shows every text of the document.
"""
import dataclasses
import io
import re
import zipfile
from dataclasses import dataclass

from docx import Document as open_docx
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateSyntaxError, meta, nodes
from lxml import etree

from ..assembly.model import Block, Document
from .loader import DOCX_TEMPLATE, Content

MAX_BYTES = 2 * 1024 * 1024
MAX_UNZIPPED = 50 * 1024 * 1024  # a zip bomb stops here
TAG = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.S)
OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
OPENER = re.compile(r"{{|{%|{#")
BLOCK_TAG = re.compile(r"{%-?\s*(end)?(for|if|macro|call|filter|with|block|raw)\b")
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
HEADERS = (("header", "header"), ("first_page_header", "first-page header"),
           ("even_page_header", "even-page header"), ("footer", "footer"),
           ("first_page_footer", "first-page footer"), ("even_page_footer", "even-page footer"))
ANY, DOCUMENT, BLOCK, BLOCKS, ROWS, CELLS = "any", "document", "block", "blocks", "rows", "cells"
FIELDS = {DOCUMENT: {f.name: BLOCKS if f.name == "blocks" else ANY
                     for f in dataclasses.fields(Document)},
          BLOCK: {f.name: {"rows": ROWS, "columns": CELLS}.get(f.name, ANY)
                  for f in dataclasses.fields(Block)}}
ITEM = {BLOCKS: BLOCK, ROWS: CELLS}


@dataclass
class Place:
    name: str
    text: str
    paragraph: Paragraph
    row: object = None  # the table row and cell it sits in, for {%tr and {%tc
    cell: object = None

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return f'{self.name} ("{text[:57] + "..." if len(text) > 60 else text}")'


def check_template(data: bytes, content: Content) -> list[str]:
    """Problems with a DOCX template for this content; empty when it may be published."""
    problems = _check_package(data)
    if problems:
        return problems
    parts = list(_parts(open_docx(io.BytesIO(data))))
    env = Environment(undefined=StrictUndefined, autoescape=True)
    tpl = DocxTemplate(io.BytesIO(data))
    for stage in (lambda: [p for places in parts for p in _check_tags(places, tpl)],
                  lambda: [p for places in parts for p in _check_syntax(places, env)],
                  lambda: [p for places in parts for p in _check_names(places, env)],
                  lambda: _check_patched(tpl, env),
                  lambda: _check_sample(data, content)):
        problems = stage()
        if problems:
            return problems
    return []


def docx_lines(data: bytes) -> list[str]:
    """The text of every paragraph, headers and footers included, in reading order."""
    return [place.text for places in _parts(open_docx(io.BytesIO(data))) for place in places]


def _check_package(data: bytes) -> list[str]:
    if len(data) > MAX_BYTES:
        return [f"the file is larger than {MAX_BYTES // 1024 // 1024} MB"]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {i.filename: i.file_size for i in archive.infolist()}
    except zipfile.BadZipFile:
        return ["not a DOCX file: it is not a zip archive (whatever its name says)"]
    if "word/document.xml" not in names:
        return ["not a DOCX file: it holds no word/document.xml"]
    if sum(names.values()) > MAX_UNZIPPED:
        return ["the file unpacks to more than 50 MB"]
    try:
        open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        return [f"not a DOCX file Word can open: {type(exc).__name__}: {exc}"]
    return []


def _parts(docx):
    """The body, then each header and footer, as lists of places in reading order."""
    yield list(_places(docx))
    seen = set()
    for number, section in enumerate(docx.sections, start=1):
        for attr, label in HEADERS:
            part = getattr(section, attr)
            if not part.is_linked_to_previous and id(part.part) not in seen:
                seen.add(id(part.part))
                yield list(_places(part, f"section {number} {label}, "))


def _places(container, prefix="", row=None, cell=None):
    paragraphs = tables = 0
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            paragraphs += 1
            yield Place(f"{prefix}paragraph {paragraphs}", item.text, item, row, cell)
            continue
        tables += 1
        for r, tr in enumerate(item._tbl.tr_lst, start=1):
            # tc_lst, not row.cells: merged cells would repeat there.
            for c, tc in enumerate(tr.tc_lst, start=1):
                yield from _places(_Cell(tc, item), f"{prefix}table {tables}, row {r}, cell {c}, ",
                                   tr, tc)


def _check_tags(places: list[Place], tpl: DocxTemplate) -> list[str]:
    """A tag must end in the paragraph it starts in; split runs must be rejoined by docxtpl."""
    problems = []
    for place in places:
        start = 0
        while match := OPENER.search(place.text, start):
            end = place.text.find(OPENERS[match.group()], match.end())
            if end < 0:
                problems.append(f"{place}: the tag {place.text[match.start():][:30]!r} does not end "
                                f"in this paragraph; a tag must start and end in one paragraph")
                break
            start = end + 2
        runs = [r.text for r in place.paragraph._p.xpath(".//w:r")]
        if any(not any(tag in run for run in runs) for tag in TAG.findall(place.text)):
            patched = tpl.patch_xml(etree.tostring(place.paragraph._p, encoding="unicode"))
            if any("<w:" in tag or "</w:" in tag for tag in TAG.findall(patched)):
                problems.append(f"{place}: a tag is split across Word runs in a way docxtpl cannot "
                                f"rejoin; retype the tag in one go")
    return problems


def _jinja_line(place: Place, places: list[Place]) -> str:
    """The paragraph as docxtpl hands it to Jinja, on one line."""
    for other in places:
        if other is not place and ((other.row is not None and other.row is place.row
                                    and "{%tr " in other.text)
                                   or (other.cell is not None and other.cell is place.cell
                                       and "{%tc " in other.text)):
            return ""  # docxtpl replaces the whole row or cell by the other tag
    text = re.sub(r"[\r\n]", " ", place.text)  # one paragraph, one line
    text = re.sub(r"{%\s*(?:colspan|cellbg)\s+([^%]*)%}", r"{{ \1 }}", text)
    text = re.sub(r"{%\s*[vh]m\s*%}", "", text)
    for y in ("tr", "tc", "p"):
        if match := re.search(r"({%|{{|{#)" + y + r" ([^}%#]*(?:%}|}}|#}))", text):
            text = f"{match.group(1)} {match.group(2)}"
    text = re.sub(r"({%|{{)r ", r"\1 ", text)
    return re.sub(r"(?<=\{[\{%])(.*?)(?=[\}%]})", lambda m: m.group(0).translate(QUOTES), text)


def _source(places: list[Place]) -> str:
    return "\n".join(_jinja_line(place, places) for place in places)


def _check_syntax(places: list[Place], env: Environment) -> list[str]:
    try:
        env.compile(_source(places))
    except TemplateSyntaxError as exc:
        message, place = exc.message, places[min(exc.lineno or 1, len(places)) - 1]
        if message.startswith("Unexpected end of template"):
            message, place = "this block is never closed. " + message, _unclosed(places)
        return [f"{place}: {message}"]
    return []


def _unclosed(places: list[Place]) -> Place:
    """The paragraph that opens the innermost block left open."""
    stack = []
    for place in places:
        for end, _name in BLOCK_TAG.findall(_jinja_line(place, places)):
            if end and stack:
                stack.pop()
            elif not end:
                stack.append(place)
    return stack[-1] if stack else places[-1]


def _check_names(places: list[Place], env: Environment) -> list[str]:
    found: list[tuple[int, str]] = []
    scope = {name: ANY for name in env.globals} | {"document": DOCUMENT}
    _visit(env.parse(_source(places)), scope, found)
    return [f"{places[line - 1]}: unknown variable {name}" for line, name in dict.fromkeys(found)]


def _visit(node, scope: dict, found: list) -> str:
    """Walk the template, typing each expression; record names the model lacks."""
    if isinstance(node, nodes.Name):
        if node.ctx != "load":
            scope[node.name] = ANY
        elif node.name not in scope:
            found.append((node.lineno, node.name))
        return scope.get(node.name, ANY)
    if isinstance(node, nodes.Getattr):
        kind = _visit(node.node, scope, found)
        if kind in FIELDS and node.attr not in FIELDS[kind]:
            found.append((node.lineno, f"{_dotted(node.node)}.{node.attr}"))
        return FIELDS.get(kind, {}).get(node.attr, ANY)
    if isinstance(node, nodes.Getitem):
        kind = _visit(node.node, scope, found)
        _visit(node.arg, scope, found)
        return ITEM.get(kind, ANY)
    if isinstance(node, nodes.For):
        inner = {**scope, "loop": ANY}
        item = ITEM.get(_visit(node.iter, scope, found), ANY)
        if isinstance(node.target, nodes.Name):
            inner[node.target.name] = item
        inner.update((name.name, ANY) for name in node.target.find_all(nodes.Name))
        for child in [*([node.test] if node.test else []), *node.body]:
            _visit(child, inner, found)
        for child in node.else_:
            _visit(child, scope, found)
        return ANY
    if isinstance(node, nodes.Assign):  # the value first: {% set x = x %}
        _visit(node.node, scope, found)
        _visit(node.target, scope, found)
        return ANY
    for child in node.iter_child_nodes():
        _visit(child, scope, found)
    return ANY


def _dotted(node) -> str:
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return getattr(node, "name", "…")


def _check_patched(tpl: DocxTemplate, env: Environment) -> list[str]:
    """What docxtpl compiles, part by part: catches tags outside plain paragraphs."""
    docx, problems = tpl.get_docx(), []
    parts = [("the body", tpl.get_xml())] + [
        (rel.target_part.partname.lstrip("/"), tpl.get_part_xml(rel.target_part))
        for rel in docx.part.rels.values() if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI)]
    for name, xml in parts:
        try:
            unknown = meta.find_undeclared_variables(env.parse(tpl.patch_xml(xml))) - {"document"}
        except TemplateSyntaxError as exc:
            problems.append(f"{name}, outside its plain paragraphs (a text box or content "
                            f"control?): {exc.message}")
            continue
        problems += [f"{name}, outside its plain paragraphs: unknown variable {n}"
                     for n in sorted(unknown)]
    return problems


def _check_sample(data: bytes, content: Content) -> list[str]:
    from ..check import LEFTOVER_SYNTAX, sample_request
    from ..generate import build

    trial = dataclasses.replace(content, files={**content.files, DOCX_TEMPLATE: data})
    try:
        built = build(sample_request(), trial, formats=("docx",))
        rendered = [p for places in _parts(open_docx(io.BytesIO(built.files["docx"])))
                    for p in places]
    except Exception as exc:  # docxtpl, Jinja, lxml and python-docx each raise their own
        return [f"the sample DPA does not render: {type(exc).__name__}: {exc}"]
    problems = [f"the sample DPA keeps template syntax in {place}" for place in rendered
                if any(s in place.text for s in LEFTOVER_SYNTAX)]
    shown = " ".join(" ".join(place.text for place in rendered).split()).casefold()
    missing = [text for block in built.document.blocks
               for text in (block.text, *block.columns, *(c for row in block.rows for c in row))
               if text and " ".join(text.split()).casefold() not in shown]
    if missing:
        problems.append(f"the sample DPA leaves out {len(missing)} text(s) of the document, "
                        f"e.g. {missing[0][:60]!r}: the template must lay out every block kind")
    return problems
