"""The access matrix's table: every endpoint of the URL map, with what each kind of person gets
there. tests/test_access_matrix.py visits every route as every person and compares; the form
fuzzer uses it to choose who fills in each form."""

ALLOW, LOGIN, DENY, HIDDEN, UNAUTH = "allow", "sign in", "403", "404", "401"
ANONYMOUS, SUPPLIER, OTHER_SUPPLIER = "anonymous", "supplier", "another supplier"
ROLES = ("evaluator", "moderator", "trainer", "admin")
OTHER_COUNCIL = "admin of another council"
# Local organisations signed in to the needs exchange: the victim's needs are ORGANISATION's.
ORGANISATION, OTHER_ORGANISATION = "organisation", "another organisation"
ORGANISATIONS = (ORGANISATION, OTHER_ORGANISATION)
PEOPLE = (ANONYMOUS, SUPPLIER, OTHER_SUPPLIER, *ROLES, OTHER_COUNCIL, *ORGANISATIONS)
SCORERS = ("evaluator", "moderator", "admin")
MANAGERS = ("moderator", "admin")
TRAINERS = ("trainer", "admin")
ANY_STAFF = ROLES


def public() -> dict[str, str]:
    """Anyone at all."""
    return dict.fromkeys(PEOPLE, ALLOW)


def staff(allowed: tuple[str, ...], about_one_thing: bool = True) -> dict[str, str]:
    """A staff page: strangers sign in first, the wrong role is refused, and another
    council's staff cannot see this council's things (lists show only their own)."""
    outcome = dict.fromkeys(PEOPLE, LOGIN)
    outcome |= {role: ALLOW if role in allowed else DENY for role in ROLES}
    outcome[OTHER_COUNCIL] = HIDDEN if about_one_thing else ALLOW
    return outcome


def supplier(about_one_thing: bool = True) -> dict[str, str]:
    """A page behind a conversation's token in the URL: its owner gets in; another supplier
    reaches only their own conversation, never this one's submissions or contracts; without a
    token of one's own there is nothing to find."""
    outcome = dict.fromkeys(PEOPLE, HIDDEN)
    outcome[SUPPLIER] = ALLOW
    outcome[OTHER_SUPPLIER] = HIDDEN if about_one_thing else ALLOW
    return outcome


def organisation(about_one_thing: bool = True) -> dict[str, str]:
    """An organisation's own page on the needs exchange: anyone else signs in as one first
    (staff sessions do not count), and another organisation never reaches this one's needs."""
    outcome = dict.fromkeys(PEOPLE, LOGIN)
    outcome[ORGANISATION] = ALLOW
    outcome[OTHER_ORGANISATION] = HIDDEN if about_one_thing else ALLOW
    return outcome


def api() -> dict[str, str]:
    """The conversation API: the Bearer token must open this very conversation."""
    outcome = dict.fromkeys(PEOPLE, UNAUTH)
    outcome[SUPPLIER] = ALLOW
    outcome[OTHER_SUPPLIER] = HIDDEN
    return outcome


