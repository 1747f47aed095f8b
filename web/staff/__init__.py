"""Council staff's pages: signing in, opportunities and offers (scoring, moderation, comparison,
exports), contracts after award, the budget, training sessions, questions, exchange moderation."""

from web.staff import (
    account,
    answers,
    budget,
    contracts,
    exchange,
    opportunities,
    panel,
    questions,
    sessions,
    summaries,
)

BLUEPRINTS = (
    account.bp,
    opportunities.bp,
    panel.bp,
    summaries.bp,
    contracts.bp,
    budget.bp,
    sessions.bp,
    questions.bp,
    answers.bp,
    exchange.bp,
)
