"""styles.xml of templates/dpa.docx from the style sheet, as Word 2013+ writes it.

Child elements are written in the order the OOXML schema requires; Word
refuses a file whose properties are out of order.
"""
import docx_style_sheet as sheet

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XMLNS = f'xmlns:w="{W}" xmlns:r="{R}"'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def run_props(s: sheet.Style) -> str:
    fonts = (f'<w:rFonts w:ascii="{s.font}" w:hAnsi="{s.font}" w:cs="{s.font}"/>'
             if s.font else "")
    size = f'<w:sz w:val="{round(s.size * 2)}"/><w:szCs w:val="{round(s.size * 2)}"/>' if s.size else ""
    bold = "<w:b/><w:bCs/>" if s.bold else ""
    color = f'<w:color w:val="{s.color}"/>' if s.color else ""
    body = fonts + bold + color + size
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def paragraph_props(s: sheet.Style) -> str:
    parts = ["<w:keepNext/>" if s.keep_next else "", "<w:keepLines/>" if s.keep_lines else ""]
    if s.numbering:
        parts.append(f'<w:numPr><w:ilvl w:val="{s.numbering[1]}"/>'
                     f'<w:numId w:val="{s.numbering[0]}"/></w:numPr>')
    if s.box:  # a box drawn just inside the text column
        p_bdr = "".join(f'<w:{side} w:val="single" w:sz="12" w:space="4" w:color="{s.box}"/>'
                        for side in ("top", "left", "bottom", "right"))
        parts.append(f"<w:pBdr>{p_bdr}</w:pBdr>")
    if s.tabs:
        parts.append("<w:tabs>" + "".join(
            f'<w:tab w:val="{align}" w:leader="{leader}" w:pos="{twips(pos)}"/>'
            for align, pos, leader in s.tabs) + "</w:tabs>")
    spacing = {"before": s.before and round(s.before * 20), "after": s.after is not None
               and round(s.after * 20), "line": s.line and round(s.line * 20)}
    if s.line:
        spacing["lineRule"] = "atLeast"
    attrs = " ".join(f'w:{k}="{v}"' for k, v in spacing.items() if v not in (None, False))
    if attrs:
        parts.append(f"<w:spacing {attrs}/>")
    if s.left is not None:
        hanging = f' w:hanging="{twips(s.hanging)}"' if s.hanging else ""
        right = f' w:right="{twips(s.left)}"' if s.box else ""
        parts.append(f'<w:ind w:left="{twips(s.left)}"{right}{hanging}/>')
    if s.align:
        parts.append(f'<w:jc w:val="{s.align}"/>')
    if s.outline is not None:
        parts.append(f'<w:outlineLvl w:val="{s.outline}"/>')
    body = "".join(parts)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


def style_xml(s: sheet.Style) -> str:
    default = ' w:default="1"' if s.based_on is None else ""
    based = f'<w:basedOn w:val="{s.based_on}"/>' if s.based_on else ""
    nxt = f'<w:next w:val="{s.next}"/>' if s.next else ""
    ppr = paragraph_props(s) if s.kind == "paragraph" else ""
    return (f'<w:style w:type="{s.kind}"{default} w:styleId="{s.id}"><w:name w:val="{s.name}"/>'
            f"{based}{nxt}<w:qFormat/>{ppr}{run_props(s)}</w:style>")


def styles_xml() -> str:
    fonts = f'w:ascii="{sheet.SERIF}" w:hAnsi="{sheet.SERIF}" w:cs="{sheet.SERIF}" ' \
            f'w:eastAsia="{sheet.CJK_FONTS["zh-CN"]}"'
    defaults = (f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts {fonts}/><w:sz w:val="22"/>'
                f'<w:szCs w:val="22"/><w:lang w:val="{sheet.LANGUAGE}" w:eastAsia="zh-CN" '
                f'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>'
                f"</w:pPr></w:pPrDefault></w:docDefaults>")
    return (f"{HEAD}<w:styles {XMLNS}>{defaults}"
            + "".join(style_xml(s) for s in sheet.STYLES) + builtin_styles() + "</w:styles>")


def builtin_styles() -> str:
    """The character, table and list defaults Word expects, and the DPA table style."""
    top, side = (twips(v) for v in sheet.TABLE_CELL_MARGIN)
    borders = "".join(f'<w:{edge} w:val="single" w:sz="{size}" w:space="0" w:color="{sheet.RULE}"/>'
                      for edge, size in (("top", 6), ("bottom", 6), ("insideH", 2)))
    return (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        '<w:unhideWhenUsed/></w:style>'
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="1F3864"/></w:rPr></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:semiHidden/><w:unhideWhenUsed/></w:style>'
        + table_style("DPATable", "DPA Table", "TableNormal", borders, top, side)
        + table_style("DPAGrid", "DPA Grid", "DPATable")
        + table_style("DPAFields", "DPA Fields", "DPATable")
        + table_style("DPASignatures", "DPA Signatures", "DPATable", "<w:top w:val=\"nil\"/>"
                      "<w:bottom w:val=\"nil\"/><w:insideH w:val=\"nil\"/>"))


def table_style(style_id: str, name: str, based_on: str, borders: str = "", top: int | None = None,
                side: int | None = None) -> str:
    """A table style; the renderer sets each table's column widths by the style's kind."""
    margins = (f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/>'
               f'<w:bottom w:w="{top}" w:type="dxa"/><w:right w:w="{side}" w:type="dxa"/>'
               "</w:tblCellMar>") if top is not None else ""
    props = (f"<w:tblBorders>{borders}</w:tblBorders>" if borders else "") + margins
    return (f'<w:style w:type="table" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="{based_on}"/><w:qFormat/><w:pPr><w:spacing w:after="0"/></w:pPr>'
            f"<w:tblPr>{props}</w:tblPr></w:style>")
