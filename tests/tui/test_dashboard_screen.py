"""The follow-up dashboard screen, mounted in a tiny app: what it shows, reloading, archived cases."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.widgets import DataTable, Static, TabbedContent

from rca.model import Action, Case
from rca.tui.screens.dashboard import DashboardScreen, TrendChart

TODAY = date(2026, 11, 26)
SIZE = (140, 40)


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def cases() -> list[Case]:
    c1 = Case(id="C-1", title="Bore out of tolerance", method="8d", actions=[
        Action(id="A-1", title="Fix the jig", owner="Ana", due=d(11, 10), status="done", done_on=d(11, 9),
               created_on=d(11, 2), effectiveness={"result": "effective", "evidence": "0 returns"}),
        Action(id="A-2", title="Train the shift", owner="Ben", due=d(11, 18), status="in progress",
               created_on=d(11, 3)),
        Action(id="A-3", title="Update the PM plan", owner="Ben", due=d(12, 10), created_on=d(11, 24)),
        Action(id="A-4", title="Poka-yoke", owner="Ana", due=d(11, 15), status="done", done_on=d(11, 12),
               created_on=d(11, 5), effectiveness={"planned": d(11, 20), "criterion": "no mix-up"}),
    ])
    old = Case(id="C-2", title="Archived [bold]case[/bold]", method="5whys", archived=True, actions=[
        Action(id="A-5", title="Old late action", owner="Cleo", due=d(10, 1), created_on=d(9, 1)),
    ])
    return [c1, old]


class FakeWorkspace:
    """What the screen reads from the store."""

    def __init__(self) -> None:
        self.cases = cases()
        self.reads = 0

    def list_cases(self, *, include_archived: bool = True) -> list[Case]:
        self.reads += 1
        return [c for c in self.cases if include_archived or not c.archived]


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.workspace = FakeWorkspace()
        self.today = TODAY

    def on_mount(self) -> None:
        self.push_screen(DashboardScreen())


def rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def settle(app: Host, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_dashboard_shows_the_figures() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        summary = str(screen.query_one("#dash-summary", Static).render())
        assert "1 cases · 4 actions · archived cases left out" in summary
        assert "closed 1 (25%) · in progress 1 (25%) · late 1 (25%) · not started 1 (25%)" in summary
        assert "on-time closure 100% · effectiveness 100% (1 of 1 checked) · checks overdue 1" in summary

        assert rows(screen.query_one("#dash-case", DataTable)) == [
            ["C-1", "Bore out of tolerance", "4", "1 (25%)", "1 (25%)", "1 (25%)", "1 (25%)", "100%", "100%", "1"]]
        assert rows(screen.query_one("#dash-owner", DataTable)) == [
            ["Ana", "2", "1 (50%)", "1 (50%)", "0 (0%)", "0 (0%)", "100%", "100%", "1"],
            ["Ben", "2", "0 (0%)", "0 (0%)", "1 (50%)", "1 (50%)", "—", "—", "0"]]
        assert rows(screen.query_one("#dash-method", DataTable))[0][0] == "8D"
        steps = rows(screen.query_one("#dash-steps", DataTable))
        assert len(steps) == 1 and steps[0][0].startswith("8D · ") and steps[0][1] == "1"
        weeks = rows(screen.query_one("#dash-week-table", DataTable))
        assert len(weeks) == 8 and weeks[-1] == ["2026-11-23", "1", "0", "1"]
        assert weeks[-3] == ["2026-11-09", "0", "2", "0"]
        checks = str(screen.query_one("#dash-checks-text", Static).render())
        assert "C-1 · A-4 Poka-yoke — Ana, check planned 2026-11-20" in checks

        screen.query_one(TabbedContent).active = "tab-trends"
        await pilot.pause()
        assert screen.query_one(TrendChart).size.height > 0


async def test_archived_cases_and_reloading() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reads = app.workspace.reads
        await pilot.press("a")
        await settle(app, pilot)
        screen = app.screen
        assert app.workspace.reads == reads + 1
        summary = str(screen.query_one("#dash-summary", Static).render())
        assert "2 cases · 5 actions · archived cases included" in summary
        case_rows = rows(screen.query_one("#dash-case", DataTable))
        assert [r[0] for r in case_rows] == ["C-1", "C-2"]
        assert case_rows[1][1] == "Archived [bold]case[/bold]"  # user text shown as typed, not as markup

        app.workspace.cases[0].actions[1].status = "done"  # someone else finishes A-2
        app.workspace.cases[0].actions[1].done_on = d(11, 25)
        await pilot.press("r")
        await settle(app, pilot)
        assert "late 1 (20%)" in str(screen.query_one("#dash-summary", Static).render())  # only C-2's A-5 now

        await pilot.press("escape")  # the only screen above the default one: it closes
        await pilot.pause()
        assert not isinstance(app.screen, DashboardScreen)
