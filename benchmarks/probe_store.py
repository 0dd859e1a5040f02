"""Store and export measurements, run in a fresh child process by ``benchmarks.run``; each prints one JSON object.

    python -m benchmarks.probe_store open-late WORKSPACE TODAY        # Workspace.open() + late actions
    python -m benchmarks.probe_store open-late-floor WORKSPACE TODAY  # orjson.loads + the same filter by hand
    python -m benchmarks.probe_store edit WORKSPACE ACTION N          # N saved edits, and N atomic writes by hand
    python -m benchmarks.probe_store export WORKSPACE KIND CASE EXT N [DOT]  # an export, first and again
    python -m benchmarks.probe_store graph WORKSPACE KIND CASE        # a diagram's DOT text, for the floor

Times are taken inside the process, after its imports (the CLI rows of ``benchmarks.run`` time whole
commands). Each time is (wall, cpu) in seconds.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

Sample = tuple[float, float]


def now() -> Sample:
    """Wall time, and the CPU time of this process and its finished children (Graphviz runs as a child)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + children.ru_utime + children.ru_stime


def since(start: Sample) -> Sample:
    wall, cpu = now()
    return wall - start[0], cpu - start[1]


def open_late(path: Path, today: str) -> dict[str, Any]:
    from datetime import date

    from rca import actions
    from rca.store import Workspace

    day = date.fromisoformat(today)
    start = now()
    ws = Workspace(path, user="bench").open()
    late = [(case.id, action.id) for case, action in ws.all_actions() if actions.is_late(action, day)]
    return {"time": since(start), "late": len(late)}


def open_late_floor(path: Path, today: str) -> dict[str, Any]:
    """The floor: read and parse the same file by hand, and filter the late actions from the dicts."""
    start = now()
    with open(path, "rb") as handle:
        tables = orjson.loads(handle.read())
    late = [(doc["id"], action["id"]) for doc in tables["cases"].values() for action in doc["actions"]
            if action["status"] in ("planned", "in progress") and action["due"] and action["due"] < today]
    return {"time": since(start), "late": len(late)}


def write_by_hand(path: Path, data: dict[str, Any]) -> None:
    """The floor of a save: dump, write a temp file beside, fsync, rename, fsync the folder."""
    raw = orjson.dumps(data) + b"\n"
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=".floor.", suffix=".tmp")
    try:
        os.write(descriptor, raw)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def edit(path: Path, action_id: str, count: int) -> dict[str, Any]:
    """``count`` status changes of one action through the store (lock, re-read, validate, write, fsync), the
    workspace already open and listed as in the TUI; then ``count`` atomic writes of the same JSON by hand."""
    from rca import actions
    from rca.model import ActionStatus
    from rca.store import Workspace

    ws = Workspace(path, user="bench").open()
    ws.list_cases()
    statuses = [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS]

    def change(index: int) -> None:
        ws.update_action(action_id, lambda _case, action: actions.set_status(action, statuses[index % 2]),
                         summary="status changed (benchmark)")

    start = now()
    change(1)  # the first write of the session also takes a backup when the last one is old
    first = since(start)
    edits = []
    for index in range(count):
        start = now()
        change(index)
        edits.append(since(start))
    data = orjson.loads(path.read_bytes())
    floor_path = path.with_name(".floor-" + path.name)
    floors = []
    for _ in range(count):
        start = now()
        write_by_hand(floor_path, data)
        floors.append(since(start))
    floor_path.unlink()
    return {"first": first, "edits": edits, "floor": floors, "bytes": path.stat().st_size}


def export(path: Path, kind: str, case_id: str, extension: str, count: int, floor: str = "") -> dict[str, Any]:
    """An export of one case (``kind`` from the registry), or of every action (kind ``all-actions``).

    With ``floor`` (a DOT file), each export is followed by Graphviz drawing that file as SVG, so the
    export and its floor are measured turn about, in the same conditions."""
    from exports.registry import ExportContext
    from rca.store import Workspace

    ws = Workspace(path, user="bench").open()
    out = Path(tempfile.mkdtemp(prefix="rca-bench-")) / f"out{extension}"
    if kind == "all-actions":
        pairs = ws.all_actions()

        def write() -> None:
            from exports.action_plan import write_actions

            write_actions(pairs, out, ExportContext(), title="All actions")
    else:
        case = ws.get_case(case_id)

        def write() -> None:
            from exports.registry import export as run_export

            run_export(kind, case, out, ExportContext())
    times, floors = [], []
    for _ in range(count):
        start = now()
        write()
        times.append(since(start))
        if floor:
            start = now()
            subprocess.run(["dot", "-Tsvg", floor, "-o", os.devnull], check=True)
            floors.append(since(start))
    return {"first": times[0], "again": times[1:], "floor": floors[1:], "bytes": out.stat().st_size}


def graph(path: Path, kind: str, case_id: str) -> str:
    """The DOT text the fishbone (positions pinned, ``layout=neato``) or why-tree export hands Graphviz."""
    tables = orjson.loads(path.read_bytes())
    from rca.model import Case

    case = Case.model_validate(tables["cases"][case_id.removeprefix("C-")])
    if kind == "fishbone":
        from exports.diagrams import fishbone_dot

        return fishbone_dot(case)
    from exports.whytree import whytree_dot

    return whytree_dot(case)


def main(argv: list[str]) -> int:
    what, path = argv[0], Path(argv[1])
    if what == "open-late":
        out: Any = open_late(path, argv[2])
    elif what == "open-late-floor":
        out = open_late_floor(path, argv[2])
    elif what == "edit":
        out = edit(path, argv[2], int(argv[3]))
    elif what == "export":
        out = export(path, argv[2], argv[3], argv[4], int(argv[5]), argv[6] if len(argv) > 6 else "")
    elif what == "graph":
        sys.stdout.write(graph(path, argv[2], argv[3]))
        return 0
    else:
        raise SystemExit(f"unknown probe {what}")
    sys.stdout.write(orjson.dumps(out).decode() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
