"""Hostile text in the TUI: shown inert on every screen (Pilot, headless).

A case holds terminal escapes (clear screen, window title, OSC 8 links, 8-bit CSI, BEL), Rich/Textual
markup (``[@click=app.quit]`` must never become an action), HTML, right-to-left and zero-width text in its
title, problem, causes, actions, owners, evidence and indicators; the user who changed it last has such a
name too. Each screen is rendered and ``app.export_screenshot()`` (the same segments a terminal gets) must
hold no ESC, C1 or BEL, must still show the screen's frame (nothing cleared it), and markup must show as
typed.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from rca.model import Case
from rca.store import Workspace
from rca.tui.app import RcaApp, make_app
from rca.tui.config import Config
from rca.tui.screens.case import CaseScreen
from rca.tui.widgets.why_tree import WhyTree
from tests.reliability.conftest import figures
from tests.reliability.hostile import HTML, MARKUP, TERMINAL, UNICODE, hostile_case, mix

pytestmark = pytest.mark.slow

TODAY = date(2026, 11, 26)
LIVE = re.compile("[\x1b\x07\x80-\x9f]")
TITLE = "[@click=app.quit]Q[/] [bold]B[/bold] " + mix(*TERMINAL[:3], HTML[1], UNICODE[0], limit=200)


def screen_text(svg: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def live_bytes(svg: str) -> str | None:
    found = LIVE.search(svg)
    return None if found is None else repr(svg[max(0, found.start() - 60):found.end() + 30])


MEGABYTE = ("Ünïcødé 👩\u200d🔧 \u202eRTL\u202c e\u0301 [b]x[/b] " * 30_000)[:1_000_000]


def _benign_fields(ws: Workspace, case_id: str) -> None:
    """Step fields hold plain text in this case (escapes in step fields have their own test below); the problem
    statement a megabyte."""
    def change(case: Case, _ids: Any) -> None:
        for record in case.steps.values():
            record.fields = {key: "plain field text" for key in record.fields}
        case.problem.what = MEGABYTE + case.problem.what

    ws.update_case(case_id, change, summary="plain fields")


def _app(ws: Workspace) -> RcaApp:
    return make_app(ws, today=TODAY, config=Config())


async def test_hostile_text_is_inert_on_every_screen(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws.json", user=mix(*TERMINAL[:2], MARKUP[1]))
    case_id = hostile_case(ws, TITLE, TODAY)
    _benign_fields(ws, case_id)
    hostile_case(ws, mix(*MARKUP, *HTML[:2]), TODAY, method="ishikawa")
    app = _app(ws)
    shots: dict[str, str] = {}
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        shots["home"] = app.export_screenshot()
        for key, name in (("f3", "my actions"), ("f9", "dashboard"), ("f1", "help")):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            shots[name] = app.export_screenshot()
            await pilot.press("escape")
            await pilot.pause()
        app.push_screen(CaseScreen(case_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        for step in ("d0", "d1", "d2", "d3", "d4", "d5", "d8"):
            screen.step_key = step
            await pilot.pause()
            await pilot.pause()
            shots[f"case {step}"] = app.export_screenshot()
        screen.step_key = "d4"
        await pilot.pause()
        tree = screen.query_one(WhyTree)
        tree.cause_tree.focus()
        for _ in range(6):
            await pilot.press("down")
        await pilot.press("t")  # the read-back of a chain of hostile causes
        await pilot.pause()
        shots["why-tree read-back"] = app.export_screenshot()
        other = Workspace(ws.path, user="[@click=app.quit]Eve[/]")
        other.update_case(case_id, lambda case, ids: setattr(case, "category_set", "8M"),
                          summary="[b]changed[/b] <script>")
        screen.check_external()  # the notice names who changed the case and what
        await pilot.pause(0.3)
        shots["changed elsewhere notice"] = app.export_screenshot()
        running = app.is_running
    leaks = {name: live_bytes(svg) for name, svg in shots.items() if live_bytes(svg)}
    framed = {name: "palette" in screen_text(svg) for name, svg in shots.items()}  # the footer is still drawn
    home = screen_text(shots["home"])
    figures("hostile text in the TUI", screens=len(shots), problem_megabytes=1, escapes_reaching_the_terminal=len(leaks),
            screens_cleared=sum(not ok for ok in framed.values()), markup_run=0 if "[@click=app.quit]" in home else 1)
    assert not leaks, leaks
    assert all(framed.values()), [name for name, ok in framed.items() if not ok]
    assert "[@click=app.quit]Q[/] [bold]B[/bold]" in home  # markup shown as typed, not run
    assert "[@click=app.quit]Eve[/] changed this case" in screen_text(shots["changed elsewhere notice"])
    assert running


async def test_a_step_field_holding_escapes_is_shown_inert(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws.json", user="tester")

    def build(case: Case, _ids: Any) -> None:
        case.step("d0").fields = {"symptom": "before " + "".join(TERMINAL) + " after"}
        case.current_step = "d0"

    ws.create_case(title="Plain title", method="8d", build=build)
    app = _app(ws)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.push_screen(CaseScreen("C-1"))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#field-symptom", TextArea)
        svg = app.export_screenshot()
    assert live_bytes(svg) is None, live_bytes(svg)


async def test_an_edit_dialog_prefilled_with_escapes_is_shown_inert(tmp_path: Path) -> None:
    from rca import causes

    ws = Workspace(tmp_path / "ws.json", user="tester")
    ws.create_case(title="Plain", method="5whys",
                   build=lambda case, ids: causes.add_cause(case, "P", "cause " + TERMINAL[2]))
    app = _app(ws)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.push_screen(CaseScreen("C-1"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        screen.step_key = "whys"
        await pilot.pause()
        screen.query_one(WhyTree).cause_tree.focus()
        await pilot.press("down")
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        svg = app.export_screenshot()
    assert live_bytes(svg) is None, live_bytes(svg)


async def test_the_changed_elsewhere_notice_is_inert(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws.json", user="tester")
    ws.create_case(title="Plain", method="8d")
    app = _app(ws)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(CaseScreen("C-1"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        other = Workspace(ws.path, user="Eve\x1b]0;pwned\x07")
        other.update_case("C-1", lambda case, ids: setattr(case, "category_set", "8M"),
                          summary="cause added: \x1b]52;c;ZWNobyBwd25lZA==\x07")  # OSC 52: writes the clipboard
        screen.check_external()
        await pilot.pause(0.3)
        svg = app.export_screenshot()
    assert "changed this case" in screen_text(svg)
    assert live_bytes(svg) is None, live_bytes(svg)
