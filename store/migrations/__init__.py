"""Versioned schema migrations: one file each, named `NNNN_what.py` with a `migrate(db)`
function, applied in the order of their numbers and recorded in the database. To change the
schema, add the next file; never edit one that has shipped."""

import importlib
from pathlib import Path

from sqlite_utils import Migrations


def _load() -> Migrations:
    registry = Migrations("svoa")
    for path in sorted(Path(__file__).parent.glob("[0-9][0-9][0-9][0-9]_*.py")):
        module = importlib.import_module(f"{__name__}.{path.stem}")
        registry(name=path.stem)(module.migrate)
    return registry


migrations = _load()
