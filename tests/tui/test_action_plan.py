"""The action plan of a case, driven with keys; assertions read the saved workspace."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Select, SelectionList, Static

from methods.base import StepDef, Tool
from rca import actions as plan
from rca import causes
from rca.model import ActionKind, ActionStatus, Case, Effectiveness
from rca.store import Workspace
from rca.tui.dialogs.action_dialogs import ActionDialog
from rca.tui.dialogs.form import FormDialog
from rca.tui.messages import CaseChanged
from rca.tui.session import CaseSession
from rca.tui.widgets.action_plan import MAX_ROWS, ActionPlan

SIZE = (120, 40)
TODAY = date.today()
PLAN = StepDef(key="act", title="Act", purpose="", tool=Tool.ACTION_PLAN)
CONTAINMENT = StepDef(key="d3", title="D3", purpose="", tool=Tool.ACTION_PLAN,
                      tool_options=(("kinds", "containment"),))


class ToolScreen(Screen[None]):
    def __init__(self, workspace: Workspace, case_id: str, step: StepDef) -> None:
        super().__init__()
        self.session = CaseSession(workspace, case_id)
        self.step = step

    def compose(self) -> ComposeResult:
        yield ActionPlan(self.session, self.step, id="step-tool")
        yield Footer()

    @on(CaseChanged)
    def _changed(self, event: CaseChanged) -> None:
        event.stop()


class Host(App[None]):
    def __init__(self, workspace: Workspace, case_id: str, step: StepDef = PLAN) -> None:
        super().__init__()
        self.workspace = workspace
        self.today = TODAY
        self._args = (workspace, case_id, step)

    def on_mount(self) -> None:
        self.push_screen(ToolScreen(*self._args))


def new_case(workspace: Workspace, build: Any = None) -> str:
    def fill(case: Case, ids: Any) -> None:
        bone = causes.add_category(case, "Machine", key="machine")
        worn = causes.add_cause(case, bone.id, "Spindle worn")
        causes.verify(case, worn.id, "vibration")
        causes.set_root(case, worn.id)
        causes.add_cause(case, bone.id, "Coolant too hot")
        if build is not None:
            build(case, ids)

    return workspace.create_case(title="Bore out of tolerance", method="ishikawa", build=fill).id


def three_actions(case: Case, ids: Any) -> None:
    plan.add_action(case, ids.next_action_id(), "Replace spindle bearing", owner="tester",
                    due=TODAY - timedelta(days=5), causes=["K-2"])
    plan.add_action(case, ids.next_action_id(), "Sort the stock", owner="Bob", due=TODAY + timedelta(days=3),
                    kind=ActionKind.CONTAINMENT)
    done = plan.add_action(case, ids.next_action_id(), "Train operators", owner="tester",
                           due=TODAY + timedelta(days=10))
    plan.set_status(done, ActionStatus.DONE, today=TODAY)


def saved(workspace: Workspace, case_id: str) -> Case:
    return Workspace(workspace.path).get_case(case_id)


def widget(app: App[Any]) -> ActionPlan:
    return app.screen.query_one(ActionPlan)


def shown_ids(app: App[Any]) -> list[str]:
    table = widget(app).table
    return [str(row.value) for row in table.rows]


async def select(pilot: Any, app: App[Any], action_id: str) -> None:
    widget(app)._select(action_id)
    await pilot.pause()


async def test_add_an_action_with_keys(workspace: Workspace) -> None:
    case_id = new_case(workspace)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActionDialog)
        await pilot.press(*"Replace spindle bearing", "tab", *"Marc", "tab", *"+7d", "tab", *"New bearing fitted")
        await pilot.press("tab", "tab")  # past the kind, into the causes
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space")  # the root cause, listed first
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert shown_ids(app) == [saved(workspace, case_id).actions[0].id]
    action = saved(workspace, case_id).actions[0]
    assert action.title == "Replace spindle bearing"
    assert action.owner == "Marc"
    assert action.due == TODAY + timedelta(days=7)
    assert action.deliverable == "New bearing fitted"
    assert action.kind is ActionKind.CORRECTIVE
    assert action.causes == ["K-2"]


async def test_a_bad_date_keeps_the_dialog_and_saves_nothing(workspace: Workspace) -> None:
    case_id = new_case(workspace)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Replace bearing", "tab", "tab", *"next tuesday", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionDialog)
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "due" in error and "not a date" in error
        assert app.screen.values()["title"] == "Replace bearing"  # what was typed is still there
    assert saved(workspace, case_id).actions == []


async def test_status_key_cycles_and_saves(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "A-1")
        await pilot.press("s")
        await pilot.pause()
        assert saved(workspace, case_id).action("A-1").status is ActionStatus.IN_PROGRESS
        await pilot.press("s")
        await pilot.pause()
        assert widget(app).selected_id() == "A-1"  # the cursor stays on the action
    action = saved(workspace, case_id).action("A-1")
    assert action.status is ActionStatus.DONE
    assert action.done_on == TODAY


async def test_edit_owner_due_and_status_in_the_form(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "A-2")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActionDialog)
        await pilot.press("tab")
        dialog.query_one("#f-owner").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"Alice", "tab")
        dialog.query_one("#f-due").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"01/12/2030")
        dialog.query_one("#f-status", Select).value = ActionStatus.CANCELLED.value
        await pilot.press("ctrl+s")
        await pilot.pause()
    action = saved(workspace, case_id).action("A-2")
    assert action.owner == "Alice"
    assert action.due == date(2030, 12, 1)
    assert action.status is ActionStatus.CANCELLED
    assert action.title == "Sort the stock"


async def test_effectiveness_check_dialog(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "A-3")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"Zero returns for 3 months", "tab", *"+90d", "tab")
        assert isinstance(app.focused, Select)
        await pilot.press("enter", "down", "enter")  # pending → effective
        await pilot.pause()
        await pilot.press("tab", *"No return since March (QA report 12)", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    check = saved(workspace, case_id).action("A-3").effectiveness
    assert check.criterion == "Zero returns for 3 months"
    assert check.planned == TODAY + timedelta(days=90)
    assert check.result is Effectiveness.EFFECTIVE
    assert check.evidence == "No return since March (QA report 12)"
    assert check.checked_on == TODAY
    assert plan.is_closed(saved(workspace, case_id).action("A-3"))


async def test_effectiveness_of_an_undone_action_is_refused(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "A-1")
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#f-result", Select).value = Effectiveness.EFFECTIVE.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "mark it done" in str(app.screen.query_one("#form-error", Static).render())
    assert saved(workspace, case_id).action("A-1").effectiveness.result is Effectiveness.PENDING


async def test_link_and_unlink_causes(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "A-1")
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space", "down", "space", "ctrl+s")  # untick K-2, tick K-3
        await pilot.pause()
    assert saved(workspace, case_id).action("A-1").causes == ["K-3"]


async def test_filters_sort_and_late_marks(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        assert shown_ids(app) == ["A-1", "A-2", "A-3"]  # by due date
        table = widget(app).table
        late_row = table.get_row("A-1")
        assert any("LATE 5d" in cell.plain for cell in late_row)  # in words, not only red
        await pilot.press("t")
        await pilot.pause()
        assert shown_ids(app) == ["A-1"]
        await pilot.press("t", "o")  # owner: the first one, Bob
        await pilot.pause()
        assert shown_ids(app) == ["A-2"]
        await pilot.press("o")
        await pilot.pause()
        assert shown_ids(app) == ["A-1", "A-3"]  # tester
        await pilot.press("o", "f")  # every owner again; status: open
        await pilot.pause()
        assert shown_ids(app) == ["A-1", "A-2"]
        await pilot.press("f", "f", "f")  # planned, in progress, done
        await pilot.pause()
        assert shown_ids(app) == ["A-3"]
        await pilot.press("f", "f", "f")  # not closed, cancelled, all
        await pilot.pause()
        assert shown_ids(app) == ["A-1", "A-2", "A-3"]
        await pilot.press("S", "S", "S")  # most late first, status, owner
        await pilot.pause()
        assert shown_ids(app) == ["A-2", "A-1", "A-3"]
        bar = str(widget(app).query_one("#plan-filters", Static).render())
        assert "owner" in bar and "1 LATE" in bar


async def test_step_kinds_filter_and_default_kind(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id, CONTAINMENT)
    async with app.run_test(size=SIZE) as pilot:
        assert shown_ids(app) == ["A-2"]
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#f-kind", Select).value == "containment"
        await pilot.press(*"Quarantine lot 42", "ctrl+s")
        await pilot.pause()
        assert shown_ids(app) == ["A-2", "A-4"]
        await pilot.press("k")
        await pilot.pause()
        assert len(shown_ids(app)) == 4
    assert saved(workspace, case_id).action("A-4").kind is ActionKind.CONTAINMENT


async def test_evidence_is_recorded(workspace: Workspace) -> None:
    case_id = new_case(workspace, three_actions)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, "A-3")
        await pilot.press("v")
        await pilot.pause()
        await pilot.press(*"Attendance sheet in QMS", "ctrl+s")
        await pilot.pause()
    evidence = saved(workspace, case_id).action("A-3").evidence
    assert [e.text for e in evidence] == ["Attendance sheet in QMS"]
    assert evidence[0].by == "tester"


async def test_markup_in_user_text_is_not_interpreted(workspace: Workspace) -> None:
    def build(case: Case, ids: Any) -> None:
        plan.add_action(case, ids.next_action_id(), "[bold]Sort[/bold] [link=x]stock", owner="[red]Bob")

    case_id = new_case(workspace, build)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cells = [cell.plain for cell in widget(app).table.get_row("A-1")]
        assert "[bold]Sort[/bold] [link=x]stock" in cells
        assert "[red]Bob" in cells


async def test_a_huge_plan_is_capped_and_says_so(workspace: Workspace) -> None:
    def build(case: Case, ids: Any) -> None:
        for number in range(MAX_ROWS + 40):
            plan.add_action(case, ids.next_action_id(), f"action {number}", owner="tester")

    case_id = new_case(workspace, build)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert widget(app).table.row_count == MAX_ROWS
        bar = str(widget(app).query_one("#plan-filters", Static).render())
        assert f"{MAX_ROWS + 40} of {MAX_ROWS + 40}" in bar
        assert f"first {MAX_ROWS}" in bar


async def test_keys_are_in_the_footer_with_ids_and_tooltips(workspace: Workspace) -> None:
    for binding in ActionPlan.BINDINGS:
        assert binding.id and binding.id.startswith("plan.")  # type: ignore[union-attr]
        assert binding.tooltip  # type: ignore[union-attr]
    case_id = new_case(workspace)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"add", "edit", "cycle_status", "check", "link"} <= shown
        assert isinstance(widget(app).table, DataTable)


async def test_through_the_app_case_screen(workspace: Workspace) -> None:
    from rca.tui.app import make_app

    def build(case: Case, _ids: Any) -> None:
        case.current_step = "act"

    case_id = new_case(workspace, build)
    app = make_app(Workspace(workspace.path, user="tester").open(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "tab")  # open the case, then from the steps to the plan
        await pilot.pause()
        assert app.screen.query_one(ActionPlan).table.has_focus
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Replace spindle bearing", "tab", *"Marc", "tab", *"+14d", "ctrl+s")
        await pilot.pause()
        assert app.screen.query_one(ActionPlan).table.row_count == 1
    action = saved(workspace, case_id).actions[0]
    assert (action.title, action.owner, action.due) == ("Replace spindle bearing", "Marc", TODAY + timedelta(14))


async def test_a_refusal_quoting_markup_is_shown_as_typed(workspace: Workspace) -> None:
    case_id = new_case(workspace)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Sort", "tab", "tab", *"[/b] [red]", "ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "'[/b] [red]' is not a date" in error
    assert saved(workspace, case_id).actions == []
