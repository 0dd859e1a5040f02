"""The workshop's step timer: a time-box the whole room can read, with a clear signal at the end."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Static

from rca.i18n import _


class StepTimer(Widget):
    """Counts down a step's time-box; start / pause / reset come from the case screen's keys."""

    DEFAULT_CSS = """
    StepTimer { height: auto; width: auto; layout: horizontal; }
    StepTimer Digits { width: auto; }
    StepTimer #timer-state { width: auto; padding: 1 2; }
    StepTimer.-over Digits { color: $error; text-style: bold; }
    StepTimer.-over { background: $error 20%; }
    """

    remaining: reactive[int] = reactive(0)
    """Seconds left in the time-box (negative once it is over: the room sees how far past it is)."""
    running: reactive[bool] = reactive(False)
    """Whether the timer is counting."""

    def __init__(self, minutes: int = 10, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.minutes = minutes
        self._ticker: Timer | None = None
        self.set_reactive(StepTimer.remaining, minutes * 60)

    def compose(self) -> ComposeResult:
        yield Digits(self._text(), id="timer-digits")
        yield Static(self._state(), id="timer-state")

    def on_mount(self) -> None:
        self._ticker = self.set_interval(1.0, self._tick, pause=True)

    def _text(self) -> str:
        value = abs(self.remaining)
        sign = "-" if self.remaining < 0 else ""
        return f"{sign}{value // 60:02d}:{value % 60:02d}"

    def _state(self) -> str:
        if self.remaining <= 0:
            return _("TIME IS UP")
        return _("running (F5 pauses)") if self.running else _("paused (F5 starts)")

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining == 0:
            self.app.bell()
            self.app.notify(_("Time is up for this step. Wrap up, or F6 to reset the timer."),
                            title=_("Time-box"), severity="warning", timeout=15)

    def watch_remaining(self) -> None:
        if not self.is_mounted:
            return
        self.query_one(Digits).update(self._text())
        self.query_one("#timer-state", Static).update(self._state())
        self.set_class(self.remaining <= 0, "-over")

    def watch_running(self, running: bool) -> None:
        if self._ticker is not None:
            if running:
                self._ticker.resume()
            else:
                self._ticker.pause()
        if self.is_mounted:
            self.query_one("#timer-state", Static).update(self._state())

    def toggle(self) -> None:
        self.running = not self.running

    def reset(self, minutes: int | None = None) -> None:
        if minutes is not None:
            self.minutes = minutes
        self.running = False
        self.remaining = self.minutes * 60
