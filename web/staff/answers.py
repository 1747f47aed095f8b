"""Staff: answering unanswered questions from the page, by adding them as ways of asking an
answer the knowledge base has, or by drafting a new answer; approving (or withdrawing) what
was drafted. Approved, the assistant gives the answer at once (knowledge/additions.py)."""

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from wtforms.fields.choices import SelectChoice

import clock
from forms.knowledge import DecisionForm, NewAnswerForm, PhrasingsForm
from knowledge.additions import ENTRY, DraftProblem, new_entry, phrasings
from permissions.roles import MANAGERS
from store.evaluations import audit
from store.knowledge_additions import (
    APPROVED,
    DRAFT,
    WITHDRAWN,
    addition_by_id,
    additions_for,
    decide,
    draft_addition,
)
from store.questions import unanswered_by_ids
from web.common.db import get_db
from web.common.questions import council_entries
from web.staff import auth
from web.staff.questions import chosen_ids, nearest_entry

bp = Blueprint("staff_answers", __name__, url_prefix="/staff/questions")


@bp.route("/answer", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def answer():
    """A group's questions, with the two ways to answer them."""
    council_id = g.staff.council_id
    questions = unanswered_by_ids(get_db(), council_id, chosen_ids(request.values.getlist("id")))
    if not questions:  # none chosen, or all answered since: back to the list
        return redirect(url_for("staff_questions.index"), 303)
    ids = [q.id for q in questions]
    entries = council_entries(council_id)
    topics = current_app.extensions["knowledge"].library.topics
    existing = PhrasingsForm()
    existing.entry_id.choices = [SelectChoice("", "Choose an answer")] + [
        SelectChoice(e.id, e.title) for e in sorted(entries.values(), key=lambda e: e.title)
    ]
    existing.questions.choices = [SelectChoice(str(q.id), q.question) for q in questions]
    new = NewAnswerForm()
    new.topic.choices = [SelectChoice("", "Choose a topic")] + [
        SelectChoice(t.id, t.title) for t in topics.values()
    ]
    nearest = nearest_entry(questions, entries)
    if request.method == "GET":
        existing.entry_id.data = nearest.id if nearest else None
        existing.questions.data = [str(i) for i in ids]
        new.ways.data = "\n".join(q.question for q in questions)
    chosen = request.form.get("action")
    if chosen == "existing" and existing.validate_on_submit():
        picked = [q.question for q in questions if str(q.id) in existing.questions.data]
        addition = phrasings(existing.entry_id.data, picked)
        return _drafted(addition, [int(i) for i in existing.questions.data])
    if chosen == "new" and new.validate_on_submit():
        try:
            addition = new_entry(
                title=new.title.data,
                topic=new.topic.data,
                answer=new.answer.data,
                questions=new.ways.data.splitlines(),
                keywords=new.keywords.data.split(","),
                source_title=new.source_title.data,
                source_url=new.source_url.data,
                topics=topics,
                taken=entries,
                checked_on=clock.today(),
            )
        except DraftProblem as problem:
            field = "ways" if problem.field == "questions" else problem.field
            getattr(new, field).errors = [str(problem)]
        else:
            return _drafted(addition, ids)
    failed = existing if existing.errors else new if new.errors else None
    return render_template(
        "staff/answer.html",
        questions=questions,
        ids=ids,
        nearest=nearest,
        existing=existing,
        new=new,
        form=failed,
    ), (400 if failed else 200)


def _drafted(addition, question_ids: list[int]):
    addition_id = draft_addition(get_db(), g.staff.council_id, addition, question_ids, g.staff.id)
    audit(
        get_db(),
        council_id=g.staff.council_id,
        staff_id=g.staff.id,
        action="drafted an answer",
        subject=f"knowledge:{addition_id}",
        detail={"kind": addition.kind, "entry": addition.entry_id, "questions": question_ids},
    )
    return redirect(url_for(".drafts", drafted=addition_id), 303)


@bp.get("/answers")
@auth.staff_required(*MANAGERS)
def drafts():
    """Answers drafted from the questions page: waiting for approval, approved, withdrawn."""
    council_id = g.staff.council_id
    stored = additions_for(get_db(), council_id)
    return render_template(
        "staff/answers.html",
        waiting=[a for a in stored if a.status == DRAFT],
        approved=[a for a in stored if a.status == APPROVED],
        withdrawn=[a for a in stored if a.status == WITHDRAWN],
        entries=council_entries(council_id),
        drafted=request.args.get("drafted", type=int),
        form=None,
        decision=DecisionForm(),
        entry_kind=ENTRY,
    )


@bp.post("/answers/<int:addition_id>/<any(approve, withdraw):verdict>")
@auth.staff_required(*MANAGERS)
def decide_addition(addition_id: int, verdict: str):
    """Approve a draft (the assistant uses it from now on) or withdraw a draft or approval."""
    council_id = g.staff.council_id
    if addition_by_id(get_db(), council_id, addition_id) is None:
        abort(404)
    if not DecisionForm().validate_on_submit():
        abort(400)
    status = APPROVED if verdict == "approve" else WITHDRAWN
    if decide(get_db(), council_id, addition_id, g.staff.id, status):
        audit(
            get_db(),
            council_id=council_id,
            staff_id=g.staff.id,
            action="approved an answer" if status == APPROVED else "withdrew an answer",
            subject=f"knowledge:{addition_id}",
            detail=None,
        )
    return redirect(url_for(".drafts"), 303)
