"""The knowledge command line: check content, search the knowledge base, suggest measures."""

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date

from knowledge.content import ContentError
from knowledge.library import load_library
from knowledge.matcher import load_outside
from knowledge.packs import DEFAULT_COUNCIL_ID
from knowledge.review import dated_facts, overdue
from knowledge.service import KnowledgeService


def _check(args: argparse.Namespace) -> int:
    try:
        library = load_library()
        outside = load_outside()
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    facts = dated_facts(library)
    late = overdue(facts, args.on)
    if late:
        print(
            f"error: {len(late)} dated facts are past their review-by date; check each "
            "against its source, correct it, and give it new as_of and review_by dates:",
            file=sys.stderr,
        )
        for fact in late:
            print(f"  {fact.describe()}", file=sys.stderr)
        return 1
    measures = sum(len(pack.measures) for pack in library.packs.values())
    print(
        f"ok: {len(library.packs)} council packs ({measures} measures), "
        f"{len(library.base_entries)} knowledge entries across {len(library.topics)} topics, "
        f"{len(outside)} areas it does not answer"
    )
    if facts:
        print(f"{len(facts)} dated facts; the next to check: {facts[0].describe()}")
    return 0


def _queries(text: str) -> Iterable[str]:
    if text != "-":
        yield text
        return
    for line in sys.stdin:
        if line.strip():
            yield line.rstrip("\n")


def _emit(results: Iterable[dict], as_json: bool, describe: Callable[[dict], str]) -> None:
    for result in results:
        print(json.dumps(result, ensure_ascii=False) if as_json else describe(result))


def _describe_search(result: dict) -> str:
    if not result["matches"]:
        return f"{result['query']}\n  I don't know: no entry answers this."
    lead = "Answer" if result["answered"] else "Did you mean"
    lines = [f"{result['query']}\n  {lead}:"]
    lines += [f"    {m['score']:6.2f}  {m['id']}  ({m['topic']})" for m in result["matches"]]
    return "\n".join(lines)


def _describe_suggest(result: dict) -> str:
    lines = [result["query"]]
    lines += [
        f"  {s['score']:6.2f}  {s['measure_id']}  ({s['theme_id']})" for s in result["suggestions"]
    ] or ["  no measure fits"]
    return "\n".join(lines)


def _service(args: argparse.Namespace) -> KnowledgeService | None:
    service = KnowledgeService.load()
    if args.council not in service.library.packs:
        known = ", ".join(sorted(service.library.packs))
        print(f"error: no council pack '{args.council}' (known: {known})", file=sys.stderr)
        return None
    return service


def _search(args: argparse.Namespace) -> int:
    service = _service(args)
    if service is None:
        return 2
    results = (service.search(q, args.council).to_dict() for q in _queries(args.text))
    _emit(results, args.json, _describe_search)
    return 0


def _suggest(args: argparse.Namespace) -> int:
    service = _service(args)
    if service is None:
        return 2
    results = (
        {"query": q, "suggestions": [s.to_dict() for s in service.suggest(q, args.council)]}
        for q in _queries(args.text)
    )
    _emit(results, args.json, _describe_suggest)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `python -m knowledge`."""
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every council pack and knowledge entry")
    check.add_argument(
        "--on",
        type=date.fromisoformat,
        default=date.today(),
        metavar="YYYY-MM-DD",
        help="check review-by dates as on this day (default today)",
    )
    check.set_defaults(run=_check)
    default_council = os.environ.get("SVOA_DEFAULT_COUNCIL", DEFAULT_COUNCIL_ID)
    for name, run, help_text in (
        ("search", _search, "answer a question from the knowledge base"),
        ("suggest", _suggest, "suggest the council's measures that a description fits"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("text", help="the text, or - to read one per line from stdin")
        command.add_argument("--council", default=default_council, help="council pack id")
        command.add_argument("--json", action="store_true", help="print JSON (one per line)")
        command.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    return args.run(args)
