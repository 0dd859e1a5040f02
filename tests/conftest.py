"""Shared fixtures: every test runs with its own data, config, demo and workspace paths, in English."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# The project is not installed in the venv: make ``import rca`` work from any test folder.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rca import i18n  # noqa: E402

if TYPE_CHECKING:
    from rca.store import Workspace


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real home directory, and speak English.

    Only the folder of ``RCA_WORKSPACE`` exists beforehand (an explicit workspace path needs its
    folder); the data, config and demo folders are left for the code under test to create.
    """
    (tmp_path / "workspace").mkdir()
    monkeypatch.setenv("RCA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RCA_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RCA_DEMO_DIR", str(tmp_path / "demo"))
    monkeypatch.setenv("RCA_WORKSPACE", str(tmp_path / "workspace" / "workspace.json"))
    monkeypatch.setenv("RCA_USER", "tester")
    monkeypatch.setenv("RCA_LANG", "en")
    i18n.set_language("en")


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """An empty workspace (its file is created by the first change) at ``tmp_path / "ws.json"``."""
    from rca.store import Workspace

    return Workspace(tmp_path / "ws.json").open()
