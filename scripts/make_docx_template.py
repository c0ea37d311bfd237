"""Build templates/dpa.docx, the DOCX layout, from scratch.

The template holds layout only: styles, page setup, header and footer, and a
docxtpl loop over the document model's blocks. Legal may restyle the result
in Word; rerun this script only to start again from a clean layout.

    python scripts/make_docx_template.py
"""
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt

TEXT_WIDTH = Cm(21.0 - 2 * 2.3)
OUT = Path(__file__).resolve().parents[1] / "templates" / "dpa.docx"


def add_field(paragraph, instruction: str) -> None:
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def setup_styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Serif", Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in [("Title", 24), ("Subtitle", 13), ("Heading 1", 13), ("Heading 2", 11)]:
        styles[name].font.name, styles[name].font.size = "Liberation Sans", Pt(size)
    styles["Heading 1"].paragraph_format.space_before = Pt(14)
    styles["List Bullet"].font.name = "Liberation Serif"
    clause = styles.add_style("Clause", WD_STYLE_TYPE.PARAGRAPH)
    clause.base_style = normal
    clause.paragraph_format.left_indent = Cm(1.1)
    clause.paragraph_format.first_line_indent = Cm(-1.1)
    clause.paragraph_format.tab_stops.add_tab_stop(Cm(1.1))


def setup_page(doc) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin = section.bottom_margin = Cm(2.2)
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    footer.text = "{{ document.footer }}\tPage "
    add_field(footer, "PAGE")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES")
    header = section.header.paragraphs[0]
    header.text = "{{ document.title }} — {{ document.id }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def keep_rows_whole(table, header: bool) -> None:
    """Never split a row across pages; repeat the header row on each page."""
    for index, row in enumerate(table.rows):
        props = row._tr.get_or_add_trPr()
        props.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        if header and index == 0:
            props.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def loop_table(doc, rows: list[list[str]], style: str | None, widths=(), header=False):
    """A table whose first row is bold when it is a header row."""
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if style:
        table.style = doc.styles[style]
    for index, (row, texts) in enumerate(zip(table.rows, rows)):
        for cell, text in zip(row.cells, texts):
            cell.paragraphs[0].add_run(text).bold = header and index == 0
    # Word reads a cell's width, LibreOffice the table grid's: set both.
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    keep_rows_whole(table, header)
    return table


def body(doc) -> None:
    p = doc.add_paragraph
    p("{%p for block in document.blocks %}")
    p("{%p if block.kind == 'title' %}")
    p("{{ block.text }}", style="Title")
    p("{%p elif block.kind == 'subtitle' %}")
    p("{{ block.text }}", style="Subtitle")
    p("{%p elif block.kind == 'heading' %}")
    p("{% if block.number %}{{ block.number }} {% endif %}{{ block.text }}", style="Heading 1")
    p("{%p elif block.kind == 'subheading' %}")
    p("{{ block.text }}", style="Heading 2")
    p("{%p elif block.kind == 'paragraph' and block.number %}")
    p("{{ block.number }}\t{{ block.text }}", style="Clause")
    p("{%p elif block.kind == 'paragraph' %}")
    p("{{ block.text }}")
    p("{%p elif block.kind == 'bullet' %}")
    p("{{ block.text }}", style="List Bullet")
    p("{%p elif block.kind == 'page_break' %}")
    p().add_run().add_break(WD_BREAK.PAGE)
    p("{%p elif block.style == 'grid' %}")
    loop_table(doc, [["{%tc for c in block.columns %}", "{{ c }}", "{%tc endfor %}"],
                     ["{%tr for row in block.rows %}"],
                     ["{%tc for c in row %}", "{{ c }}", "{%tc endfor %}"],
                     ["{%tr endfor %}"]], "Table Grid", header=True)
    p("{%p elif block.style == 'fields' %}")
    fields = loop_table(doc, [["{%tr for row in block.rows %}", ""],
                              ["{{ row[0] }}", "{{ row[1] }}"],
                              ["{%tr endfor %}", ""]], "Table Grid", (Cm(5.2), TEXT_WIDTH - Cm(5.2)))
    fields.rows[1].cells[0].paragraphs[0].runs[0].bold = True  # the label column
    p("{%p elif block.style == 'signatures' %}")
    loop_table(doc, [["{{ block.columns[0] }}", "{{ block.columns[1] }}"],
                     ["{%tr for row in block.rows %}", ""],
                     ["{{ row[0] }}", "{{ row[1] }}"],
                     ["{%tr endfor %}", ""]], None, header=True)
    p("{%p endif %}")
    p("{%p endfor %}")


def main() -> None:
    doc = Document()
    setup_styles(doc)
    setup_page(doc)
    body(doc)
    OUT.parent.mkdir(exist_ok=True)
    doc.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
