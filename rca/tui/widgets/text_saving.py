"""Saving what people type, as they type: debounced, flushed on leave, conflict-aware.

A text input here remembers the saved text it started from (its *base*). Each save is one transaction
that writes the new text only if the saved text is still the base (or already the new text). When
someone else changed the field meanwhile, nothing is overwritten: the box is reloaded with *both* texts,
theirs first and then the local one under a marked line, that combined text is saved at once (so a crash
now loses neither), and a notice asks the room to keep what it wants.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.timer import Timer
from textual.widget import Widget

from rca.errors import ConflictError, RcaError
from rca.i18n import _
from rca.model import Case
from rca.textout import inert
from rca.tui.messages import CaseChanged
from rca.tui.session import CaseSession

SAVE_DELAY = 0.25
"""Seconds of quiet typing before the text is saved (it is also saved when the input loses focus)."""

Getter = Callable[[Case], str]


def both_texts(theirs: str, mine: str, user: str) -> str:
    """Their text, then the local one under a line that says whose it is."""
    return f"{theirs}\n\n--- {_('typed at the same time by {user}', user=user)} ---\n{mine}"


Setter = Callable[[Case, str], None]


class TextSaver:
    """Saves one text field of the case for one input widget."""

    def __init__(self, owner: Widget, session: CaseSession, label: str, get: Getter, put: Setter,
                 on_show: Callable[[str], None] | None = None) -> None:
        self.owner = owner
        self.on_show = on_show
        self.session = session
        self.label = label
        self.get = get
        self.put = put
        self.base = get(session.case)
        self.pending: str | None = None
        self._timer: Timer | None = None

    def changed(self, text: str) -> None:
        """The user typed: save after a short quiet time."""
        if text == self.base and self.pending is None:
            return
        self.pending = text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.owner.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> bool:
        """Save now, if anything is waiting; returns False when the save was refused."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.pending is None:
            return True
        text, base = self.pending, self.base

        def change(case: Case, _ids: Any) -> None:
            current = self.get(case)
            if current not in (base, text):
                raise ConflictError(
                    _("{field}: someone else changed this text while you were typing. Theirs: \u201c{theirs}\u201d. "
                      "Yours stays in the box; keep typing to save yours over theirs.", field=self.label,
                      theirs=current[:300]),
                    field=self.label, mine=text, theirs=current,
                )
            self.put(case, text)

        try:
            case = self.session.apply(change, _("{field} edited", field=self.label))
        except ConflictError as error:
            self.pending = None
            self.base = str(error.theirs)
            both = both_texts(str(error.theirs), text, self.session.user)
            self.owner.app.notify(
                _("{field} was changed elsewhere while you typed: both texts are kept in the box, theirs "
                  "first; delete what you do not want.", field=self.label),
                title=_("Changed elsewhere"), severity="warning", timeout=20, markup=False)
            self.show(both)
            self.pending = both
            return self.flush()
        except RcaError as error:
            self.owner.app.notify(inert(str(error)), title=_("Not saved"), severity="error", markup=False)
            return False
        self.pending = None
        self.base = text
        self.owner.post_message(CaseChanged(case))
        return True

    def show(self, text: str) -> None:
        """Put a text in the box (the owner knows which box: it passes ``show`` when it creates the saver)."""
        if self.on_show is not None:
            self.on_show(text)

    def rebase(self, case: Case) -> str | None:
        """After a save elsewhere: the new saved text, if the box should show it (nothing pending here)."""
        saved = self.get(case)
        if self.pending is None and saved != self.base:
            self.base = saved
            return saved
        if self.pending is None:
            self.base = saved
        return None
