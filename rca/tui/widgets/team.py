"""The team editor (8D D1, DMAIC charter): names, roles, functions."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from rca.i18n import _
from rca.model import Case, Role, TeamMember
from rca.textout import inert
from rca.tui.dialogs.form import ConfirmDialog, FieldSpec, FormDialog
from rca.tui.widgets.base import ToolWidget


class TeamEditor(ToolWidget):
    """Who is on the team, and in which role."""

    DEFAULT_CSS = """
    TeamEditor { height: auto; }
    TeamEditor DataTable { height: auto; max-height: 16; }
    """
    BINDINGS = [
        Binding("a", "add", _("Add person"), id="team.add", tooltip=_("Add a team member")),
        Binding("e", "edit", _("Edit"), id="team.edit", tooltip=_("Change the selected member")),
        Binding("delete", "remove", _("Remove"), id="team.remove", tooltip=_("Remove the selected member")),
    ]

    def compose(self) -> ComposeResult:
        table: DataTable[Any] = DataTable(id="team-table", cursor_type="row")
        table.add_columns(_("name"), _("role"), _("function"))
        yield table

    def show_case(self, case: Case) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for index, member in enumerate(case.team):
            table.add_row(Text(inert(member.name)), member.role.label, Text(inert(member.function)), key=str(index))
        if not case.team:
            table.add_row(Text(_("No one yet: press a to add the team."), style="dim"), "", "", key="empty")
        table.move_cursor(row=min(row, max(table.row_count - 1, 0)))

    def _fields(self, member: TeamMember | None) -> list[FieldSpec]:
        roles = [(r.label, r.value) for r in Role]
        return [
            FieldSpec("name", _("Name"), member.name if member else ""),
            FieldSpec("role", _("Role"), member.role.value if member else Role.MEMBER.value, kind="select",
                      options=roles),
            FieldSpec("function", _("Function"), member.function if member else "",
                      placeholder=_("quality, production, maintenance, customer…")),
        ]

    def _index(self) -> int | None:
        table = self.query_one(DataTable)
        if not self.session.case.team or table.row_count == 0:
            return None
        return table.cursor_row

    @work(exclusive=True, group="team")
    async def action_add(self) -> None:
        def submit(values: dict[str, str]) -> str | None:
            def change(case: Case, _ids: Any) -> None:
                case.team.append(TeamMember(name=values["name"].strip(), role=Role(values["role"] or "member"),
                                            function=values["function"].strip()))

            if not values["name"].strip():
                return _("name: who is it?")
            return None if self.run(change, _("{name} joined the team", name=values["name"].strip())) else "…"

        await self.app.push_screen_wait(FormDialog(_("Add a team member"), self._fields(None), submit))

    @work(exclusive=True, group="team")
    async def action_edit(self) -> None:
        index = self._index()
        if index is None:
            return
        member = self.session.case.team[index]

        def submit(values: dict[str, str]) -> str | None:
            def change(case: Case, _ids: Any) -> None:
                case.team[index] = TeamMember(name=values["name"].strip(), role=Role(values["role"] or "member"),
                                              function=values["function"].strip())

            if not values["name"].strip():
                return _("name: who is it?")
            return None if self.run(change, _("team member {name} edited", name=values["name"].strip())) else "…"

        await self.app.push_screen_wait(FormDialog(_("Edit a team member"), self._fields(member), submit))

    @work(exclusive=True, group="team")
    async def action_remove(self) -> None:
        index = self._index()
        if index is None:
            return
        member = self.session.case.team[index]
        if await self.app.push_screen_wait(ConfirmDialog(_("Remove {name} from the team?", name=member.name))):
            def change(case: Case, _ids: Any) -> None:
                case.team = [m for i, m in enumerate(case.team) if i != index]

            self.run(change, _("{name} left the team", name=member.name))
