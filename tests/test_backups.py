"""Backups: `flask backup` while conversations are being written, then `flask restore`; the
restored database passes `PRAGMA integrity_check` and holds what was there when it was copied."""

import threading
import time

import store
from store.backups import integrity
from store.conversations import create_conversation
from tests.helpers.evidence import record


def test_backup_during_writes_then_restore_passes_the_integrity_check(app, runner, tmp_path):
    database = app.config["DATABASE"]
    stop, written = threading.Event(), []

    def writer():
        db = store.connect(database)
        while not stop.is_set():
            made = create_conversation(
                db, council_id="tower-hamlets", opportunity=None, state={"n": len(written)},
                stage="about-you", messages=[{"role": "assistant", "text": "Hello " * 20}],
            )  # fmt: skip
            written.append(made.id)
        db.close()

    thread = threading.Thread(target=writer)
    thread.start()
    copies, during = [], []
    try:
        while len(written) < 20:
            time.sleep(0.01)
        for n in range(3):
            target = tmp_path / f"backup-{n}.sqlite3"
            before = len(written)
            result = runner.invoke(args=["backup", str(target)])
            assert result.exit_code == 0, result.output
            assert "integrity check: ok" in result.output
            copies.append((target, before))
            during.append(len(written) - before)
        # At least one write after the last copy, so the restore is seen to go back in time (on
        # a busy machine the writer may not have run again yet).
        after_last = len(written)
        while len(written) <= after_last and thread.is_alive():
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join()
    # Writing went on while the copies were made: during at least one of the three (on a
    # busy machine one copy can finish before the writer is scheduled again).
    assert max(during) > 0, during
    for target, before in copies:
        assert integrity(target) == "ok"
        copy = store.connect(target)
        assert copy["conversations"].count >= before
        copy.close()

    last, before = copies[-1]
    result = runner.invoke(args=["restore", str(last), "--yes"])
    assert result.exit_code == 0, result.output
    assert integrity(database) == "ok"
    assert store.health(database)["database"] == "ok"
    restored = store.connect(database)
    count = restored["conversations"].count
    restored.close()
    assert before <= count < len(written)
    record(
        "backups",
        copies=len(copies),
        written_during=len(written),
        restored_rows=count,
        integrity="ok",
    )


def test_restore_refuses_a_file_that_is_not_a_sound_backup(app, runner, tmp_path):
    database = app.config["DATABASE"]
    db = store.connect(database)
    db["opportunities"].insert({"code": "KEEPME22", "council_id": "x", "title": "Kept",
                                "word_limit": 500, "closes_at": "2099-01-01", "themes": "[]",
                                "practice": 0, "created_at": "2026-01-01"})  # fmt: skip
    db.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    result = runner.invoke(args=["restore", str(junk), "--yes"])
    assert result.exit_code != 0 and "failed its integrity check" in result.output
    other = tmp_path / "other.sqlite3"
    store.connect(other).execute("CREATE TABLE something (x)")
    result = runner.invoke(args=["restore", str(other), "--yes"])
    assert result.exit_code != 0 and "is not a backup of this service's database" in result.output
    db = store.connect(database)
    assert db["opportunities"].get("KEEPME22")["title"] == "Kept"
    db.close()
