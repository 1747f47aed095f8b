"""Building the structured offer from a conversation's answers and the council's pack."""

from typing import Any

from knowledge.packs import CouncilPack
from knowledge.vocabulary import UNIT_LABELS
from knowledge.wording import load_wording
from offer.checks import narrative_checks, offer_checks
from offer.fitting import fit, words
from offer.milestones import propose
from offer.model import (
    Check,
    Commitment,
    IntrinsicValue,
    Narrative,
    Offer,
    Opportunity,
    Proxy,
    Supplier,
    Totals,
    fingerprint,
)
from offer.narrative import Council, all_sentences

DEFAULT_WORD_LIMIT = 500
# Kept with an edited response: the fingerprint of the text written from the commitments then.
NARRATIVE_BASIS = "offer.narrative_basis"


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("text")
    return None if value is None else str(value)


def recheck(offer: Offer, pack: CouncilPack) -> list[Check]:
    """Every check on an offer as it was sent (a file, a submission), recomputed from its
    commitments, supplier and opportunity with the council's pack as it is now: indicative
    values at the pack's rates where it has one, and nothing taken from its saved checks."""
    priced = [
        c.model_copy(update={"proxy": _proxy(c.model_dump(), pack) or c.proxy})
        for c in offer.commitments
    ]
    narrative = offer.narrative.model_copy(update={"words": words(offer.narrative.text)})
    return offer_checks(priced, offer.opportunity, offer.supplier, pack) + narrative_checks(
        narrative
    )


def _proxy(commitment: dict, pack: CouncilPack) -> Proxy | None:
    if not pack.procurement.uses_proxy_values or not commitment.get("quantity"):
        return None
    measure = pack.measure(commitment.get("measure_id"))
    if measure is None or measure.proxy is None:
        return None
    rate = measure.proxy
    return Proxy(
        value_gbp=round(rate.value_gbp * float(commitment["quantity"]), 2),
        rate_gbp=rate.value_gbp,
        per=rate.per,
        source=rate.source,
        year=rate.year,
    )


def commitments_from(
    state_commitments: list[dict], pack: CouncilPack, duration_months: float | None = None
) -> list[Commitment]:
    """The conversation's commitments as offer commitments, with theme titles and proxies,
    and yearly targets (the supplier's, or proposed) on a contract longer than a year."""
    themes = {t.id: t.title for t in pack.themes}
    result = []
    for item in state_commitments:
        timescale = item.get("timescale") or {}
        result.append(
            Commitment(
                id=item["id"],
                theme_id=item.get("theme_id"),
                theme_title=themes.get(item.get("theme_id") or ""),
                measure_id=item.get("measure_id"),
                title=item.get("title") or item.get("idea") or "Commitment",
                description=item.get("idea"),
                quantity=item.get("quantity"),
                unit=item.get("unit"),
                unit_label=UNIT_LABELS.get(item.get("unit") or ""),
                timescale=_text(timescale) or None,
                timescale_months=timescale.get("months") if isinstance(timescale, dict) else None,
                milestones=list(item.get("milestones") or [])
                or propose(
                    item.get("quantity"),
                    item.get("unit"),
                    _text(timescale),
                    timescale.get("months") if isinstance(timescale, dict) else None,
                    duration_months,
                ),
                delivery=item.get("delivery"),
                beneficiaries=item.get("beneficiaries"),
                partners=item.get("partners"),
                evidence=item.get("evidence_plan"),
                classification=item.get("classification"),
                proxy=_proxy(item, pack),
                need=item.get("need"),
            )
        )
    return result


def supplier_from(answers: dict[str, Any]) -> Supplier:
    """The organisation, from the conversation's answers."""
    return Supplier(
        name=answers.get("organisation.name") or "Your organisation",
        type=answers.get("organisation.type"),
        size=answers.get("organisation.size"),
        postcode=answers.get("organisation.postcode"),
        local=answers.get("organisation.local"),
        activity=answers.get("organisation.activity"),
    )


