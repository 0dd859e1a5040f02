"""SVG snapshots of the key screens (Textual is pinned exactly: snapshots break across its releases).

The demo is built for a fixed day, so dates, late actions and gates are the same on every run.
Update after a deliberate change with: pytest tests/snapshots --snapshot-update (and look at the report).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rca.demo import build_demo
from rca.store import Workspace
from rca.tui.app import RcaApp, make_app
from rca.tui.config import Config

TODAY = date(2026, 11, 26)


@pytest.fixture
def demo_app(tmp_path: Path) -> RcaApp:
    workspace = Workspace(tmp_path / "demo.json", user="demo")
    build_demo(workspace, TODAY)
    return make_app(workspace.open(), today=TODAY, config=Config())


def open_case(case_id: str, step: str) -> Any:
    async def run_before(pilot: Any) -> None:
        from rca.tui.screens.home import HomeScreen

        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        home.open_case(case_id)
        await pilot.pause()
        pilot.app.screen.step_key = step
        await pilot.pause()
        await pilot.pause()

    return run_before


def test_home(demo_app: RcaApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 30))


def test_8d_case_at_d4(demo_app: RcaApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(140, 45), run_before=open_case("C-1", "d4"))


def test_fishbone(demo_app: RcaApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(140, 45), run_before=open_case("C-5", "vote"))


def test_workshop_mode(demo_app: RcaApp, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await open_case("C-1", "d3")(pilot)
        await pilot.press("f2")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(160, 45), run_before=run_before)
