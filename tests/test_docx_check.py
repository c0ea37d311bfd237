import dataclasses
import io
import zipfile

import PIL.Image
from docx import Document as open_docx

from dpa_builder.assembly.samples import sample_request
from dpa_builder.content.layout import DOCX_TEMPLATE
from dpa_builder.generate import build
from dpa_builder.render.docx_check import check_template


def template(helptal, *edits):
    """The published template, changed by each edit(document), as bytes."""
    docx = open_docx(io.BytesIO(helptal.files[DOCX_TEMPLATE]))
    for edit in edits:
        edit(docx)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def appended(helptal) -> str:
    """How the checker names a paragraph added after the template's last one."""
    return f"paragraph {len(open_docx(io.BytesIO(helptal.files[DOCX_TEMPLATE])).paragraphs) + 1}"


def paragraph(*runs):
    """An edit adding a paragraph after the block loop, one run per text."""
    def edit(docx):
        p = docx.add_paragraph()
        for text in runs:
            p.add_run(text)
    return edit


def test_the_published_template_passes(helptal):
    assert check_template(helptal.files[DOCX_TEMPLATE], helptal) == []


def test_an_unknown_variable_names_its_paragraph(helptal):
    problems = check_template(template(helptal, paragraph("{{ document.titel }}")), helptal)
    assert problems == [appended(helptal) + ' ("{{ document.titel }}"): unknown variable document.titel']


def test_a_name_outside_the_model_is_unknown(helptal):
    problems = check_template(template(helptal, paragraph("{{ customer.legal_name }}")), helptal)
    assert problems == [appended(helptal) + ' ("{{ customer.legal_name }}"): unknown variable customer']


def test_a_syntax_error_names_its_paragraph_not_line_one(helptal):
    [problem] = check_template(template(helptal, paragraph("{{ document.title | }}")), helptal)
    assert problem.startswith(appended(helptal) + ' ("{{ document.title | }}"): expected token')


def test_an_unclosed_block_names_the_paragraph_that_opens_it(helptal):
    docx = template(helptal, paragraph("{% if document.title %}"), paragraph("Titled"))
    [problem] = check_template(docx, helptal)
    assert problem.startswith(appended(helptal) + ' ("{% if document.title %}"): this block is never closed')


def test_a_tag_split_across_runs_is_rejoined_and_renders(helptal):
    docx = template(helptal, paragraph("{{ document.", "title }}"))
    runs = [r.text for r in open_docx(io.BytesIO(docx)).paragraphs[-1].runs]
    assert runs == ["{{ document.", "title }}"]
    assert check_template(docx, helptal) == []
    content = dataclasses.replace(helptal, files={**helptal.files, DOCX_TEMPLATE: docx})
    rendered = open_docx(io.BytesIO(build(sample_request(), content, ("docx",)).files["docx"]))
    assert rendered.paragraphs[-1].text == "Data Processing Addendum"


def test_a_split_tag_is_checked_as_its_joined_text(helptal):
    problems = check_template(template(helptal, paragraph("{{ document.", "titel }}")), helptal)
    assert problems == [appended(helptal) + ' ("{{ document.titel }}"): unknown variable document.titel']


def test_a_tag_split_across_paragraphs_is_refused(helptal):
    docx = template(helptal, paragraph("Title: {{ document."), paragraph("title }}"))
    [problem] = check_template(docx, helptal)
    assert problem.startswith(appended(helptal) + ' ("Title: {{ document."): the tag')
    assert "must start and end in one paragraph" in problem


def test_an_error_in_a_table_cell_names_table_row_and_cell(helptal):
    def edit(docx):
        docx.tables[1].rows[1].cells[0].paragraphs[0].runs[0].text = "{{ block.colums }}"
    [problem] = check_template(template(helptal, edit), helptal)
    assert problem == ('table 2, row 2, cell 1, paragraph 1 ("{{ block.colums }}"): '
                       'unknown variable block.colums')


def test_an_error_in_the_footer_names_the_section(helptal):
    edit = lambda docx: docx.sections[0].footer.add_paragraph("{{ documnt.id }}")  # noqa: E731
    assert check_template(template(helptal, edit), helptal) == [
        'section 1 footer, paragraph 2 ("{{ documnt.id }}"): unknown variable documnt']


def test_word_curly_quotes_are_straightened_as_docxtpl_does(helptal):
    docx = template(helptal, paragraph("{% if document.language == ‘en’ %}English{% endif %}"))
    assert check_template(docx, helptal) == []


def test_a_template_that_drops_a_kind_of_block_is_refused(helptal):
    def edit(docx):
        docx.paragraphs[16].runs[0].text = ""  # the bullet's {{ block.text }}
    [problem] = check_template(template(helptal, edit), helptal)
    assert problem.startswith("the sample DPA leaves out")


def test_a_sample_that_fails_to_render_is_reported(helptal):
    [problem] = check_template(template(helptal, paragraph("{{ document.title | int + 'x' }}")),
                               helptal)
    assert problem == (f'{appended(helptal)} ("{{{{ document.title | int + \'x\' }}}}"): TypeError: '
                       "unsupported operand type(s) for +: 'int' and 'str'")


def test_a_file_that_is_not_a_zip_is_refused_whatever_its_name(helptal):
    assert check_template(b"MZ\x90\x00 an executable named template.docx", helptal) == [
        "not a DOCX file: it is not a zip archive (whatever its name says)"]


def test_a_zip_without_a_word_document_is_refused(helptal):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert check_template(out.getvalue(), helptal) == [
        "not a DOCX file: it holds no word/document.xml"]



def test_a_document_property_is_checked_like_the_text(helptal):
    def edit(docx):
        docx.core_properties.title = "{{ config.SECRET_KEY }}"
    assert check_template(template(helptal, edit), helptal) == [
        "the document property title: unknown variable config"]


def picture(description: str):
    """An edit adding a small picture with this alt text after the block loop."""
    def edit(docx):
        png = io.BytesIO()
        PIL.Image.new("RGB", (4, 4), "white").save(png, "PNG")
        docx.add_picture(png)
        docx.inline_shapes[-1]._inline.docPr.set("descr", description)
    return edit


def test_a_picture_needs_alt_text(helptal):
    [problem] = check_template(template(helptal, picture("")), helptal)
    assert problem.startswith("document: the picture 'Picture ") and "has no alt text" in problem
    assert check_template(template(helptal, picture("The Helptal logo")), helptal) == []
