"""Configuration: secret keys for production and for local runs."""

import pytest

from web import create_app


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(RuntimeError, match="SVOA_SECRET_KEY"):
        create_app({"ENV": "production", "INSTANCE_PATH": str(tmp_path)})


def test_production_refuses_a_short_secret_key(tmp_path):
    with pytest.raises(RuntimeError, match="at least 32"):
        create_app({"ENV": "production", "SECRET_KEY": "short", "INSTANCE_PATH": str(tmp_path)})


def test_production_starts_with_a_real_secret_key(tmp_path):
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
