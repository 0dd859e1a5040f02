"""rca.store: the workspace file, its transactions, backups, migrations and failures."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rca import paths, store, store_disk
from rca.errors import (
    ConflictError,
    GraphError,
    InvalidInput,
    NotFound,
    WorkspaceBusy,
    WorkspaceCorrupt,
    WorkspaceTooNew,
    WorkspaceUnwritable,
)
from rca.model import (
    Action,
    ActionStatus,
    Case,
    Cause,
    CauseStatus,
    Evidence,
    Method,
)
from rca.store import IdSource, Workspace, open_workspace

ROOT = Path(__file__).resolve().parents[2]


def add_action(title: str, **fields: Any) -> Any:
    """A change adding an action with a new id."""

    def change(case: Case, ids: IdSource) -> None:
        case.actions.append(Action(id=ids.next_action_id(), title=title, **fields))

    return change


def set_what(text: str) -> Any:
    def change(case: Case, ids: IdSource) -> None:
        case.problem.what = text

    return change


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    """A workspace with three cases; C-1 has two actions."""
    workspace.create_case(title="Burr on housing", method="8d")
    workspace.update_case("C-1", add_action("Deburr"), summary="add action")
    workspace.update_case("C-1", add_action("Train operators"), summary="add action")
    workspace.create_case(title="Late deliveries", method=Method.A3)
    workspace.create_case(title="Scratches", method="5whys")
    return workspace


# ------------------------------------------------------------------------------------- create, read


def test_a_missing_file_has_no_cases_and_is_not_created(workspace: Workspace) -> None:
    assert workspace.list_cases() == []
    assert workspace.all_actions() == []
    assert not workspace.exists()
    assert not workspace.path.exists()


def test_create_case_numbers_cases_and_records_who_and_when(workspace: Workspace) -> None:
    first = workspace.create_case(title="Burr on housing", method="8d")
    second = workspace.create_case(title="Late deliveries", method=Method.A3, summary="opened from the 8D")
    assert (first.id, second.id) == ("C-1", "C-2")
    assert first.version == 1 and first.created_by == "tester"
    assert first.audit[-1].summary == "case created" and first.audit[-1].by == "tester"
    assert second.audit[-1].summary == "opened from the 8D"
    assert workspace.exists()
    assert [case.id for case in workspace.list_cases()] == ["C-1", "C-2"]
    data = json.loads(workspace.path.read_text())
    assert data["meta"]["1"] == {"schema_version": 1, "next_case": 3, "next_action": 1}
    assert set(data["cases"]) == {"1", "2"}


def test_create_case_can_be_filled_in_the_same_change(workspace: Workspace) -> None:
    def build(case: Case, ids: IdSource) -> None:
        case.problem.what = "burr 0.3 mm"
        case.actions.append(Action(id=ids.next_action_id(), title="Contain stock"))

    case = workspace.create_case(title="Burr", method="8d", build=build)
    assert workspace.get_case(case.id).actions[0].id == "A-1"
    assert workspace.get_case(case.id).problem.what == "burr 0.3 mm"
    assert len(case.audit) == 1


def test_create_case_refuses_a_bad_title_or_method(workspace: Workspace) -> None:
    with pytest.raises(InvalidInput, match="title"):
        workspace.create_case(title="", method="8d")
    with pytest.raises(InvalidInput, match="use one of"):
        workspace.create_case(title="Burr", method="9d")
    assert not workspace.path.exists()


def test_get_case_accepts_short_forms(filled: Workspace) -> None:
    for ref in ("C-2", "c-2", "2", " 2 "):
        assert filled.get_case(ref).title == "Late deliveries"


def test_get_case_names_the_file_and_the_cases_there_are(filled: Workspace) -> None:
    with pytest.raises(NotFound) as caught:
        filled.get_case("c-9")
    assert str(caught.value) == f"no case C-9 in {filled.path}; cases are C-1..C-3"
    with pytest.raises(NotFound, match="not a case id"):
        filled.get_case("burr")


def test_get_case_gives_a_copy_to_change(filled: Workspace) -> None:
    case = filled.get_case("C-1")
    case.title = "Changed here only"
    assert filled.get_case("C-1").title == "Burr on housing"


def test_list_cases_can_leave_archived_cases_out(filled: Workspace) -> None:
    def archive(case: Case, ids: IdSource) -> None:
        case.archived = True

    filled.update_case("C-2", archive, summary="archived")
    assert [c.id for c in filled.list_cases(include_archived=False)] == ["C-1", "C-3"]
    assert len(filled.list_cases()) == 3


def test_open_workspace_uses_the_option_then_the_environment(tmp_path: Path) -> None:
    assert open_workspace().path == tmp_path / "workspace" / "workspace.json"
    assert open_workspace(str(tmp_path / "other.json"), user="ana").user == "ana"


def test_the_default_workspace_folder_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RCA_WORKSPACE")
    workspace = open_workspace()
    assert workspace.path == paths.default_workspace()
    workspace.create_case(title="Burr", method="8d")
    assert (tmp_path / "data" / "workspace.json").is_file()


def test_an_explicit_path_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "nowhere" / "ws.json")
    assert workspace.list_cases() == []
    with pytest.raises(WorkspaceUnwritable) as caught:
        workspace.create_case(title="Burr", method="8d")
    assert f"the folder {tmp_path / 'nowhere'} does not exist" in str(caught.value)
    assert not (tmp_path / "nowhere").exists()


def test_the_user_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Workspace(tmp_path / "ws.json").user == "tester"
    assert Workspace(tmp_path / "ws.json", user="ana").user == "ana"
    monkeypatch.delenv("RCA_USER")
    assert Workspace(tmp_path / "ws.json").user  # the login name, else "unknown"


# ------------------------------------------------------------------------------------------ updates


def test_update_case_bumps_the_version_and_records_the_fields(filled: Workspace) -> None:
    case = filled.update_case("c-3", set_what("scratches on the cover"), summary="described the problem")
    assert case.version == 2
    entry = case.audit[-1]
    assert (entry.summary, entry.by, entry.fields) == ("described the problem", "tester", ["problem.what"])
    assert filled.get_case("C-3") == case


def test_update_case_caps_the_audit_fields(filled: Workspace) -> None:
    def many(case: Case, ids: IdSource) -> None:
        for number in range(30):
            case.step(f"s{number}").fields["text"] = "x"

    assert len(filled.update_case("C-3", many, summary="many").audit[-1].fields) == store.AUDIT_FIELDS_KEPT


def test_an_update_that_changes_nothing_writes_nothing(filled: Workspace) -> None:
    before = filled.path.read_bytes()
    stamp = filled.path.stat().st_mtime_ns

    def nothing(case: Case, ids: IdSource) -> None:
        case.problem.what = case.problem.what
        ids.next_action_id()  # ids handed out for nothing are not saved either

    case = filled.update_case("C-1", nothing, summary="nothing")
    assert case.version == 3
    assert filled.path.read_bytes() == before and filled.path.stat().st_mtime_ns == stamp
    assert filled.update_case("C-2", add_action("Call carrier"), summary="x").actions[0].id == "A-3"


def test_an_invalid_change_is_refused_and_nothing_is_written(filled: Workspace) -> None:
    before = filled.path.read_bytes()

    def empty_title(case: Case, ids: IdSource) -> None:
        case.title = ""

    with pytest.raises(InvalidInput, match=r"C-1: title"):
        filled.update_case("C-1", empty_title, summary="x")

    def bad_action(case: Case, ids: IdSource) -> None:
        case.actions.append(Action.model_construct(id="X-1", title="no id"))

    with pytest.raises(InvalidInput, match=r"actions\[2\]\.id"):
        filled.update_case("C-1", bad_action, summary="x")
    assert filled.path.read_bytes() == before
    assert filled.get_case("C-1").version == 3


def test_a_change_that_raises_writes_nothing(filled: Workspace) -> None:
    before = filled.path.read_bytes()

    def refuse(case: Case, ids: IdSource) -> None:
        case.title = "half done"
        raise GraphError("that link would make a cycle")

    with pytest.raises(GraphError, match="cycle"):
        filled.update_case("C-1", refuse, summary="x")
    with pytest.raises(ZeroDivisionError):
        filled.update_case("C-1", lambda case, ids: 1 / 0, summary="x")
    assert filled.path.read_bytes() == before
    assert filled.get_case("C-1").title == "Burr on housing"


def test_update_case_of_a_missing_case(filled: Workspace) -> None:
    with pytest.raises(NotFound, match="cases are C-1..C-3"):
        filled.update_case("C-7", set_what("x"), summary="x")


def test_actions_are_found_and_updated_by_short_id(filled: Workspace) -> None:
    case, action = filled.find_action("a-2")
    assert (case.id, action.title) == ("C-1", "Train operators")

    def done(case: Case, action: Action) -> None:
        action.status = ActionStatus.DONE
        action.evidence.append(Evidence(text="attendance sheet"))

    updated = filled.update_action("2", done, summary="done")
    assert updated.action("A-2").status is ActionStatus.DONE
    assert updated.audit[-1].fields == ["actions[A-2].status", "actions[A-2].evidence"]
    assert [(c.id, a.id) for c, a in filled.all_actions()] == [("C-1", "A-1"), ("C-1", "A-2")]
    with pytest.raises(NotFound, match="no action A-9"):
        filled.find_action("A-9")
    with pytest.raises(NotFound, match="no action A-9"):
        filled.update_action("a-9", done, summary="x")


def test_action_ids_are_unique_across_the_workspace(workspace: Workspace) -> None:
    for number in range(3):
        workspace.create_case(title=f"Case {number}", method="8d")
    for case_id in ("C-1", "C-2", "C-3", "C-1"):
        workspace.update_case(case_id, add_action("a"), summary="x")
        workspace.update_case(case_id, add_action("b"), summary="x")
    ids = [action.id for _case, action in workspace.all_actions()]
    assert len(ids) == len(set(ids)) == 8
    assert sorted(ids, key=lambda i: int(i[2:])) == [f"A-{n}" for n in range(1, 9)]


# ------------------------------------------------------------------------------------------ imports


def test_add_case_keeps_a_free_id_and_renews_clashing_action_ids(filled: Workspace) -> None:
    imported = Case(id="C-7", title="Imported", method="8d", version=12, actions=[
        Action(id="A-1", title="clashes"), Action(id="A-40", title="free"), Action(id="A-40", title="twice"),
    ])
    saved = filled.add_case(imported, summary="imported from site B")
    assert (saved.id, saved.version) == ("C-7", 1)
    assert [a.id for a in saved.actions] == ["A-41", "A-40", "A-42"]
    assert saved.audit[-1].summary == "imported from site B"
    assert filled.get_case("C-7") == saved
    again = filled.add_case(imported, summary="again")
    assert again.id == "C-8"
    assert [a.id for a in again.actions] == ["A-43", "A-44", "A-45"]
    assert filled.create_case(title="Next", method="8d").id == "C-9"


titles = st.text(min_size=1, max_size=300).filter(lambda text: text.replace("\x00", ""))
texts = st.text(max_size=40)


@st.composite
def cases(draw: Any) -> Case:
    action_numbers = draw(st.lists(st.integers(1, 10_000), unique=True, max_size=6))
    actions = [
        Action(id=f"A-{number}", title=draw(titles), owner=draw(texts),
               status=draw(st.sampled_from(list(ActionStatus))),
               evidence=[Evidence(text=text) for text in draw(st.lists(titles, max_size=2))])
        for number in action_numbers
    ]
    causes = [
        Cause(id=f"K-{number}", text=draw(texts), status=draw(st.sampled_from(list(CauseStatus))),
              root=draw(st.booleans()))
        for number in range(1, draw(st.integers(0, 5)) + 1)
    ]
    case = Case(id=f"C-{draw(st.integers(1, 500))}", title=draw(titles), method=draw(st.sampled_from(list(Method))),
                actions=actions, causes=causes)
    case.problem.what = draw(texts)
    return case


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases())
def test_any_case_comes_back_as_it_was_added(case: Case) -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder) / "ws.json", user="tester")
        saved = workspace.add_case(case, summary="import")
        assert saved.id == case.id
        # Read back by a fresh workspace object: from the file, not the cache.
        again = Workspace(Path(folder) / "ws.json").get_case(case.id)
        assert again == saved
        kept = {"version", "audit"}
        assert again.model_dump(exclude=kept) == case.model_dump(exclude=kept)


# ----------------------------------------------------------------------------------- stale editors


def test_save_case_merges_two_stale_editors(filled: Workspace) -> None:
    base = filled.get_case("C-1")
    first, second = base.model_copy(deep=True), base.model_copy(deep=True)
    first.problem.what = "burr 0.3 mm on the housing edge"
    first.action("A-1").owner = "Ana"
    second.problem.where = "line 2, station 4"
    second.action("A-2").owner = "Bo"
    saved_first = filled.save_case(first, base=base, summary="problem described")
    saved_second = filled.save_case(second, base=base, summary="where")
    assert (saved_first.version, saved_second.version) == (4, 5)
    final = filled.get_case("C-1")
    assert final.problem.what == "burr 0.3 mm on the housing edge"
    assert final.problem.where == "line 2, station 4"
    assert (final.action("A-1").owner, final.action("A-2").owner) == ("Ana", "Bo")
    assert final.audit[-1].fields == ["problem.where", "actions[A-2].owner"]


def test_save_case_refuses_the_same_field_changed_differently(filled: Workspace) -> None:
    base = filled.get_case("C-1")
    first, second = base.model_copy(deep=True), base.model_copy(deep=True)
    first.problem.what = "burr on the edge"
    second.problem.what = "sharp edge after deburring"
    filled.save_case(first, base=base, summary="x")
    before = filled.path.read_bytes()
    with pytest.raises(ConflictError) as caught:
        filled.save_case(second, base=base, summary="y")
    error = caught.value
    assert error.field == "problem.what"
    assert (error.mine, error.theirs) == ("sharp edge after deburring", "burr on the edge")
    assert str(error).startswith("C-1: problem.what was changed by someone else")
    assert filled.path.read_bytes() == before


def test_save_case_of_an_unchanged_form_writes_nothing(filled: Workspace) -> None:
    base = filled.get_case("C-2")
    before = filled.path.read_bytes()
    assert filled.save_case(base.model_copy(deep=True), base=base, summary="x").version == base.version
    assert filled.path.read_bytes() == before


def test_another_process_changes_are_seen_before_writing(filled: Workspace) -> None:
    other = Workspace(filled.path, user="bo")
    other.update_case("C-1", set_what("from bo"), summary="bo")
    filled.update_case("C-1", add_action("from tester"), summary="tester")
    case = other.get_case("C-1")
    assert case.problem.what == "from bo" and case.actions[-1].title == "from tester"
    assert [entry.by for entry in case.audit[-2:]] == ["bo", "tester"]


def test_threads_sharing_a_workspace_lose_nothing(filled: Workspace) -> None:
    def work(number: int) -> None:
        for round_ in range(10):
            filled.update_case("C-2", add_action(f"t{number}-{round_}"), summary="x")
            filled.list_cases()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    titles = {action.title for action in Workspace(filled.path).get_case("C-2").actions}
    assert titles == {f"t{n}-{r}" for n in range(4) for r in range(10)}


def test_unchanged_file_is_not_parsed_again(filled: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = store_disk.parse_tables
    monkeypatch.setattr("rca.store_file.parse_tables", lambda raw: calls.append(1) or original(raw))
    filled.list_cases()
    filled.get_case("C-1")
    filled.update_case("C-1", set_what("x"), summary="x")  # its own write is cached too
    filled.list_cases()
    assert calls == []
    other = Workspace(filled.path)
    other.list_cases()
    assert calls == [1]  # the other object's first read
    other.update_case("C-2", set_what("y"), summary="y")
    assert calls == [1]
    assert filled.get_case("C-2").problem.what == "y"
    assert calls == [1, 1]  # ours, once the file changed


# --------------------------------------------------------------------------------- corrupt files


def _valid_bytes(filled: Workspace) -> bytes:
    return filled.path.read_bytes()


def _case_without_title(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["cases"]["2"]["title"] = ""
    return json.dumps(data).encode()


CORRUPTIONS = {
    "not JSON": (lambda raw: b"{this is not json", "not valid JSON"),
    "truncated": (lambda raw: raw[: len(raw) // 2], "cut short"),
    "empty": (lambda raw: b"", "the file is empty"),
    "a list": (lambda raw: b"[1, 2]", "(top level): is a list"),
    "no tables": (lambda raw: b'{"_default": {}}', "meta: the table is missing"),
    "no cases table": (lambda raw: b'{"meta": {"1": {"schema_version": 1}}}', "cases: the table is missing"),
    "bad version": (lambda raw: b'{"meta": {"1": {"schema_version": "one"}}, "cases": {}}', "schema_version"),
    "invalid case": (_case_without_title, "cases.2.title"),
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_a_file_that_does_not_parse_is_never_overwritten(filled: Workspace, kind: str) -> None:
    filled.backup_interval = timedelta(0)
    filled.update_case("C-1", set_what("backed up"), summary="x")  # takes a backup of a good file
    good_backup = filled.backups()[0].path
    count = len(filled.backups())
    corrupt, problem = CORRUPTIONS[kind]
    broken = corrupt(_valid_bytes(filled))
    filled.path.write_bytes(broken)
    workspace = Workspace(filled.path)
    attempts = [
        workspace.open,
        workspace.list_cases,
        lambda: workspace.get_case("C-1"),
        lambda: workspace.create_case(title="x", method="8d"),
        lambda: workspace.update_case("C-1", set_what("x"), summary="x"),
        lambda: filled.update_case("C-1", set_what("x"), summary="x"),
        lambda: workspace.update_action("A-1", lambda case, action: None, summary="x"),
        lambda: workspace.add_case(Case(id="C-9", title="x", method="8d"), summary="x"),
    ]
    for attempt in attempts:
        with pytest.raises(WorkspaceCorrupt) as caught:
            attempt()
        message = str(caught.value)
        assert str(filled.path) in message and problem in message, message
        assert f"The newest good backup is {good_backup}" in message and "'rca recover' will restore it" in message
        assert filled.path.read_bytes() == broken
    assert len(filled.backups()) == count  # nothing backed up from a file that does not parse


def test_the_corrupt_message_skips_backups_that_do_not_parse(filled: Workspace) -> None:
    good = filled.backups()[0]
    broken = good.path.with_name("ws-29991231T235959.000000Z.json")
    broken.write_bytes(b"{")
    assert filled.backups()[0].path == broken and filled.backups()[0].cases is None
    filled.path.write_bytes(b"[]")
    with pytest.raises(WorkspaceCorrupt, match=f"The newest good backup is {good.path}"):
        Workspace(filled.path).open()


def test_a_corrupt_file_without_backups_says_so(workspace: Workspace) -> None:
    workspace.path.write_bytes(b"{")
    with pytest.raises(WorkspaceCorrupt, match="There is no good backup"):
        workspace.list_cases()


def test_a_file_from_a_newer_rca_is_never_written(filled: Workspace) -> None:
    data = json.loads(filled.path.read_bytes())
    data["meta"]["1"]["schema_version"] = 99
    data["cases"]["1"]["a_future_field"] = True
    raw = json.dumps(data).encode()
    filled.path.write_bytes(raw)
    workspace = Workspace(filled.path)
    for attempt in (workspace.open, lambda: workspace.create_case(title="x", method="8d"),
                    lambda: filled.update_case("C-1", set_what("x"), summary="x")):
        with pytest.raises(WorkspaceTooNew, match="schema version 99; this one knows up to 1"):
            attempt()
    assert filled.path.read_bytes() == raw


def test_a_path_that_is_a_folder(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    with pytest.raises(WorkspaceUnwritable, match="it is a folder"):
        workspace.list_cases()
    with pytest.raises(WorkspaceUnwritable, match="it is a folder"):
        workspace.create_case(title="x", method="8d")


# -------------------------------------------------------------------------------------- migrations


def _v0_file(path: Path) -> bytes:
    raw = json.dumps({
        "meta": {"1": {"schema_version": 0, "counters": [2, 1]}},
        "cases": {"1": {"id": "C-1", "name": "Burr from v0", "method": "8d"}},
    }).encode()
    path.write_bytes(raw)
    return raw


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    next_case, next_action = data["meta"]["1"].pop("counters")
    data["meta"]["1"].update(next_case=next_case, next_action=next_action)
    for doc in data["cases"].values():
        doc["title"] = doc.pop("name")
    return data


def test_an_older_file_is_migrated_after_a_backup(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(store.MIGRATIONS, 0, _v0_to_v1)
    old = _v0_file(workspace.path)
    workspace.open()
    backups = workspace.backups()
    assert len(backups) == 1 and backups[0].path.read_bytes() == old and backups[0].cases == 1
    data = json.loads(workspace.path.read_bytes())
    assert data["meta"]["1"] == {"schema_version": 1, "next_case": 2, "next_action": 1}
    assert workspace.get_case("C-1").title == "Burr from v0"
    assert workspace.create_case(title="New", method="a3").id == "C-2"


def test_an_older_file_put_in_place_later_is_migrated_on_read(workspace: Workspace,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(store.MIGRATIONS, 0, _v0_to_v1)
    workspace.create_case(title="Current", method="8d")
    _v0_file(workspace.path)
    assert [case.title for case in workspace.list_cases()] == ["Burr from v0"]


def test_an_older_file_without_migration_is_left_alone(workspace: Workspace) -> None:
    old = _v0_file(workspace.path)
    with pytest.raises(WorkspaceCorrupt, match="could not be upgraded from schema version 0"):
        workspace.open()
    assert workspace.path.read_bytes() == old


def test_a_failing_migration_leaves_the_file_alone(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(store.MIGRATIONS, 0, lambda data: data)  # forgets to rename "name"
    old = _v0_file(workspace.path)
    with pytest.raises(WorkspaceCorrupt, match="could not be upgraded"):
        workspace.open()
    assert workspace.path.read_bytes() == old


# -------------------------------------------------------------------------------------------- lock

HOLDER = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from rca.store import Workspace

def hold(case, ids):
    print("holding", flush=True)
    time.sleep(60)

Workspace(Path(sys.argv[1]), user="ines").update_case("C-1", hold, summary="hold")
"""


