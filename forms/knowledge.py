"""Staff forms that answer unanswered questions: new ways of asking an existing answer, a
new answer, and approving or withdrawing either."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea, GovTextInput
from wtforms import SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from forms.fields import text_field
from forms.validators import strip_whitespace
from forms.widgets import GovCheckboxesInput, GovSelect

MAX_QUESTIONS_TEXT = 6000  # characters: about twenty ways of asking


class PhrasingsForm(FlaskForm):
    """Add chosen questions as ways of asking an answer the knowledge base already has (the
    choices are set by the view: the council's entries, and the group's questions)."""

    entry_id = SelectField(
        "Which answer do these questions ask for?",
        widget=GovSelect(),
        validators=[DataRequired(message="Choose the answer these questions ask for")],
    )
    questions = SelectMultipleField(
        "Which of the questions should find this answer?",
        widget=GovCheckboxesInput(),
        validators=[DataRequired(message="Choose at least one question")],
    )
    draft_ways = SubmitField("Draft these as ways of asking", widget=GovSubmitInput())


class NewAnswerForm(FlaskForm):
    """A new entry for the knowledge base, checked like an entry file (the view sets the
    topic choices). Its field names differ from PhrasingsForm's: both are on one page."""

    title = text_field("Title of the answer", "Enter a title for the answer", 120)
    topic = SelectField(
        "Topic",
        widget=GovSelect(),
        validators=[DataRequired(message="Choose the topic the answer belongs to")],
    )
    answer = text_field("Answer", "Enter the answer", 1500, area=True)
    ways = TextAreaField(
        "Ways of asking",
        widget=GovTextArea(),
        filters=[strip_whitespace],
        validators=[
            DataRequired(message="Enter at least 3 ways of asking the question, one on each line"),
            Length(
                max=MAX_QUESTIONS_TEXT,
                message="Keep the ways of asking to 6,000 characters or fewer",
            ),
        ],
    )
    keywords = text_field("Keywords", "Enter at least 2 keywords, separated by commas", 300)
    source_title = text_field("Source", "Say where the answer's facts come from", 200)
    source_url = StringField(
        "Web address of the source (optional)",
        widget=GovTextInput(),
        filters=[strip_whitespace],
        validators=[
            Optional(),
            Length(max=500, message="Keep the web address to 500 characters or fewer"),
            Regexp(r"^https://\S+$", message="Enter a web address starting https://"),
        ],
    )
    draft_answer = SubmitField("Draft this answer", widget=GovSubmitInput())


class DecisionForm(FlaskForm):
    """Approve or withdraw a drafted addition (which one is in the address)."""

    submit = SubmitField("Approve", widget=GovSubmitInput())
