"""Check a template's tags and Jinja syntax, paragraph by paragraph and as docxtpl compiles it."""
import re

from docxtpl import DocxTemplate
from jinja2 import Environment, TemplateSyntaxError
from lxml import etree

from ..content.refusals import refusals
from .docx_places import Place, jinja_line, jinja_source

TAG = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.S)
OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
OPENER = re.compile(r"{{|{%|{#")
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # docxtpl's
BLOCK_TAG = re.compile(r"{%-?\s*(end)?(for|if|macro|call|filter|with|block|raw)\b")


def check_tags(places: list[Place], tpl: DocxTemplate) -> list[str]:
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


def check_syntax(places: list[Place], env: Environment) -> list[str]:
    try:
        env.compile(jinja_source(places))
    except TemplateSyntaxError as exc:
        message, place = exc.message or "", places[min(exc.lineno or 1, len(places)) - 1]
        if message.startswith("Unexpected end of template"):
            message, place = "this block is never closed. " + message, _unclosed(places)
        return [f"{place}: {message}"]
    return []


def _unclosed(places: list[Place]) -> Place:
    """The paragraph that opens the innermost block left open."""
    stack: list[Place] = []
    for place in places:
        for end, _name in BLOCK_TAG.findall(jinja_line(place, places)):
            if end and stack:
                stack.pop()
            elif not end:
                stack.append(place)
    return stack[-1] if stack else places[-1]


def check_patched(tpl: DocxTemplate, env: Environment) -> list[str]:
    """Everything else docxtpl renders: tags outside plain paragraphs (text boxes, content
    controls), footnotes, and the document properties."""
    docx, problems = tpl.get_docx(), []
    outside = ", outside its plain paragraphs"
    sources = [("the body" + outside, tpl.patch_xml(tpl.get_xml()))]
    sources += [(rel.target_part.partname.lstrip("/") + outside,
                 tpl.patch_xml(tpl.get_part_xml(rel.target_part)))
                for rel in docx.part.rels.values() if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI)]
    sources += [(part.partname.lstrip("/"), tpl.patch_xml(part.blob.decode("utf-8")))
                for part in docx.part.package.parts if part.content_type == FOOTNOTES]
    sources += [(f"the document property {name}", getattr(docx.core_properties, name) or "")
                for name in PROPERTIES]
    for where, source in sources:
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as exc:
            problems.append(f"{where}: {exc.message}")
            continue
        problems += [f"{where}: {message}"
                     for _, message in refusals(tree, frozenset({"document"}), env.globals)]
    return problems
