"""The base of every tool a step embeds (why-tree, fishbone, action plan, indicators, forms)."""

from __future__ import annotations

from textual.widget import Widget

from methods.base import StepDef
from rca.errors import RcaError
from rca.i18n import _
from rca.model import Case
from rca.textout import inert
from rca.tui.messages import CaseChanged
from rca.tui.session import CaseSession, Change


class ToolWidget(Widget):
    """A view of the saved case that edits it through the session, one transaction per edit."""

    DEFAULT_CSS = """
    ToolWidget { height: 1fr; }
    """

    def __init__(self, session: CaseSession, step: StepDef, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.step = step

    def on_mount(self) -> None:
        self.show_case(self.session.case)

    def show_case(self, case: Case) -> None:
        """Re-render from a saved case (called on mount and after every save)."""

    def run(self, change: Change, summary: str) -> bool:
        """Save one edit; on a user error, say what was wrong and keep the screen as it is."""
        try:
            case = self.session.apply(change, summary)
        except RcaError as error:
            self.app.notify(inert(str(error)), title=_("Not saved"), severity="error", timeout=8, markup=False)
            return False
        self.post_message(CaseChanged(case))
        return True
