"""The PDCA action plan of a case: a table of its actions, filtered and sorted, edited in place.

Every edit is one saved transaction through the session (``rca.actions`` does the work). "Late" is
computed for the app's day and shown as text ("LATE 5d"), not by colour alone. The step option
``("kinds", "containment")`` (a comma list) shows only those kinds and gives new actions the first one;
``("focus", "effectiveness")`` orders the plan by effectiveness check date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from methods.base import StepDef
from rca import actions as plan
from rca.errors import RcaError
from rca.i18n import N_, _, format_date
from rca.model import Action, ActionKind, ActionStatus, Case
from rca.textout import inert
from rca.tui.dialogs.action_dialogs import (
    STATUS_CYCLE,
    ActionDialog,
    action_fields,
    add_action_from,
    add_evidence,
    apply_action_values,
    apply_effectiveness,
    describe_action,
    effectiveness_dialog,
    evidence_dialog,
    linkable_causes,
    quoted,
    save_or_notify,
    submit_change,
    today_of,
)
from rca.tui.session import CaseSession
from rca.tui.widgets.base import ToolWidget

MAX_ROWS = 500
"""Most rows put in the table at once; the rest are counted and reached by filtering."""

STATUS_FILTERS: dict[str, tuple[str, Callable[[Action], bool]]] = {
    "all": (N_("all"), lambda a: True),
    "open": (N_("open"), plan.is_open),
    "planned": (N_("planned"), lambda a: a.status is ActionStatus.PLANNED),
    "in progress": (N_("in progress"), lambda a: a.status is ActionStatus.IN_PROGRESS),
    "done": (N_("done"), lambda a: a.status is ActionStatus.DONE),
    "not closed": (N_("not closed"), lambda a: not plan.is_closed(a) and a.status is not ActionStatus.CANCELLED),
    "cancelled": (N_("cancelled"), lambda a: a.status is ActionStatus.CANCELLED),
}
"""The status filter, cycled with ``f``: its label and which actions it keeps."""


def action_number(action: Action) -> int:
    return int(action.id.split("-")[1])


SORTS: dict[str, tuple[str, Callable[[Action, date], tuple[Any, ...]]]] = {
    "due": (N_("due date"), lambda a, today: (a.due is None, a.due or today, action_number(a))),
    "late": (N_("most late first"), lambda a, today: (-plan.days_late(a, today), a.due is None,
                                                      a.due or today, action_number(a))),
    "status": (N_("status"), lambda a, today: (list(ActionStatus).index(a.status), a.due or date.max,
                                               action_number(a))),
    "owner": (N_("owner"), lambda a, today: (a.owner.casefold() or "\uffff", a.due or date.max, action_number(a))),
    "check": (N_("effectiveness check date"), lambda a, today: (
        a.effectiveness.planned is None, a.effectiveness.planned or today, action_number(a))),
    "id": (N_("number"), lambda a, today: (action_number(a),)),
}
"""The orders of the table, cycled with ``S``: label and sort key."""

STATUS_STYLES: dict[ActionStatus, str] = {
    ActionStatus.PLANNED: "",
    ActionStatus.IN_PROGRESS: "cyan",
    ActionStatus.DONE: "green",
    ActionStatus.CANCELLED: "dim strike",
}


def step_kinds(step: StepDef) -> tuple[ActionKind, ...]:
    """The kinds the step's plan shows (``("kinds", "containment,corrective")``), empty for all."""
    names = [name.strip() for name in step.option("kinds").split(",") if name.strip()]
    return tuple(ActionKind(name) for name in names)


def late_cell(action: Action, today: date) -> Text:
    if plan.is_late(action, today):
        return Text(_("LATE {days}d", days=plan.days_late(action, today)), style="bold white on red")
    if plan.check_overdue(action, today):
        return Text(_("CHECK DUE"), style="bold yellow")
    return Text("")


def effectiveness_cell(action: Action) -> Text:
    check = action.effectiveness
    style = {"effective": "green", "not effective": "bold red"}.get(check.result.value, "dim")
    text = Text(check.result.label, style=style)
    if check.planned and check.result.value == "pending":
        text.append(" " + format_date(check.planned), style="dim")
    return text


