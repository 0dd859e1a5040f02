"""The follow-up dashboard: what is late, what worked, what keeps coming back, for the weekly review.

Reads ``self.app.workspace`` and ``self.app.today``; the figures come from ``rca.followup`` (computed in a
thread: gate evaluation over hundreds of cases takes a moment). Each grouping is a tab; the weekly trend is
a textual-plotext chart. ``r`` reads the workspace again, ``a`` includes or leaves out archived cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from rca.actions import Bucket, Progress
from rca.errors import RcaError
from rca.followup import CheckItem, Dashboard, Group, Week, build_dashboard
from rca.i18n import _, format_date, format_percent, language
from rca.measurements import proposal_text
from rca.model import Case
from rca.textout import inert

MAX_ROWS = 500
"""Rows per table at most (DataTable slows past ~1,000 rows); ``rca dashboard --json`` has them all."""
TITLE_WIDTH = 36
"""The case title column's width: the figures stay on screen at 120 columns."""
OPENED_COLOR = "cyan"
DONE_COLOR = "green"
LATE_COLOR = "red"


def step_of(case: Case) -> tuple[str, str]:
    """The step a case is on: the first whose gate does not pass."""
    from methods.registry import evaluate

    try:
        nxt = evaluate(case).next_step
    except (RcaError, ImportError):  # a method whose definition is missing: count the case, do not fail
        return "?", _("unknown step")
    return (nxt.step.key, _(nxt.step.title)) if nxt else ("done", _("all gates passed"))


def short_date(day: date) -> str:
    """Day and month only, as the language writes them (a chart's tick)."""
    return day.strftime("%d/%m") if language() == "fr" else day.strftime("%m-%d")


def share(count: int, progress: Progress, bucket: str) -> str:
    return f"{count} ({format_percent(progress.share(bucket))})"


def progress_cells(p: Progress) -> list[str | Text]:
    late = Text(share(p.late, p, Bucket.LATE), style="bold red" if p.late else "")
    overdue = Text(str(p.checks_overdue), style="bold red" if p.checks_overdue else "")
    return [str(p.counted), share(p.closed, p, Bucket.CLOSED), share(p.in_progress, p, Bucket.IN_PROGRESS), late,
            share(p.not_started, p, Bucket.NOT_STARTED), format_percent(p.on_time_rate),
            format_percent(p.effectiveness_rate), overdue]


def summary_text(d: Dashboard, archived: bool) -> str:
    p = d.overall
    scope = _("archived cases included") if archived else _("archived cases left out (a to include them)")
    return "\n".join([
        _("{cases} cases · {actions} actions · {scope}", cases=d.cases, actions=p.counted, scope=scope),
        _("closed {closed} · in progress {progress} · late {late} · not started {todo}",
          closed=share(p.closed, p, Bucket.CLOSED), progress=share(p.in_progress, p, Bucket.IN_PROGRESS),
          late=share(p.late, p, Bucket.LATE), todo=share(p.not_started, p, Bucket.NOT_STARTED)),
        _("on-time closure {on_time} · effectiveness {effective} ({effective_n} of {checked} checked) · "
          "checks overdue {overdue}", on_time=format_percent(p.on_time_rate),
          effective=format_percent(p.effectiveness_rate), effective_n=p.effective, checked=p.checked,
          overdue=p.checks_overdue),
    ])


