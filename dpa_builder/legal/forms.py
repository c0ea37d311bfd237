"""Legal's forms: a clause file, a DOCX template, a sub-processor change."""
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from pydantic import ValidationError as EntryError
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..content.annex_schema import Registry, SubProcessor
from ..customer.forms import choices
from ..field_errors import FieldErrors
from ..form_errors import show_field_errors

NOTE = _l("Note for the publish history (required to publish)")
# Fields of the incoming sub-processor, by SubProcessor field name.
ENTRY_FIELDS = {"id": "entry_id", "brand": "brand", "legal_entity": "legal_entity",
                "address": "address", "country": "country",
                "processing_location": "processing_location", "category": "category",
                "purpose": "purpose", "workspace_content": "workspace_content",
                "opt_in": "opt_in", "ai": "ai", "since": "since"}
PATTERNS = {"id": "use lower-case letters, digits, - and _ only",
            "country": "must be a two-letter ISO country code, e.g. DE"}


class ClauseForm(FlaskForm):
    text = TextAreaField(_l("Clause file (YAML)"),
                         validators=[DataRequired(_l("The file cannot be empty."))],
                         render_kw={"rows": 28, "spellcheck": "false", "wrap": "off",
                                    "class": "code"})
    proof = HiddenField()  # set by a successful preview of exactly this text
    note = StringField(NOTE, validators=[Length(max=500)])
    preview = SubmitField(_l("Preview"))
    publish = SubmitField(_l("Publish"))


class TemplateForm(FlaskForm):
    upload = FileField(_l("DOCX template"))
    staged = HiddenField()  # SHA-256 of the checked upload, kept until it is published
    note = StringField(NOTE, validators=[Length(max=500)])
    check = SubmitField(_l("Check the template"))
    publish = SubmitField(_l("Publish"))


class ChangeForm(FlaskForm):
    kind = SelectField(_l("Change"), choices=choices([("add", _l("Add a sub-processor")),
                                                  ("replace", _l("Replace a sub-processor")),
                                                  ("remove", _l("Remove a sub-processor"))]))
    target = SelectField(_l("Sub-processor replaced or removed"), validate_choice=False)
    entry_id = StringField(_l("Id (lower case, e.g. hetzner)"))
    brand = StringField(_l("Brand"))
    legal_entity = StringField(_l("Full legal entity"))
    address = StringField(_l("Address"))
    country = StringField(_l("Country (ISO 3166-1 alpha-2, e.g. DE)"))
    processing_location = StringField(_l("Processing location"))
    category = SelectField(_l("Category"), validate_choice=False)
    purpose = TextAreaField(_l("Service and purpose"), render_kw={"rows": 3})
    workspace_content = BooleanField(_l("Processes Workspace content"))
    opt_in = BooleanField(_l("Opt-in (engaged only for customers who enable it)"))
    ai = BooleanField(_l("Provides AI functionality (the DPA's AI clause names it)"))
    since = DateField(_l("Engaged since (blank: the effective date)"), validators=[Optional()])
    announced_on = DateField(_l("Announced on"), default=date.today,
                             validators=[DataRequired(_l("Enter the announcement date."))])
    effective_on = DateField(_l("Takes effect on"),
                             validators=[DataRequired(_l("Enter the effective date."))])

    field_paths = {"kind": "kind", "target": "target", "entry": "entry_id",
                   "announced_on": "announced_on", "effective_on": "effective_on",
                   **{f"entry.{name}": field for name, field in ENTRY_FIELDS.items()}}
    fallback_field = "kind"

    def __init__(self, registry: Registry, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.target.choices = choices([("", "— (none: an addition)")] + [
            (s.id, f"{s.named}, {s.id}") for s in registry.subprocessors])
        self.category.choices = choices((c.id, c.title) for c in registry.categories)

    def validate_announced_on(self, field):
        # Notices go out now; a back-dated announcement would shorten the notice period.
        if field.data and field.data < date.today():
            raise ValidationError("cannot be in the past: the notices go out today")

    def entry(self) -> dict | None:
        """The incoming sub-processor as the registry stores it; None for a removal."""
        if self.kind.data == "remove":
            return None
        # A field a post left out is missing, and the registry's model names it.
        values = {name: getattr(self, field).data for name, field in ENTRY_FIELDS.items()}
        values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items() if v is not None}
        if "country" in values:
            values["country"] = values["country"].upper()
        values["since"] = values.get("since") or self.effective_on.data
        return values

    def check_entry(self) -> bool:
        """Check the incoming sub-processor field by field, before the change itself."""
        entry = self.entry()
        try:
            entry is None or SubProcessor.model_validate(entry)
        except EntryError as exc:
            show_field_errors(self, FieldErrors.from_validation(exc, "entry", PATTERNS))
            return False
        return True
