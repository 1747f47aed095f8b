"""Get help: ask the knowledge base a question, or browse its answers by topic."""

from flask import Blueprint, abort, current_app, render_template, request

from forms.help import QuestionForm
from web.common import limits
from web.common.councils import council_from_query
from web.common.questions import answer_question, council_entries, entries_in_topic

bp = Blueprint("help", __name__, url_prefix="/help")


def _library():
    return current_app.extensions["knowledge"].library


@bp.get("/")
@limits.rate_limited(limits.SEARCH)
def ask():
    """The question form, the answer or 'did you mean' links, and the topic list."""
    council = council_from_query()
    form = QuestionForm(request.args)
    result = None
    if "q" in request.args and form.validate():
        result = answer_question(form.q.data, council.id, source="help")
    elif "q" not in request.args:
        form = QuestionForm(formdata=None)
    return render_template(
        "help/ask.html", form=form, result=result, topics=_library().topics.values()
    )


@bp.get("/topics/<topic_id>")
def topic(topic_id: str):
    """Every answer in one topic."""
    council = council_from_query()
    topic = _library().topics.get(topic_id)
    if topic is None:
        abort(404)
    entries = entries_in_topic(council.id, topic_id)
    return render_template("help/topic.html", topic=topic, entries=entries)


@bp.get("/answers/<entry_id>")
def answer(entry_id: str):
    """One answer in full, with its sources."""
    council = council_from_query()
    entry = council_entries(council.id).get(entry_id)
    if entry is None:
        abort(404)
    related = [e for e in entries_in_topic(council.id, entry.topic) if e != entry]
    return render_template(
        "help/answer.html", entry=entry, topic=_library().topics[entry.topic], related=related
    )
