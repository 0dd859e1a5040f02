"""The indicators panel, driven with keys; assertions read the saved workspace."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Select, Static

from methods.base import StepDef, Tool
from rca.model import Case, Direction, Indicator, Measurement
from rca.store import Workspace
from rca.tui.dialogs.form import FormDialog
from rca.tui.messages import CaseChanged
from rca.tui.session import CaseSession
from rca.tui.widgets.indicators import IndicatorChart, IndicatorPanel

SIZE = (120, 40)
TODAY = date.today()
STEP = StepDef(key="measure", title="Measure", purpose="", tool=Tool.INDICATOR)


class ToolScreen(Screen[None]):
    def __init__(self, workspace: Workspace, case_id: str) -> None:
        super().__init__()
        self.session = CaseSession(workspace, case_id)

    def compose(self) -> ComposeResult:
        yield IndicatorPanel(self.session, STEP, id="step-tool")
        yield Footer()

    @on(CaseChanged)
    def _changed(self, event: CaseChanged) -> None:
        event.stop()


class Host(App[None]):
    def __init__(self, workspace: Workspace, case_id: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.today = TODAY
        self._args = (workspace, case_id)

    def on_mount(self) -> None:
        self.push_screen(ToolScreen(*self._args))


def new_case(workspace: Workspace, indicators: list[Indicator] | None = None) -> str:
    def fill(case: Case, _ids: Any) -> None:
        case.indicators = list(indicators or [])

    return workspace.create_case(title="Scrap on line 3", method="dmaic", build=fill).id


def scrap_rate() -> Indicator:
    measured = [Measurement(on=TODAY - timedelta(days=40 - 10 * i), value=v) for i, v in enumerate([4.2, 3.1, 1.8])]
    return Indicator(id="I-1", name="Scrap rate", unit="%", target=1.0, baseline=4.0, measurements=measured)


def saved(workspace: Workspace, case_id: str) -> Case:
    return Workspace(workspace.path).get_case(case_id)


def panel(app: App[Any]) -> IndicatorPanel:
    return app.screen.query_one(IndicatorPanel)


async def test_add_an_indicator_with_keys(workspace: Workspace) -> None:
    case_id = new_case(workspace)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Customer returns", "tab", *"ppm", "tab", *"50", "tab", *"+90d", "tab")
        assert isinstance(app.focused, Select)
        await pilot.press("tab", *"1 250,5", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert panel(app).current == "I-1"
    indicator = saved(workspace, case_id).indicators[0]
    assert (indicator.id, indicator.name, indicator.unit) == ("I-1", "Customer returns", "ppm")
    assert indicator.target == 50
    assert indicator.target_date == TODAY + timedelta(days=90)
    assert indicator.better is Direction.LOWER
    assert indicator.baseline == 1250.5


async def test_a_bad_number_names_the_field_and_saves_nothing(workspace: Workspace) -> None:
    case_id = new_case(workspace)
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Returns", "tab", "tab", *"fifty", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "target" in error and "not a number" in error
    assert saved(workspace, case_id).indicators == []


async def test_add_a_measurement_with_a_decimal_comma(workspace: Workspace) -> None:
    case_id = new_case(workspace, [scrap_rate()])
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("tab", *"0,8", "tab", *"after the new bearing", "tab", *"control", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert panel(app).query_one("#ind-measurements").row_count == 4  # type: ignore[attr-defined]
    latest = saved(workspace, case_id).indicators[0].latest()
    assert latest is not None
    assert (latest.on, latest.value, latest.note, latest.phase) == (TODAY, 0.8, "after the new bearing", "control")


async def test_a_measurement_without_a_value_is_refused(workspace: Workspace) -> None:
    case_id = new_case(workspace, [scrap_rate()])
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "value" in str(app.screen.query_one("#form-error", Static).render())
    assert len(saved(workspace, case_id).indicators[0].measurements) == 3


async def test_edit_the_target_and_direction(workspace: Workspace) -> None:
    case_id = new_case(workspace, [scrap_rate()])
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#f-target").value = "0.5"  # type: ignore[attr-defined]
        dialog.query_one("#f-better", Select).value = Direction.HIGHER.value
        await pilot.press("ctrl+s")
        await pilot.pause()
    indicator = saved(workspace, case_id).indicators[0]
    assert indicator.target == 0.5
    assert indicator.better is Direction.HIGHER
    assert len(indicator.measurements) == 3


async def test_the_chart_shows_values_and_the_target(workspace: Workspace) -> None:
    case_id = new_case(workspace, [scrap_rate()])
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chart = panel(app).query_one(IndicatorChart)
        drawn = chart.render().plain  # type: ignore[union-attr]
        assert "Scrap rate" in drawn
        assert "target" in drawn and "measured" in drawn and "baseline" in drawn
        status = [cell.plain for cell in panel(app).query_one("#ind-table").get_row("I-1")]  # type: ignore[attr-defined]
        assert any("off target" in cell for cell in status)


async def test_switching_indicator_follows_the_cursor(workspace: Workspace) -> None:
    second = Indicator(id="I-2", name="Downtime", unit="min", measurements=[Measurement(on=TODAY, value=12)])
    case_id = new_case(workspace, [scrap_rate(), second])
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        assert panel(app).current == "I-1"
        await pilot.press("down")
        await pilot.pause()
        assert panel(app).current == "I-2"
        assert panel(app).query_one("#ind-measurements").row_count == 1  # type: ignore[attr-defined]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("tab", *"9", "ctrl+s")
        await pilot.pause()
    case = saved(workspace, case_id)
    assert len(case.indicator("I-2").measurements) == 2
    assert len(case.indicator("I-1").measurements) == 3


async def test_delete_a_measurement_asks_first(workspace: Workspace) -> None:
    case_id = new_case(workspace, [scrap_rate()])
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        panel(app).query_one("#ind-measurements").focus()
        await pilot.pause()
        await pilot.press("delete")  # the newest first
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(saved(workspace, case_id).indicators[0].measurements) == 3
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert [m.value for m in saved(workspace, case_id).indicators[0].measurements] == [4.2, 3.1]


async def test_user_text_is_shown_as_typed(workspace: Workspace) -> None:
    odd = Indicator(id="I-1", name="[red]ppm[/red] \x1b[31m", unit="[b]", measurements=[])
    case_id = new_case(workspace, [odd])
    app = Host(workspace, case_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cells = [cell.plain for cell in panel(app).query_one("#ind-table").get_row("I-1")]  # type: ignore[attr-defined]
        assert any("[red]ppm[/red]" in cell for cell in cells)
        assert not any("\x1b" in cell for cell in cells)
