"""Forms of the supplier's assistant. The conversation engine judges the answer itself, so the
message form only carries it (and its CSRF token)."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from knowledge.vocabulary import RETURN_CODE_LENGTH


class MessageForm(FlaskForm):
    """One message to the assistant: an answer, a question or a command."""

    # No length limit here: the engine answers an over-long message with a clear message.
    text = StringField("Your answer")
    # The page's question box: a question (or a command), never taken as an answer.
    question = StringField("Your question")


class StartForm(FlaskForm):
    """Start a new conversation (the button carries the CSRF token)."""

    submit = SubmitField("Start now", widget=GovSubmitInput())


class ReturnCodeForm(FlaskForm):
    """Come back to a conversation with its return code."""

    code = StringField(
        "Return code",
        widget=GovTextInput(),
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            DataRequired(message="Enter your return code"),
            Length(
                min=RETURN_CODE_LENGTH,
                max=RETURN_CODE_LENGTH + 4,
                message="Enter the 12-character return code, like ABCD-2345-EFGH",
            ),
        ],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())
