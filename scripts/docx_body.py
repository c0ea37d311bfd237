"""The body of templates/dpa.docx: docxtpl loops over the model's blocks.

Every word comes from the document model; the template only picks a style per
block kind. Numbers come from Word's list numbering (the styles carry it), so
no paragraph holds a typed clause number.
"""
from xml.sax.saxutils import escape

import docx_style_sheet as sheet
from docx_parts import HEAD, XMLNS, twips

TEXT_WIDTH = twips(sheet.TEXT_WIDTH)


def para(text: str = "", style: str | None = None, ppr: str = "") -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{pstyle}{ppr}</w:pPr>" if pstyle or ppr else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{props}{run}</w:p>"


def cell(text: str, style: str = "TableText", header: bool = False) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{sheet.TABLE_HEADER_FILL}"/>' if header else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>{shade}</w:tcPr>{para(text, style)}</w:tc>'


def row(cells: list[str], header: bool = False) -> str:
    props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def loop_row(tag: str, columns: int) -> str:
    """A row holding only a docxtpl row tag; docxtpl removes it when rendering."""
    return row([cell(tag)] + [cell("")] * (columns - 1))


def table(style: str, rows: list[str], columns: int, first_row: bool = False,
          first_column: bool = False) -> str:
    """Widths are provisional: the renderer fits them to the rendered columns by style."""
    grid = "".join(f'<w:gridCol w:w="{TEXT_WIDTH // columns}"/>' for _ in range(columns))
    look = (f'<w:tblLook w:val="0000" w:firstRow="{int(first_row)}" w:lastRow="0" '
            f'w:firstColumn="{int(first_column)}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>')
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/>{look}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f"{''.join(rows)}</w:tbl>")


def grid_table() -> str:
    """A header row and data rows, any number of columns (Annex III)."""
    header = row([cell("{%tc for c in block.columns %}"), cell("{{ c }}", "TableHeading", True),
                  cell("{%tc endfor %}")], header=True)
    data = row([cell("{%tc for c in row %}"), cell("{{ c }}"), cell("{%tc endfor %}")])
    return table("DPAGrid", [header, loop_row("{%tr for row in block.rows %}", 3), data,
                  loop_row("{%tr endfor %}", 3)], 3, first_row=True)


def fields_table() -> str:
    """Label / value pairs: the cover page's variables, Annex I."""
    data = row([cell("{{ row[0] }}", "TableHeading"), cell("{{ row[1] }}")])
    return table("DPAFields", [loop_row("{%tr for row in block.rows %}", 2), data,
                  loop_row("{%tr endfor %}", 2)], 2, first_column=True)


def signatures_table() -> str:
    header = row([cell("{{ block.columns[0] }}", "TableHeading"),
                  cell("{{ block.columns[1] }}", "TableHeading")], header=True)
    data = row([cell("{{ row[0] }}"), cell("{{ row[1] }}")])
    return table("DPASignatures", [header, loop_row("{%tr for row in block.rows %}", 2), data,
                  loop_row("{%tr endfor %}", 2)], 2, first_row=True)


def contents() -> str:
    """The contents' heading and a TOC field of the first level; the renderer writes its entries."""
    runs = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            ' TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    field = f'<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>{runs}</w:p>'
    return para("{{ block.text }}", "TOCHeading") + field


def section(cover: bool) -> str:
    """A section's page and running parts. The Cover Page and the Standard Terms are two
    sections, each with its own running title and footer, as the PDF's two parts have;
    the cover's first page has none. Pages are numbered through both: LibreOffice 7.4
    cannot count a section's pages (SECTIONPAGES), so the PDF's "Page 1 of 23" of the
    terms is the DOCX's "Page 3 of 25"."""
    page = {k: twips(v) for k, v in sheet.PAGE.items()}
    refs = ((("default", "rIdHeader"), ("first", "rIdHeaderFirst")) if cover
            else (("default", "rIdHeaderTerms"),))
    feet = ((("default", "rIdFooter"), ("first", "rIdFooterFirst")) if cover
            else (("default", "rIdFooterTerms"),))
    references = "".join(f'<w:headerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid in refs)
    references += "".join(f'<w:footerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid in feet)
    first_page = "<w:titlePg/>" if cover else ""
    return (f'<w:sectPr>{references}<w:type w:val="nextPage"/>'
            f'<w:pgSz w:w="{page["width"]}" w:h="{page["height"]}"/>'
            f'<w:pgMar w:top="{page["top"]}" w:right="{page["right"]}" w:bottom="{page["bottom"]}" '
            f'w:left="{page["left"]}" w:header="{page["header"]}" w:footer="{page["footer"]}" '
            f'w:gutter="0"/><w:cols w:space="709"/>{first_page}</w:sectPr>')


BRANCHES = (
    ("block.kind == 'title'", para("{{ block.text }}", "Title")),
    ("block.kind == 'subtitle'", para("{{ block.text }}", "Subtitle")),
    ("block.kind == 'heading' and block.number", para("{{ block.text }}", "Heading1")),
    ("block.kind == 'heading'", para("{{ block.text }}", "AnnexHeading")),
    ("block.kind == 'subheading'", para("{{ block.text }}", "Heading2")),
    # A bilingual DPA's translated clause text: aligned with the clause text, never numbered.
    ("block.kind == 'paragraph' and block.lang and block.number",
     para("{{ block.text }}", "ClauseTranslation")),
    ("block.kind == 'paragraph' and block.number", para("{{ block.text }}", "Clause")),
    ("block.kind == 'paragraph'", para("{{ block.text }}", "BodyText")),
    ("block.kind == 'bullet'", para("{{ block.text }}", "ListBullet")),
    ("block.kind == 'contents' and block.lang", para("{{ block.text }}", "TOCHeading")),
    ("block.kind == 'contents'", contents()),
    ("block.kind == 'notice'", para("{{ block.text }}", "Notice")),
    # The Cover Page ends its section; the Standard Terms begin theirs on a new page.
    ("block.kind == 'page_break' and block.part == 'cover'",
     f"<w:p><w:pPr>{section(cover=True)}</w:pPr></w:p>"),
    # The renderer turns this into "page break before" on the next paragraph.
    ("block.kind == 'page_break'", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'),
    ("block.style == 'grid'", grid_table()),
    ("block.style == 'fields'", fields_table()),
    ("block.style == 'signatures'", signatures_table()),
)


def document_xml() -> str:
    branches = "".join(
        para(f"{{%p {'if' if i == 0 else 'elif'} {test} %}}") + body
        for i, (test, body) in enumerate(BRANCHES))
    loop = (para("{%p for block in document.blocks %}") + branches + para("{%p endif %}")
            + para("{%p endfor %}"))
    return f"{HEAD}<w:document {XMLNS}><w:body>{loop}{section(cover=False)}</w:body></w:document>"
