"""Evaluation panels: who is on each opportunity's panel, and each member's declaration of
interests (made against the bidders there were when they declared)."""

import json
from dataclasses import dataclass

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction
from store.evaluations import audit
from store.submissions import current_submissions


@dataclass(frozen=True)
class PanelMember:
    """Someone on an opportunity's panel: who, and what they declared (None: not yet)."""

    opportunity_code: str
    staff_id: int
    name: str
    role: str
    added_at: str
    declared_at: str | None
    conflict: bool
    conflict_detail: str
    declared_for: frozenset[str]


def _member(row: dict) -> PanelMember:
    return PanelMember(
        opportunity_code=row["opportunity_code"],
        staff_id=row["staff_id"],
        name=row["name"],
        role=row["role"],
        added_at=row["added_at"],
        declared_at=row["declared_at"],
        conflict=bool(row["conflict"]),
        conflict_detail=row["conflict_detail"] or "",
        declared_for=frozenset(json.loads(row["declared_for"] or "[]")),
    )


_SELECT = (
    "SELECT p.*, s.name, s.role FROM panel_members p JOIN staff s ON s.id = p.staff_id "
    "WHERE p.opportunity_code = ?"
)


def panel_for(db: Database, code: str) -> list[PanelMember]:
    """An opportunity's panel, in the order people were added."""
    return [_member(row) for row in db.query(f"{_SELECT} ORDER BY p.added_at, s.name", [code])]


def member(db: Database, code: str, staff_id: int) -> PanelMember | None:
    """This person's place on the opportunity's panel, or None."""
    rows = list(db.query(f"{_SELECT} AND p.staff_id = ?", [code, staff_id]))
    return _member(rows[0]) if rows else None


def panels_of(db: Database, staff_id: int) -> dict[str, PanelMember]:
    """Every panel this person is on, by opportunity code."""
    rows = db.query(
        "SELECT p.*, s.name, s.role FROM panel_members p JOIN staff s ON s.id = p.staff_id "
        "WHERE p.staff_id = ?",
        [staff_id],
    )
    return {row["opportunity_code"]: _member(row) for row in rows}


def add_member(
    db: Database, *, code: str, staff_id: int, added_by: int, council_id: str, name: str
) -> None:
    """Put someone on the panel (no change if they are on it already), and audit it."""
    with write_transaction(db):
        if member(db, code, staff_id):
            return
        db["panel_members"].insert(
            {
                "opportunity_code": code,
                "staff_id": staff_id,
                "added_by": added_by,
                "added_at": now_iso(),
                "conflict": 0,
            }
        )
        audit(
            db,
            council_id=council_id,
            staff_id=added_by,
            action="added to the panel",
            subject=code,
            detail={"name": name},
        )


def remove_member(
    db: Database, *, code: str, staff_id: int, removed_by: int, council_id: str, name: str
) -> None:
    """Take someone off the panel (their scores so far are kept), and audit it."""
    with write_transaction(db):
        db.execute(
            "DELETE FROM panel_members WHERE opportunity_code = ? AND staff_id = ?",
            [code, staff_id],
        )
        audit(
            db,
            council_id=council_id,
            staff_id=removed_by,
            action="removed from the panel",
            subject=code,
            detail={"name": name},
        )


def declare(
    db: Database,
    *,
    code: str,
    staff_id: int,
    council_id: str,
    conflict: bool,
    detail: str,
    bidders: list[str],
) -> None:
    """Record a member's declaration against these bidders (conversation ids), and audit it."""
    with write_transaction(db):
        db.execute(
            "UPDATE panel_members SET declared_at = ?, conflict = ?, conflict_detail = ?, "
            "declared_for = ? WHERE opportunity_code = ? AND staff_id = ?",
            [now_iso(), int(conflict), detail, json.dumps(sorted(bidders)), code, staff_id],
        )
        audit(
            db,
            council_id=council_id,
            staff_id=staff_id,
            action="declared a conflict of interest" if conflict else "declared no conflict",
            subject=code,
            detail={"detail": detail} if conflict else {"bidders": len(bidders)},
        )


def council_evaluators(db: Database, council_id: str, roles: tuple[str, ...]) -> list[dict]:
    """The council's staff who could sit on a panel: [{"id", "name", "role"}], by name."""
    marks = ", ".join("?" for _ in roles)
    return list(
        db.query(
            f"SELECT id, name, role FROM staff WHERE council_id = ? AND role IN ({marks}) "
            "ORDER BY name, id",
            [council_id, *roles],
        )
    )


def seat(db: Database, *, code: str, staff_id: int, name: str, council_id: str) -> None:
    """Put someone on the panel who declares no conflict with the bidders there are now (for
    demo data loaded by an admin, and tests' set-up)."""
    add_member(
        db, code=code, staff_id=staff_id, added_by=staff_id, council_id=council_id, name=name
    )
    declare(
        db,
        code=code,
        staff_id=staff_id,
        council_id=council_id,
        conflict=False,
        detail="",
        bidders=[s.conversation_id for s in current_submissions(db, code)],
    )
