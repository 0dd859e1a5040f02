"""The problem statement: 5W2H fields saved as people type, and the IS / IS NOT table."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static, TextArea

from rca.i18n import N_, _
from rca.model import Case, IsIsNot
from rca.textout import inert
from rca.tui.dialogs.form import ConfirmDialog, FieldSpec, FormDialog
from rca.tui.widgets.base import ToolWidget
from rca.tui.widgets.text_saving import TextSaver

FIVE_W_TWO_H = (
    ("what", N_("What is wrong?"), N_("The defect or event, in facts: part, characteristic, deviation.")),
    ("where", N_("Where?"), N_("Line, machine, site, customer, where on the part.")),
    ("when", N_("When?"), N_("First seen, how often since, in which shift or phase.")),
    ("who", N_("Who?"), N_("Who found it, who is affected (not who is to blame).")),
    ("how_detected", N_("How was it detected?"), N_("Customer complaint, inspection, audit, alarm…")),
    ("how_many", N_("How many?"), N_("Quantified: parts, ppm, rate, cost, hours lost.")),
    ("why_it_matters", N_("Why does it matter?"), N_("Customer, safety, cost, compliance.")),
)
"""The 5W2H fields of ``ProblemStatement``, in the order they are asked."""


def _get(key: str):  # type: ignore[no-untyped-def]
    return lambda case: getattr(case.problem, key)


def _put(key: str):  # type: ignore[no-untyped-def]
    def put(case: Case, text: str) -> None:
        setattr(case.problem, key, text)

    return put


class ProblemEditor(ToolWidget):
    """5W2H and IS / IS NOT."""

    DEFAULT_CSS = """
    ProblemEditor { height: auto; }
    ProblemEditor > Vertical { height: auto; }
    ProblemEditor .field-label { text-style: bold; margin-top: 1; }
    ProblemEditor .field-help { color: $text-muted; }
    ProblemEditor TextArea { height: 3; }
    ProblemEditor DataTable { height: auto; max-height: 12; margin-top: 1; }
    """
    BINDINGS = [
        Binding("ctrl+i", "add_row", _("IS/IS NOT row"), id="problem.add_row", show=False,
                tooltip=_("Add an IS / IS NOT row")),
        Binding("a", "add_row", _("Add IS/IS NOT"), id="problem.add_row_table",
                tooltip=_("Add an IS / IS NOT row (from the table)")),
        Binding("e", "edit_row", _("Edit row"), id="problem.edit_row", tooltip=_("Edit the selected row")),
        Binding("delete", "remove_row", _("Remove row"), id="problem.remove_row",
                tooltip=_("Remove the selected row")),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.savers: dict[str, TextSaver] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            for key, label, help_text in FIVE_W_TWO_H:
                saver = TextSaver(self, self.session, _(label), _get(key), _put(key),
                                  on_show=self._shower(key))
                self.savers[key] = saver
                yield Label(_(label), classes="field-label")
                yield Static(_(help_text), classes="field-help")
                yield TextArea(inert(saver.base), id=f"problem-{key}", soft_wrap=True, tab_behavior="focus")
            yield Label(_("IS / IS NOT (a adds a row when the table has the focus)"), classes="field-label")
            table: DataTable[Any] = DataTable(id="isnot-table", cursor_type="row")
            table.add_columns(_("dimension"), _("IS"), _("IS NOT"), _("distinction"))
            yield table

    def _shower(self, key: str):  # type: ignore[no-untyped-def]
        def show(text: str) -> None:
            area = self.query_one(f"#problem-{key}", TextArea)
            area.load_text(inert(text))
            area.move_cursor(area.document.end)

        return show

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        key = (event.text_area.id or "").removeprefix("problem-")
        if key in self.savers:
            self.savers[key].changed(event.text_area.text)

    def on_descendant_blur(self) -> None:
        self.flush()

    def flush(self) -> bool:
        return all([saver.flush() for saver in self.savers.values()])

    def show_case(self, case: Case) -> None:
        for key, saver in self.savers.items():
            text = saver.rebase(case)
            if text is not None:
                self.query_one(f"#problem-{key}", TextArea).load_text(inert(text))
        table = self.query_one("#isnot-table", DataTable)
        row = table.cursor_row
        table.clear()
        for index, item in enumerate(case.problem.is_is_not):
            table.add_row(Text(inert(item.dimension)), Text(inert(item.is_)), Text(inert(item.is_not)),
                          Text(inert(item.distinction)), key=str(index))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _fields(self, item: IsIsNot | None) -> list[FieldSpec]:
        return [
            FieldSpec("dimension", _("Dimension"), item.dimension if item else "",
                      placeholder=_("what / where / when / how many")),
            FieldSpec("is", _("IS: where the problem is seen"), item.is_ if item else ""),
            FieldSpec("is_not", _("IS NOT: where it could be but is not"), item.is_not if item else ""),
            FieldSpec("distinction", _("What is different?"), item.distinction if item else ""),
        ]

    def _row(self, values: dict[str, str]) -> IsIsNot:
        return IsIsNot(dimension=values["dimension"].strip() or "?", is_=values["is"].strip(),
                       is_not=values["is_not"].strip(), distinction=values["distinction"].strip())

    @work(exclusive=True, group="isnot")
    async def action_add_row(self) -> None:
        def submit(values: dict[str, str]) -> str | None:
            if not values["dimension"].strip():
                return _("dimension: what, where, when or how many?")

            def change(case: Case, _ids: Any) -> None:
                case.problem.is_is_not = [*case.problem.is_is_not, self._row(values)]

            return None if self.run(change, _("IS / IS NOT row added")) else "…"

        await self.app.push_screen_wait(FormDialog(_("IS / IS NOT"), self._fields(None), submit))

    def _index(self) -> int | None:
        table = self.query_one("#isnot-table", DataTable)
        return table.cursor_row if table.row_count else None

    @work(exclusive=True, group="isnot")
    async def action_edit_row(self) -> None:
        index = self._index()
        if index is None:
            return
        item = self.session.case.problem.is_is_not[index]

        def submit(values: dict[str, str]) -> str | None:
            def change(case: Case, _ids: Any) -> None:
                rows = list(case.problem.is_is_not)
                rows[index] = self._row(values)
                case.problem.is_is_not = rows

            return None if self.run(change, _("IS / IS NOT row edited")) else "…"

        await self.app.push_screen_wait(FormDialog(_("IS / IS NOT"), self._fields(item), submit))

    @work(exclusive=True, group="isnot")
    async def action_remove_row(self) -> None:
        index = self._index()
        if index is None:
            return
        if await self.app.push_screen_wait(ConfirmDialog(_("Remove this IS / IS NOT row?"))):
            def change(case: Case, _ids: Any) -> None:
                case.problem.is_is_not = [r for i, r in enumerate(case.problem.is_is_not) if i != index]

            self.run(change, _("IS / IS NOT row removed"))