class TrendChart(PlotextPlot):
    """Actions opened and done per week, and the late count at each week's end."""

    def show(self, weeks: list[Week]) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(_("Actions per week"))
        if weeks:
            xs: list[float] = [float(n) for n in range(1, len(weeks) + 1)]
            plt.plot(xs, [w.opened for w in weeks], marker="dot", color=OPENED_COLOR, label=_("opened"))
            plt.plot(xs, [w.done for w in weeks], marker="dot", color=DONE_COLOR, label=_("done"))
            plt.plot(xs, [w.late for w in weeks], marker="dot", color=LATE_COLOR, label=_("late at week end"))
            plt.xticks(xs, [short_date(w.start) for w in weeks])
            top = max([w.opened for w in weeks] + [w.done for w in weeks] + [w.late for w in weeks] + [1])
            step = max(1, -(-top // 5))
            ticks: list[float] = [float(n) for n in range(0, top + step, step)]
            plt.ylim(0, ticks[-1])
            plt.yticks(ticks, [str(int(t)) for t in ticks])
        self.refresh()


class DashboardScreen(Screen[None]):
    """The coordinator's weekly review, across the workspace."""

    DEFAULT_CSS = """
    DashboardScreen #dash-summary { height: auto; padding: 0 1; background: $boost; }
    DashboardScreen TabbedContent { height: 1fr; }
    DashboardScreen DataTable { height: 1fr; }
    DashboardScreen TrendChart { height: 1fr; min-height: 12; }
    DashboardScreen #dash-week-table { height: auto; max-height: 12; }
    DashboardScreen #dash-checks { height: 1fr; padding: 0 1; }
    """

    BINDINGS = [
        Binding("r", "reload", _("Reload"), id="dashboard.reload",
                tooltip=_("Read the workspace again (others may have changed it)")),
        Binding("a", "toggle_archived", _("Archived"), id="dashboard.archived",
                tooltip=_("Include or leave out archived cases")),
        Binding("escape", "close", _("Back"), id="dashboard.close", tooltip=_("Back to the previous screen")),
    ]

    include_archived: reactive[bool] = reactive(False, init=False)
    """Whether archived cases count in the figures."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: Dashboard | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Reading the workspace…"), id="dash-summary")
        with TabbedContent(id="dash-tabs"):
            with TabPane(_("By case"), id="tab-case"):
                yield DataTable(id="dash-case", cursor_type="row", zebra_stripes=True)
            with TabPane(_("By owner"), id="tab-owner"):
                yield DataTable(id="dash-owner", cursor_type="row", zebra_stripes=True)
            with TabPane(_("By method"), id="tab-method"):
                yield DataTable(id="dash-method", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Cases per step"), id="tab-steps"):
                yield DataTable(id="dash-steps", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Trends"), id="tab-trends"):
                yield TrendChart(id="dash-trend")
                yield DataTable(id="dash-week-table", cursor_type="row")
            with TabPane(_("Checks"), id="tab-checks"), VerticalScroll(id="dash-checks"):
                yield Static("", id="dash-checks-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Follow-up dashboard")
        headings = [_("actions"), _("closed"), _("in progress"), _("late"), _("not started"), _("on time"),
                    _("effective"), _("checks overdue")]
        by_case = self.query_one("#dash-case", DataTable)
        by_case.add_column(_("case"))
        by_case.add_column(_("title"), width=TITLE_WIDTH)
        by_case.add_columns(*headings)
        self.query_one("#dash-owner", DataTable).add_columns(_("owner"), *headings)
        self.query_one("#dash-method", DataTable).add_columns(_("method"), *headings)
        self.query_one("#dash-steps", DataTable).add_columns(_("method · step"), _("open cases"))
        self.query_one("#dash-week-table", DataTable).add_columns(_("week of"), _("opened"), _("done"),
                                                                  _("late at week end"))
        self.load()

    @property
    def today(self) -> date:
        return self.app.today  # type: ignore[attr-defined,no-any-return]

    @work(thread=True, exclusive=True, group="dashboard")
    def load(self) -> None:
        """Read the cases and compute the figures off the UI thread."""
        try:
            cases = self.app.workspace.list_cases(include_archived=True)  # type: ignore[attr-defined]
            figures = build_dashboard(cases, self.today, step_of=step_of, include_archived=self.include_archived)
        except RcaError as error:
            self.app.call_from_thread(self.notify, inert(str(error)), severity="error", markup=False, timeout=15)
            return
        self.app.call_from_thread(self.show, figures)

    def show(self, figures: Dashboard) -> None:
        self.figures = figures
        self.query_one("#dash-summary", Static).update(Text(inert(summary_text(figures, self.include_archived))))
        self._fill_groups("#dash-case", figures.by_case, with_key=True)
        self._fill_groups("#dash-owner", figures.by_owner)
        self._fill_groups("#dash-method", figures.by_method)
        steps = self.query_one("#dash-steps", DataTable)
        steps.clear()
        for count in figures.steps[:MAX_ROWS]:
            steps.add_row(Text(inert(count.label)), str(count.cases), key=f"{count.method}:{count.step}")
        weeks = self.query_one("#dash-week-table", DataTable)
        weeks.clear()
        for week in figures.weeks:
            weeks.add_row(format_date(week.start), str(week.opened), str(week.done), str(week.late),
                          key=week.start.isoformat())
        self.query_one(TrendChart).show(figures.weeks)
        self.query_one("#dash-checks-text", Static).update(checks_text(figures))

    def _fill_groups(self, selector: str, groups: list[Group], *, with_key: bool = False) -> None:
        table = self.query_one(selector, DataTable)
        table.clear()
        for group in [g for g in groups if g.progress.total][:MAX_ROWS]:
            first: list[str | Text] = [group.key, Text(inert(group.label))] if with_key else [
                Text(inert(group.label))]
            table.add_row(*first, *progress_cells(group.progress), key=group.key or "-")

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette."""
        yield SystemCommand(_("Follow-up dashboard") + " · " + _("Reload"),
                            _("Read the workspace again (others may have changed it)"), self.action_reload)
        yield SystemCommand(_("Follow-up dashboard") + " · " + _("Archived"),
                            _("Include or leave out archived cases"), self.action_toggle_archived)

    def watch_include_archived(self) -> None:
        self.load()

    def action_reload(self) -> None:
        self.load()

    def action_toggle_archived(self) -> None:
        self.include_archived = not self.include_archived

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()


def checks_text(figures: Dashboard) -> Text:
    """Overdue effectiveness checks, then what the indicators say."""
    text = Text()

    def section(title: str, items: list[CheckItem], proposals: bool) -> None:
        text.append(title + "\n", style="bold")
        if not items:
            text.append("  " + _("none") + "\n", style="dim")
        for item in items[:MAX_ROWS]:
            action = item.action
            if proposals and item.proposed is not None:
                line = f"{item.case_id} · {proposal_text(action, item.proposed)}"
            else:
                line = _("{case} · {action} {title} — {owner}, check planned {date}", case=item.case_id,
                         action=action.id, title=action.title, owner=action.owner or "—",
                         date=format_date(action.effectiveness.planned))
            text.append("  " + " ".join(inert(line).split()) + "\n")
        text.append("\n")

    section(_("Effectiveness checks overdue"), figures.overdue_checks, proposals=False)
    section(_("What the indicators say"), figures.proposals, proposals=True)
    return text
