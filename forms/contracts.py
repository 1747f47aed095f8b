"""Staff and supplier forms after award: the KPI schedule, a delivery return, a review."""

from collections.abc import Sequence
from dataclasses import dataclass

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSubmitInput, GovTextArea
from wtforms import MultipleFileField, RadioField, SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from forms.fields import GovDateField, NumberField
from forms.validators import strip_whitespace
from forms.widgets import GovRadioInput, GovSelect
from monitoring.evidence_files import (
    ACCEPTED,
    MAX_AT_ONCE,
    MAX_FILE_BYTES,
    FileKind,
    cleaned_name,
    kind_of,
    shown_name,
)
from monitoring.periods import DEFAULT_PERIOD_MONTHS, PERIOD_CHOICES

PERIOD_LABELS = {3: "Every quarter (3 months)", 6: "Every half year (6 months)", 12: "Every year"}

MAX_QUANTITY = 1_000_000_000


@dataclass(frozen=True)
class KpiLine:
    """A KPI as the forms need it: its position (the field names' key), title and unit."""

    position: int
    title: str
    unit_label: str | None


def _named(kpi: KpiLine) -> str:
    return f"“{kpi.title}”"


def schedule_form(kpis: Sequence[KpiLine], submit: str, reason: bool = False) -> type[FlaskForm]:
    """The contract's start, reporting period and each KPI's target and milestones; with
    `reason`, why it is awarded without a moderated score or over a higher one (recorded)."""

    class ScheduleForm(FlaskForm):
        """The KPI schedule."""

        starts_on = GovDateField(
            "When does the contract start?",
            message="The start date must be a real date, like 1 4 2027",
            validators=[InputRequired(message="Enter the date the contract starts, like 1 4 2027")],
        )
        period_months = RadioField(
            "How often will the supplier report?",
            widget=GovRadioInput(),
            choices=[SelectChoice(str(m), PERIOD_LABELS[m]) for m in PERIOD_CHOICES],
            default=str(DEFAULT_PERIOD_MONTHS),
            validators=[InputRequired(message="Choose how often the supplier will report")],
        )

    if reason:
        ScheduleForm.override_reason = TextAreaField(
            "Why award this offer?",
            widget=GovTextArea(),
            filters=[strip_whitespace],
            validators=[
                InputRequired(message="Give the reason for awarding this offer"),
                Length(max=2000, message="Keep the reason to 2,000 characters or fewer"),
            ],
        )
    for kpi in kpis:
        unit = f" ({kpi.unit_label})" if kpi.unit_label else ""
        setattr(
            ScheduleForm,
            f"target_{kpi.position}",
            NumberField(
                f"Target for {_named(kpi)} over the whole contract{unit}",
                message=f"Enter the target for {_named(kpi)} as a number, like 12",
                validators=[
                    InputRequired(message=f"Enter a target for {_named(kpi)}"),
                    NumberRange(
                        min=0,
                        max=MAX_QUANTITY,
                        message=f"Enter a target for {_named(kpi)} from 0 to 1,000,000,000",
                    ),
                ],
            ),
        )
        setattr(
            ScheduleForm,
            f"milestones_{kpi.position}",
            TextAreaField(
                f"Milestones for {_named(kpi)} (optional, one a line)",
                widget=GovTextArea(),
                filters=[strip_whitespace],
                validators=[
                    Optional(),
                    Length(max=1000, message="Keep milestones to 1,000 characters"),
                ],
            ),
        )
    ScheduleForm.submit = SubmitField(submit, widget=GovSubmitInput())
    return ScheduleForm


