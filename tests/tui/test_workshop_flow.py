"""Pilot tests of the workshop flows, asserting on the saved workspace (re-read from disk)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, OptionList, TextArea

from rca import causes
from rca.model import PROBLEM_NODE, Case, CauseStatus
from rca.store import Workspace
from rca.tui.app import RcaApp, make_app
from rca.tui.config import Config
from rca.tui.screens.case import CaseScreen
from rca.tui.screens.home import HomeScreen
from rca.tui.widgets.why_tree import WhyTree

TODAY = date(2026, 11, 26)


def app_for(ws: Workspace) -> RcaApp:
    return make_app(ws, today=TODAY, config=Config())


def saved(ws: Workspace, case_id: str = "C-1") -> Case:
    """The case as another process would read it from the file."""
    return Workspace(ws.path, user="someone-else").open().get_case(case_id)


async def open_case(pilot: Any, app: RcaApp, step: str | None = None) -> CaseScreen:
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CaseScreen)
    if step:
        screen.step_key = step
        await pilot.pause()
    return screen


async def test_new_case_dialog_creates_and_opens_the_case(workspace: Workspace) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#f-title", Input).value = "Bore diameter out of tolerance"
        app.screen.query_one("#f-what", TextArea).load_text("Bore 0.05 mm over on H-220")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    case = saved(workspace)
    assert case.title == "Bore diameter out of tolerance"
    assert case.method.value == "8d" and case.problem.what == "Bore 0.05 mm over on H-220"


async def test_home_filters_as_you_type_and_archives(workspace: Workspace) -> None:
    workspace.create_case(title="Bore diameter out of tolerance", method="8d")
    workspace.create_case(title="Forklift near-miss", method="ishikawa")
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("slash", *"fork")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter")  # leaves the filter for the table
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert saved(workspace, "C-2").archived


async def test_typed_text_is_saved_and_survives_moving_between_steps(workspace: Workspace) -> None:
    workspace.create_case(title="Bore", method="8d")
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, app, "d0")
        area = screen.query_one("#field-symptom", TextArea)
        area.focus()
        await pilot.press(*"3 housings NOK")
        await pilot.press("f8")  # next step flushes at once
        await pilot.pause()
        assert screen.step_key == "d1"
        assert saved(workspace).field("d0", "symptom") == "3 housings NOK"
        await pilot.press("f7")
        await pilot.pause()
        assert screen.query_one("#field-symptom", TextArea).text == "3 housings NOK"
    assert saved(workspace).current_step == "d0"


async def test_a_field_changed_elsewhere_keeps_both_texts(workspace: Workspace) -> None:
    workspace.create_case(title="Bore", method="8d")
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, app, "d0")
        other = Workspace(workspace.path, user="karim").open()

        def theirs(case: Case, _ids: Any) -> None:
            case.step("d0").fields = {"symptom": "their text"}

        other.update_case("C-1", theirs, summary="karim typed")
        area = screen.query_one("#field-symptom", TextArea)
        area.focus()
        await pilot.press(*"mine")
        screen.flush()
        await pilot.pause()
        assert "their text" in area.text and "mine" in area.text  # both kept on screen
    text = saved(workspace).field("d0", "symptom")
    assert text.startswith("their text") and text.endswith("mine")  # and both saved, nothing overwritten
    assert "typed at the same time by tester" in text


async def test_why_tree_flow_adds_verifies_roots_and_reads_back(workspace: Workspace) -> None:
    workspace.create_case(title="Bore diameter out of tolerance", method="5whys")
    app = app_for(workspace)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_case(pilot, app, "whys")
        tree_widget = screen.query_one(WhyTree)
        tree_widget.cause_tree.focus()
        await pilot.press("a", *"Spindle bearing worn", "enter")
        await pilot.pause()
        await pilot.press("a", *"No vibration monitoring", "enter")
        await pilot.pause()
        case = saved(workspace)
        first, second = causes.causes_only(case)
        assert [n.id for n in causes.why_chain(case, second.id)] == [PROBLEM_NODE, first.id, second.id]
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#f-evidence", TextArea).load_text("Vibration log: no entry since 2024")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r", "p", "t")
        await pilot.pause()
        readback = str(screen.query_one("#why-readback").render())
        assert "therefore" in readback
        await pilot.press("s", *"Coolant concentration low", "enter")
        await pilot.pause()
    case = saved(workspace)
    node = case.node(second.id)
    assert node.status is CauseStatus.VERIFIED and node.root and node.path is not None
    assert node.evidence[0].text == "Vibration log: no entry since 2024"
    sibling = [c for c in causes.causes_only(case) if c.text == "Coolant concentration low"][0]
    assert causes.parents(case, sibling.id)[0].id == first.id


async def test_delete_asks_then_undo_and_redo_restore(workspace: Workspace) -> None:
    def build(case: Case, _ids: Any) -> None:
        parent = causes.add_cause(case, PROBLEM_NODE, "Spindle worn")
        causes.add_cause(case, parent.id, "No PM")

    workspace.create_case(title="Bore", method="5whys", build=build)
    app = app_for(workspace)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_case(pilot, app, "whys")
        tree = screen.query_one(WhyTree).cause_tree
        tree.focus()
        await pilot.press("down", "down")  # the leaf "No PM"
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data == "K-2"
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [c.text for c in causes.causes_only(saved(workspace))] == ["Spindle worn"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [c.text for c in causes.causes_only(saved(workspace))] == ["Spindle worn", "No PM"]
        await pilot.press("ctrl+y")
        await pilot.pause()
    assert [c.text for c in causes.causes_only(saved(workspace))] == ["Spindle worn"]


async def test_workshop_mode_uses_the_projector_theme_and_a_timer(workspace: Workspace) -> None:
    workspace.create_case(title="Bore", method="8d")
    app = app_for(workspace)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_case(pilot, app, "d4")
        await pilot.press("f2")
        await pilot.pause()
        assert app.workshop and app.theme == "rca-projector" and app.has_class("-workshop")
        timer = screen.query_one("#step-timer")
        assert timer.display
        await pilot.press("f5")
        assert timer.running  # type: ignore[attr-defined]
        timer.remaining = 1  # type: ignore[attr-defined]
        timer._tick()  # type: ignore[attr-defined]
        await pilot.pause()
        assert timer.has_class("-over")
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme != "rca-projector"


async def test_steps_list_shows_gate_state(workspace: Workspace) -> None:
    workspace.create_case(title="Bore", method="8d")
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, app)
        steps = screen.query_one("#steps", OptionList)
        assert steps.option_count == 9
        assert "D1" in str(screen.query_one("#step-heading").render()) or screen.step_key == "d0"
        gate = str(screen.query_one("#gate").render())
        assert "Before this step is done" in gate


async def test_help_lists_binding_ids(workspace: Workspace, tmp_path: Path) -> None:
    workspace.create_case(title="Bore", method="5whys")
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, app, "whys")
        await pilot.press("f1")
        await pilot.pause()
        ids = {row[2] for row in app.screen.key_rows()}  # type: ignore[attr-defined]
        assert {"case.next_step", "app.workshop", "app.help"} <= ids


async def test_the_cause_graph_switches_between_why_tree_and_fishbone(workspace: Workspace) -> None:
    workspace.create_case(title="Bore", method="8d")
    app = app_for(workspace)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_case(pilot, app, "d4")
        assert screen.query(WhyTree)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not screen.query(WhyTree)
        from rca.tui.widgets.fishbone import FishboneEditor

        assert screen.query(FishboneEditor)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.query(WhyTree)
