"""My actions: a team lead's actions across every case, late ones first, updated in a few keys.

Each edit is one workspace transaction on that action (``Workspace.update_action``), so two team leads
updating their actions in the same file at once never overwrite each other. The list reads the
workspace once, and again on ``r``; after an edit only that case's rows are refreshed. At most
``MAX_ROWS`` rows are listed: the rest are counted, and reached by filtering.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from rca import actions as plan
from rca.errors import RcaError
from rca.i18n import N_, _
from rca.model import Action, ActionStatus, Case
from rca.textout import inert
from rca.tui.dialogs.action_dialogs import (
    ChoiceDialog,
    add_evidence,
    apply_effectiveness,
    describe_action,
    effectiveness_dialog,
    evidence_dialog,
    quoted,
    today_of,
)
from rca.tui.widgets.action_plan import MAX_ROWS, action_cells, action_number, set_columns

if TYPE_CHECKING:
    from rca.store import Workspace

Pair = tuple[Case, Action]

MINE_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("id", N_("id"), 5),
    ("late", N_("late"), 9),
    ("title", N_("title"), 30),
    ("due", N_("due"), 10),
    ("status", N_("status"), 11),
    ("effectiveness", N_("effectiveness"), 18),
    ("case", N_("case"), 26),
    ("owner", N_("owner"), 12),
    ("kind", N_("kind"), 11),
)
"""The columns of the list, most needed first: key, heading, width."""


def late_first(today: date) -> Callable[[Pair], tuple[Any, ...]]:
    """Most days late first, then overdue effectiveness checks, then by due date (none last), case, number."""
    def key(pair: Pair) -> tuple[Any, ...]:
        case, action = pair
        return (-plan.days_late(action, today), not plan.check_overdue(action, today), action.due is None,
                action.due or date.max, case.number, action_number(action))

    return key


def still_to_do(action: Action) -> bool:
    """Neither closed (done and checked effective) nor cancelled: what an owner still has to act on."""
    return not plan.is_closed(action) and action.status is not ActionStatus.CANCELLED


class MyActionsScreen(Screen[None]):
    """The current user's actions (or one owner's, or everyone's) across the workspace."""

    DEFAULT_CSS = """
    MyActionsScreen #mine-filters { height: auto; padding: 0 1; background: $boost; }
    MyActionsScreen DataTable { height: 1fr; }
    MyActionsScreen #mine-detail {
        height: auto; max-height: 8; padding: 0 1; border-top: solid $accent; overflow-y: auto;
    }
    """

    BINDINGS = [
        Binding("escape", "close", _("Back"), id="mine.back", tooltip=_("Back to where you were")),
        Binding("d", "set_status('done')", _("Done"), id="mine.done", tooltip=_("Mark the action done")),
        Binding("p", "set_status('in progress')", _("In progress"), id="mine.in_progress",
                tooltip=_("Mark the action in progress")),
        Binding("v", "evidence", _("Evidence"), id="mine.evidence",
                tooltip=_("Record evidence that the action was done")),
        Binding("c", "check", _("Effectiveness"), id="mine.check",
                tooltip=_("Record the effectiveness check: criterion, date, result, evidence")),
        Binding("o", "pick_owner", _("Owner"), id="mine.owner", tooltip=_("Show another owner's actions")),
        Binding("a", "all_owners", _("All / mine"), id="mine.all",
                tooltip=_("Switch between your actions and everyone's")),
        Binding("t", "toggle_late", _("Late only"), id="mine.late", show=False,
                tooltip=_("Show only late actions, or all again")),
        Binding("h", "toggle_closed", _("Closed"), id="mine.closed", show=False,
                tooltip=_("Also show closed and cancelled actions")),
        Binding("enter", "open_case", _("Open case"), id="mine.open_case", show=False,
                tooltip=_("Open the case of the selected action")),
        Binding("r", "reload", _("Reload"), id="mine.reload", show=False,
                tooltip=_("Read the workspace again (changes saved by others)")),
    ]

    owner: reactive[str | None] = reactive(None, init=False)
    """Whose actions are listed; ``None`` for everyone's."""
    late_only: reactive[bool] = reactive(False, init=False)
    """Only late actions."""
    show_closed: reactive[bool] = reactive(False, init=False)
    """Also closed (done and checked effective) and cancelled actions."""

    class OpenCase(Message):
        """The user asked to open the case of an action (the app opens its case screen)."""

        def __init__(self, screen: MyActionsScreen, case_id: str, action_id: str) -> None:
            super().__init__()
            self.screen = screen
            self.case_id = case_id
            self.action_id = action_id

        @property
        def control(self) -> MyActionsScreen:
            return self.screen

    def __init__(self, workspace: Workspace | None = None, *, owner: str | None = None) -> None:
        super().__init__()
        self._workspace = workspace
        self._initial_owner = owner
        self.pairs: list[Pair] = []

    @property
    def workspace(self) -> Workspace:
        return self._workspace if self._workspace is not None else self.app.workspace  # type: ignore[attr-defined]

    @property
    def today(self) -> date:
        return today_of(self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="mine-filters")
        yield DataTable(id="mine-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="mine-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("My actions")
        self.set_reactive(MyActionsScreen.owner, self._initial_owner or self.workspace.user)
        self.load()

    # ------------------------------------------------------------ reading

    def load(self) -> None:
        """Read every action of the workspace again."""
        try:
            self.pairs = self.workspace.all_actions()
        except RcaError as error:
            self.notify(inert(str(error)), title=_("Cannot read the workspace"), severity="error", markup=False)
            self.pairs = []
        self.show()

    def shown_pairs(self) -> list[Pair]:
        today = self.today
        rows = self.pairs
        if self.owner is not None:
            rows = [(c, a) for c, a in rows if a.owner.strip().casefold() == self.owner.strip().casefold()]
        if not self.show_closed:
            rows = [(c, a) for c, a in rows if still_to_do(a)]
        if self.late_only:
            rows = [(c, a) for c, a in rows if plan.is_late(a, today)]
        return sorted(rows, key=late_first(today))

    def show(self) -> None:
        table = self.query_one("#mine-table", DataTable)
        current = self.selected_id()
        rows = self.shown_pairs()
        today = self.today
        set_columns(table, MINE_COLUMNS)
        table.clear()
        for case, action in rows[:MAX_ROWS]:
            cells = action_cells(action, today)
            cells["case"] = Text(f"{case.id} ", style="bold")
            cells["case"].append(" ".join(inert(case.title).split()))
            table.add_row(*(cells[key] for key, _heading, _width in MINE_COLUMNS), key=action.id)
        if current is not None and any(a.id == current for _c, a in rows[:MAX_ROWS]):
            table.move_cursor(row=table.get_row_index(current))
        self.query_one("#mine-filters", Static).update(self.filters_text(rows))
        self.show_detail()

    def filters_text(self, rows: list[Pair]) -> Text:
        today = self.today
        who = _("everyone") if self.owner is None else inert(self.owner) or _("(no owner)")
        text = Text()
        text.append(_("Actions of") + " ", style="bold")
        text.append(who, style="bold")
        text.append("   ")
        for key, name, value in (("o", _("owner"), _("pick")), ("a", _("all / mine"), ""),
                                 ("t", _("late only"), _("yes") if self.late_only else _("no")),
                                 ("h", _("closed too"), _("yes") if self.show_closed else _("no"))):
            text.append(f"{key} ", style="bold reverse")
            text.append(f" {name}" + (f": {value}" if value else "") + "   ", style="dim")
        late = sum(plan.is_late(a, today) for _c, a in rows)
        text.append("\n")
        text.append(_("{count} actions", count=len(rows)))
        if late:
            text.append("  ·  ")
            text.append(_("{count} LATE", count=late), style="bold red")
        if len(rows) > MAX_ROWS:
            text.append("  ·  ")
            text.append(_("only the first {limit} are listed ({hidden} more): filter by owner or late",
                          limit=MAX_ROWS, hidden=len(rows) - MAX_ROWS), style="bold yellow")
        if not rows:
            text.append("  ·  ")
            text.append(_("nothing to do here: a shows everyone's actions, h the closed ones"), style="dim")
        return text

    def selected_id(self) -> str | None:
        table = self.query_one("#mine-table", DataTable)
        if table.row_count == 0 or not 0 <= table.cursor_coordinate.row < table.row_count:
            return None
        value = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(value) if value is not None else None

    def selected(self, *, quiet: bool = False) -> Pair | None:
        action_id = self.selected_id()
        pair = next(((c, a) for c, a in self.pairs if a.id == action_id), None)
        if pair is None and not quiet:
            self.notify(_("No action selected"), timeout=3)
        return pair

    @on(DataTable.RowHighlighted, "#mine-table")
    def show_detail(self) -> None:
        pair = self.selected(quiet=True)
        detail = self.query_one("#mine-detail", Static)
        if pair is None:
            detail.update("")
            return
        case, action = pair
        text = Text(f"{case.id} ", style="bold")
        text.append(" ".join(inert(case.title).split()) + "\n", style="bold")
        text.append_text(describe_action(action, case, self.today))
        detail.update(text)

    def _refilter(self) -> None:
        self.show()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        if set_columns(self.query_one("#mine-table", DataTable), MINE_COLUMNS):
            self.show()

    watch_owner = watch_late_only = watch_show_closed = _refilter

    # ------------------------------------------------------------ changing

    def save(self, action_id: str, change: Callable[[Case, Action], object], summary: str) -> str | None:
        """One transaction on one action; the list then shows that case as saved. Returns the error, if any."""
        try:
            case = self.workspace.update_action(action_id, change, summary=summary)
        except RcaError as error:
            return str(error)
        self.pairs = [(c, a) for c, a in self.pairs if c.id != case.id]
        self.pairs.extend((case, a) for a in case.actions)
        self.show()
        return None

    def _save_or_say(self, action_id: str, change: Callable[[Case, Action], object], summary: str) -> bool:
        problem = self.save(action_id, change, summary)
        if problem:
            self.notify(inert(problem), title=_("Not saved"), severity="error", timeout=8, markup=False)
        return problem is None

    def action_set_status(self, status: str) -> None:
        pair = self.selected()
        if pair is None:
            return
        _case, action = pair
        new = ActionStatus(status)
        today = self.today
        user = self.workspace.user
        if self._save_or_say(action.id, lambda _c, a: plan.set_status(a, new, today=today, by=user),
                             _("{action}: {status}", action=action.id, status=new.label)):
            hint = _("v adds evidence, c records whether it worked") if new is ActionStatus.DONE else ""
            self.notify(_("{action} is {status}.", action=action.id, status=new.label) + (" " + hint if hint else ""),
                        timeout=4, markup=False)

    @work(exclusive=True, group="mine-edit")
    async def action_evidence(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        _case, action = pair
        today = self.today
        user = self.workspace.user

        def submit(text: str) -> str | None:
            return self.save(action.id, lambda _c, a: add_evidence(a, text, by=user, today=today),
                             _("evidence added to {action}", action=action.id))

        await self.app.push_screen_wait(evidence_dialog(_("Evidence for {action}", action=action.id), submit,
                                                        intro=quoted(action.title, 100)))

    @work(exclusive=True, group="mine-edit")
    async def action_check(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        case, action = pair
        today = self.today

        def submit(values: dict[str, str]) -> str | None:
            return self.save(action.id, lambda _c, a: apply_effectiveness(a, values, today=today),
                             _("effectiveness of {action} recorded", action=action.id))

        await self.app.push_screen_wait(effectiveness_dialog(action, submit, case=case, today=today))

    # ------------------------------------------------------------ filters and moving on

    @work(exclusive=True, group="mine-edit")
    async def action_pick_owner(self) -> None:
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for _case, action in self.pairs:
            key = action.owner.strip().casefold()
            names.setdefault(key, action.owner.strip())
            counts[key] = counts.get(key, 0) + 1
        choices = []
        for key in sorted(names, key=lambda k: (-counts[k], k)):
            label = Text(" ".join(inert(names[key]).split()) or _("(no owner)"))
            label.append(f"  {counts[key]}", style="dim")
            choices.append((label, names[key] or "\x00"))
        chosen = await self.app.push_screen_wait(ChoiceDialog(
            _("Whose actions?"), choices, current=self.owner, typed=_("Or type a name (Enter):")))
        if chosen is not None:
            self.owner = "" if chosen == "\x00" else chosen

    def action_all_owners(self) -> None:
        self.owner = self.workspace.user if self.owner is None else None

    def action_toggle_late(self) -> None:
        self.late_only = not self.late_only

    def action_toggle_closed(self) -> None:
        self.show_closed = not self.show_closed

    def action_reload(self) -> None:
        self.load()
        self.notify(_("Reloaded"), timeout=2)

    def action_open_case(self) -> None:
        pair = self.selected()
        if pair is not None:
            self.post_message(self.OpenCase(self, pair[0].id, pair[1].id))

    @on(DataTable.RowSelected, "#mine-table")
    def _row_chosen(self) -> None:
        self.action_open_case()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
