"""Disks and files that fail: a clear message, and the workspace as it was, byte for byte.

* A full disk (a 64 KiB tmpfs when this runs as root, else ``os.write`` made to fail with ENOSPC),
  an fsync that fails (EIO), a read-only drive (a tmpfs remounted read-only, else a simulated EROFS),
  a missing folder, a workspace path that is a folder or ``/dev/null``.
* A file that does not parse or is not a workspace (truncated, invalid JSON, the wrong shape, a case
  that does not validate, an older or a newer schema version): never overwritten, one clear line naming
  the file and the backup, and ``rca recover`` lists the backups and restores the one picked.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest

from rca import paths
from rca.errors import WorkspaceUnwritable
from rca.store import Workspace
from tests.reliability.conftest import figures, folder_state, one_line_error, rca, rca_here

pytestmark = pytest.mark.slow


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[bool]:
    """A fresh tmpfs of ``size`` mounted on ``where`` (True), or nothing when this cannot mount (False)."""
    where.mkdir(parents=True, exist_ok=True)
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                                 capture_output=True, check=False, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        mounted = False
    try:
        yield mounted
    finally:
        if mounted and subprocess.run(["umount", str(where)], capture_output=True, check=False).returncode:
            subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def _big_case(ws: Workspace, size: int) -> None:
    ws.create_case(title="Big case", method="8d", build=lambda case, ids: setattr(case.problem, "what", "x" * size))


def _same_but_backups(before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """Every file as it was, byte for byte, no temp file left; new files can only be backups of the workspace
    as it was (a backup is taken before a write that then fails)."""
    new = {name: raw for name, raw in after.items() if name not in before}
    assert {name: after.get(name) for name in before} == before
    assert all(".backups/" in name and raw == before["ws.json"] for name, raw in new.items()), sorted(new)


def _tried(ws: Path, *commands: tuple[str, ...]) -> list[str]:
    """Run each command in this process; return their one-line errors (each must fail with exit 1)."""
    return [one_line_error(rca_here(*command, workspace=ws)) for command in commands]


WRITES = (("new", "-m", "8d", "-t", "One more"), ("action", "add", "C-1", "-t", "Replace the bearing"),
          ("import", "/nonexistent.json"))


# ------------------------------------------------------------------------------------------ full disk


def test_a_full_disk_leaves_the_workspace_as_it_was(folder: Path) -> None:
    where = folder / "tiny"
    with tmpfs(where, "64k") as mounted:
        if not mounted:
            pytest.skip("cannot mount a tmpfs here (not root): see the simulated full disk below")
        ws = Workspace(where / "ws.json", user="ines")
        _big_case(ws, 22_000)  # 22 KB: a backup and a temp copy no longer fit in 64 KiB
        before = folder_state(where)
        library = []
        for attempt in range(3):
            with pytest.raises(WorkspaceUnwritable) as caught:
                ws.update_case("C-1", lambda case, ids, n=attempt: setattr(case, "current_step", f"d{n}"),
                               summary="x")
            library.append(str(caught.value))
        cli = [one_line_error(rca(*command, workspace=where / "ws.json")) for command in WRITES[:2]]
        after = folder_state(where)
        read = rca_here("list", workspace=where / "ws.json")
    figures("full disk (64 KiB tmpfs)", writes_tried=len(library) + len(cli), lost=0,
            files_changed=sum(before[k] != after.get(k) for k in before), message=cli[0])
    assert all("the disk is full" in message and "was not changed" in message for message in library + cli)
    _same_but_backups(before, after)
    assert read.code == 0 and "Big case" in read.out


def test_a_simulated_full_disk_and_a_failing_fsync(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without root: ``os.write`` stops after a few KB with ENOSPC, ``os.fsync`` fails with EIO."""
    path = folder / "ws.json"
    ws = Workspace(path, user="ines")
    _big_case(ws, 20_000)
    ws.update_case("C-1", lambda case, ids: setattr(case, "current_step", "d1"), summary="backed up first")
    before = folder_state(folder)
    real_write, real_fsync = os.write, os.fsync
    messages = []
    for budget in (0, 1, 4096, 19_000):
        left = [budget]

        def write(fd: int, data: bytes, left: list[int] = left) -> int:
            if left[0] <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            count = min(len(data), left[0])
            left[0] -= count
            return real_write(fd, bytes(data[:count]))

        monkeypatch.setattr(os, "write", write)
        with pytest.raises(WorkspaceUnwritable) as caught:
            ws.update_case("C-1", lambda case, ids: setattr(case, "current_step", "d2"), summary="x")
        messages.append(str(caught.value))
        monkeypatch.setattr(os, "write", real_write)

    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WorkspaceUnwritable) as caught:
        ws.update_case("C-1", lambda case, ids: setattr(case, "current_step", "d2"), summary="x")
    monkeypatch.setattr(os, "fsync", real_fsync)
    eio = str(caught.value)
    after = folder_state(folder)
    figures("simulated full disk", writes_tried=len(messages) + 1, lost=0,
            files_changed=sum(before[k] != after.get(k) for k in before), fsync_message=eio)
    assert all("the disk is full" in message for message in messages)
    assert "Input/output error" in eio and "was not changed" in eio
    _same_but_backups(before, after)
    assert Workspace(path).open().get_case("C-1").current_step == "d1"