def return_form(
    kpis: Sequence[KpiLine],
    periods: Sequence[SelectChoice],
    outside: str,
    evidence: Sequence[tuple[str, str]],
) -> type[FlaskForm]:
    """A period's delivery: for each KPI, the quantity, evidence type and a note. A KPI left
    blank is not reported this time (anything recorded for it before is kept). `periods` are
    those open for returns; `outside` is the message for any other period."""

    class ReturnForm(FlaskForm):
        """A delivery return."""

        period = SelectField(
            "Reporting period",
            widget=GovSelect(),
            choices=list(periods),
            validate_choice=False,
            validators=[InputRequired(message="Choose the reporting period")],
        )
        evidence_files = MultipleFileField("Evidence files (optional)", widget=GovFileInput())
        submit = SubmitField("Send return", widget=GovSubmitInput())
        attached: list[tuple[str, FileKind, bytes]] = []  # the files, read and checked

        def validate_evidence_files(self, field) -> None:
            """Up to 3 files, each a PDF, Word, Excel, JPEG or PNG file of 5 MB or less."""
            self.attached, problems = read_evidence(field.data or [])
            if problems:
                raise ValidationError(problems[0])

        def validate_period(self, field) -> None:
            """Say plainly when the period is not one of this contract's."""
            if field.data not in {c.value for c in periods}:
                raise ValidationError(outside)

        def validate(self, extra_validators=None) -> bool:
            """At least one KPI must be reported, with evidence for each one that is."""
            valid = super().validate(extra_validators)
            return _reported_with_evidence(self, kpis, evidence) and valid

    choices = [
        SelectChoice("", "Choose the kind of evidence"),
        *(SelectChoice(*e) for e in evidence),
    ]
    for kpi in kpis:
        unit = f" ({kpi.unit_label})" if kpi.unit_label else ""
        setattr(
            ReturnForm,
            f"quantity_{kpi.position}",
            NumberField(
                f"Delivered in this period{unit}",
                message=f"Enter what was delivered for {_named(kpi)} as a number, like 3",
                validators=[
                    Optional(),
                    NumberRange(
                        min=0,
                        max=MAX_QUANTITY,
                        message=f"What was delivered for {_named(kpi)} must be 0 or more, "
                        "up to 1,000,000,000",
                    ),
                ],
            ),
        )
        setattr(
            ReturnForm,
            f"evidence_type_{kpi.position}",
            SelectField(
                "Kind of evidence", widget=GovSelect(), choices=choices, validate_choice=False
            ),
        )
        setattr(
            ReturnForm,
            f"evidence_note_{kpi.position}",
            TextAreaField(
                "Evidence note",
                widget=GovTextArea(),
                filters=[strip_whitespace],
                validators=[Length(max=1000, message="Keep the evidence note to 1,000 characters")],
            ),
        )
    return ReturnForm


def _reported_with_evidence(
    form: FlaskForm, kpis: Sequence[KpiLine], evidence: Sequence[tuple[str, str]]
) -> bool:
    """Whether at least one KPI is reported, each with a kind of evidence and a note; the
    problems are put on their fields (only once the rest of the form is valid, for the first
    two)."""
    kinds = {value for value, _ in evidence}
    reported = [k for k in kpis if getattr(form, f"quantity_{k.position}").data is not None]
    if not form.errors and not kpis:
        form.period.errors.append("This contract has no KPIs to report on")
        return False
    if not form.errors and not reported:
        first = getattr(form, f"quantity_{kpis[0].position}")
        first.errors.append("Enter what was delivered for at least one KPI")
        return False
    valid = True
    for kpi in reported:
        for name, message in (
            ("evidence_type", f"Choose the kind of evidence for {_named(kpi)}"),
            ("evidence_note", f"Describe the evidence for {_named(kpi)}"),
        ):
            field = getattr(form, f"{name}_{kpi.position}")
            if not field.data or (name == "evidence_type" and field.data not in kinds):
                field.errors = [*field.errors, message]
                valid = False
    return valid


def read_evidence(uploads: Sequence) -> tuple[list[tuple[str, FileKind, bytes]], list[str]]:
    """The uploaded files read and checked: (name, kind, bytes) for each, and what is wrong."""
    chosen = [u for u in uploads if getattr(u, "filename", "")]
    if len(chosen) > MAX_AT_ONCE:
        return [], [f"Attach up to {MAX_AT_ONCE} files at a time"]
    files, problems = [], []
    for upload in chosen:
        data = upload.stream.read(MAX_FILE_BYTES + 1)
        called = cleaned_name(upload.filename)
        kind = kind_of(data)
        if len(data) > MAX_FILE_BYTES:
            problems.append(f"“{called}” is bigger than 5 MB: attach a smaller file")
        elif not data:
            problems.append(f"“{called}” is empty")
        elif kind is None:
            problems.append(f"“{called}” is not a {ACCEPTED} file")
        else:
            files.append((shown_name(upload.filename, kind), kind, data))
    return files, problems


class ReviewForm(FlaskForm):
    """Staff accept a supplier's return, or query it with a note."""

    decision = RadioField(
        "Your decision",
        widget=GovRadioInput(),
        choices=[SelectChoice("accept", "Accept"), SelectChoice("query", "Query it")],
        validators=[InputRequired(message="Choose to accept or query the return")],
    )
    note = TextAreaField(
        "What needs checking (for a query)",
        widget=GovTextArea(),
        filters=[strip_whitespace],
        validators=[Length(max=1000, message="Keep the note to 1,000 characters")],
    )
    submit = SubmitField("Save decision", widget=GovSubmitInput())

    def validate_note(self, field) -> None:
        """A query needs a note, so the supplier knows what to fix."""
        if self.decision.data == "query" and not field.data:
            raise ValidationError("Say what the supplier needs to check or correct")


class BudgetYearForm(FlaskForm):
    """Which financial year the social value budget covers (a GET form: nothing changes)."""

    class Meta:
        csrf = False

    year = SelectField(
        "Financial year",
        widget=GovSelect(),
        validate_choice=False,
        validators=[InputRequired(message="Choose a financial year")],
    )

    def validate_year(self, field) -> None:
        """Only the years offered."""
        if field.data not in {c.value for c in field.choices}:
            raise ValidationError("Choose a financial year from the list")
