"""Staff forms: sign-in, and the sales desk's DPA form with the options legal allows."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, IntegerField, PasswordField, RadioField, SelectField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..assembly.language import country_name
from ..assembly.transfers import eu_member_states
from ..content.loader import Content
from ..customer.forms import DpaForm, choices
from ..ui_language import current_language


class LoginForm(FlaskForm):
    # No account has a longer email (users.email holds 254): the same answer as an unknown one.
    email = EmailField(_l("Email"), validators=[
        DataRequired(_l("Enter your email.")), Length(max=254, message=_l("Incorrect email or password."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])


class DeskForm(DpaForm):
    """The customer's fields, worded for a prospect, plus the sales options.

    The customer's "I am authorised" checkbox is dropped: sales cannot vouch for
    the prospect's authority; the prospect's signature on the DOCX does. The
    change-notice subscription is dropped too: only the customer may subscribe.
    """

    authorised = None
    role = RadioField(_l("The prospect acts as"), default="controller", choices=choices([
        ("controller", _l("Controller (decides why and how the data is processed)")),
        ("processor", _l("Processor (processes it on behalf of its own customers)"))]))
    ai_features = BooleanField(_l("The prospect enables AI features in its workspace"))
    notice_days = IntegerField(_l("Notice period for sub-processor changes (days)"),
                               validators=[Optional()])
    # Left out of a post (as a hand-made one may), the choice is the default: blank.
    governing_law = SelectField(_l("Governing law of the EU SCCs (Clauses 17 and 18)"), default="")
    bilingual = BooleanField(_l("Bilingual: each paragraph in English, then in the DPA's language"))

    field_paths = {**DpaForm.field_paths, "options.notice_days": "notice_days",
                   "options.governing_law": "governing_law", "options.bilingual": "bilingual"}

    def __init__(self, content: Content, *args, **kwargs):
        super().__init__(*args, **kwargs)
        policy = content.profile.policy
        self.notice_bounds = (policy.notice_days, policy.notice_days_max)
        # The same bounds assemble() enforces; checked here too so that every
        # error shows in one round, even while the request itself is invalid.
        self.notice_days.validators = [Optional(), NumberRange(
            *self.notice_bounds, message=_("Enter a number of days between %(low)s and %(high)s.",
                                           low=policy.notice_days, high=policy.notice_days_max))]
        self.notice_days.render_kw = {"min": policy.notice_days, "max": policy.notice_days_max,
                                      "placeholder": str(policy.notice_days)}
        language = current_language()
        self.fallback_law = country_name(content.profile.eu_governing_law_fallback, language)
        self.governing_law.choices = choices([
            ("", _("The customer's own Member State")),
            *sorted(((c, country_name(c, language)) for c in eu_member_states(content.regimes)),
                    key=lambda pair: pair[1])])

    def option_values(self) -> dict:
        """The options as keyword arguments of Options; blank means the default."""
        return {"notice_days": self.notice_days.data,
                "governing_law": self.governing_law.data or None,
                "bilingual": bool(self.bilingual.data), **self.translation_options()}
