"""The base of every tool a step embeds (why-tree, fishbone, action plan, indicators, forms)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget

from methods.base import StepDef
from rca.errors import RcaError
from rca.i18n import _
from rca.model import Case
from rca.textout import inert
from rca.tui.messages import CaseChanged
from rca.tui.session import CaseSession, Change

if TYPE_CHECKING:
    from rca.lessons import Suggestion


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

    def cause_suggestions(self) -> Callable[[str], list[Suggestion]] | None:
        """Verified causes of other cases like a text being typed (the add-cause dialogs show them).

        The case screen builds the index over the workspace in a thread when it opens; until it is ready
        (a second or so on a very large workspace), the dialogs simply show no suggestions.
        """
        index = getattr(self.screen, "lesson_index", None)
        if index is None:
            return None
        case_id = self.session.case_id
        return lambda text: index.similar(text, exclude_case=case_id)

    def run(self, change: Change, summary: str) -> bool:
        """Save one edit; on a user error, say what was wrong and keep the screen as it is."""
        try:
            case = self.session.apply(change, summary)
        except RcaError as error:
            self.app.notify(inert(str(error)), title=_("Not saved"), severity="error", timeout=8, markup=False)
            return False
        self.post_message(CaseChanged(case))
        return True
