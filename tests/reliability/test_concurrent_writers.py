"""Eight processes write the same workspace, and the same cases, for a bounded time: nothing acknowledged
is lost.

* 3 CLI writers: each runs ``python -m rca.cli action set A-n --evidence ...`` (sometimes with a status or
  an owner) and ``rca action add C-n --title ...`` one after the other; acknowledged = exit code 0.
* 4 library writers: evidence on shared actions (``update_action``), causes added (``update_case`` with
  ``rca.causes.add_cause``) and forms saved from a stale copy (``save_case``: merged field by field);
  acknowledged = the call returned. A refused save (``ConflictError``) is counted, never acknowledged.
* 1 TUI (``tui_writer.py``, Pilot, headless) typing into D4's text field of C-1 and adding causes in its
  why-tree; acknowledged = what its session saved.

At the end the file parses, every acknowledged edit is in it, and each case's audit trail has one entry
per saved version.
"""

from __future__ import annotations

import multiprocessing
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from rca import causes
from rca.errors import ConflictError
from rca.model import Action, Case, Evidence
from rca.store import IdSource, Workspace
from tests.reliability.conftest import PYTHON, ROOT, cli_env, figures

pytestmark = pytest.mark.slow

SECONDS = 20.0
CASES = ("C-1", "C-2", "C-3")
CLI_WRITERS = 3
LIBRARY_WRITERS = 4
ACTIONS_PER_CASE = 2
PAUSE = 0.25
"""A library writer waits up to this long between two edits."""

Ack = tuple[str, str, str]
"""(kind, where, unique text) of one acknowledged edit."""


def _setup(path: Path) -> dict[str, list[str]]:
    """Three cases (C-1 an 8D for the TUI), two actions each; the action ids by case."""
    workspace = Workspace(path, user="setup")
    actions: dict[str, list[str]] = {}
    for number, method in enumerate(("8d", "8d", "5whys"), start=1):

        def build(case: Case, ids: IdSource, number: int = number) -> None:
            for index in range(ACTIONS_PER_CASE):
                case.actions.append(Action(id=ids.next_action_id(), title=f"Action {number}.{index}"))

        case = workspace.create_case(title=f"Shared case {number}", method=method, build=build)
        actions[case.id] = [action.id for action in case.actions]
    return actions


