"""The 'ask a question' form on the help page (a GET search form, so no CSRF token)."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired, Length


class QuestionForm(FlaskForm):
    """A supplier's question for the knowledge base."""

    class Meta:
        csrf = False

    q = StringField(
        "Ask a question about social value",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your question"),
            Length(max=500, message="Question must be 500 characters or fewer"),
        ],
    )
    submit = SubmitField("Search", widget=GovSubmitInput())