# ------------------------------------------------------------------------------------------ read-only


def test_a_read_only_drive_gives_a_clear_message_and_reading_still_works(folder: Path) -> None:
    where = folder / "ro"
    with tmpfs(where, "1m") as mounted:
        if not mounted:
            pytest.skip("cannot mount a tmpfs here (not root); chmod does not stop root")
        path = where / "ws.json"
        ws = Workspace(path, user="ines")
        ws.create_case(title="Bore diameter out of tolerance", method="8d")
        ws.create_case(title="Forklift near-miss", method="5whys")
        before = folder_state(where)
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)
        with pytest.raises(WorkspaceUnwritable) as caught:
            Workspace(path).update_case("C-1", lambda case, ids: setattr(case, "current_step", "d1"), summary="x")
        cli = _tried(path, *WRITES[:2], ("recover", "--restore", "1"))
        read = rca_here("list", workspace=path)
        show = rca_here("show", "C-2", workspace=path)
        after = folder_state(where)
        subprocess.run(["mount", "-o", "remount,rw", str(where)], check=True, capture_output=True)
    figures("read-only drive", writes_tried=1 + len(cli), lost=0, reads_ok=int(read.code == 0) + int(show.code == 0),
            message=cli[0])
    assert "read-only" in str(caught.value)
    assert all("read-only" in message for message in cli)
    assert read.code == 0 and "Forklift near-miss" in read.out and show.code == 0
    assert after == before


