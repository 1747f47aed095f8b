"""The import contract (.importlinter) holds, and it fails when a layer is broken on purpose."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "web", "forms", "store", "assistant", "knowledge", "offer", "monitoring", "training",
    "exchange", "permissions", "clock",
)  # fmt: skip
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / ".importlinter"), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path):
    """A copy of the project's Python packages and import contract."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("static", "*.pyc")
        )
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def _add_import(tree: Path, module: str, line: str) -> None:
    path = tree / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text() + f"\n{line}  # deliberate violation\n")


def test_the_import_contract_is_kept(tree):
    result = _lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


CORES = "The pure cores know nothing of the web, the database or the clock"
UPWARD = "Nothing imports upward"


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("assistant.engine", "import web.common.db", CORES),
        ("offer.checks", "import sqlite3", CORES),
        ("monitoring.periods", "import clock", CORES),
        ("store.staff", "from web.staff import auth", "The data layer and the forms never reach"),
        ("forms.staff", "import store.staff", "Forms never import the data layer"),
        ("knowledge.packs", "import offer.build", UPWARD),
        ("web.common.db", "import web.staff.auth", "No circle between the modules"),
    ],
)
def test_a_deliberate_violation_breaks_the_contract(tree, module, line, broken):
    _add_import(tree, module, line)
    result = _lint(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    report = " ".join(result.stdout.split())
    assert re.search(re.escape(broken) + r"[^.]*? BROKEN", report), report
