"""The public verification form: a file to hash, or a SHA-256 pasted as text."""
import re

from flask_babel import gettext, lazy_gettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField

from ..files import sha256_of

_HEX64 = re.compile(r"[0-9a-f]{64}")


class VerifyForm(FlaskForm):
    document = FileField(lazy_gettext("A DPA file (DOCX or PDF)"))
    sha256 = StringField(lazy_gettext("Or its SHA-256 fingerprint"))

    def fingerprint(self) -> str | None:
        """The SHA-256 to look up, or None with the errors set on the fields."""
        upload, typed = self.document.data, (self.sha256.data or "").strip().lower()
        if upload and typed:
            self.sha256.errors = [gettext("Upload a file or paste a fingerprint, not both.")]
        elif upload:
            # Whatever bytes arrive are hashed; the name and type claimed mean nothing.
            return sha256_of(upload.read())
        elif not typed:
            self.document.errors = [gettext("Choose a file to upload, or paste a fingerprint below.")]
        elif _HEX64.fullmatch(typed.removeprefix("sha256:")):
            return typed.removeprefix("sha256:")
        else:
            self.sha256.errors = [gettext("SHA-256 must be 64 hexadecimal characters (0-9, a-f).")]
        return None
