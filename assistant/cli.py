"""The assistant's command line: `python -m assistant check` validates every council's flow."""

import argparse
import sys
from pathlib import Path

from assistant.flow import DEFAULT_FLOW, load_flow
from assistant.flow_check import check_flow
from knowledge.content import ContentError
from knowledge.packs import COUNCILS_DIR


def flow_problems(councils_dir: Path = COUNCILS_DIR, default: Path = DEFAULT_FLOW) -> list[str]:
    """Every problem in the default flow and each council's adjusted flow, naming the file."""
    problems: list[str] = []
    in_default: set[str] = set()
    folders = [None, *sorted(p for p in councils_dir.iterdir() if (p / "council.yaml").exists())]
    for folder in folders:
        override = folder / "flow.yaml" if folder else None
        source = override if override and override.exists() else default
        try:
            flow = load_flow(folder, default)
        except ContentError as error:
            problems.append(str(error))
            continue
        found = set(check_flow(flow))
        if folder is None:
            in_default = found
        else:
            found -= in_default  # Already reported against the default flow's file.
        problems += [f"{source}: {problem}" for problem in sorted(found)]
    return sorted(set(problems))


def main(argv: list[str] | None = None) -> int:
    """Run the command; 0 when every flow is sound."""
    parser = argparse.ArgumentParser(prog="python -m assistant")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the default flow and every council's")
    check.add_argument("--councils", type=Path, default=COUNCILS_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    problems = flow_problems(args.councils)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    count = sum(1 for p in args.councils.iterdir() if (p / "council.yaml").exists())
    print(f"ok: the default flow and {count} councils' flows are sound")
    return 0
