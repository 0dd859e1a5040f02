"""Adding a cause: one line, Enter saves; similar verified causes from earlier cases appear as you type."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static

from rca.errors import RcaError
from rca.i18n import _
from rca.lessons import Suggestion
from rca.model import Effectiveness
from rca.textout import inert

Suggest = Callable[[str], list[Suggestion]]
Submit = Callable[[str], str | None]

SUGGEST_DELAY = 0.15
"""Seconds of quiet typing before looking for similar causes (the room types fast)."""


def describe(suggestion: Suggestion) -> Text:
    """One suggestion: the earlier case, its cause, what was done and whether it worked."""
    ref = suggestion.cause
    text = Text()
    text.append(f"{ref.case_id} ", style="bold")
    text.append(inert(ref.case_title)[:60], style="dim")
    text.append("\n  ✓ " + inert(ref.text), style="green")
    for action in ref.actions:
        text.append(f"\n    → {action.id} {inert(action.title)[:70]} ({action.status.label})")
    worked = ref.worked
    if worked is Effectiveness.EFFECTIVE:
        text.append("\n    " + _("it worked: checked effective"), style="bold green")
    elif worked is Effectiveness.NOT_EFFECTIVE:
        text.append("\n    " + _("it did not work: checked not effective"), style="bold red")
    elif ref.actions:
        text.append("\n    " + _("effectiveness not checked yet"), style="yellow")
    else:
        text.append("\n    " + _("no action was recorded on it"), style="yellow")
    return text


class CauseDialog(ModalScreen[str | None]):
    """Type a cause; Enter saves it. Lessons from past cases show below while typing."""

    DEFAULT_CSS = """
    CauseDialog { align: center middle; }
    CauseDialog > VerticalScroll { width: 100; max-width: 95%; height: auto; max-height: 90%;
                                   border: thick $accent; background: $surface; padding: 1 2; }
    CauseDialog #cause-title { text-style: bold; margin-bottom: 1; }
    CauseDialog #cause-help { color: $text-muted; }
    CauseDialog #cause-error { color: $error; }
    CauseDialog #cause-lessons { margin-top: 1; height: auto; border-left: thick $success; padding-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="cause.cancel", tooltip=_("Close without saving"))]

    def __init__(self, title: str, submit: Submit, *, value: str = "", suggest: Suggest | None = None,
                 label: str | None = None) -> None:
        super().__init__()
        self.dialog_title = title
        self.submit = submit
        self.value = value
        self.suggest = suggest
        self.label = label or _("Because… (one cause, in the room's words; Enter saves)")
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=False):
            yield Static(Text(inert(self.dialog_title)), id="cause-title")
            yield Static(Text(inert(self.label)), id="cause-help")
            yield Input(inert(self.value), id="cause-text")
            yield Static("", id="cause-error")
            yield Static("", id="cause-lessons")

    def on_mount(self) -> None:
        self.query_one("#cause-lessons", Static).display = False
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self.suggest is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SUGGEST_DELAY, lambda: self.show_lessons(event.value))

    def show_lessons(self, text: str) -> None:
        assert self.suggest is not None
        lessons = self.query_one("#cause-lessons", Static)
        found = self.suggest(text) if len(text.strip()) >= 4 else []
        lessons.display = bool(found)
        if not found:
            return
        content = Text(_("Seen before in other cases (verified):"), style="bold")
        for suggestion in found[:3]:
            content.append("\n")
            content.append_text(describe(suggestion))
        lessons.update(content)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        try:
            problem = self.submit(event.value)
        except RcaError as error:
            problem = str(error)
        if problem:
            self.query_one("#cause-error", Static).update(Text(inert(problem)))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
