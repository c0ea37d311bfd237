"""WordprocessingML helpers: the namespace and properties placed in schema order.

Word refuses a file whose paragraph or run properties are out of the order the
schema gives, so every property the renderer adds goes through `child`.
"""
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
             "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
             "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
             "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
             "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
             "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
             "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
             "eastAsianLayout", "specVanish", "oMath")
ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER}


def local(element) -> str:
    return etree.QName(element).localname


def properties(owner, name: str):
    """The owner's pPr or rPr, created as its first child if missing."""
    found = owner.find(f"{W}{name}")
    if found is None:
        found = etree.Element(f"{W}{name}")
        owner.insert(0, found)
    return found


def child(owner, container: str, name: str, **attributes):
    """The property `name` in owner's pPr/rPr, created in schema order, with these attributes."""
    props = properties(owner, container)
    element = props.find(f"{W}{name}")
    if element is None:
        order = ORDERS[container]
        position = sum(1 for c in props if order.index(local(c)) < order.index(name))
        element = etree.Element(f"{W}{name}")
        props.insert(position, element)
    for key, value in attributes.items():
        element.set(f"{W}{key}", value)
    return element


def text_of(element) -> str:
    """The text Word shows for element: its texts, a line break as "\n", a tab as "\t"."""
    shown = {f"{W}br": "\n", f"{W}tab": "\t", f"{W}cr": "\n"}
    return "".join(shown.get(e.tag, e.text or "") if e.tag != f"{W}t" else e.text or ""
                   for e in element.iter(f"{W}t", f"{W}br", f"{W}tab", f"{W}cr")
                   if local(e.getparent()) == "r")
