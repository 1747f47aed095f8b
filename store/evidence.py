"""Evidence files of delivery returns: kept in a folder outside the web root under a random
key, with a row saying which contract and period each belongs to and who sent it."""

import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from clock import now_iso
from monitoring.evidence_files import KINDS, FileKind
from store.database import write_transaction

SETTLED_SECONDS = 3600.0


@dataclass(frozen=True)
class EvidenceFile:
    """An evidence file: whose, what and how big."""

    id: int
    contract_id: int
    period: int
    name: str
    kind: FileKind
    size: int
    key: str
    uploaded_by: str  # "supplier" or "staff"
    uploaded_at: str


def _file(row: dict) -> EvidenceFile:
    return EvidenceFile(
        id=row["id"],
        contract_id=row["contract_id"],
        period=row["period"],
        name=row["name"],
        kind=KINDS[row["kind"]],
        size=row["size"],
        key=row["key"],
        uploaded_by=row["uploaded_by"],
        uploaded_at=row["uploaded_at"],
    )


def path_of(folder: Path, key: str) -> Path:
    """Where a file's bytes are kept."""
    return folder / key[:2] / key


def add_files(
    db: Database,
    folder: Path,
    *,
    contract_id: int,
    period: int,
    files: list[tuple[str, FileKind, bytes]],
    staff_id: int | None,
) -> list[int]:
    """Keep these (name, kind, bytes) for a period's return; return their ids. Each file is
    written (and synced) before its row is added, so a row never names a missing file; a
    failure removes the files written."""
    written: list[Path] = []
    try:
        rows = []
        for name, kind, data in files:
            key = secrets.token_hex(16)
            path = path_of(folder, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            written.append(path)
            rows.append(
                {
                    "contract_id": contract_id,
                    "period": period,
                    "name": name,
                    "kind": kind.extension,
                    "size": len(data),
                    "key": key,
                    "uploaded_by": "staff" if staff_id else "supplier",
                    "staff_id": staff_id,
                    "uploaded_at": now_iso(),
                }
            )
        with write_transaction(db):
            return [db["evidence_files"].insert(row).last_pk for row in rows]
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def files_for(db: Database, contract_id: int) -> list[EvidenceFile]:
    """A contract's evidence files, by period, oldest first."""
    rows = db.query(
        "SELECT * FROM evidence_files WHERE contract_id = ? ORDER BY period, id", [contract_id]
    )
    return [_file(row) for row in rows]


def file_of(db: Database, contract_id: int, file_id: int) -> EvidenceFile | None:
    """One of the contract's evidence files, or None."""
    rows = list(
        db.query(
            "SELECT * FROM evidence_files WHERE contract_id = ? AND id = ?", [contract_id, file_id]
        )
    )
    return _file(rows[0]) if rows else None


def held_for(db: Database, contract_id: int) -> tuple[int, int]:
    """How many evidence files a contract holds, and their bytes."""
    row = db.execute(
        "SELECT count(*), coalesce(sum(size), 0) FROM evidence_files WHERE contract_id = ?",
        [contract_id],
    ).fetchone()
    return row[0], row[1]


def remove_unlisted(db: Database, folder: Path, settled: float = SETTLED_SECONDS) -> int:
    """Delete every file in the folder that no row names (its contract was purged, or its
    upload failed); return how many. Run after the purge's transaction has committed. A file
    younger than `settled` seconds may be an upload whose row is being written: it stays."""
    if not folder.is_dir():
        return 0
    keys = {row["key"] for row in db.query("SELECT key FROM evidence_files")}
    removed, now = 0, time.time()
    for path in folder.glob("*/*"):
        if path.is_file() and path.name not in keys and now - path.stat().st_mtime >= settled:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