def test_a_busy_workspace_names_the_holder_and_a_dead_holder_is_taken_over(filled: Workspace) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(filled.path), str(ROOT)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        filled.lock_timeout = 0.3
        started = time.monotonic()
        with pytest.raises(WorkspaceBusy) as caught:
            filled.create_case(title="x", method="8d")
        assert time.monotonic() - started < 3
        message = str(caught.value)
        assert message.startswith(f"workspace {filled.path} is busy (held by ines on {socket.gethostname()} since ")
        assert message.endswith("); try again in a moment")
        assert filled.list_cases()  # reading needs no lock
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert filled.create_case(title="after the holder died", method="8d").id == "C-4"


def test_the_holder_information_is_removed_after_a_change(filled: Workspace) -> None:
    info = paths.lock_path(filled.path).with_name(filled.path.name + ".lock.info")
    assert not info.exists()


# ----------------------------------------------------------------------------------------- backups


def test_a_write_backs_up_when_the_newest_backup_is_old(filled: Workspace) -> None:
    assert len(filled.backups()) == 1  # the second write found no backup at all
    filled.update_case("C-1", set_what("a"), summary="x")
    assert len(filled.backups()) == 1  # the newest is younger than ten minutes
    filled.backup_interval = timedelta(0)
    before = filled.path.read_bytes()
    filled.update_case("C-1", set_what("b"), summary="x")
    newest = filled.backups()[0]
    assert newest.path.read_bytes() == before and newest.cases == 3 and newest.size == len(before)
    assert newest.path.parent == paths.backups_dir(filled.path)


