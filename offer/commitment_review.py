"""What the assistant tells a supplier as each commitment is finished: the proportion and
feasibility checks on it, in the conversation, so an over-promise is caught while it is being
written, not when the offer is scored. The same checks as the offer pages (offer/checks.py)."""

from typing import Any

from knowledge.packs import CouncilPack
from offer.build import commitments_from, contract_from, supplier_from
from offer.checks import commitment_checks

AS_YOU_GO = ("proportion", "feasibility")


def review(pack: CouncilPack, answers: dict[str, Any], commitment: dict[str, Any]) -> list[str]:
    """What is out of proportion or cannot be done in time in a commitment just finished in
    the conversation (its state form), in plain English; empty when nothing is."""
    contract = contract_from(answers)
    (offered,) = commitments_from([commitment], pack, contract.duration_months)
    checks = commitment_checks(offered, pack, contract, supplier_from(answers))
    return [c.message for c in checks if c.kind in AS_YOU_GO and c.level != "ok"]
