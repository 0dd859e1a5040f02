"""Several processes write the same workspace file at once: no acknowledged update may be lost.

Eight processes each make 200 updates: even rounds append evidence (unique text) to one shared action,
odd rounds append evidence to the process's own action and set its status. Afterwards every update that
``update_action`` returned from is in the file, and the file parses.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rca.model import Action, ActionStatus, Case, Evidence
from rca.store import IdSource, Workspace

pytestmark = pytest.mark.slow

PROCESSES = 8
UPDATES = 200
STATUSES = [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE]


def _writer(path: str, number: int, own: str, shared: str) -> list[tuple[str, str]]:
    """Make ``UPDATES`` updates; return (action, evidence text) of each acknowledged one."""
    workspace = Workspace(Path(path), user=f"writer-{number}", lock_timeout=120)
    acknowledged = []
    for round_ in range(UPDATES):
        text = f"p{number}-u{round_}"
        target = shared if round_ % 2 == 0 else own
        status = STATUSES[round_ % len(STATUSES)]

        def change(case: Case, action: Action, text: str = text, status: ActionStatus = status,
                   own_action: bool = target == own) -> None:
            action.evidence.append(Evidence(text=text, by=f"writer-{number}"))
            if own_action:
                action.status = status

        workspace.update_action(target, change, summary=text)
        acknowledged.append((target, text))
    return acknowledged


def _setup(path: Path) -> tuple[str, list[str]]:
    workspace = Workspace(path)

    def one_action(title: str) -> object:
        def build(case: Case, ids: IdSource) -> None:
            case.actions.append(Action(id=ids.next_action_id(), title=title))

        return build

    shared = workspace.create_case(title="Shared", method="8d", build=one_action("shared")).actions[0].id
    owns = [workspace.create_case(title=f"Own {n}", method="8d", build=one_action(f"own {n}")).actions[0].id
            for n in range(PROCESSES)]
    return shared, owns


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """Where the workspace lives: ``RCA_RELIABILITY_DIR`` if set (a real disk, a network share), else RAM.

    In RAM (/dev/shm) flock, rename and a killed process behave exactly as on disk; only fsync is free, so
    the test stays fast. Set ``RCA_RELIABILITY_DIR`` to measure a real drive.
    """
    base = os.environ.get("RCA_RELIABILITY_DIR") or ("/dev/shm" if os.access("/dev/shm", os.W_OK) else "")
    if not base:
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="rca-reliability-", dir=base))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_concurrent_writers_lose_nothing(folder: Path) -> None:
    path = folder / "ws.json"
    shared, owns = _setup(path)
    context = multiprocessing.get_context("fork")
    started = time.monotonic()
    with context.Pool(PROCESSES) as pool:
        results = pool.starmap(_writer, [(str(path), n, owns[n], shared) for n in range(PROCESSES)])
    seconds = time.monotonic() - started

    workspace = Workspace(path).open()  # the file parses and validates
    stored = {action.id: action for _case, action in workspace.all_actions()}
    acknowledged = [item for result in results for item in result]
    lost = [(action, text) for action, text in acknowledged
            if text not in {evidence.text for evidence in stored[action].evidence}]
    for number, own in enumerate(owns):
        assert stored[own].status is STATUSES[(UPDATES - 1) % len(STATUSES)], number
    shared_case, _action = workspace.find_action(shared)
    assert shared_case.version == 1 + PROCESSES * UPDATES // 2
    assert len(shared_case.audit) == 1 + PROCESSES * UPDATES // 2
    print(f"\nconcurrent writers: processes={PROCESSES} updates={len(acknowledged)} lost={len(lost)} "
          f"seconds={seconds:.1f} ({len(acknowledged) / seconds:.0f} updates/s) in {folder.parent}")
    assert len(acknowledged) == PROCESSES * UPDATES
    assert lost == []
