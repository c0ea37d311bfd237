"""numbering.xml, settings.xml and fontTable.xml of templates/dpa.docx, from the style sheet.

The clause list (a multilevel list whose levels are tied to the Heading 1 and
Clause styles), Word 2013+ compatibility, British English, and each font with
the metric-compatible face that stands in for it.
"""
from xml.sax.saxutils import quoteattr

import docx_style_sheet as sheet
from docx_parts import HEAD, XMLNS, twips


def numbering_xml() -> str:
    abstracts, nums = [], []
    for num_id, name, levels in sheet.NUMBERING:
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:pStyle w:val="{style}"/>{"<w:isLgl/>" if i else ""}<w:lvlText w:val={quoteattr(text)}/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="{twips(left)}"/></w:tabs>'
            f'<w:ind w:left="{twips(left)}" w:hanging="{twips(hanging)}"/></w:pPr></w:lvl>'
            for i, (fmt, text, style, left, hanging) in enumerate(levels))
        abstracts.append(f'<w:abstractNum w:abstractNumId="{num_id}"><w:multiLevelType w:val='
                         f'"{"multilevel" if len(levels) > 1 else "singleLevel"}"/>'
                         f'<w:name w:val="{name}"/>{lvls}</w:abstractNum>')
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    return f"{HEAD}<w:numbering {XMLNS}>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


def settings_xml() -> str:
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" '
        f'w:val="{value}"/>' for name, value in (
            ("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
            ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1),
            ("differentiateMultirowTableHeaders", 1)))
    return (f'{HEAD}<w:settings {XMLNS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            # Word fills in the contents' page numbers when it opens the file.
            '<w:updateFields w:val="true"/>'
            f'<w:compat>{compat}</w:compat><w:themeFontLang w:val="{sheet.LANGUAGE}" '
            'w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
            '</w:settings>')


def font_table_xml() -> str:
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        for name, (alt, family, panose) in sheet.FONTS.items())
    return f"{HEAD}<w:fonts {XMLNS}>{fonts}</w:fonts>"
