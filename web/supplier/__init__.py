"""Suppliers' pages: the chat, the offer and its documents, submitting, deleting, joining a
training session, and their contract's returns after award."""

from web.supplier import (
    assistant,
    contracts,
    deletion,
    offers,
    submissions,
    training,
)

BLUEPRINTS = (
    assistant.bp,
    offers.bp,
    submissions.bp,
    deletion.bp,
    contracts.bp,
    training.bp,
)
