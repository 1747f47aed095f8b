"""How many examples a property-based test tries: its own number in `make test`, at most
QUICK_EXAMPLES in the quick loop (`make test-fast`, which sets HYPOTHESIS_PROFILE=quick)."""

import os

QUICK_EXAMPLES = 20


def examples(wanted: int) -> int:
    """`wanted`, or fewer in the quick loop."""
    quick = os.environ.get("HYPOTHESIS_PROFILE") == "quick"
    return min(wanted, QUICK_EXAMPLES) if quick else wanted
