"""Every error a user can meet, in one place.

Each one says what was wrong and what to do; the CLI prints ``str(error)`` on one line and exits 1,
the TUI shows it as a notification. Nothing else should reach a user.

    RcaError                       anything a user can act on
    ├── InvalidInput               a value the user typed or imported is not acceptable
    │   └── ImportInvalid          a JSON file to import does not validate (lists each JSON path)
    ├── NotFound                   an unknown case, action, cause, indicator, method or format
    ├── GraphError                 a cause-graph operation that would break the graph (cycle, orphan...)
    ├── ConflictError              someone else saved the same field meanwhile; carries both texts
    └── WorkspaceError             the workspace file cannot be used as it is
        ├── WorkspaceBusy          the lock is held by a live process past the wait
        ├── WorkspaceCorrupt       the file does not parse or has the wrong shape (never overwritten)
        ├── WorkspaceTooNew        written by a newer rca (never overwritten)
        └── WorkspaceUnwritable    the folder is missing, read-only, full, or the path is a folder
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class RcaError(Exception):
    """Base of every error meant for a user: its message is complete and actionable."""


class InvalidInput(RcaError):
    """A value the user gave is not acceptable (which field, what is wrong, what is accepted)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ImportInvalid(InvalidInput):
    """A file to import does not validate; ``problems`` holds one line per JSON path."""

    def __init__(self, source: str, problems: Iterable[str]) -> None:
        from rca.i18n import _

        self.problems = list(problems)
        lines = "; ".join(self.problems[:8])
        more = _(" (and {count} more)", count=len(self.problems) - 8) if len(self.problems) > 8 else ""
        super().__init__(_("{source}: {problems}{more}. Nothing was imported.", source=source, problems=lines,
                           more=more))


class NotFound(RcaError):
    """Something named by the user does not exist; the message lists what does."""


class GraphError(RcaError):
    """A cause-graph change that would leave the graph invalid (a cycle, an orphan, the problem node)."""


class ConflictError(RcaError):
    """Another process changed the same field since this edit started.

    Neither text is lost: ``mine`` is what this edit wanted to write, ``theirs`` what is saved now.
    """

    def __init__(self, message: str, *, field: str = "", mine: object = None, theirs: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.mine = mine
        self.theirs = theirs


class WorkspaceError(RcaError):
    """The workspace file cannot be used as it is."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class WorkspaceBusy(WorkspaceError):
    """The workspace lock is held by a live process for longer than the wait."""


class WorkspaceCorrupt(WorkspaceError):
    """The workspace does not parse or has the wrong shape; it is kept as it is."""


class WorkspaceTooNew(WorkspaceError):
    """The workspace was written by a newer version of rca; it is kept as it is."""


class WorkspaceUnwritable(WorkspaceError):
    """The workspace cannot be written (missing folder, read-only, disk full, a folder in its place)."""
