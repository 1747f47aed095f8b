"""Staff forms for an evaluation panel: adding someone to it, taking them off, and a member's
declaration of interests."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from forms.validators import strip_whitespace
from forms.widgets import GovRadioInput


class AddToPanelForm(FlaskForm):
    """Whom to add to the panel (the choices are the council's staff not on it yet)."""

    staff_id = RadioField(
        "Who should join the panel?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose who should join the panel")],
    )
    submit = SubmitField("Add to the panel", widget=GovSubmitInput())


class RemoveFromPanelForm(FlaskForm):
    """Take one person off the panel (who is in the address)."""

    submit = SubmitField("Remove", widget=GovSubmitInput())


class DeclarationForm(FlaskForm):
    """A panel member's declaration of interests in the bidders listed above it."""

    conflict = RadioField(
        "Do you have a conflict of interest with any of these bidders?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("no", "No, I have no conflict of interest"),
            SelectChoice("yes", "Yes, I have or may have a conflict of interest"),
        ],
        validators=[InputRequired(message="Say whether you have a conflict of interest")],
    )
    detail = TextAreaField(
        "If yes, what is it? (for example, a family member works for a bidder)",
        widget=GovTextArea(),
        filters=[strip_whitespace],
        validators=[Length(max=2000, message="Keep this to 2,000 characters or fewer")],
    )
    submit = SubmitField("Make the declaration", widget=GovSubmitInput())

    def validate_detail(self, field) -> None:
        """A conflict needs saying what it is, so the moderator can judge it."""
        if self.conflict.data == "yes" and not field.data:
            raise ValidationError("Say what the conflict of interest is")