def action_cells(action: Action, today: date) -> dict[str, Text]:
    """The cells of an action's row by column key (each a ``Text``: user text is never read as markup)."""
    late = plan.is_late(action, today)
    return {
        "id": Text(action.id, style="bold"),
        "title": Text(" ".join(inert(action.title).split())),
        "owner": Text(" ".join(inert(action.owner).split()) or "—"),
        "due": Text(format_date(action.due), style="bold red" if late else ""),
        "status": Text(action.status.label, style=STATUS_STYLES[action.status]),
        "late": late_cell(action, today),
        "effectiveness": effectiveness_cell(action),
        "kind": Text(action.kind.label),
        "causes": Text(", ".join(action.causes) or "—", style="dim"),
    }


ACTION_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("id", N_("id"), 5),
    ("late", N_("late"), 9),
    ("title", N_("title"), 30),
    ("owner", N_("owner"), 12),
    ("due", N_("due"), 10),
    ("status", N_("status"), 11),
    ("effectiveness", N_("effectiveness"), 18),
    ("kind", N_("kind"), 11),
    ("causes", N_("causes"), None),
)
"""The table's columns, most needed first (narrow screens scroll to the rest): key, heading, width
(``None``: as wide as its content)."""


TITLE_WIDTHS = (30, 70)
"""The title column's narrowest and widest: it takes the room the other columns leave."""


def set_columns(table: DataTable[Text], columns: tuple[tuple[str, str, int | None], ...]) -> bool:
    """(Re)create the table's columns, the title as wide as the table allows; ``True`` when they changed
    (the rows must then be added again)."""
    others = sum((width or 12) + 2 for key, _heading, width in columns if key != "title")
    room = table.size.width - others - 2 - 2  # the title's own padding, the scrollbar
    title = max(TITLE_WIDTHS[0], min(TITLE_WIDTHS[1], room))
    wanted = [(key, title if key == "title" else width) for key, _heading, width in columns]
    current = [(str(c.key.value), c.width if not c.auto_width else None) for c in table.columns.values()]
    if wanted == current:
        return False
    table.clear(columns=True)
    for (key, heading, _width), (_key, width) in zip(columns, wanted, strict=True):
        table.add_column(_(heading), key=key, width=width)
    return True


