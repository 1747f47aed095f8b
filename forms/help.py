"""The 'ask a question' form on the help page (a GET search form, so no CSRF token)."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from knowledge.matcher import MAX_QUESTION_LENGTH


class QuestionForm(FlaskForm):
    """A supplier's question for the knowledge base."""

    class Meta:
        csrf = False

    q = StringField(
        "Ask a question about social value",
        widget=GovTextInput(),
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            DataRequired(message="Enter your question"),
            Length(
                max=MAX_QUESTION_LENGTH,
                message=f"Question must be {MAX_QUESTION_LENGTH} characters or fewer",
            ),
        ],
    )
    submit = SubmitField("Search", widget=GovSubmitInput())
