"""Forms of the needs exchange: an organisation registers and posts needs; staff review them;
anyone filters the public board."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    ValidationError,
)

from forms.fields import NumberField, text_field
from forms.passwords import NotGuessable
from forms.validators import EmailAddress, OrganisationNumber, UkPostcode, strip_whitespace
from forms.widgets import GovCheckboxesInput, GovRadioInput, GovSelect

MIN_PASSWORD = 12  # the same as staff passwords
MAX_QUANTITY = 10_000_000


class RegisterForm(FlaskForm):
    """A local organisation's account: who it is, who to contact, and a password."""

    name = text_field("Organisation name", "Enter the name of your organisation", 120)
    number = StringField(
        "Charity or company number",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter your charity or company number"),
            Length(max=20, message="Enter a charity or company number, like 1234567 or SC012345"),
            OrganisationNumber(),
        ],
    )
    address = text_field("Address", "Enter your organisation's address", 300, area=True)
    postcode = StringField(
        "Postcode",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter your organisation's postcode"),
            Length(max=10, message="Enter a real postcode, like E1 6AN"),
            UkPostcode(),
        ],
    )
    contact_name = text_field("Contact name", "Enter the name of the person to contact", 80)
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter an email address"),
            EmailAddress(),  # the length first, then the shape
        ],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter a password"),
            Length(
                min=MIN_PASSWORD,
                max=200,
                message=f"Your password must be {MIN_PASSWORD} to 200 characters long",
            ),
            NotGuessable(),
        ],
    )
    confirm = PasswordField(
        "Confirm password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter your password again"),
            EqualTo("password", message="The passwords do not match, enter the same one twice"),
        ],
    )
    submit = SubmitField("Create account", widget=GovSubmitInput())


class NeedForm(FlaskForm):
    """One need: what would help, which of the council's measures it counts under, how much,
    by when and where."""

    title = text_field("Title", "Enter a short title for the need", 120)
    description = text_field("Description", "Describe what would help and why", 2000, area=True)
    measure_id = SelectField("Category", widget=GovSelect(), validate_choice=False, default="")
    quantity = NumberField(
        "Quantity wanted",
        message="Enter the quantity as a whole number, like 5",
        whole=True,
        validators=[
            InputRequired(message="Enter the quantity you need, as a whole number, like 5"),
            NumberRange(
                min=1, max=MAX_QUANTITY, message=f"Enter a quantity from 1 to {MAX_QUANTITY:,}"
            ),
        ],
    )
    timescale = text_field("Timescale", 'Enter when you need it, like "by May 2027"', 100)
    area = text_field("Area", "Enter the area the help is for, like a ward or a town", 100)
    submit = SubmitField("Save need", widget=GovSubmitInput())

    def validate_measure_id(self, field) -> None:
        """Only the council's categories."""
        if field.data not in {c.value for c in field.choices if c.value}:
            raise ValidationError("Choose the category that fits the need best")


class ReceiptForm(FlaskForm):
    """The organisation confirms support it received towards one of its needs."""

    quantity = NumberField(
        "How much did you receive?",
        message="Enter how much you received as a whole number, like 5",
        whole=True,
        validators=[
            InputRequired(message="Enter how much you received, as a whole number, like 5"),
            NumberRange(
                min=1, max=MAX_QUANTITY, message=f"Enter a quantity from 1 to {MAX_QUANTITY:,}"
            ),
        ],
    )
    note = text_field(
        "What did you receive, and from whom?", "Say what you received", 1000, area=True
    )
    submit = SubmitField("Confirm", widget=GovSubmitInput())


class ReviewForm(FlaskForm):
    """A member of staff approves or rejects a need, with a note for the organisation."""

    decision = RadioField(
        "Decision",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("approved", "Approve: show it on the public board"),
            SelectChoice("rejected", "Reject: keep it off the board"),
        ],
        validators=[InputRequired(message="Choose whether to approve or reject the need")],
    )
    note = TextAreaField(
        "Note for the organisation",
        widget=GovTextArea(),
        filters=[strip_whitespace],
        # Not Optional(): that would stop before the check that a rejection has a note.
        validators=[Length(max=1000, message="Note must be 1,000 characters or fewer")],
    )
    submit = SubmitField("Save decision", widget=GovSubmitInput())

    def validate_note(self, field) -> None:
        """A rejection says why, so the organisation can put it right."""
        if self.decision.data == "rejected" and not field.data:
            raise ValidationError("Say why the need is rejected, so the organisation can fix it")


class VerifyForm(FlaskForm):
    """Staff have checked an organisation's details."""

    submit = SubmitField("Verify organisation", widget=GovSubmitInput())


class DeclineOrganisationForm(FlaskForm):
    """Staff decline to verify an organisation, saying why (the organisation reads it)."""

    note = text_field(
        "Why are you not verifying this organisation?",
        "Say why, so the organisation can put it right or ask you about it",
        1000,
        area=True,
    )
    submit = SubmitField("Do not verify", widget=GovSubmitInput())


class CloseNeedForm(FlaskForm):
    """An organisation takes a need off the board for good."""

    submit = SubmitField("Close need", widget=GovSubmitInput())


class BoardFilterForm(FlaskForm):
    """The public board's filters, sent in the address (GET), so no CSRF token."""

    class Meta:
        csrf = False

    theme = SelectMultipleField("Theme", widget=GovCheckboxesInput(), validate_choice=False)
    category = SelectField("Category", widget=GovSelect(), validate_choice=False, default="")
    submit = SubmitField("Apply filters", widget=GovSubmitInput())
