"""Forms for subscribing to change notices and objecting to a change."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length

REASON_MIN = 20


class SubscribeForm(FlaskForm):
    email = EmailField(_l("Email address"), validators=[
        DataRequired(_l("Please enter your email address.")),
        Email(_l("Please enter a valid email address.")), Length(max=254)])
    profile = HiddenField()


class ObjectionForm(FlaskForm):
    company = StringField(_l("Company"), validators=[
        DataRequired(_l("Please enter your company's name.")), Length(max=200)])
    name = StringField(_l("Your name"), validators=[
        DataRequired(_l("Please enter your name.")), Length(max=200)])
    email = EmailField(_l("Email address"), validators=[
        DataRequired(_l("Please enter your email address.")),
        Email(_l("Please enter a valid email address.")), Length(max=254)])
    reason = TextAreaField(_l("Your reasons"), validators=[
        DataRequired(_l("Please give the data-protection grounds of your objection.")),
        Length(min=REASON_MIN, max=10000,
               message=_l("Please explain your grounds in at least %(count)s characters.",
                          count=REASON_MIN))])


class RecipientForm(FlaskForm):
    """An address for a customer's change notices (added, or replacing one)."""

    email = EmailField(_l("Email address"), render_kw={"autocomplete": "email"}, validators=[
        DataRequired(_l("Please enter an email address.")),
        Email(_l("Please enter a valid email address, such as privacy@example.com.")),
        Length(max=254)])