def test_backups_are_rotated(filled: Workspace) -> None:
    filled.backup_interval = timedelta(0)
    filled.keep_backups = 4
    for number in range(8):
        filled.update_case("C-1", set_what(f"round {number}"), summary="x")
    backups = filled.backups()
    assert len(backups) == 4
    assert [b.taken_at for b in backups] == sorted((b.taken_at for b in backups), reverse=True)
    assert "round 6" in backups[0].path.read_text()


def test_restore_puts_a_backup_back_and_backs_up_the_current_file(filled: Workspace) -> None:
    filled.backup_interval = timedelta(0)
    filled.update_case("C-1", set_what("kept"), summary="x")
    filled.update_case("C-1", set_what("to be undone"), summary="x")
    current = filled.path.read_bytes()
    target = filled.backups()[0]
    filled.restore(target)
    assert filled.get_case("C-1").problem.what == "kept"
    assert filled.backups()[0].path.read_bytes() == current


def test_restore_sets_a_corrupt_file_aside(filled: Workspace) -> None:
    filled.backup_interval = timedelta(0)
    filled.update_case("C-1", set_what("good"), summary="x")
    filled.update_case("C-1", set_what("good too"), summary="x")
    target = filled.backups()[0]
    filled.path.write_bytes(b'{"cases": {"1": {"trunc')
    count = len(filled.backups())
    filled.restore(target)
    assert filled.get_case("C-1").problem.what == "good"
    aside = list(filled.path.parent.glob("ws.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b'{"cases": {"1": {"trunc'
    assert len(filled.backups()) == count


def test_restore_refuses_a_backup_that_does_not_parse_or_is_too_new(filled: Workspace, tmp_path: Path) -> None:
    broken = store.Backup(tmp_path / "broken.json", filled.backups()[0].taken_at, 3, None)
    broken.path.write_bytes(b"{{")
    before = filled.path.read_bytes()
    with pytest.raises(WorkspaceCorrupt, match="cannot restore .*broken.json: it is not valid JSON"):
        filled.restore(broken)
    newer = json.loads(before)
    newer["meta"]["1"]["schema_version"] = 2
    broken.path.write_text(json.dumps(newer))
    with pytest.raises(WorkspaceTooNew, match="update rca first"):
        filled.restore(broken)
    assert filled.path.read_bytes() == before


# -------------------------------------------------------------------------------------- OS errors


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "the disk is full"),
    (errno.EROFS, "the drive is read-only"),
    (errno.EACCES, "you are not allowed to write in"),
    (errno.EPERM, "you are not allowed to write in"),
    (errno.EBUSY, "another program holds it open"),
    (errno.EIO, "Input/output error"),
])
def test_a_failed_write_leaves_the_file_intact(filled: Workspace, monkeypatch: pytest.MonkeyPatch, code: int,
                                               words: str) -> None:
    before = filled.path.read_bytes()

    def failing_fsync(descriptor: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(WorkspaceUnwritable) as caught:
        filled.update_case("C-1", set_what("lost?"), summary="x")
    monkeypatch.undo()
    assert words in str(caught.value) and str(filled.path) in str(caught.value)
    assert filled.path.read_bytes() == before
    assert not [p for p in filled.path.parent.iterdir() if p.name.endswith(".tmp")]
    assert filled.get_case("C-1").problem.what == ""  # the cache was dropped with the failed write
    filled.update_case("C-1", set_what("now it works"), summary="x")
    assert Workspace(filled.path).get_case("C-1").problem.what == "now it works"


def test_temp_files_of_a_dead_writer_are_cleaned(filled: Workspace) -> None:
    leftover = filled.path.parent / f".{filled.path.name}.123.abcd.tmp"
    leftover.write_bytes(b"half")
    Workspace(filled.path).update_case("C-1", set_what("x"), summary="x")
    assert not leftover.exists()


def test_text_that_cannot_be_encoded_is_refused(filled: Workspace) -> None:
    before = filled.path.read_bytes()
    with pytest.raises(InvalidInput, match="cannot be saved"):
        filled.update_case("C-1", set_what("bad \ud800 surrogate"), summary="x")
    assert filled.path.read_bytes() == before
    assert filled.get_case("C-1").problem.what == ""


# ------------------------------------------------------------------------------------------ layers


def test_the_store_does_not_import_the_ui() -> None:
    code = ("import sys; import rca.store, rca.patch; "
            "print(sorted(m for m in sys.modules if m.startswith(('textual', 'rca.tui', 'methods', 'exports'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
