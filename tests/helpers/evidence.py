"""Figures the reliability tests report, gathered by `python -m bench.reliability_report` into
docs/reliability.md. Recording does nothing unless SVOA_EVIDENCE names a file."""

import json
import os
from pathlib import Path


def record(name: str, **figures: int | str) -> None:
    """Add (or replace) one test's figures in the evidence file, if one is being kept."""
    path = os.environ.get("SVOA_EVIDENCE")
    if not path:
        return
    file = Path(path)
    evidence = json.loads(file.read_text()) if file.exists() else {}
    evidence[name] = figures
    file.write_text(json.dumps(evidence, indent=2, sort_keys=True))
