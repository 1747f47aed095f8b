"""`python -m offer check FILE|- [--json]`: every check on one offer, recomputed.

The file is an offer as `GET /api/v1/conversations/ID/offer` returns it (the published
schema); its saved checks and totals are ignored, and every check is recomputed from its
commitments, supplier, opportunity and the council pack it names. Exit status 0 whatever the
checks find; 2, with a one-line error, for a file that is not an offer."""

import argparse
import json
import sys
from typing import TextIO

from pydantic import ValidationError

from knowledge.packs import load_packs
from offer.build import recheck
from offer.model import Offer

NOT_AN_OFFER = 2
# Saved with the offer, recomputed here: a file may leave them out.
RECOMPUTED = {"checks": [], "totals": {"commitments": 0, "themes_covered": 0, "themes_total": 0}}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m offer", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="every check on one offer, recomputed")
    check.add_argument("file", help="the offer as JSON, or - to read it from standard input")
    check.add_argument("--json", action="store_true", help='print {"checks": [...]} as JSON')
    return parser


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    with open(name, encoding="utf-8") as file:
        return file.read()


def load_offer(text: str) -> Offer:
    """The offer in a JSON text; ValueError, in one line, when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error.msg} at line {error.lineno}") from None
    if not isinstance(data, dict):
        raise ValueError("not an offer: expected a JSON object")
    try:
        return Offer.model_validate({**RECOMPUTED, **data, **_ignored(data)})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the offer"
        raise ValueError(
            f"not an offer: {where}: {first['msg']} ({error.error_count()} errors)"
        ) from None


def _ignored(data: dict) -> dict:
    """The saved checks and totals, replaced: they are recomputed, not read."""
    return {key: value for key, value in RECOMPUTED.items() if key in data}


def main(argv: list[str] | None = None, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """Run the command; the exit status."""
    args = _parser().parse_args(argv)
    try:
        offer = load_offer(_read(args.file, stdin))
    except (OSError, UnicodeDecodeError) as error:
        print(f"python -m offer: cannot read {args.file}: {error}", file=sys.stderr)
        return NOT_AN_OFFER
    except ValueError as error:
        print(f"python -m offer: {args.file}: {error}", file=sys.stderr)
        return NOT_AN_OFFER
    packs = load_packs()
    if offer.council not in packs:
        known = ", ".join(sorted(packs))
        print(
            f"python -m offer: {args.file}: not an offer for a council this service has "
            f"({offer.council!r}; it has {known})",
            file=sys.stderr,
        )
        return NOT_AN_OFFER
    checks = recheck(offer, packs[offer.council])
    fields = ("id", "kind", "level", "message", "commitment_id")
    if args.json:
        rows = [{name: getattr(check, name) for name in fields} for check in checks]
        json.dump({"checks": rows}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for check in checks:
            about = f" [{check.commitment_id}]" if check.commitment_id else ""
            out.write(f"{check.level:8} {check.kind:14}{about} {check.message}\n")
    return 0
