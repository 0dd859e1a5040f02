"""A writer killed at random moments (SIGKILL) never leaves the workspace unreadable or loses a write it
acknowledged.

A writer process updates cases in a loop and prints the id of each write once ``update_case`` has
returned. It is killed 200 times at random moments, most of them in the middle of a transaction: one
writer in three takes a backup at every write (so kills also land while a backup is written or old ones
are pruned). After each kill the workspace opens, holds every acknowledged write, can be written again at
once (the dead writer's lock is released by the OS), and every backup left parses.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import select
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from rca import paths
from rca.model import Case, StepRecord
from rca.store import IdSource, Workspace
from tests.reliability.conftest import figures

pytestmark = pytest.mark.slow

KILLS = 200
CASES = 10


def _writer(path: str, first: int, out: int, backup_every_write: bool) -> None:
    """Write forever, printing the id of each acknowledged write on stdout (a pipe to the test)."""
    os.dup2(out, 1)
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115 - the process dies with it open
    workspace = Workspace(Path(path), user="crash-writer")
    if backup_every_write:
        workspace.backup_interval = timedelta(0)
        workspace.keep_backups = 3
    number = first
    while True:
        number += 1
        token = f"w{number}"

        def change(case: Case, ids: IdSource, token: str = token) -> None:
            case.step("crash").fields[token] = token

        workspace.update_case(f"C-{number % CASES + 1}", change, summary=token)
        print(token, flush=True)


def _stored(workspace: Workspace) -> set[str]:
    """Every write id in the workspace."""
    return {token for case in workspace.list_cases() for token in case.steps.get("crash", _EMPTY).fields}


_EMPTY = StepRecord()


def _read_until_first_line(fd: int, deadline: float) -> bytes:
    """What the writer printed until its first acknowledged write (so the kill lands while it works)."""
    seen = b""
    while b"\n" not in seen and time.monotonic() < deadline:
        ready, _w, _x = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            seen += chunk
    return seen


def test_killed_writers_never_lose_acknowledged_writes(folder: Path) -> None:
    path = folder / "ws.json"
    setup = Workspace(path)
    for number in range(CASES):
        setup.create_case(title=f"Crash target {number}", method="5whys")
    context = multiprocessing.get_context("fork")
    chance = random.Random(20261126)
    acknowledged: set[str] = set()
    saved_before: set[str] = set()
    in_flight_saved = mid_write = backups_checked = 0
    started = time.monotonic()
    for kill in range(KILLS):
        read_end, write_end = os.pipe()
        writer = context.Process(target=_writer, args=(str(path), kill * 1_000_000, write_end, kill % 3 == 0),
                                 daemon=True)
        writer.start()
        os.close(write_end)
        head = _read_until_first_line(read_end, time.monotonic() + 10)
        time.sleep(chance.uniform(0.0, 0.04))
        writer.kill()
        writer.join()
        with os.fdopen(read_end, "rb") as output:
            lines = (head + output.read()).decode().split("\n")
        # The last piece is empty, or a line the writer was killed while printing: not acknowledged.
        acknowledged.update(line for line in lines[:-1] if line)
        leftovers = list(folder.glob(f".{path.name}.*.tmp"))
        if leftovers or paths.lock_path(path).with_name(path.name + ".lock.info").exists():
            mid_write += 1

        workspace = Workspace(path, lock_timeout=5).open()  # parses and validates
        stored = _stored(workspace)
        missing = (acknowledged | saved_before) - stored
        assert not missing, f"kill {kill}: writes lost: {sorted(missing)[:5]}"
        in_flight_saved += len(stored - acknowledged - saved_before)
        saved_before = stored
        if kill % 3 == 0:  # this writer was backing up at every write
            for backup in workspace.backups():
                assert backup.cases == CASES, f"kill {kill}: backup {backup.path} is broken"
                backups_checked += 1
        # The dead writer's lock is free at once, and its temp file is cleaned up.
        step = f"after kill {kill}"
        workspace.update_case("C-1", lambda case, ids, step=step: setattr(case, "current_step", step),
                              summary="checked after a kill")
        assert not list(folder.glob(f".{path.name}.*.tmp"))
        assert not list(paths.backups_dir(path).glob(".*.tmp"))
    seconds = time.monotonic() - started
    figures("crash test", processes_killed=KILLS, acknowledged_writes=len(acknowledged), lost=0,
            killed_holding_the_lock=mid_write, saved_but_not_yet_acknowledged=in_flight_saved,
            backups_checked=backups_checked, seconds=f"{seconds:.1f}", folder=folder.parent)
    assert len(acknowledged) > KILLS