class ActionPlan(ToolWidget):
    """The case's actions: add, edit, status, effectiveness check, linked causes; filter and sort."""

    DEFAULT_CSS = """
    ActionPlan { height: auto; min-height: 12; }
    ActionPlan #plan-filters { height: auto; padding: 0 1; background: $boost; }
    ActionPlan DataTable { height: auto; max-height: 24; min-height: 4; }
    ActionPlan #plan-detail { height: auto; padding: 0 1; margin-top: 1; border-left: thick $accent; }
    """

    BINDINGS = [
        Binding("n", "add", _("Add action"), id="plan.add", tooltip=_("Add an action to the plan")),
        Binding("e", "edit", _("Edit"), id="plan.edit",
                tooltip=_("Edit the action: title, owner, due date, deliverable, kind, status, causes")),
        Binding("s", "cycle_status", _("Status"), id="plan.status",
                tooltip=_("Next status: planned → in progress → done")),
        Binding("c", "check", _("Effectiveness"), id="plan.check",
                tooltip=_("The effectiveness check: criterion, date, result, evidence")),
        Binding("l", "link", _("Causes"), id="plan.link", tooltip=_("Link or unlink the causes this action treats")),
        Binding("v", "evidence", _("Evidence"), id="plan.evidence", show=False,
                tooltip=_("Record evidence that the action was done")),
        Binding("o", "cycle_owner", _("Owner filter"), id="plan.filter_owner", show=False,
                tooltip=_("Show one owner's actions, then the next owner's, then all")),
        Binding("f", "cycle_status_filter", _("Status filter"), id="plan.filter_status", show=False,
                tooltip=_("Show all, open, planned, in progress, done, not closed or cancelled actions")),
        Binding("t", "toggle_late", _("Late only"), id="plan.filter_late", show=False,
                tooltip=_("Show only late actions, or all again")),
        Binding("S", "cycle_sort", _("Sort"), id="plan.sort", show=False,
                tooltip=_("Sort by due date, lateness, status, owner or number")),
        Binding("k", "toggle_kinds", _("All kinds"), id="plan.kinds", show=False,
                tooltip=_("Show every kind of action, or only this step's kinds")),
    ]

    owner_filter: reactive[str | None] = reactive(None, init=False)
    """Only this owner's actions ("" for actions without an owner); ``None`` for every owner."""
    status_filter: reactive[str] = reactive("all", init=False)
    """A key of ``STATUS_FILTERS``."""
    late_only: reactive[bool] = reactive(False, init=False)
    """Only late actions."""
    sort_by: reactive[str] = reactive("due", init=False)
    """A key of ``SORTS``."""
    all_kinds: reactive[bool] = reactive(False, init=False, bindings=True)
    """Show every kind even though the step names some."""

    def __init__(self, session: CaseSession, step: StepDef, *, id: str | None = None) -> None:
        super().__init__(session, step, id=id)
        self.kinds = step_kinds(step)
        if step.option("focus") == "effectiveness":
            self.set_reactive(ActionPlan.sort_by, "check")

    def compose(self) -> ComposeResult:
        yield Static("", id="plan-filters")
        yield DataTable(id="plan-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="plan-detail")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#plan-table", DataTable)

    @property
    def today(self) -> date:
        return today_of(self.app)

    # ------------------------------------------------------------ showing the plan

    def shown_actions(self, case: Case) -> list[Action]:
        """The case's actions the filters keep, in the chosen order."""
        today = self.today
        keep = STATUS_FILTERS[self.status_filter][1]
        rows = [a for a in case.actions if keep(a)]
        if self.kinds and not self.all_kinds:
            rows = [a for a in rows if a.kind in self.kinds]
        if self.owner_filter is not None:
            wanted = self.owner_filter.strip().casefold()
            rows = [a for a in rows if a.owner.strip().casefold() == wanted]
        if self.late_only:
            rows = [a for a in rows if plan.is_late(a, today)]
        key = SORTS[self.sort_by][1]
        return sorted(rows, key=lambda a: key(a, today))

    def show_case(self, case: Case) -> None:
        table = self.table
        current = self.selected_id()
        rows = self.shown_actions(case)
        today = self.today
        set_columns(table, ACTION_COLUMNS)
        table.clear()
        for action in rows[:MAX_ROWS]:
            cells = action_cells(action, today)
            table.add_row(*(cells[key] for key, _heading, _width in ACTION_COLUMNS), key=action.id)
        if current is not None and any(a.id == current for a in rows[:MAX_ROWS]):
            table.move_cursor(row=table.get_row_index(current))
        self.query_one("#plan-filters", Static).update(self.filters_text(case, len(rows)))
        self.show_detail()

    def filters_text(self, case: Case, shown: int) -> Text:
        today = self.today
        owner = _("all") if self.owner_filter is None else (inert(self.owner_filter) or _("(no owner)"))
        parts = [
            ("o", _("owner"), owner),
            ("f", _("status"), _(STATUS_FILTERS[self.status_filter][0])),
            ("t", _("late only"), _("yes") if self.late_only else _("no")),
            ("S", _("sort"), _(SORTS[self.sort_by][0])),
        ]
        if self.kinds:
            kinds = _("all") if self.all_kinds else ", ".join(k.label for k in self.kinds)
            parts.append(("k", _("kinds"), kinds))
        text = Text()
        for key, name, value in parts:
            text.append(f"{key} ", style="bold reverse")
            text.append(f" {name}: ", style="dim")
            text.append(value + "   ")
        late = sum(plan.is_late(a, today) for a in case.actions)
        text.append("\n")
        text.append(_("{shown} of {total} actions shown", shown=shown, total=len(case.actions)))
        if late:
            text.append("  ·  ")
            text.append(_("{count} LATE", count=late), style="bold red")
        if shown > MAX_ROWS:
            text.append("  ·  ")
            text.append(_("only the first {limit} are listed: filter to see the rest", limit=MAX_ROWS),
                        style="bold yellow")
        return text

    def selected_id(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        row = table.cursor_coordinate.row
        if not 0 <= row < table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def selected_action(self, *, quiet: bool = False) -> Action | None:
        action_id = self.selected_id()
        if action_id is None:
            if not quiet:
                self.app.notify(_("No action selected: n adds one"), timeout=3)
            return None
        try:
            return self.session.case.action(action_id)
        except RcaError:
            return None

    @on(DataTable.RowHighlighted, "#plan-table")
    def show_detail(self) -> None:
        action = self.selected_action(quiet=True)
        detail = self.query_one("#plan-detail", Static)
        if action is None:
            detail.update(Text(_("No actions here yet: n adds one."), style="dim"))
            return
        detail.update(describe_action(action, self.session.case, self.today))

    @on(DataTable.RowSelected, "#plan-table")
    def _row_chosen(self) -> None:
        self.action_edit()

    def _refilter(self) -> None:
        self.show_case(self.session.case)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        if set_columns(self.table, ACTION_COLUMNS):
            self.show_case(self.session.case)

    watch_owner_filter = watch_status_filter = watch_late_only = watch_sort_by = watch_all_kinds = _refilter

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_kinds":
            return bool(self.kinds)
        return True

    # ------------------------------------------------------------ filters

    def action_cycle_owner(self) -> None:
        owners = sorted({a.owner.strip() for a in self.session.case.actions}, key=str.casefold)
        cycle: list[str | None] = [None, *owners]
        index = cycle.index(self.owner_filter) if self.owner_filter in cycle else 0
        self.owner_filter = cycle[(index + 1) % len(cycle)]

    def action_cycle_status_filter(self) -> None:
        names = list(STATUS_FILTERS)
        self.status_filter = names[(names.index(self.status_filter) + 1) % len(names)]

    def action_toggle_late(self) -> None:
        self.late_only = not self.late_only

    def action_cycle_sort(self) -> None:
        names = list(SORTS)
        self.sort_by = names[(names.index(self.sort_by) + 1) % len(names)]

    def action_toggle_kinds(self) -> None:
        self.all_kinds = not self.all_kinds

    # ------------------------------------------------------------ editing

    def _select(self, action_id: str) -> None:
        table = self.table
        try:
            table.move_cursor(row=table.get_row_index(action_id))
        except RowDoesNotExist:  # the filters hide it: nothing to select
            return

    @work(exclusive=True, group="plan-edit")
    async def action_add(self) -> None:
        case = self.session.case
        created: list[str] = []
        kind = self.kinds[0] if self.kinds else ActionKind.CORRECTIVE
        today = self.today

        def submit(values: dict[str, str]) -> str | None:
            def change(c: Case, ids: Any) -> None:
                created.append(add_action_from(c, ids.next_action_id(), values, today=today).id)

            return submit_change(self, change, _("action added: {title}", title=values["title"].strip()[:60]))

        await self.app.push_screen_wait(ActionDialog(
            _("New action"), action_fields(None, kind=kind), linkable_causes(case), [], submit))
        if created:
            self._select(created[0])

    @work(exclusive=True, group="plan-edit")
    async def action_edit(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        today = self.today
        user = self.session.user

        def submit(values: dict[str, str]) -> str | None:
            def change(c: Case, _ids: Any) -> None:
                apply_action_values(c, c.action(action.id), values, today=today, by=user)

            return submit_change(self, change, _("action {action} edited", action=action.id))

        await self.app.push_screen_wait(ActionDialog(
            _("Edit {action}", action=action.id), action_fields(action, kind=action.kind),
            self._cause_choices(action), action.causes, submit))

    def _cause_choices(self, action: Action) -> list[Any]:
        """The causes to offer: the linkable ones, plus any already linked (even if rejected since)."""
        case = self.session.case
        offered = linkable_causes(case)
        ids = {c.id for c in offered}
        linked = [c for c in case.causes if c.id in action.causes and c.id not in ids]
        return offered + linked

    def action_cycle_status(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        new = STATUS_CYCLE[action.status]
        today = self.today
        user = self.session.user
        save_or_notify(self, lambda c, _ids: plan.set_status(c.action(action.id), new, today=today, by=user),
                       _("{action}: {status}", action=action.id, status=new.label))

    @work(exclusive=True, group="plan-edit")
    async def action_check(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        today = self.today

        def submit(values: dict[str, str]) -> str | None:
            return submit_change(
                self, lambda c, _ids: apply_effectiveness(c.action(action.id), values, today=today),
                _("effectiveness of {action} recorded", action=action.id))

        await self.app.push_screen_wait(effectiveness_dialog(action, submit, case=self.session.case, today=today))

    @work(exclusive=True, group="plan-edit")
    async def action_link(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        today = self.today

        def submit(values: dict[str, str]) -> str | None:
            return submit_change(
                self, lambda c, _ids: apply_action_values(c, c.action(action.id), values, today=today),
                _("causes of {action} changed", action=action.id))

        await self.app.push_screen_wait(ActionDialog(
            _("Causes {action} treats", action=action.id), [], self._cause_choices(action), action.causes, submit,
            intro=quoted(action.title, 100)))

    @work(exclusive=True, group="plan-edit")
    async def action_evidence(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        today = self.today
        user = self.session.user

        def submit(text: str) -> str | None:
            return submit_change(self, lambda c, _ids: add_evidence(c.action(action.id), text, by=user, today=today),
                                 _("evidence added to {action}", action=action.id))

        await self.app.push_screen_wait(evidence_dialog(_("Evidence for {action}", action=action.id), submit,
                                                        intro=quoted(action.title, 100)))
