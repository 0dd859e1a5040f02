"""My actions across the workspace: late first, a few keys per update, each one transaction."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual.app import App
from textual.widgets import Select, Static

from rca import actions as plan
from rca.model import ActionKind, ActionStatus, Case, Effectiveness
from rca.store import Workspace
from rca.tui.dialogs.action_dialogs import ChoiceDialog
from rca.tui.dialogs.form import FormDialog
from rca.tui.screens.my_actions import MyActionsScreen
from rca.tui.widgets.action_plan import MAX_ROWS

SIZE = (120, 40)
TODAY = date.today()


class Host(App[None]):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.today = TODAY
        self.opened: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(MyActionsScreen())

    def on_my_actions_screen_open_case(self, event: MyActionsScreen.OpenCase) -> None:
        self.opened.append(event.case_id)


def two_cases(workspace: Workspace) -> None:
    def first(case: Case, ids: Any) -> None:
        plan.add_action(case, ids.next_action_id(), "Write the gauge SOP", owner="tester", due=TODAY + timedelta(3))
        plan.add_action(case, ids.next_action_id(), "Replace the bearing", owner="Tester ", due=TODAY - timedelta(10))
        plan.add_action(case, ids.next_action_id(), "Sort the stock", owner="Bob", due=TODAY - timedelta(2),
                        kind=ActionKind.CONTAINMENT)

    def second(case: Case, ids: Any) -> None:
        plan.add_action(case, ids.next_action_id(), "Train the night shift", owner="tester",
                        due=TODAY - timedelta(2))
        closed = plan.add_action(case, ids.next_action_id(), "Fix the guard", owner="tester")
        plan.set_status(closed, ActionStatus.DONE)
        plan.record_effectiveness(closed, Effectiveness.EFFECTIVE, evidence="no incident")
        cancelled = plan.add_action(case, ids.next_action_id(), "Buy a new press", owner="tester")
        plan.set_status(cancelled, ActionStatus.CANCELLED)

    workspace.create_case(title="Bore out of tolerance", method="8d", build=first)
    workspace.create_case(title="Guard [red]missing[/red]", method="5whys", build=second)


def screen(app: App[Any]) -> MyActionsScreen:
    assert isinstance(app.screen, MyActionsScreen)
    return app.screen


def shown(app: App[Any]) -> list[str]:
    return [str(row.value) for row in screen(app).query_one("#mine-table").rows]  # type: ignore[attr-defined]


def saved_action(workspace: Workspace, action_id: str) -> Any:
    return Workspace(workspace.path).find_action(action_id)[1]


async def test_mine_by_default_late_first(workspace: Workspace) -> None:
    two_cases(workspace)
    app = Host(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app) == ["A-2", "A-4", "A-1"]  # closed and cancelled ones are not listed
        bar = str(screen(app).query_one("#mine-filters", Static).render())
        assert "tester" in bar and "2 LATE" in bar
        cells = [c.plain for c in screen(app).query_one("#mine-table").get_row("A-4")]  # type: ignore[attr-defined]
        assert "LATE 2d" in cells
        assert any("Guard [red]missing[/red]" in cell for cell in cells)  # user text inert


async def test_done_and_in_progress_in_one_key(workspace: Workspace) -> None:
    two_cases(workspace)
    app = Host(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")  # A-2, the first row
        await pilot.pause()
        assert saved_action(workspace, "A-2").status is ActionStatus.IN_PROGRESS
        await pilot.press("down", "d")
        await pilot.pause()
        assert screen(app).selected_id() == "A-4"
        assert shown(app) == ["A-2", "A-4", "A-1"]  # done but not checked yet: still listed
    done = saved_action(workspace, "A-4")
    assert done.status is ActionStatus.DONE and done.done_on == TODAY
    assert Workspace(workspace.path).get_case("C-2").audit[-1].by == "tester"


async def test_evidence_and_effectiveness(workspace: Workspace) -> None:
    two_cases(workspace)
    app = Host(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "d", "v")
        await pilot.pause()
        await pilot.press(*"Training records, 12 people", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"No night-shift incident for 2 months", "tab", *"+60d", "tab")
        app.screen.query_one("#f-result", Select).value = Effectiveness.NOT_EFFECTIVE.value
        await pilot.press("tab", *"Incident on 3 May", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MyActionsScreen)
    action = saved_action(workspace, "A-4")
    assert [e.text for e in action.evidence] == ["Training records, 12 people"]
    assert action.effectiveness.result is Effectiveness.NOT_EFFECTIVE
    assert action.effectiveness.criterion == "No night-shift incident for 2 months"
    assert action.effectiveness.planned == TODAY + timedelta(days=60)
    assert action.effectiveness.evidence == "Incident on 3 May"


async def test_a_refused_result_keeps_the_dialog(workspace: Workspace) -> None:
    two_cases(workspace)
    app = Host(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")  # A-2 is not done
        await pilot.pause()
        app.screen.query_one("#f-result", Select).value = Effectiveness.EFFECTIVE.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "mark it done" in str(app.screen.query_one("#form-error", Static).render())
    assert saved_action(workspace, "A-2").effectiveness.result is Effectiveness.PENDING


async def test_all_owners_another_owner_late_only_and_closed(workspace: Workspace) -> None:
    two_cases(workspace)
    app = Host(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert shown(app) == ["A-2", "A-3", "A-4", "A-1"]  # are both 2 days late: by case
        await pilot.press("t")
        await pilot.pause()
        assert shown(app) == ["A-2", "A-3", "A-4"]
        await pilot.press("t", "o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # tester (6 actions) first, then Bob
        await pilot.pause()
        assert shown(app) == ["A-3"]
        await pilot.press("a")  # everyone's
        await pilot.pause()
        assert screen(app).owner is None
        await pilot.press("a", "h")  # back to mine, with closed and cancelled ones
        await pilot.pause()
        assert sorted(shown(app)) == ["A-1", "A-2", "A-4", "A-5", "A-6"]


async def test_enter_asks_the_app_to_open_the_case(workspace: Workspace) -> None:
    two_cases(workspace)
    app = Host(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.opened == ["C-2"]


async def test_a_big_workspace_is_capped_and_says_so(workspace: Workspace) -> None:
    def many(case: Case, ids: Any) -> None:
        for number in range(MAX_ROWS + 25):
            plan.add_action(case, ids.next_action_id(), f"action {number}", owner="tester",
                            due=TODAY - timedelta(days=number % 30))

    workspace.create_case(title="Big", method="8d", build=many)
    app = Host(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = screen(app).query_one("#mine-table")
        assert table.row_count == MAX_ROWS  # type: ignore[attr-defined]
        bar = str(screen(app).query_one("#mine-filters", Static).render())
        assert "25 more" in bar


async def test_through_the_app_f3_then_done(workspace: Workspace) -> None:
    from rca.tui.app import make_app

    two_cases(workspace)
    app = make_app(Workspace(workspace.path, user="tester").open(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert shown(app) == ["A-2", "A-4", "A-1"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MyActionsScreen)
    assert saved_action(workspace, "A-2").status is ActionStatus.DONE
