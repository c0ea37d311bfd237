"""What legal's texts and templates may use, generated from the model for the legal pages."""
import inspect

from ..assembly.assemble import text_variables
from ..assembly.model import Block
from ..assembly.samples import sample_request
from ..content.loader import Content
from ..render.docx_names import documented

BLOCK_KINDS = inspect.cleandoc(Block.__doc__ or "")
TEMPLATE_VARIABLES = documented()


def clause_variables(content: Content) -> list[tuple[str, str, str]]:
    """Each variable a clause text or label may use, its value for the sample customer, and
    where: the Standard Terms name no customer, so some are for the Cover Page only."""
    terms = {name for name, _ in _flatten(text_variables(sample_request(), content, part="terms"))}
    return [(name, value, "all texts" if name in terms else "Cover Page labels only")
            for name, value in _flatten(text_variables(sample_request(), content))]


def _flatten(value, name: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [row for key, item in value.items()
                for row in _flatten(item, f"{name}.{key}" if name else key)]
    if isinstance(value, list):
        return [(name, ", ".join(map(str, value)))]
    return [(name, str(value))]
