"""Home: the cases, filtered as you type; open, start, archive."""

from __future__ import annotations

import contextlib
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from methods.registry import all_methods
from rca.errors import RcaError
from rca.i18n import _
from rca.model import Case
from rca.summary import case_summary
from rca.textout import clip, inert
from rca.tui.dialogs.form import ConfirmDialog, FieldSpec, FormDialog

MAX_ROWS = 500
"""The table shows at most this many cases; the filter finds the rest (DataTable slows past ~1,000 rows)."""


class HomeScreen(Screen[None]):
    """The list of cases."""

    AUTO_FOCUS = "#home-table"
    BINDINGS = [
        Binding("n", "new_case", _("New case"), id="home.new", tooltip=_("Start a case: method, title, problem")),
        Binding("enter", "open_case", _("Open"), id="home.open", tooltip=_("Open the selected case")),
        Binding("slash", "focus_filter", _("Filter"), id="home.filter",
                tooltip=_("Filter by id, title, method, leader (as you type)")),
        Binding("a", "archive", _("Archive"), id="home.archive", tooltip=_("Archive or restore the selected case")),
        Binding("h", "toggle_archived", _("Show archived"), id="home.show_archived",
                tooltip=_("Show or hide archived cases")),
        Binding("escape", "clear_filter", _("Clear filter"), id="home.clear_filter", show=False,
                tooltip=_("Clear the filter")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_archived = False
        self.summaries: list[dict[str, Any]] = []
        self._filled_width = 0
        self._summary_cache: dict[tuple[str, int], dict[str, Any]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=_("Filter cases: type an id, words of the title, a method, a leader…"),
                    id="home-filter")
        yield DataTable(id="home-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="home-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.app.workspace.path.name  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        table.add_columns(_("id"), _("title"), _("current step"), _("progress"), _("late"), _("open"),
                          _("method"), _("leader"))
        table.focus()  # the list itself is read on resume, which Textual sends right after the first mount

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        if self.summaries and event.size.width != self._filled_width:
            self.fill()

    def reload(self, select: str | None = None) -> None:
        """Read the cases again (someone else may have changed them) and re-fill the table."""
        try:
            cases = self.app.workspace.list_cases(include_archived=True)  # type: ignore[attr-defined]
        except RcaError as error:
            self.notify(inert(str(error)), severity="error", markup=False, timeout=15)
            cases = []
        today = self.app.today  # type: ignore[attr-defined]
        # A case's row changes only with its version (or the day): back from a case, one row is recomputed.
        cache = {key: row for key, row in self._summary_cache.items() if row.get("_day") == today}
        self.summaries = []
        for case in cases:
            key = (case.id, case.version)
            if key not in cache:
                cache[key] = {**case_summary(case, today), "_day": today}
            self.summaries.append(cache[key])
        self._summary_cache = cache
        self.fill(select)

    def matching(self) -> list[dict[str, Any]]:
        words = self.query_one("#home-filter", Input).value.casefold().split()
        rows = []
        for summary in self.summaries:
            if summary["archived"] and not self.show_archived:
                continue
            haystack = " ".join(str(summary[k]) for k in ("id", "title", "method_label", "leader",
                                                         "step_label", "status")).casefold()
            if all(word in haystack for word in words):
                rows.append(summary)
        return rows

    def fill(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        current = select or self.selected_id()
        table.clear()
        rows = self.matching()
        self._filled_width = self.size.width
        room = max(24, self.size.width - 72)  # the title gets what the other columns leave
        for summary in rows[:MAX_ROWS]:
            late = Text(str(summary["late_actions"]), style="bold red" if summary["late_actions"] else "")
            title = Text(clip(summary["title"], room))
            if summary["archived"]:
                title.append("  " + _("(archived)"), style="dim")
            table.add_row(summary["id"], title, Text(clip(summary["step_label"], 26)), summary["progress_label"],
                          late, str(summary["open_actions"]), summary["method_label"],
                          Text(inert(summary["leader"] or "—")), key=summary["id"])
        hidden = len(rows) - min(len(rows), MAX_ROWS)
        status = _("{shown} of {total} cases", shown=min(len(rows), MAX_ROWS), total=len(self.summaries))
        if hidden:
            status += " · " + _("{hidden} more: type in the filter to find them", hidden=hidden)
        if not self.summaries:
            status = _("No cases yet: press n to start one.")
        self.query_one("#home-status", Static).update(status)
        if current:
            with contextlib.suppress(Exception):  # the row is filtered out: keep the cursor where it is
                table.move_cursor(row=table.get_row_index(current))

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:
            return None
        return str(key.value) if key.value else None

    @on(Input.Changed, "#home-filter")
    def _filter_changed(self) -> None:
        self.fill()

    @on(Input.Submitted, "#home-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open_case()

    def action_focus_filter(self) -> None:
        self.query_one("#home-filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#home-filter", Input).value = ""
        self.query_one(DataTable).focus()

    def action_open_case(self) -> None:
        case_id = self.selected_id()
        if case_id:
            self.open_case(case_id)

    def open_case(self, case_id: str) -> None:
        from rca.tui.screens.case import CaseScreen

        try:
            screen = CaseScreen(case_id)
        except RcaError as error:
            self.notify(inert(str(error)), severity="error", markup=False)
            return
        self.app.push_screen(screen)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.fill()

    @work(exclusive=True, group="archive")
    async def action_archive(self) -> None:
        case_id = self.selected_id()
        if not case_id:
            return
        summary = next(s for s in self.summaries if s["id"] == case_id)
        archive = not summary["archived"]
        if archive:
            question = _("Archive {case} \u201c{title}\u201d? It stays in the workspace and can be restored (h "
                         "shows archived cases).", case=case_id, title=summary["title"])
            if not await self.app.push_screen_wait(ConfirmDialog(question)):
                return

        def change(case: Case, _ids: Any) -> None:
            case.archived = archive

        try:
            self.app.workspace.update_case(  # type: ignore[attr-defined]
                case_id, change, summary=_("case archived") if archive else _("case restored"))
        except RcaError as error:
            self.notify(inert(str(error)), severity="error", markup=False)
            return
        self.notify(_("{case} archived") if archive else _("{case} restored"), timeout=3)
        self.reload(select=case_id)

    def action_new_case(self) -> None:
        methods = [(f"{_(m.name)} — {_(m.summary)}", m.method.value) for m in all_methods()]
        created: list[str] = []

        def submit(values: dict[str, str]) -> str | None:
            if not values.get("method"):
                return _("method: pick the method the team will follow")
            title = values.get("title", "").strip()
            if not title:
                return _("title: give the case a short name, e.g. \u201cBore diameter out of tolerance\u201d")
            what = values.get("what", "").strip()

            def fill(case: Case, _ids: Any) -> None:
                if what:
                    case.problem.what = what

            case = self.app.workspace.create_case(  # type: ignore[attr-defined]
                title=title, method=values["method"], build=fill)
            created.append(case.id)
            return None

        def opened(values: dict[str, str] | None) -> None:
            if created:
                self.reload(select=created[0])
                self.open_case(created[0])

        fields = [
            FieldSpec("method", _("Method"), "8d", kind="select", options=methods),
            FieldSpec("title", _("Title"), placeholder=_("A short name for the problem")),
            FieldSpec("what", _("Problem statement (what is wrong)"), kind="text",
                      help=_("Facts, not causes: what, where, when, how many. You can complete it later.")),
        ]
        self.app.push_screen(FormDialog(_("New case"), fields, submit), opened)
