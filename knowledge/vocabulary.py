"""The service's words for its codes: units and amounts, how a commitment is classified, kinds
and sizes of organisation, and the codes people read aloud. It imports nothing, so every layer
can use it cheaply."""

UNIT_LABELS = {
    "people": "people",
    "weeks": "weeks",
    "hours": "hours",
    "gbp": "£",
    "tonnes-co2e": "tonnes CO2e",
    "tonnes": "tonnes",
    "percent": "%",
    "sessions": "sessions",
    "items": "items",
    "organisations": "organisations",
    "events": "events",
}

# Whether a commitment is extra for this contract, part of the service, or organisation-wide.
# What each kind of check is about, as people read it (offer/checks.py).
CHECK_KINDS = {
    "proportion": "Out of proportion",
    "feasibility": "Cannot be done in time",
    "vague": "Vague",
    "evidence": "Evidence",
    "additionality": "Not extra",
    "duplicate": "Counted twice",
    "coverage": "Coverage",
    "response": "Written response",
}

CLASSIFICATIONS = {
    "additional": "Extra, for this contract",
    "core": "Part of the service itself",
    "organisation-wide": "Across the whole organisation",
}

ORGANISATION_TYPES = {
    "charity": "A charity or CIO",
    "social-enterprise": "A CIC or social enterprise",
    "community-business": "A community business or group",
    "cooperative": "A co-operative",
    "sme": "A small or medium-sized business",
    "large": "A large business (250 staff or more)",
}
# The same, short, where there is little room (a table of offers).
ORGANISATION_TYPES_SHORT = {
    "charity": "Charity",
    "social-enterprise": "Social enterprise",
    "community-business": "Community business",
    "cooperative": "Co-operative",
    "sme": "Small or medium business",
    "large": "Large business",
}
# Voluntary, community and social enterprise organisations.
VCSE_TYPES = {"charity", "social-enterprise", "community-business", "cooperative"}

# Organisation sizes by number of staff.
SIZES = {
    "micro": "Fewer than 10",
    "small": "10 to 49",
    "medium": "50 to 249",
    "large": "250 or more",
}
SMALL_SIZES = {"micro", "small"}
SME_SIZES = {"micro", "small", "medium"}


# Codes people read aloud or copy from paper: no 0/O or 1/I.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# A return code: 12 characters from 32 is 60 bits, short enough to write down, far too many to
# guess. Shown in groups of four.
RETURN_CODE_LENGTH = 12
JOIN_CODE_LENGTH = 6  # a training session's: 32^6, about a billion codes; a clash is retried
SHARE_CODE_LENGTH = 8  # an opportunity's


def normalise_code(code: str) -> str:
    """A code as stored: capitals, without spaces or dashes."""
    return "".join(c for c in code.upper() if c.isalnum())


def plain_number(value: float | None) -> float | int | None:
    """A number as people write it: 52, not 52.0 (a fraction stays a fraction)."""
    if value is None or value != int(value):
        return value
    return int(value)


def amount(quantity: float | None, unit: str | None) -> str:
    """A quantity with its unit: "3 people", "£500", "20%"."""
    if quantity is None:
        return ""
    number = f"{quantity:,.0f}" if quantity == int(quantity) else f"{quantity:,.2f}"
    if unit == "gbp":
        return f"£{number}"
    if unit == "percent":
        return f"{number}%"
    label = UNIT_LABELS.get(unit or "", unit or "")
    if quantity == 1:
        label = _ONE.get(unit or "", label)
    return f"{number} {label}".strip()


# One of a unit: "1 week", "1 person", "1 tonne CO2e".
_ONE = {
    "people": "person", "weeks": "week", "hours": "hour", "tonnes-co2e": "tonne CO2e",
    "tonnes": "tonne", "sessions": "session", "items": "item", "organisations": "organisation",
    "events": "event",
}  # fmt: skip


def possessive(name: str) -> str:
    """A name's possessive as GOV.UK pages write it: "Sandwell's", and for a name that ends in
    "s", "Tower Hamlets'" (not "Tower Hamlets's")."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"