MATRIX: dict[str, dict[str, str]] = {
    "static": public(),
    "public.start": public(),
    "public.accessibility": public(),
    "public.cookies": public(),
    "public.privacy": public(),
    "public.healthz": public(),
    "public.govuk_assets": public(),
    "councils.plan": public(),
    "help.ask": public(),
    "help.answer": public(),
    "help.topic": public(),
    "api.knowledge_search": public(),
    "api.openapi": public(),
    "api.offer_json_schema": public(),
    "api_conversations.create_conversation": public(),
    "api_conversations.get_conversation": api(),
    "api_conversations.post_message": api(),
    "api_conversations.get_offer": api(),
    "api_conversations.submit_offer": api(),
    "api_conversations.get_submission": api(),
    "api_conversations.withdraw_offer": api(),
    "api_conversations.delete_conversation": api(),  # the victim's won a contract: 409
    "assistant.start": public(),
    "assistant.create": public(),
    "assistant.come_back": public(),
    "training.join": public(),
    "training.start": public(),
    "assistant.conversation": supplier(about_one_thing=False),
    "assistant.message": supplier(about_one_thing=False),
    "assistant.new_return_code": supplier(about_one_thing=False),
    "offers.offer": supplier(about_one_thing=False),
    "offers.organisation": supplier(about_one_thing=False),
    "offers.commitment": supplier(about_one_thing=False),  # c1 exists in both conversations
    "offers.remove": supplier(about_one_thing=False),
    "offers.narrative": supplier(about_one_thing=False),
    "offers.reset_narrative": supplier(about_one_thing=False),
    "offers.wording": supplier(about_one_thing=False),
    "offers.download": supplier(about_one_thing=False),
    "submissions.submit": supplier(about_one_thing=False),
    "submissions.receipt": supplier(),
    "submissions.withdraw": supplier(),
    "supplier_contracts.show": supplier(),
    "supplier_contracts.record_return": supplier(),
    "supplier_contracts.evidence": supplier(),
    # The victim's offer won a contract, so deleting is refused (409); another supplier deletes
    # their own conversation, which is why these run last.
    "deletion.confirm": supplier(about_one_thing=False),
    "deletion.done": public(),
    "staff.sign_in": public(),
    "staff.signed_out": public(),
    "staff.sign_out": public(),
    "staff.account": staff(ANY_STAFF, about_one_thing=False),
    "staff_opportunities.index": staff(SCORERS, about_one_thing=False),
    "staff_opportunities.new": staff(MANAGERS, about_one_thing=False),
    "staff_opportunities.show": staff(SCORERS),
    "staff_opportunities.edit": staff(MANAGERS),
    "staff_opportunities.review": staff(SCORERS),
    "staff_opportunities.moderate": staff(MANAGERS),
    "staff_opportunities.compare": staff(SCORERS),
    "staff_opportunities.export": staff(MANAGERS),
    "staff_summaries.summaries": staff(MANAGERS),
    "staff_panel.panel": staff(MANAGERS),
    "staff_panel.remove": staff(MANAGERS),
    "staff_panel.declaration": staff(SCORERS),
    "staff_questions.index": staff(MANAGERS, about_one_thing=False),
    "staff_questions.handled": staff(MANAGERS, about_one_thing=False),
    "staff_answers.answer": staff(MANAGERS, about_one_thing=False),
    "staff_answers.drafts": staff(MANAGERS, about_one_thing=False),
    "staff_answers.decide_addition": staff(MANAGERS),
    "staff_contracts.index": staff(SCORERS, about_one_thing=False),
    "staff_contracts.award": staff(MANAGERS),
    "staff_contracts.show": staff(SCORERS),
    "staff_contracts.schedule": staff(MANAGERS),
    "staff_contracts.record_return": staff(SCORERS),
    "staff_contracts.review": staff(SCORERS),
    "staff_contracts.evidence": staff(SCORERS),
    "staff_contracts.review_whole": staff(SCORERS),
    "staff_contracts.assessment": staff(SCORERS),
    "staff_budget.show": staff(SCORERS, about_one_thing=False),
    "staff_budget.export": staff(SCORERS, about_one_thing=False),
    "staff_sessions.index": staff(TRAINERS, about_one_thing=False),
    "staff_sessions.new": staff(TRAINERS, about_one_thing=False),
    "staff_sessions.show": staff(TRAINERS),
    "staff_sessions.live": staff(TRAINERS),
    "staff_sessions.handout": staff(TRAINERS),
    "staff_sessions.close": staff(TRAINERS),
    "exchange_board.board": public(),
    "exchange_board.need": public(),  # approved, of a verified organisation
    "exchange_accounts.register": public(),
    "exchange_accounts.sign_in": public(),
    "exchange_accounts.sign_out": public(),
    "exchange_accounts.signed_out": public(),
    "exchange_needs.index": organisation(about_one_thing=False),
    "exchange_needs.new": organisation(about_one_thing=False),
    "exchange_needs.edit": organisation(),
    "exchange_needs.received": organisation(),
    "exchange_needs.close": organisation(),  # the victim's need closes, so it runs last
    "staff_exchange.index": staff(MANAGERS, about_one_thing=False),
    "staff_exchange.verify": staff(MANAGERS),
    "staff_exchange.decline": staff(MANAGERS),
    "staff_exchange.review": staff(MANAGERS),
}
