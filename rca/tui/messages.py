"""Messages that span several widgets (a widget's own messages are nested in its class)."""

from __future__ import annotations

from textual.message import Message

from rca.model import Case


class CaseChanged(Message):
    """The case was saved (by an edit here, an undo, or a reload): every view re-renders from it."""

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case


class StepSelected(Message):
    """The facilitator moved to another step."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
