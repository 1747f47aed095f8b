"""Training sessions: a trainer creates or closes one; an attendee joins with its code."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from forms.validators import strip_whitespace
from forms.widgets import GovCheckboxesInput, GovRadioInput


class SessionForm(FlaskForm):
    """A new session: its title, the opportunity to practise on, and any themes to focus on."""

    title = StringField(
        "Title",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter a title for the session"),
            Length(max=120, message="Title must be 120 characters or fewer"),
        ],
    )
    opportunity = RadioField(
        "Opportunity to work on",
        widget=GovRadioInput(),
        validate_choice=False,
        validators=[InputRequired(message="Choose the opportunity attendees will work on")],
    )
    themes = SelectMultipleField(
        "Themes to focus on (optional)", widget=GovCheckboxesInput(), validate_choice=False
    )
    submit = SubmitField("Create session", widget=GovSubmitInput())

    def validate_opportunity(self, field) -> None:
        """Only the council's open opportunities."""
        if field.data not in {c.value for c in field.choices}:
            raise ValidationError("Choose the opportunity attendees will work on")

    def validate_themes(self, field) -> None:
        """Only the council's themes."""
        if set(field.data or []) - {c.value for c in field.choices}:
            raise ValidationError("Choose themes from the list")


class JoinForm(FlaskForm):
    """An attendee joins with the code the trainer reads out; no account needed."""

    code = StringField(
        "Session code",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter the session code, like K7PXQ2"),
            Length(max=20, message="Session codes are 6 letters and numbers, like K7PXQ2"),
        ],
    )
    name = StringField(
        "Your first name or organisation (optional)",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[Optional(), Length(max=80, message="Keep this to 80 characters or fewer")],
    )
    submit = SubmitField("Join the session", widget=GovSubmitInput())


class CloseSessionForm(FlaskForm):
    """Close a session: no one can join after this."""

    submit = SubmitField("Close the session", widget=GovSubmitInput())
