"""Forms for subscribing to change notices and objecting to a change."""
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length

REASON_MIN = 20


class SubscribeForm(FlaskForm):
    email = EmailField("Email address", validators=[
        DataRequired("Please enter your email address."),
        Email("Please enter a valid email address."), Length(max=254)])
    profile = HiddenField()


class ObjectionForm(FlaskForm):
    company = StringField("Company", validators=[
        DataRequired("Please enter your company's name."), Length(max=200)])
    name = StringField("Your name", validators=[
        DataRequired("Please enter your name."), Length(max=200)])
    email = EmailField("Email address", validators=[
        DataRequired("Please enter your email address."),
        Email("Please enter a valid email address."), Length(max=254)])
    reason = TextAreaField("Your reasons", validators=[
        DataRequired("Please give the data-protection grounds of your objection."),
        Length(min=REASON_MIN, max=10000,
               message=f"Please explain your grounds in at least {REASON_MIN} characters.")])


class RecipientForm(FlaskForm):
    """An address for a customer's change notices (added, or replacing one)."""

    email = EmailField("Email address", render_kw={"autocomplete": "email"}, validators=[
        DataRequired("Please enter an email address."),
        Email("Please enter a valid email address, such as privacy@example.com."),
        Length(max=254)])