def _cli_writer(path: str, number: int, actions: dict[str, list[str]], seconds: float) -> dict[str, Any]:
    chance = random.Random(number)
    env = cli_env(Path(path), RCA_USER=f"cli-{number}")
    acked: list[Ack] = []
    failed: list[str] = []
    deadline = time.monotonic() + seconds
    round_ = 0
    while time.monotonic() < deadline:
        round_ += 1
        case_id = chance.choice(CASES)
        token = f"cli{number}-{round_}"
        if round_ % 2:
            action_id = chance.choice(actions[case_id])
            extra = chance.choice([[], ["--status", "in-progress"], ["--owner", f"Owner {number}"]])
            args = ["action", "set", action_id, "--evidence", token, *extra]
            where, kind = action_id, "evidence"
        else:
            args = ["action", "add", case_id, "--title", token, "--owner", f"cli-{number}"]
            where, kind = case_id, "action"
        done = subprocess.run([PYTHON, "-m", "rca.cli", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120, check=False)
        if done.returncode == 0:
            acked.append((kind, where, token))
        else:
            failed.append(done.stderr.strip())
    return {"acked": acked, "failed": failed, "conflicts": 0}


def _library_writer(path: str, number: int, actions: dict[str, list[str]], seconds: float) -> dict[str, Any]:
    chance = random.Random(100 + number)
    workspace = Workspace(Path(path), user=f"lib-{number}", lock_timeout=60)
    acked: list[Ack] = []
    conflicts = 0
    deadline = time.monotonic() + seconds
    round_ = 0
    while time.monotonic() < deadline:
        round_ += 1
        time.sleep(chance.uniform(0, PAUSE))  # busy, not frantic: the CLI and the TUI get their turns
        case_id = chance.choice(CASES)
        token = f"lib{number}-{round_}"
        kind = ("evidence", "cause", "form")[round_ % 3]
        if kind == "evidence":
            action_id = chance.choice(actions[case_id])

            def add_evidence(case: Case, action: Action, token: str = token) -> None:
                action.evidence.append(Evidence(text=token, by=workspace.user))

            workspace.update_action(action_id, add_evidence, summary=token)
            acked.append(("evidence", action_id, token))
        elif kind == "cause":
            workspace.update_case(case_id, lambda case, ids, token=token: causes.add_cause(case, "P", token),
                                  summary=token)
            acked.append(("cause", case_id, token))
        else:  # a form opened a moment ago, saved over what others saved meanwhile
            base = workspace.get_case(case_id)
            edited = base.model_copy(deep=True)
            edited.step(f"lib-{number}").fields[token] = token
            time.sleep(chance.uniform(0, 0.05))
            try:
                workspace.save_case(edited, base=base, summary=token)
            except ConflictError:
                conflicts += 1
                continue
            acked.append(("form", case_id, token))
    return {"acked": acked, "failed": [], "conflicts": conflicts}


def _lost(workspace: Workspace, acked: list[Ack]) -> list[Ack]:
    cases = {case.id: case for case in workspace.list_cases()}
    evidence = {action.id: {e.text for e in action.evidence} for _case, action in workspace.all_actions()}
    titles = {case.id: {action.title for action in case.actions} for case in cases.values()}
    texts = {case.id: {cause.text for cause in causes.causes_only(case)} for case in cases.values()}
    fields = {case.id: {text for record in case.steps.values() for text in record.fields.values()}
              for case in cases.values()}
    present = {"evidence": evidence, "action": titles, "cause": texts, "form": fields}
    return [ack for ack in acked if ack[2] not in present[ack[0]].get(ack[1], set())]


def test_eight_writers_cli_library_and_tui_lose_nothing(folder: Path) -> None:
    path = folder / "ws.json"
    actions = _setup(path)
    out = folder / "tui.json"
    started = time.monotonic()
    tui = subprocess.Popen([sys.executable, str(ROOT / "tests" / "reliability" / "tui_writer.py"), str(path), "C-1",
                            str(SECONDS), str(out)], cwd=ROOT, env=cli_env(path), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    context = multiprocessing.get_context("fork")
    with context.Pool(CLI_WRITERS + LIBRARY_WRITERS) as pool:
        jobs = [pool.apply_async(_cli_writer, (str(path), n, actions, SECONDS)) for n in range(CLI_WRITERS)]
        jobs += [pool.apply_async(_library_writer, (str(path), n, actions, SECONDS)) for n in range(LIBRARY_WRITERS)]
        results = [job.get(timeout=SECONDS + 120) for job in jobs]
    tui_out, tui_err = tui.communicate(timeout=SECONDS + 120)
    seconds = time.monotonic() - started
    assert tui.returncode == 0, tui_err[-3000:]
    tui_result = orjson.loads(out.read_bytes())

    workspace = Workspace(path).open()  # the file parses and validates
    acked = [tuple(ack) for result in results for ack in result["acked"]]
    lost = _lost(workspace, acked)  # type: ignore[arg-type]
    case_1 = workspace.get_case("C-1")
    tui_lost = [text for text in tui_result["causes"] if text not in {c.text for c in causes.causes_only(case_1)}]
    field_kept = case_1.field("d4", "verification") == tui_result["field"]
    by_kind: dict[str, int] = {}
    for kind, _where, _token in acked:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    failed = [line for result in results for line in result["failed"]]
    conflicts = sum(result["conflicts"] for result in results)
    figures("concurrent writers", processes=CLI_WRITERS + LIBRARY_WRITERS + 1,
            cli_processes=CLI_WRITERS, library_processes=LIBRARY_WRITERS, tui_processes=1,
            acknowledged_edits=len(acked) + tui_result["saves"],
            **{f"acknowledged_{kind}": count for kind, count in sorted(by_kind.items())},
            tui_saves=tui_result["saves"], tui_causes=len(tui_result["causes"]), tui_keys=tui_result["typed"],
            refused_as_conflicts=conflicts, cli_failures=len(failed), tui_not_saved=len(tui_result["not_saved"]),
            lost=len(lost) + len(tui_lost) + (not field_kept), seconds=f"{seconds:.1f}", folder=folder.parent)
    assert not failed, failed[:3]
    assert not tui_result["not_saved"], tui_result["not_saved"][:3]
    assert lost == [], lost[:5]
    assert tui_lost == [] and field_kept
    assert tui_result["typed_causes"] == [text for text in tui_result["typed_causes"] if text in tui_result["causes"]]
    assert by_kind.get("action", 0) and by_kind.get("evidence", 0) and by_kind.get("cause", 0)
    assert by_kind.get("form", 0) and tui_result["saves"] >= 4
    for case in workspace.list_cases():
        assert len(case.audit) == case.version, case.id  # one audit entry per saved version
