"""The variables legal may use are generated from the model, shown to legal, and all work."""
import html

from test_docx_check import paragraph, template
from test_legal import CLAUSE_URL, legal  # noqa: F401 - fixture

from dpa_builder.assembly.assemble import text_variables
from dpa_builder.assembly.samples import sample_request
from dpa_builder.content.sandbox import render_text
from dpa_builder.legal.variables import TEMPLATE_VARIABLES, clause_variables
from dpa_builder.render.docx_static import static_problems


def test_the_legal_pages_list_the_variables(client, legal):
    clause = html.unescape(client.get(CLAUSE_URL).get_data(as_text=True))
    assert "<code>notice_days</code></td><td>30</td><td>Cover Page labels only</td>" in clause
    assert "<code>policy.changelog_months</code></td><td>24</td><td>all texts</td>" in clause
    assert "<code>processor.legal_name</code></td><td>Evith LLC</td>" in clause
    upload = html.unescape(client.get("/legal/templates/helptal").get_data(as_text=True))
    assert "<code>block.rows</code></td><td>a list of rows, each a list of texts</td>" in upload
    assert "kind is one of: title, subtitle" in upload


def test_every_listed_clause_variable_renders_as_listed(helptal):
    context = text_variables(sample_request(), helptal)
    for name, value, _ in clause_variables(helptal):
        if "," not in value:  # a list is listed joined
            assert render_text(f"{{{{ {name} }}}}", context) == value, name


def test_every_listed_template_variable_passes_the_check(helptal):
    uses = [f"{{{{ {name} }}}}" for name, _ in TEMPLATE_VARIABLES if name.startswith("document.")]
    loop = "{% for block in document.blocks %}" + "".join(
        f"{{{{ {name} }}}}" for name, _ in TEMPLATE_VARIABLES if name.startswith("block.")) + \
        "{% endfor %}"
    assert static_problems(template(helptal, paragraph(*uses), paragraph(loop))) == []
