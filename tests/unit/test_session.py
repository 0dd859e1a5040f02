"""The TUI's case session: every edit one transaction; undo and redo touch only what the edit changed."""

from __future__ import annotations

from typing import Any

import pytest

from rca import causes
from rca.errors import ConflictError
from rca.model import PROBLEM_NODE, Case
from rca.store import Workspace
from rca.tui.session import CaseSession


def test_undo_reverts_only_this_sessions_edit(workspace: Workspace) -> None:
    workspace.create_case(title="Bore", method="5whys")
    session = CaseSession(workspace, "C-1")
    session.apply(lambda c, _ids: causes.add_cause(c, PROBLEM_NODE, "Spindle worn"), "add")
    other = Workspace(workspace.path, user="karim").open()

    def theirs(case: Case, _ids: Any) -> None:
        case.problem.what = "Bore 0.05 over"

    other.update_case("C-1", theirs, summary="karim")
    assert session.undo() == "add"
    case = workspace.get_case("C-1")
    assert causes.causes_only(case) == [] and case.problem.what == "Bore 0.05 over"
    assert session.redo() == "add"
    assert [c.text for c in causes.causes_only(workspace.get_case("C-1"))] == ["Spindle worn"]


def test_undo_refuses_when_someone_changed_the_same_field(workspace: Workspace) -> None:
    workspace.create_case(title="Bore", method="5whys")
    session = CaseSession(workspace, "C-1")

    def mine(case: Case, _ids: Any) -> None:
        case.problem.what = "mine"

    session.apply(mine, "what")
    other = Workspace(workspace.path, user="karim").open()

    def theirs(case: Case, _ids: Any) -> None:
        case.problem.what = "theirs"

    other.update_case("C-1", theirs, summary="karim")
    with pytest.raises(ConflictError, match="cannot undo"):
        session.undo()
    assert workspace.get_case("C-1").problem.what == "theirs"
