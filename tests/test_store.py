"""The data layer: migrations, WAL, busy timeout and concurrent start-up."""

import threading
import traceback

import store
from store.migrations import migrations
from store.staff import hash_password, password_matches


def test_migrations_apply_once_and_are_recorded(tmp_path):
    db = store.connect(tmp_path / "db.sqlite3")
    first = store.migrate(db)
    second = store.migrate(db)
    assert first == [m.name for m in migrations._migrations]
    assert second == []
    assert "staff" in db.table_names()


def test_database_uses_wal_and_waits_when_busy(tmp_path):
    db = store.connect(tmp_path / "db.sqlite3")
    store.migrate(db)
    assert next(db.query("PRAGMA journal_mode"))["journal_mode"] == "wal"
    assert next(db.query("PRAGMA busy_timeout"))["timeout"] == 5000
    assert next(db.query("PRAGMA foreign_keys"))["foreign_keys"] == 1


def test_workers_starting_together_do_not_race_on_migrations(tmp_path):
    path = tmp_path / "db.sqlite3"
    errors = []

    def start_worker():
        try:
            store.migrate(store.connect(path))
        except Exception:  # noqa: BLE001 - the test reports any failure, with where it happened
            errors.append(traceback.format_exc())

    threads = [threading.Thread(target=start_worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(migrations.applied(store.connect(path))) == len(migrations._migrations)


def test_health_reports_an_unreadable_database(tmp_path):
    path = tmp_path / "not-a-database.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    assert store.health(path)["database"] == "error"


def test_health_reports_a_missing_database_without_creating_it(tmp_path):
    path = tmp_path / "missing.sqlite3"
    assert store.health(path) == {"database": "error", "problem": "cannot open the database"}
    assert not path.exists()


def test_health_reports_a_database_without_the_latest_schema(tmp_path):
    path = tmp_path / "old.sqlite3"
    store.connect(path).execute("CREATE TABLE something (id INTEGER)")
    assert store.health(path)["problem"] == "schema is not up to date"


def test_passwords_are_hashed_with_full_strength_scrypt_unless_the_tests_say(monkeypatch):
    monkeypatch.delenv("SVOA_PASSWORD_HASH", raising=False)
    stored = hash_password("correct horse battery staple")
    assert stored.startswith("scrypt:32768:8:1$")
    assert password_matches(stored, "correct horse battery staple")
    assert not password_matches(stored, "wrong horse battery staple")
