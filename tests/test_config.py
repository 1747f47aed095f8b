"""Configuration: secret keys for production and for local runs."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest

from web import create_app


@pytest.fixture
def production(monkeypatch):
    """As on a real server: without the tests' cheap password hashing."""
    monkeypatch.delenv("SVOA_PASSWORD_HASH", raising=False)


def test_production_refuses_the_tests_cheap_password_hashing(tmp_path, monkeypatch):
    monkeypatch.setenv("SVOA_PASSWORD_HASH", "scrypt:256:8:1")
    with pytest.raises(RuntimeError, match="SVOA_PASSWORD_HASH is for tests only"):
        create_app({"ENV": "production", "SECRET_KEY": "k" * 40, "INSTANCE_PATH": str(tmp_path)})


def test_production_refuses_to_start_without_a_secret_key(tmp_path, production):
    with pytest.raises(RuntimeError, match="SVOA_SECRET_KEY"):
        create_app({"ENV": "production", "INSTANCE_PATH": str(tmp_path)})


def test_production_refuses_a_short_secret_key(tmp_path, production):
    with pytest.raises(RuntimeError, match="at least 32"):
        create_app({"ENV": "production", "SECRET_KEY": "short", "INSTANCE_PATH": str(tmp_path)})


def test_production_starts_with_a_real_secret_key(tmp_path, production):
    app = create_app({"ENV": "production", "SECRET_KEY": "k" * 40, "INSTANCE_PATH": str(tmp_path)})
    assert app.config["SECRET_KEY"] == "k" * 40


def test_local_run_generates_a_secret_key_once_and_keeps_it(tmp_path):
    first = create_app({"INSTANCE_PATH": str(tmp_path)})
    second = create_app({"INSTANCE_PATH": str(tmp_path)})
    key_file = tmp_path / "secret_key"
    assert len(first.config["SECRET_KEY"]) == 64
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert key_file.stat().st_mode & 0o077 == 0, "the key file must be private"


def test_settings_come_from_prefixed_environment_variables(tmp_path, monkeypatch):
    monkeypatch.setenv("SVOA_DATABASE", str(tmp_path / "from-env.sqlite3"))
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["DATABASE"] == str(tmp_path / "from-env.sqlite3")
    assert (tmp_path / "from-env.sqlite3").exists()


def test_an_unknown_default_council_stops_start_up(tmp_path):
    with pytest.raises(RuntimeError, match="not a council pack"):
        create_app({"INSTANCE_PATH": str(tmp_path), "DEFAULT_COUNCIL": "atlantis"})


def test_a_relative_instance_path_is_resolved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = create_app({"INSTANCE_PATH": "relative-instance"})
    assert app.instance_path == str(tmp_path / "relative-instance")


def _secret_key_of_a_new_app(instance_path: str) -> str:
    return create_app({"INSTANCE_PATH": instance_path}).config["SECRET_KEY"]


def test_workers_starting_together_share_one_secret_key(tmp_path):
    # Processes, like gunicorn's workers (threads building apps at once can trip a CPython 3.11
    # bug in ast.parse, which werkzeug's routing uses).
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("fork")) as pool:
        keys = list(pool.map(_secret_key_of_a_new_app, [str(tmp_path)] * 4))
    assert len(keys) == 4 and len(set(keys)) == 1 and len(keys[0]) == 64
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".secret_key")] == []