def contract_from(
    answers: dict[str, Any], opportunity: dict[str, Any] | None = None
) -> Opportunity:
    """The contract, from the answers (the opportunity's own, where it has them)."""
    opportunity = opportunity or {}
    duration = answers.get("opportunity.duration")
    return Opportunity(
        code=opportunity.get("code"),
        title=answers.get("opportunity.title"),
        contract_type=answers.get("opportunity.contract_type"),
        value_gbp=answers.get("opportunity.value"),
        duration=_text(duration),
        duration_months=duration.get("months") if isinstance(duration, dict) else None,
        word_limit=opportunity.get("word_limit") or DEFAULT_WORD_LIMIT,
    )


def build_offer(
    answers: dict[str, Any],
    commitments: list[dict],
    pack: CouncilPack,
    opportunity: dict[str, Any] | None = None,
) -> Offer:
    """The whole offer: parts, checks, narrative (generated unless edited) and totals."""
    opportunity = opportunity or {}
    supplier = supplier_from(answers)
    answers = {**answers, **(opportunity.get("answers") or {})}
    contract = contract_from(answers, opportunity)
    offered = commitments_from(commitments, pack, contract.duration_months)
    value = IntrinsicValue(
        beneficiaries=answers.get("value.beneficiaries"),
        outcomes=answers.get("value.outcomes"),
        evidence=answers.get("value.evidence"),
        areas=answers.get("value.areas"),
    )
    narrative = _narrative(answers, supplier, offered, value, pack, contract.word_limit)
    return Offer(
        council=pack.id,
        supplier=supplier,
        opportunity=contract,
        commitments=offered,
        intrinsic_value=value,
        narrative=narrative,
        checks=offer_checks(offered, contract, supplier, pack) + narrative_checks(narrative),
        totals=_totals(offered, contract, pack),
    )


def _narrative(answers, supplier, offered, value, pack, limit) -> Narrative:
    generated = _generated(supplier, offered, value, pack, limit)
    edited = answers.get("offer.narrative")
    if not edited:
        return Narrative(text=generated, words=words(generated), word_limit=limit).based_on(
            generated
        )
    basis = answers.get(NARRATIVE_BASIS)
    stale = bool(basis) and basis != fingerprint(generated)
    narrative = Narrative(
        text=edited, words=words(edited), word_limit=limit, edited=True, stale=stale
    )
    return narrative.based_on(generated)


def _generated(supplier, offered, value, pack, limit) -> str:
    """The response written from the commitments, fitted to the word limit."""
    themes = [(t.id, t.title) for t in pack.themes]
    known = {theme_id for theme_id, _ in themes}
    sections = [
        (title, [c for c in offered if c.theme_id == theme_id]) for theme_id, title in themes
    ]
    sections.append(("Other commitments", [c for c in offered if c.theme_id not in known]))
    council = Council(
        name=pack.identity.name,
        place=pack.identity.short_name,
        pledges={m.id: m.pledge for _, m in pack.measures},
        keep=frozenset(
            word.lower()
            for name in [*pack.local_area.places, *load_wording().proper_nouns]
            for word in name.split()
        ),
    )
    return fit(all_sentences(supplier, [s for s in sections if s[1]], value, council), limit)


def _totals(offered: list[Commitment], contract: Opportunity, pack: CouncilPack) -> Totals:
    proxies = [c.proxy.value_gbp for c in offered if c.proxy]
    total = round(sum(proxies), 2) if proxies else None
    share = None
    if total is not None and contract.value_gbp:
        share = round(total / contract.value_gbp, 4)
    return Totals(
        commitments=len(offered),
        themes_covered=len({c.theme_id for c in offered if c.theme_id}),
        themes_total=len(pack.themes),
        proxy_total_gbp=total,
        proxy_share_of_contract=share,
    )
