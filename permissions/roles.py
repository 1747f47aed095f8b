"""Staff roles and what each may do: the one place these lists live.

- evaluators score offers, see contracts and the budget, and record and review returns;
- moderators and admins also create opportunities, moderate, export, award contracts, change
  schedules, read unanswered questions and moderate the needs exchange;
- trainers (and admins) run training sessions.
"""

ROLES = ("evaluator", "moderator", "trainer", "admin")

# Score offers; see contracts, returns and the budget.
EVALUATORS = ("evaluator", "moderator", "admin")
# Everything about an opportunity and its contract that goes beyond one person's scores.
MANAGERS = ("moderator", "admin")
# Training sessions.
TRAINERS = ("trainer", "admin")


def is_manager(role: str) -> bool:
    """Whether this role manages opportunities, moderation, awards and the exchange."""
    return role in MANAGERS


# The roles in words, for pages.
ROLE_LABELS = {
    "evaluator": "Evaluator",
    "moderator": "Moderator",
    "trainer": "Trainer",
    "admin": "Administrator",
}
