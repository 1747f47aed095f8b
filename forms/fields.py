"""Fields whose errors are written for the user."""

from decimal import Decimal, InvalidOperation

from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import DateField, DecimalField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, StopValidation

from forms.validators import strip_whitespace
from forms.widgets import GovDateInput
from knowledge.vocabulary import plain_number

MAX_WHOLE = Decimal(10) ** 15


class NumberField(DecimalField):
    """A number, allowing "1,200" and "£1,200". Text, "NaN" or "Infinity" get `message` alone,
    not a second error from the range check. Blank is None (for Optional/InputRequired).
    With `whole`, a fraction gets `message` too and the number is an int."""

    def __init__(self, label: str, *, message: str, whole: bool = False, **kwargs):
        self.number_message = message
        self.whole = whole
        super().__init__(label, places=None, widget=GovTextInput(), **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        """Read the number, or note `message` as the error."""
        text = (valuelist[0] if valuelist else "").strip().replace(",", "").removeprefix("£")
        self.data = None
        if not text:
            return
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise ValueError(self.number_message)
        if self.whole and value != value.to_integral_value():
            raise ValueError(self.number_message)
        # A whole number past what a float holds stays a Decimal: the range check, which
        # compares as floats, then refuses it instead of overflowing.
        self.data = int(value) if self.whole and abs(value) < MAX_WHOLE else value

    def _value(self) -> str:
        """What the box shows: what was typed, or the saved number as people write it (120000,
        not 120000.0; 12.5 stays)."""
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        return format(plain_number(float(self.data)), "")

    def pre_validate(self, form) -> None:
        """Stop at the number error: a range error for text would only confuse."""
        if self.process_errors:
            raise StopValidation()


class GovDateField(DateField):
    """A date in GOV.UK's day, month and year boxes ("27 3 2027"). The widget shows what was
    typed only when all three boxes were sent; otherwise it shows the saved date. A date that
    is not real gets `message`; three empty boxes are None (for InputRequired)."""

    def __init__(self, label: str, *, message: str, **kwargs):
        self.date_message = message
        super().__init__(label, widget=GovDateInput(), format="%d %m %Y", **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        """Read the date, or note `message` as the error."""
        if not any(valuelist):
            self.data = None
            return
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(self.date_message) from error

    def process(self, formdata, data=None, extra_filters=None) -> None:
        """Read the three boxes; forget a partial set so the widget falls back to the data."""
        super().process(formdata, data, extra_filters)
        if len(self.raw_data or []) != 3:
            self.raw_data = None


def text_field(label: str, required: str, limit: int, area: bool = False):
    """A required text input (or textarea), trimmed, with plain messages for empty and long."""
    field = TextAreaField if area else StringField
    return field(
        label,
        widget=GovTextArea() if area else GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message=required),
            Length(max=limit, message=f"{label} must be {limit:,} characters or fewer"),
        ],
    )
