"""Staff: the questions the knowledge base could not answer, grouped, with counts, a page of
groups at a time."""

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from knowledge.grouping import group_questions
from permissions.roles import MANAGERS
from store.evaluations import audit
from store.knowledge_additions import DRAFT, additions_for
from store.questions import list_unanswered, mark_handled
from web.common.db import get_db
from web.common.paging import page_of, pagination
from web.common.questions import council_entries
from web.staff import auth

bp = Blueprint("staff_questions", __name__, url_prefix="/staff/questions")
# SQLite's integers stop at 2**63 - 1, so an "id" of more digits than this names no question.
MAX_ID_DIGITS = 18
MAX_IDS = 200  # questions acted on at once (a group's)
PER_PAGE = 20  # groups on a page


@bp.get("")
@auth.staff_required(*MANAGERS)
def index():
    """What suppliers asked that had no answer, most asked first."""
    questions = list_unanswered(get_db(), g.staff.council_id)
    groups = group_questions([(q.id, q.question, q.times_asked) for q in questions])
    shown, page, pages = page_of(groups, PER_PAGE)
    nearest = _nearest(questions, shown, g.staff.council_id)
    return render_template(
        "staff/questions.html",
        groups=shown,
        nearest=nearest,
        page=page,
        pages=pages,
        pagination=pagination(
            page, pages, lambda n: url_for(".index", page=n), "Pages of questions"
        ),
        total=len(groups),
        first=(page - 1) * PER_PAGE + 1,
        waiting=len(additions_for(get_db(), g.staff.council_id, DRAFT)),
    )


def chosen_ids(values: list[str]) -> list[int]:
    """The question ids a form or address sent (as many as a group holds; no others)."""
    return [int(v) for v in values[:MAX_IDS] if v.isdecimal() and len(v) <= MAX_ID_DIGITS]


def nearest_entry(questions, entries: dict):
    """The entry the first of these questions that came near one came nearest to (None if
    none did): a likely home for them."""
    return next((entries[q.best_entry_id] for q in questions if q.best_entry_id in entries), None)


def _nearest(questions, groups, council_id: str) -> list:
    """For each group, the entry its questions came nearest to (if any)."""
    entries = council_entries(council_id)
    by_id = {q.id: q for q in questions}
    return [nearest_entry([by_id[i] for i in group.ids], entries) for group in groups]


@bp.post("/handled")
@auth.staff_required(*MANAGERS)
def handled():
    """Mark a group of questions as handled (for example, an answer has been added)."""
    ids = chosen_ids(request.form.getlist("id"))
    changed = mark_handled(get_db(), g.staff.council_id, ids)
    audit(
        get_db(),
        council_id=g.staff.council_id,
        staff_id=g.staff.id,
        action="marked questions handled",
        subject="questions",
        detail=ids,
    )
    current_app.logger.info("%s questions marked handled by staff %s", changed, g.staff.id)
    return redirect(url_for(".index"), 303)
