"""Staff forms: an opportunity, and scoring or moderating an offer on the council's rubric."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    RadioField,
    SelectMultipleField,
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
from forms.fields import GovDateField, NumberField
from forms.validators import strip_whitespace
from forms.widgets import GovCheckboxesInput, GovCheckboxInput, GovRadioInput
from knowledge.packs import Rubric


class OpportunityForm(FlaskForm):
    """A contract that suppliers make offers for."""

    title = StringField(
        "Title",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter the contract's title"),
            Length(max=200, message="Title must be 200 characters or fewer"),
        ],
    )
    reference = StringField(
        "Tender reference (optional)",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[Optional(), Length(max=60, message="Reference must be 60 characters or fewer")],
    )
    description = TextAreaField(
        "Description (optional)",
        widget=GovTextArea(),
        filters=[strip_whitespace],
        validators=[
            Optional(),
            Length(max=2000, message="Description must be 2,000 characters or fewer"),
        ],
    )
    contract_type = RadioField(
        "Kind of contract",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("services", "Services"),
            SelectChoice("goods", "Goods"),
            SelectChoice("works", "Works"),
        ],
        validators=[InputRequired(message="Choose the kind of contract")],
    )
    value_gbp = NumberField(
        "Estimated total value, in pounds",
        message="Enter the contract's value in pounds as a number, like 120000",
        validators=[
            InputRequired(message="Enter the contract's value in pounds, like 120000"),
            NumberRange(min=1, max=10_000_000_000, message="Enter a value from £1 to £10 billion"),
        ],
    )
    duration_months = NumberField(
        "Length, in months",
        message="Enter the contract's length as a whole number of months, like 24",
        whole=True,
        validators=[
            InputRequired(message="Enter the contract's length in months, like 24"),
            NumberRange(min=1, max=240, message="Enter a length from 1 to 240 months"),
        ],
    )
    weighting_percent = NumberField(
        "Social value weighting, as a percentage",
        message="Enter the social value weighting as a number, like 10",
        validators=[
            InputRequired(message="Enter the social value weighting, like 10"),
            # WTForms fills in %(min)s and %(max)s, so a percent sign is written %%.
            NumberRange(min=1, max=100, message="Enter a weighting from 1%% to 100%%"),
        ],
    )
    word_limit = NumberField(
        "Word limit for the social value response",
        message="Enter the word limit as a whole number, like 500",
        whole=True,
        validators=[
            InputRequired(message="Enter the word limit, like 500"),
            NumberRange(min=50, max=5000, message="Enter a word limit from 50 to 5,000"),
        ],
    )
    closes_on = GovDateField(
        "Closing date",
        message="The closing date must be a real date, like 27 3 2027",
        validators=[InputRequired(message="Enter the closing date, like 27 3 2027")],
    )
    themes = SelectMultipleField(
        "Themes to emphasise (optional)", widget=GovCheckboxesInput(), validate_choice=False
    )
    practice = BooleanField(
        "This is a practice opportunity, open to anyone", widget=GovCheckboxInput()
    )
    early_scoring = BooleanField(
        "Let the panel score offers before the closing date",
        widget=GovCheckboxInput(),
    )
    early_scoring_reason = TextAreaField(
        "Why scoring should open before the closing date (kept in the audit trail)",
        widget=GovTextArea(),
        filters=[strip_whitespace],
        validators=[Length(max=1000, message="Keep the reason to 1,000 characters or fewer")],
    )
    close_now = BooleanField(
        "Close it now: I understand that saving closes the opportunity at once",
        widget=GovCheckboxInput(),
    )
    submit = SubmitField("Save opportunity", widget=GovSubmitInput())

    def validate_early_scoring_reason(self, field) -> None:
        """Scoring before the close is the exception, so it needs a recorded reason."""
        if self.early_scoring.data and not field.data:
            raise ValidationError("Say why scoring should open before the closing date")

    def validate_closes_on(self, field) -> None:
        """Offers cannot close in the past."""
        if field.data and field.data < clock.today():
            raise ValidationError("The closing date must be today or in the future")


def rubric_form(rubric: Rubric, note_label: str, note_message: str) -> type[FlaskForm]:
    """A form with a score and a note for every criterion of the rubric."""

    class RubricForm(FlaskForm):
        """Scores on the council's rubric."""

        submit = SubmitField("Save scores", widget=GovSubmitInput())

    for criterion in rubric.criteria:
        choices = [
            SelectChoice(str(score), f"{score}: {criterion.descriptors[score]}")
            for score in range(rubric.scale_min, rubric.scale_max + 1)
        ]
        setattr(
            RubricForm,
            f"{criterion.id}_score",
            RadioField(
                criterion.title,
                widget=GovRadioInput(),
                choices=choices,
                validators=[InputRequired(message=f"Choose a score for {criterion.title.lower()}")],
            ),
        )
        setattr(
            RubricForm,
            f"{criterion.id}_note",
            TextAreaField(
                f"{note_label} ({criterion.title.lower()})",
                widget=GovTextArea(),
                filters=[strip_whitespace],
                validators=[
                    DataRequired(message=f"{note_message} for {criterion.title.lower()}"),
                    Length(max=2000, message="Keep this to 2,000 characters or fewer"),
                ],
            ),
        )
    return RubricForm


def summaries_form(bidders: list[tuple[int, str]]) -> type[FlaskForm]:
    """Each bidder's assessment summary (a submission id and the supplier's name), to save as
    drafts or to issue."""

    class SummariesForm(FlaskForm):
        """Assessment summaries."""

        save = SubmitField("Save the drafts", widget=GovSubmitInput())
        issue = SubmitField("Issue every summary", widget=GovSubmitInput())

    for submission_id, supplier in bidders:
        setattr(
            SummariesForm,
            f"summary_{submission_id}",
            TextAreaField(
                f"Assessment summary for {supplier}",
                widget=GovTextArea(),
                filters=[strip_whitespace],
                validators=[
                    InputRequired(message=f"Write the assessment summary for {supplier}"),
                    Length(
                        max=5000,
                        message=f"Keep the summary for {supplier} to 5,000 characters or fewer",
                    ),
                ],
            ),
        )
    return SummariesForm
