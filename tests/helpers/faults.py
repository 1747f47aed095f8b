"""Real faults in tests: a full disk for gunicorn's workers (RLIMIT_FSIZE lowered to 0)."""

import resource
from pathlib import Path

from tests.helpers.server import Gunicorn

NOT_SAVED = "We could not save your answer, please try again."


def workers(server: Gunicorn) -> list[int]:
    """The process ids of gunicorn's workers (the master's children)."""
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def disk_full(server: Gunicorn, full: bool) -> None:
    """Make every worker's writes to files fail (or work again). Only the soft limit moves,
    so it can be raised back without privileges."""
    for pid in workers(server):
        _, hard = resource.prlimit(pid, resource.RLIMIT_FSIZE)
        resource.prlimit(pid, resource.RLIMIT_FSIZE, (0 if full else hard, hard))
