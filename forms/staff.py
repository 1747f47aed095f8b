"""Forms for council staff: signing in."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from forms.validators import EmailAddress


class SignInForm(FlaskForm):
    """Staff sign-in: email address and password."""

    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            EmailAddress(),  # the length first, then the shape
        ],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter your password"),
            Length(max=200, message="Password must be 200 characters or fewer"),
        ],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())
