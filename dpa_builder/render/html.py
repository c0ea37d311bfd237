"""Lay a Document out as HTML for WeasyPrint: the template picks elements, these filters set type.

Every filter escapes the text first and only adds markup around the words: a
caption in bold, East Asian runs in their language (so Japanese gets Japanese
glyphs), email addresses as mailto links, a quoted heading as a link to it, the
customer's line breaks kept.
"""
from functools import lru_cache

from jinja2 import pass_context
from markupsafe import Markup, escape

from ..assembly.model import Document
from ..content.layout import HTML_TEMPLATE, ContentError
from ..content.refusals import line_of, problem
from ..content.sandbox import RENDER_ERRORS, Sandbox
from .columns import column_shares
from .typeset import EMAIL, cross_references, east_asian_runs, split_caption

HTML_LANG = {"en": "en", "fr": "fr", "zh": "zh-CN"}  # bare "zh" picks Japanese glyphs


def typeset(text: str, anchors: dict | None = None, page: str = "") -> Markup:
    """Escaped text with East Asian runs tagged by language, emails and quoted headings
    (anchors: heading text -> its id) linked, lines kept.

    A run in the page's own language needs no tag: in a Chinese DPA, tagging every
    Chinese run made layout half as slow again.
    """
    out, anchors = [], anchors or {}
    for run, language in east_asian_runs(text, page):
        if language:
            out.append(Markup('<span lang="{}">{}</span>').format(language, run))
            continue
        for part, is_heading in cross_references(run, anchors):
            out.append(Markup('<a href="#{}">{}</a>').format(anchors[part], part) if is_heading
                       else _emails(part))
    return Markup("".join(out)).replace("\n", Markup("<br>"))


def _emails(text: str) -> Markup:
    out, position = [], 0
    for match in EMAIL.finditer(text):
        out += [escape(text[position:match.start()]),
                Markup('<a href="mailto:{0}">{0}</a>').format(match.group(0))]
        position = match.end()
    return Markup("".join([*out, escape(text[position:])]))


def run_in(text: str, anchors: dict | None = None, page: str = "") -> Markup:
    """A paragraph whose run-in caption ("Changelog.") is set apart."""
    caption, rest = split_caption(text)
    if not caption:
        return typeset(text, anchors, page)
    return Markup('<span class="caption">{}</span>{}').format(typeset(caption, page=page),
                                                              typeset(rest, anchors, page))


def _in_page(filter_):
    """The filter, told the page's language (the template's `lang`)."""
    return pass_context(lambda context, text, anchors=None: filter_(text, anchors,
                                                                     context["lang"]))


def heading_anchors(document: dict) -> dict[str, str]:
    """Each heading's text -> the id of its first occurrence ("h" and its block's number)."""
    anchors: dict[str, str] = {}
    for number, block in enumerate(document["blocks"], start=1):
        if block["kind"] in ("heading", "subheading"):
            anchors.setdefault(block["text"], f"h{number}")
    return anchors


def lang(block: dict) -> Markup:
    """ lang="fr" on a bilingual DPA's translated block; nothing on the others."""
    return Markup(' lang="{}"').format(HTML_LANG[block["lang"]]) if block["lang"] else Markup()


def widths(block: dict) -> list[str]:
    """CSS widths of a table's columns, the shares the DOCX gets too."""
    rows = [list(block["columns"])] * bool(block["columns"]) + [list(r) for r in block["rows"]]
    return [f"{share * 100:.2f}%" for share in column_shares(block["style"], rows)]


# The rendering policy's sandbox, with these typesetting filters as the only additions.
_ENV = Sandbox(frozenset({"document", "lang"}), autoescape=True)
_ENV.filters.update(typeset=_in_page(typeset), run_in=_in_page(run_in), lang=lang)
def contents(document: dict) -> list[dict]:
    """The contents' entries: each clause and annex heading with its number and anchor."""
    return [{"anchor": f"h{number}", "number": block["number"], "text": block["text"]}
            for number, block in enumerate(document["blocks"], start=1)
            if block["kind"] == "heading"]


_ENV.globals.update(widths=widths, heading_anchors=heading_anchors, contents=contents)


@lru_cache(maxsize=8)
def _template(html: str):
    return _ENV.from_string(html)


def render_html(document: Document, html: str) -> str:
    """The page WeasyPrint lays out; a template the policy refuses raises ContentError."""
    try:
        return _template(html).render(**document.data, lang=HTML_LANG[document.language])
    except RENDER_ERRORS as exc:
        line = line_of(exc)
        raise ContentError([f"{HTML_TEMPLATE}: {f'line {line}: ' if line else ''}{problem(exc)}"]
                           ) from None
