"""Show a FieldErrors on a web form: the one mapping from dotted fields to form fields."""
from .field_errors import FieldErrors


def show_field_errors(form, errors: FieldErrors) -> None:
    """Put each problem beside the form field its dotted path names.

    A form declares `field_paths` (dotted path → form field name) and `fallback_field`
    for problems no field of its own shows; those keep their path in the message. The
    core's message replaces the form's own on that field: it is the authoritative one.
    """
    replaced = set()
    for path, message in errors.fields.items():
        name = form.field_paths.get(path)
        field = getattr(form, name) if name else getattr(form, form.fallback_field)
        if name and name not in replaced:
            field.errors = []
            replaced.add(name)
        field.errors = [*field.errors, message if name else f"{path}: {message}"]
