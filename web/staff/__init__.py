"""Council staff's pages: signing in, opportunities and offers (scoring, moderation, comparison,
exports), contracts after award, the budget, training sessions, questions, exchange moderation."""

from web.staff import (
    account,
    answers,
    budget,
    contract_returns,
    contracts,
    exchange,
    opportunities,
    panel,
    questions,
    sessions,
    summaries,
)

# contract_returns adds its routes to contracts.bp (imported above for that).
CONTRACT_ROUTES = (contracts, contract_returns)
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
