"""Tollgates and approvals: who signed, when, proceed or revise."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from rca.actions import parse_date
from rca.i18n import _, format_date, input_date
from rca.model import Case, Decision, Signoff
from rca.textout import inert
from rca.tui.dialogs.form import FieldSpec, FormDialog
from rca.tui.widgets.base import ToolWidget


class SignoffEditor(ToolWidget):
    """Record the step's sign-off (A3 approval, DMAIC tollgate, 8D closure)."""

    DEFAULT_CSS = """
    SignoffEditor { height: auto; padding: 1; border: round $accent 50%; }
    """
    BINDINGS = [
        Binding("g", "sign", _("Sign off"), id="signoff.sign", tooltip=_("Record who signs, when, and the decision")),
    ]

    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static("", id="signoff-text")

    def show_case(self, case: Case) -> None:
        record = case.steps.get(self.step.key)
        text = Text()
        if record and record.signoff:
            s = record.signoff
            text.append(_("Signed by {who} on {date}: {decision}", who=inert(s.by), date=format_date(s.on),
                          decision=s.decision.label), style="bold green" if s.decision is Decision.PROCEED
                        else "bold yellow")
            if s.note:
                text.append("\n" + inert(s.note))
        else:
            text.append(_("Not signed off yet. Press g to record the decision."), style="yellow")
        self.query_one("#signoff-text", Static).update(text)

    @work(exclusive=True, group="signoff")
    async def action_sign(self) -> None:
        record = self.session.case.steps.get(self.step.key)
        current = record.signoff if record else None
        key = self.step.key

        def submit(values: dict[str, str]) -> str | None:
            if not values["by"].strip():
                return _("signed by: who decides?")
            on = parse_date(values["on"], _("date")) or date.today()

            def change(case: Case, _ids: Any) -> None:
                case.step(key).signoff = Signoff(by=values["by"].strip(), on=on,
                                                 decision=Decision(values["decision"] or "proceed"),
                                                 note=values["note"].strip())

            return None if self.run(change, _("step {step} signed off", step=key)) else "…"

        fields = [
            FieldSpec("by", _("Signed by"), current.by if current else self.session.case.leader()),
            FieldSpec("on", _("Date"), input_date(current.on if current else date.today())),
            FieldSpec("decision", _("Decision"), current.decision.value if current else "proceed", kind="select",
                      options=[(d.label, d.value) for d in Decision]),
            FieldSpec("note", _("Note"), current.note if current else "", kind="text"),
        ]
        await self.app.push_screen_wait(FormDialog(_("Sign off"), fields, submit))
