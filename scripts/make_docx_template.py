"""Build templates/dpa.docx, the DOCX layout, from the style sheet in docx_style_sheet.py.

The package is written part by part, as Word 2013+ writes it: compatibility
mode 15, British English, named fonts with their metric-compatible twins, list
numbering tied to the heading and clause styles, no theme, thumbnail or other
leftovers of a stock template. The body is a docxtpl loop over the document
model's blocks (docx_body.py). Legal may restyle the result in Word; rerun this
script only to start again from the reviewed style sheet.

    python scripts/make_docx_template.py      # tests check the file matches
"""
import io
import zipfile
from pathlib import Path

import docx_body as body
import docx_parts as parts
import docx_running as running
import docx_settings as settings

OUT = Path(__file__).resolve().parents[1] / "templates" / "dpa.docx"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed entry times: the same style sheet gives the same bytes

CT = "application/vnd.openxmlformats-officedocument"
WML = f"{CT}.wordprocessingml"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# part name -> (content type, relationship id from the document, relationship type)
WORD_PARTS = {
    "word/styles.xml": (f"{WML}.styles+xml", "rIdStyles", "styles"),
    "word/numbering.xml": (f"{WML}.numbering+xml", "rIdNumbering", "numbering"),
    "word/settings.xml": (f"{WML}.settings+xml", "rIdSettings", "settings"),
    "word/fontTable.xml": (f"{WML}.fontTable+xml", "rIdFonts", "fontTable"),
    "word/header1.xml": (f"{WML}.header+xml", "rIdHeader", "header"),
    "word/header2.xml": (f"{WML}.header+xml", "rIdHeaderFirst", "header"),
    "word/header3.xml": (f"{WML}.header+xml", "rIdHeaderTerms", "header"),
    "word/footer1.xml": (f"{WML}.footer+xml", "rIdFooter", "footer"),
    "word/footer2.xml": (f"{WML}.footer+xml", "rIdFooterFirst", "footer"),
    "word/footer3.xml": (f"{WML}.footer+xml", "rIdFooterTerms", "footer"),
}


def part_texts() -> dict[str, str]:
    return {
        "word/document.xml": body.document_xml(),
        "word/styles.xml": parts.styles_xml(),
        "word/numbering.xml": settings.numbering_xml(),
        "word/settings.xml": settings.settings_xml(),
        "word/fontTable.xml": settings.font_table_xml(),
        "word/header1.xml": running.header_xml("cover"),
        "word/header2.xml": running.header_xml("first"),
        "word/header3.xml": running.header_xml("terms"),
        "word/footer1.xml": running.footer_xml("cover"),
        "word/footer2.xml": running.footer_xml("first"),
        "word/footer3.xml": running.footer_xml("terms"),
        "docProps/core.xml": (
            f'{parts.HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
            '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'),
        "docProps/app.xml": (
            f'{parts.HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>DPA Builder</Application></Properties>'),
        "word/_rels/document.xml.rels": relationships(
            (rid, f"{RELS}/{kind}", name.removeprefix("word/"))
            for name, (_, rid, kind) in WORD_PARTS.items()),
        "_rels/.rels": relationships([
            ("rId1", f"{RELS}/officeDocument", "word/document.xml"),
            ("rId2", f"{PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{RELS}/extended-properties", "docProps/app.xml")]),
        "[Content_Types].xml": content_types(),
    }


def relationships(items) -> str:
    rels = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                   for rid, kind, target in items)
    return f'{parts.HEAD}<Relationships xmlns="{PKG_RELS}">{rels}</Relationships>'


def content_types() -> str:
    overrides = {"/word/document.xml": f"{WML}.document.main+xml",
                 "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
                 "/docProps/app.xml": f"{CT}.extended-properties+xml",
                 **{f"/{name}": ct for name, (ct, _, _) in WORD_PARTS.items()}}
    items = "".join(f'<Override PartName="{name}" ContentType="{ct}"/>' for name, ct in overrides.items())
    return (f'{parts.HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{items}</Types>")


def build() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        # [Content_Types].xml first, as Word and other consumers expect.
        for name, text in sorted(part_texts().items(), key=lambda item: item[0] != "[Content_Types].xml"):
            package.writestr(zipfile.ZipInfo(name, ZIP_EPOCH), text.encode(), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> None:
    OUT.write_bytes(build())
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