def test_a_read_only_file_is_not_replaced(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod a-w on the workspace: renaming over it only needs the folder's permission, so it must be refused
    on purpose. Root may write anything: ``os.access`` answers here as it would for its owner."""
    path = folder / "ws.json"
    ws = Workspace(path, user="ines")
    ws.create_case(title="Frozen for the audit", method="8d")
    path.chmod(0o444)
    before = folder_state(folder)
    real_access = os.access

    def access(target: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)) == path:
            return bool(path.stat().st_mode & 0o200)
        return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(WorkspaceUnwritable) as caught:
        ws.update_case("C-1", lambda case, ids: setattr(case, "current_step", "d1"), summary="x")
    cli = _tried(path, *WRITES[:2])
    read = rca_here("list", workspace=path)
    after = folder_state(folder)
    path.chmod(0o644)
    figures("read-only workspace file", writes_tried=1 + len(cli), lost=0, message=cli[0])
    assert "the file is read-only" in str(caught.value)
    assert all("the file is read-only" in line for line in cli)
    assert read.code == 0 and "Frozen for the audit" in read.out
    _same_but_backups(before, after)


# ------------------------------------------------------------------------------------------ wrong paths


def test_a_missing_folder_a_folder_and_dev_null_are_refused_clearly(folder: Path) -> None:
    missing = folder / "no" / "such" / "folder" / "ws.json"
    lines = _tried(missing, *WRITES[:1], ("recover", "--restore", "1"), ("action", "add", "C-1", "-t", "x"))
    assert f"the folder {missing.parent} does not exist" in lines[0]
    assert lines[1] == f"rca: No backups of {missing} yet."
    assert lines[2] == f"rca: no case C-1 in {missing}; it has no cases yet"
    assert not (folder / "no").exists()  # nothing was created on the way

    a_folder = folder / "a-folder"
    a_folder.mkdir()
    (a_folder / "keep.txt").write_text("keep")
    lines += _tried(a_folder, *WRITES[:2], ("list",), ("show", "C-1"))
    assert all("it is a folder; give the path of a file" in line for line in lines[3:])
    assert folder_state(a_folder) == {"keep.txt": b"keep"}

    lines += _tried(Path("/dev/null"), ("list",), *WRITES[:2])
    assert all("/dev/null" in line for line in lines[-3:])
    figures("wrong workspace paths", commands_tried=len(lines), refused_with_one_line=len(lines), lost=0)


# ------------------------------------------------------------------------------------------ unreadable files


def _valid(meta: dict[str, object] | None = None, cases: dict[str, object] | None = None) -> bytes:
    return orjson.dumps({"meta": {"1": meta or {"schema_version": 1, "next_case": 2, "next_action": 1}},
                         "cases": cases if cases is not None else {}})


BROKEN = {
    "truncated": None,  # the real file cut in half
    "empty": b"",
    "invalid JSON": b'{"meta": {"1": {"schema_version": 1,, }}',
    "not UTF-8": b"\xff\xfe{\x00\x00garbage",
    "a JSON list": b"[1, 2, 3]",
    "no cases table": b'{"meta": {"1": {"schema_version": 1, "next_case": 1, "next_action": 1}}}',
    "no meta document": b'{"meta": {}, "cases": {}}',
    "a case that does not validate": _valid(cases={"1": {"id": "C-1", "title": 5, "method": "8d"}}),
    "a case under the wrong number": _valid(cases={"2": {"id": "C-1", "title": "x", "method": "8d"}}),
    "a counter that is text": _valid(meta={"schema_version": 1, "next_case": "two", "next_action": 1}),
    "a newer schema version": _valid(meta={"schema_version": 99, "next_case": 2, "next_action": 1}),
    "an unknown older schema version": _valid(meta={"schema_version": 0, "next_case": 2, "next_action": 1}),
}


def test_a_file_that_cannot_be_read_is_never_overwritten_and_recover_restores_a_backup(folder: Path) -> None:
    """Each broken file in turn, in this process (fast); the CLI end to end once more below."""
    refused = restored = 0
    for name, broken in BROKEN.items():
        path = folder / name.replace(" ", "-") / "ws.json"
        path.parent.mkdir()
        assert rca_here("new", "-m", "8d", "-t", "Bore diameter out of tolerance", workspace=path).code == 0
        assert rca_here("new", "-m", "5whys", "-t", "Second case", workspace=path).code == 0  # a backup first
        (backup,) = Workspace(path).backups()
        raw = path.read_bytes()[: len(path.read_bytes()) // 2] if broken is None else broken
        path.write_bytes(raw)
        lines = _tried(path, ("list",), ("show", "C-1"), ("actions",), *WRITES,
                       ("action", "set", "A-1", "--status", "done"), ("export", "case", "C-1", "-o",
                                                                       str(folder / "x.json")))
        refused += len(lines)
        for line in lines[:1]:
            assert str(path) in line, (name, line)
            assert str(backup.path) in line and "rca recover" in line, (name, line)
        assert path.read_bytes() == raw, f"{name}: the file was changed"
        assert [b.path for b in Workspace(path).backups()] == [backup.path], f"{name}: backups were rotated"
        assert not (folder / "x.json").exists()

        listed = rca_here("recover", workspace=path)
        assert listed.code == 0 and "1 " in listed.out and "Restore one with" in listed.out, (name, listed)
        put_back = rca_here("recover", "--restore", "1", workspace=path)
        assert put_back.code == 0 and "Restored" in put_back.out, (name, put_back)
        after = rca_here("list", workspace=path)
        assert after.code == 0 and "Bore diameter" in after.out, (name, after)
        kept = [p for p in path.parent.iterdir() if p.name.startswith("ws.json.corrupt-")]
        kept += [b.path for b in Workspace(path).backups() if b.path.read_bytes() == raw]
        assert len(kept) == 1 and kept[0].read_bytes() == raw, f"{name}: the broken file was not kept aside"
        restored += 1
    figures("unreadable workspace files", kinds=len(BROKEN), commands_refused=refused, overwritten=0,
            restored_by_rca_recover=restored, broken_files_kept_aside=restored, lost=0)


def test_recover_end_to_end_through_the_command_line(folder: Path) -> None:
    """As a user would type it: rca list fails naming the file and the backup, recover, list works."""
    path = folder / "ws.json"
    assert rca("new", "-m", "8d", "-t", "Bore diameter out of tolerance", workspace=path).code == 0
    assert rca("new", "-m", "5whys", "-t", "Second case", workspace=path).code == 0
    (backup,) = Workspace(path).backups()
    raw = path.read_bytes()[:-40]
    path.write_bytes(raw)
    failed = rca("list", workspace=path)
    line = one_line_error(failed)
    assert str(path) in line and str(backup.path) in line and "rca recover" in line
    tui = rca(workspace=path, timeout=30)  # the workshop screen does not start on it either: one line
    assert one_line_error(tui) == line
    listed = rca("recover", workspace=path)
    assert listed.code == 0 and listed.out.splitlines()[2].startswith("1 ")
    wrong = rca("recover", "--restore", "7", workspace=path)
    assert "--restore: 7 is not in the list; pick 1 to 1" in one_line_error(wrong)
    put_back = rca("recover", "--restore", "1", workspace=path)
    assert put_back.code == 0 and put_back.out.startswith(f"Restored {path} from the backup of ")
    again = rca("list", workspace=path)
    figures("rca recover end to end", failing_list=line, restored=1, lost=0)
    assert again.code == 0 and "Bore diameter" in again.out
    assert [p.read_bytes() for p in folder.glob("ws.json.corrupt-*")] == [raw]
    assert paths.backups_dir(path).is_dir()


def test_recover_without_backups_says_so(folder: Path) -> None:
    path = folder / "ws.json"
    path.write_bytes(b"{not json")
    listed = rca_here("recover", workspace=path)
    line = one_line_error(rca_here("recover", "--restore", "1", workspace=path))
    figures("recover without backups", message=line)
    assert listed.code == 0 and "No backups" in listed.out
    assert line == f"rca: No backups of {path} yet."
    assert path.read_bytes() == b"{not json"
