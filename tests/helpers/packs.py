"""Council packs in tests: a copy of the real content with one change."""

import shutil
from pathlib import Path

import yaml

from knowledge.packs import COUNCILS_DIR


def write_broken(tmp_path: Path, change) -> Path:
    folder = tmp_path / "tower-hamlets"
    shutil.copytree(COUNCILS_DIR / "tower-hamlets", folder)
    path = folder / "council.yaml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data))
    return path
