"""The headers and footers of templates/dpa.docx: running title, page number, a marking.

Three kinds, as the PDF's two parts have them: the cover's first page (only a
specimen's marking, which heads every page), the cover's other pages (the
document id), and the Standard Terms, which name themselves where the cover
names the document id.
"""
import docx_style_sheet as sheet
from docx_body import para
from docx_parts import HEAD, XMLNS, twips

TEXT_WIDTH = twips(sheet.TEXT_WIDTH)


def field(instruction: str) -> str:
    return f'<w:fldSimple w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'


def words(text: str, style: str = "") -> str:
    """A run of template text, in a character style if given."""
    props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


# The Standard Terms' own title ("Standard Terms"), which stands in for the document id.
TERMS_NAME = ('{% set terms_name = (document.blocks|selectattr("part", "equalto", "terms")'
              '|selectattr("kind", "equalto", "title")|first).text %}')
RUNNING = {"cover": "{{ document.title }} — {{ document.id }}",
           "terms": TERMS_NAME + "{{ document.title }} — {{ terms_name }}"}
FOOTER = {"cover": "{{ document.footer }}",
          "terms": TERMS_NAME + "{{ document.footer|replace(document.id, terms_name) }}"}


def header_xml(kind: str) -> str:
    """The marking (if any) left and the running title (not on the cover's first page) right."""
    marking = (words("{% if document.marking %}") + words("{{ document.marking }}", "HeaderMarking")
               + words("{% endif %}"))
    title = "<w:r><w:tab/></w:r>" + words(RUNNING[kind]) if kind in RUNNING else ""
    paragraph = f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{marking}{title}</w:p>'
    return f"{HEAD}<w:hdr {XMLNS}>{paragraph}</w:hdr>"


def footer_xml(kind: str) -> str:
    """The document id and versions left, the page number right, each in a cell of its own,
    so a long footer text wraps in its cell instead of running into the page number."""
    if kind not in FOOTER:  # the cover's first page: its id is in its own table, no page number
        return f"{HEAD}<w:ftr {XMLNS}>{para('', 'Footer')}</w:ftr>"
    page = (f'{words("{{ document.page_label[0] }} ")}{field("PAGE")}'
            f'{words(" {{ document.page_label[1] }} ")}{field("NUMPAGES")}'
            f'{words(" {{ document.page_label[2] }}")}')
    left, right = TEXT_WIDTH * 7 // 10, TEXT_WIDTH - TEXT_WIDTH * 7 // 10
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
        f'<w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p></w:tc>'
        for width, style, runs in ((left, "Footer", words(FOOTER[kind])),
                                   (right, "FooterPage", page)))
    margins = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("left", "right"))
    table = (f'<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
             f'<w:tblCellMar>{margins}</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
             f'<w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{right}"/></w:tblGrid>'
             f"<w:tr>{cells}</w:tr></w:tbl>")
    # Word needs a paragraph after a table; this one is 1 pt high, so the footer keeps its place.
    end = ('<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/>'
           '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')
    return f"{HEAD}<w:ftr {XMLNS}>{table}{end}</w:ftr>"
