"""Forms of the offer pages: organisation details, one commitment, the narrative, submitting."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

import clock
from assistant.amounts import parse_timescale
from forms.fields import NumberField, text_field
from forms.validators import strip_whitespace
from forms.widgets import GovCheckboxInput, GovRadioInput, GovSelect
from knowledge import vocabulary

CLASSIFICATION_CHOICES = [
    SelectChoice("additional", "Extra, for this contract"),
    SelectChoice("core", "Part of the service itself"),
    SelectChoice("organisation-wide", "Something we do anyway, across the organisation"),
]
ORGANISATION_TYPES = [
    SelectChoice(code, label) for code, label in vocabulary.ORGANISATION_TYPES.items()
]
SIZES = [SelectChoice(code, label) for code, label in vocabulary.SIZES.items()]


class OrganisationForm(FlaskForm):
    """The supplier's organisation."""

    name = text_field("Organisation name", "Enter the name of your organisation", 120)
    type = RadioField(
        "What kind of organisation is it?",
        widget=GovRadioInput(),
        choices=ORGANISATION_TYPES,
        validators=[InputRequired(message="Choose the kind of organisation you are")],
    )
    size = RadioField(
        "How many people work for it?",
        widget=GovRadioInput(),
        choices=SIZES,
        validators=[InputRequired(message="Choose how many people work for you")],
    )
    activity = text_field(
        "What your organisation does", "Say what your organisation does", 1000, True
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class CommitmentForm(FlaskForm):
    """One commitment, with every detail the council needs to score and monitor it."""

    # Unknown values are ignored when saving, so the choices need no "Not a valid choice".
    measure = SelectField("Council measure", widget=GovSelect(), default="", validate_choice=False)
    theme = SelectField("Council theme", widget=GovSelect(), default="", validate_choice=False)
    title = text_field("Commitment", "Say what you will do", 200)
    quantity = NumberField(
        "How much",
        message="Enter how much you will deliver, as a number, like 3",
        validators=[
            InputRequired(message="Enter how much you will deliver, as a number, like 3"),
            NumberRange(min=1, max=1_000_000, message="Enter a number from 1 to 1,000,000"),
        ],
    )
    unit = SelectField(
        "What you are counting",
        widget=GovSelect(),
        validators=[InputRequired(message="Choose what you are counting")],
    )
    timescale = text_field("By when", 'Enter by when, like "within 6 months" or "March 2027"', 100)
    delivery = text_field("How you will deliver it", "Say how you will deliver it", 600, True)
    beneficiaries = text_field("Who will benefit", "Say who will benefit", 400, True)
    partners = StringField(
        "Partners (optional)",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            Optional(),
            Length(max=300, message="Partners must be 300 characters or fewer"),
        ],
    )
    evidence = text_field("Evidence", "Say how you will show the council it happened", 400, True)
    milestones = TextAreaField(
        "Yearly targets (optional)",
        widget=GovTextArea(),
        filters=[strip_whitespace],
        validators=[
            Optional(),
            Length(max=600, message="Yearly targets must be 600 characters or fewer"),
        ],
    )
    classification = RadioField(
        "Which describes it best?",
        widget=GovRadioInput(),
        choices=CLASSIFICATION_CHOICES,
        validators=[InputRequired(message="Choose which describes the commitment best")],
    )
    submit = SubmitField("Save commitment", widget=GovSubmitInput())

    def validate_theme(self, field) -> None:
        """Without a measure, the commitment needs a theme to sit under."""
        if not self.measure.data and not field.data:
            raise ValidationError("Choose a council measure, or the theme your commitment is for")

    def validate_timescale(self, field) -> None:
        """The timescale must be a date or a length of time the checks can read."""
        if field.data and not parse_timescale(field.data, clock.today()).ok:
            raise ValidationError(
                'Enter a date or a length of time, like "within 6 months" or "March 2027"'
            )


class ConfirmForm(FlaskForm):
    """A yes/no confirmation, such as removing a commitment or withdrawing an offer."""

    confirm = RadioField(
        "Are you sure?",
        widget=GovRadioInput(),
        choices=[SelectChoice("yes", "Yes"), SelectChoice("no", "No")],
        validators=[InputRequired(message="Choose yes or no")],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


class NarrativeForm(FlaskForm):
    """The written response, edited by the supplier within the word limit."""

    text = TextAreaField(
        "Your social value response",
        widget=GovCharacterCount(),
        filters=[strip_whitespace],
        validators=[DataRequired(message="Enter your response, or use the generated one")],
    )
    submit = SubmitField("Save text", widget=GovSubmitInput())


class SubmitOfferForm(FlaskForm):
    """Submit the offer to an opportunity."""

    code = StringField(
        "Opportunity code",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter the opportunity code from the tender documents"),
            Length(max=20, message="Enter the 8-character opportunity code, like K7QH2MPX"),
        ],
    )
    declaration = BooleanField(
        "I confirm that this offer is accurate and that my organisation can deliver it",
        widget=GovCheckboxInput(),
        validators=[DataRequired(message="Confirm that the offer is accurate and deliverable")],
    )
    submit = SubmitField("Submit offer", widget=GovSubmitInput())


class WordingForm(FlaskForm):
    """The tidy-wording page: one yes-or-no question per suggestion, added by `wording_form`."""

    version = HiddenField()  # which suggestions the page showed
    save = SubmitField("Save my choices", widget=GovSubmitInput())
    accept_all = SubmitField("Accept every suggestion", widget=GovSubmitInput())


def wording_form(count: int) -> WordingForm:
    """A form with `count` questions named s0, s1, …, each "change it" or "keep it"; none has
    to be answered, so a supplier can decide some now and the rest later."""
    choices = [SelectChoice("yes", "Yes, change it"), SelectChoice("no", "No, keep what I wrote")]
    fields = {
        f"s{number}": RadioField(
            f"Suggestion {number + 1}",
            widget=GovRadioInput(),
            choices=choices,
            validators=[Optional()],
        )
        for number in range(count)
    }
    return type("SuggestionsForm", (WordingForm,), fields)()
