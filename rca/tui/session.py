"""One open case in the TUI: the last saved state, every edit saved at once, undo and redo.

No Textual here: screens and widgets call ``apply`` with a small function that changes the case (the same
functions the CLI uses, from ``rca.causes`` and ``rca.actions``); the workspace runs it as one locked
transaction on the freshest saved case, so nothing typed is kept only in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rca import patch
from rca.errors import ConflictError
from rca.i18n import _
from rca.model import Case
from rca.store import IdSource, Workspace

Change = Callable[[Case, IdSource], object]

_NOT_UNDONE = ("version", "audit", "last_node")
"""Fields the store manages: undo never rewinds them (node numbers are never reused)."""


@dataclass(frozen=True)
class Step:
    """One edit, as undo and redo need it: only what changed (two whole copies of a 1,000-cause case per
    edit made the undo stack the biggest thing in memory)."""

    summary: str
    changes: tuple[patch.Change, ...]

    @classmethod
    def between(cls, summary: str, before: Case, after: Case) -> Step:
        old, new = before.to_json_dict(), after.to_json_dict()
        changes: list[patch.Change] = []
        for key in new:
            if key in _NOT_UNDONE or old.get(key) == new[key]:
                continue  # most top-level fields are untouched by one edit: skip diffing them
            changes.extend(patch.diff({key: old.get(key)}, {key: new[key]}))
        return cls(summary, tuple(changes))

    def reversed(self) -> tuple[patch.Change, ...]:
        return tuple(patch.Change(c.path, c.new, c.old) for c in self.changes)


class CaseSession:
    """The TUI's handle on one case."""

    def __init__(self, workspace: Workspace, case_id: str) -> None:
        self.workspace = workspace
        self.case: Case = workspace.get_case(case_id)
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self.external_change = False
        """Set when the last reload found changes made by someone else."""

    @property
    def case_id(self) -> str:
        return self.case.id

    @property
    def user(self) -> str:
        return self.workspace.user

    def reload(self) -> Case:
        """Read the saved case again; notes whether someone else changed it."""
        fresh = self.workspace.get_case(self.case.id)
        self.external_change = fresh.version != self.case.version
        self.case = fresh
        return fresh

    def apply(self, change: Change, summary: str) -> Case:
        """Run ``change`` on the saved case as one transaction; the result is the new saved case.

        Raises ``RcaError`` subclasses (invalid input, conflicts): nothing is written then.
        """
        before = self.workspace.get_case(self.case.id)
        self.external_change = before.version != self.case.version
        saved = self.workspace.update_case(self.case.id, change, summary=summary)
        if saved.version != before.version:
            self._undo.append(Step.between(summary, before, saved))
            self._redo.clear()
        self.case = saved
        return saved

    def save_form(self, edited: Case, base: Case, summary: str) -> Case:
        """Save a form built back from widgets: merged field by field with what others saved meanwhile."""
        before = self.workspace.get_case(self.case.id)
        saved = self.workspace.save_case(edited, base=base, summary=summary)
        if saved.version != before.version:
            self._undo.append(Step.between(summary, before, saved))
            self._redo.clear()
        self.case = saved
        return saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> str | None:
        """Reverse the last edit of this session (only the fields it changed); returns its summary."""
        if not self._undo:
            return None
        step = self._undo[-1]
        self._replay(step.reversed(), _("undo: {summary}", summary=step.summary))
        self._redo.append(self._undo.pop())
        return step.summary

    def redo(self) -> str | None:
        if not self._redo:
            return None
        step = self._redo[-1]
        self._replay(step.changes, _("redo: {summary}", summary=step.summary))
        self._undo.append(self._redo.pop())
        return step.summary

    def _replay(self, changes: tuple[patch.Change, ...], summary: str) -> None:
        def revert(case: Case, _ids: IdSource) -> None:
            data = case.to_json_dict()
            try:
                result = patch.apply(changes, data, check=True)
            except ConflictError as error:
                raise ConflictError(
                    _("cannot undo: someone else changed {field} since; reload and edit it by hand",
                      field=error.field or _("the same field")),
                    field=error.field, mine=error.mine, theirs=error.theirs,
                ) from error
            restored = Case.from_json_dict(result)
            for name in Case.model_fields:
                if name not in _NOT_UNDONE:
                    setattr(case, name, getattr(restored, name))

        self.case = self.workspace.update_case(self.case.id, revert, summary=summary)
