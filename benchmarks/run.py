"""Measure rca on a big generated workspace and print a table: medians, floors measured beside them, ratios.

    .venv/bin/python -m benchmarks.run              # the whole table (a few minutes)
    .venv/bin/python -m benchmarks.run --quick      # fewer runs per row
    .venv/bin/python -m benchmarks.run --only tui,keys --workspace-dir /tmp/rca-bench

Every figure is the median of several runs, each in a fresh child process where a process matters, and is
shown beside a floor measured in the same run (a bare Textual app, ``python -c pass``, the same JSON parsed
or written by hand, Graphviz on the same graph text): on a noisy machine the ratio still means something.
Wall time is the figure; the CPU time of the same runs is shown in brackets, since on a loaded machine wall
time mostly measures the neighbours. Nothing here asserts: the table is the report. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from benchmarks.generate import Generated, Sizes, generate, info_path
from benchmarks.table import Row, Sample, Stat, Target, machine, render

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ROW_GROUPS = ("cli", "store", "tui", "keys", "exports")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Runner:
    """Runs child processes with an isolated environment and collects (wall, cpu) samples."""

    def __init__(self, folder: Path, workspace: Path, repeat: int) -> None:
        self.folder, self.workspace, self.repeat = folder, workspace, repeat
        self.env = {**os.environ, "RCA_WORKSPACE": str(workspace), "RCA_USER": "bench", "RCA_LANG": "en",
                    "RCA_CONFIG_DIR": str(folder / "config"), "RCA_DATA_DIR": str(folder / "data"),
                    "RCA_DEMO_DIR": str(folder / "demo"), "PYTHONPATH": str(ROOT)}

    def timed(self, command: Sequence[str], *, env: dict[str, str] | None = None) -> tuple[Sample, str]:
        """Wall time around ``subprocess.run``, and the child's CPU time (from its rusage)."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env or self.env, capture_output=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command[:6])}... exited {done.returncode}: "
                               f"{done.stderr.decode(errors='replace').strip()[-600:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return (wall, cpu), done.stdout.decode(errors="replace")

    def pair(self, command: Sequence[str], floor: Sequence[str], runs: int | None = None) -> tuple[Stat, Stat]:
        """``command`` and ``floor``, interleaved, ``runs`` times each (one warm-up each, not counted)."""
        runs = runs or self.repeat
        self.timed(command), self.timed(floor)
        mine, base = [], []
        for _ in range(runs):
            mine.append(self.timed(command)[0])
            base.append(self.timed(floor)[0])
        return Stat.of(mine), Stat.of(base)

    def probe(self, module: str, *args: str) -> dict[str, Any]:
        _sample, out = self.timed([PYTHON, "-m", f"benchmarks.{module}", *args])
        return orjson.loads(out.strip().splitlines()[-1])

    def rca(self, *args: str) -> list[str]:
        return [PYTHON, "-m", "rca.cli", *args]


def _textual_free(runner: Runner, args: list[str]) -> bool:
    """Whether running ``rca <args>`` leaves Textual unimported."""
    code = (f"import sys; from rca.cli import main; main({args!r}); "
            "sys.stderr.write('TEXTUAL' if 'textual' in sys.modules else 'NO-TEXTUAL')")
    done = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=runner.env, capture_output=True, check=False)
    return done.stderr.decode().strip().endswith("NO-TEXTUAL")


def _guard(measure: str, build: Callable[[], list[Row]]) -> list[Row]:
    try:
        return build()
    except Exception as error:  # a row that cannot run says so; the others still run
        log(f"{measure}: {type(error).__name__}: {error}")
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        return [Row(measure, missing=f"not available ({reason[:70]})")]


# ---------------------------------------------------------------- rows


def cli_rows(runner: Runner, info: Generated) -> list[Row]:
    nothing = [PYTHON, "-c", "pass"]
    log("rca --help")
    help_stat, floor = runner.pair(runner.rca("--help"), nothing, runs=runner.repeat + 4)
    rows = [Row("rca --help", help_stat, floor, "python -c pass", Target("≤ 0.25 s, no Textual", limit=0.25),
                checks=[("no Textual", _textual_free(runner, ["--help"]))])]
    log("rca list")
    list_stat, floor = runner.pair(runner.rca("list"), nothing, runs=max(2, runner.repeat - 2))
    rows.append(Row("rca list (500 cases)", list_stat, floor, "python -c pass", Target("no Textual"),
                    checks=[("no Textual", _textual_free(runner, ["list"]))]))
    log("rca actions --late")
    by_hand = (f"import orjson; t = orjson.loads(open({str(runner.workspace)!r}, 'rb').read()); late = [a['id'] for d in "
               "t['cases'].values() for a in d['actions'] if a['status'] in ('planned', 'in progress') and "
               f"a['due'] and a['due'] < {info.today!r}]; print(len(late))")
    late, floor = runner.pair(runner.rca("actions", "--late"), [PYTHON, "-c", by_hand], runs=max(2, runner.repeat - 2))
    rows.append(Row("rca actions --late (cold process)", late, floor, "python: orjson parse + filter",
                    Target("≤ 2×", ratio=2.0), checks=[("no Textual", _textual_free(runner, ["actions", "--late"]))]))
    return rows


def store_rows(runner: Runner, info: Generated) -> list[Row]:
    rows = []
    log("open the workspace and list late actions (in process, after imports)")
    mine, floor = [], []
    for _ in range(runner.repeat):
        mine.append(tuple(runner.probe("probe_store", "open-late", str(runner.workspace), info.today)["time"]))
        floor.append(tuple(runner.probe("probe_store", "open-late-floor", str(runner.workspace), info.today)["time"]))
    rows.append(Row("open workspace + late actions (library)", Stat.of(mine), Stat.of(floor),
                    "orjson.loads + filter by hand", Target("≤ 2×", ratio=2.0)))
    log("saved edits")
    copy = runner.folder / "edit" / runner.workspace.name
    shutil.rmtree(copy.parent, ignore_errors=True)  # no backups left by an earlier run
    copy.parent.mkdir()
    shutil.copyfile(runner.workspace, copy)
    result = runner.probe("probe_store", "edit", str(copy), info.open_action, str(max(5, runner.repeat * 2)))
    rows.append(Row("one saved edit (action status), workspace open", Stat.of(result["edits"]),
                    Stat.of(result["floor"]), "same JSON: dump + temp + fsync + rename", Target("≤ 2×", ratio=2.0),
                    note=f"the session's first edit (it also takes the backup): {result['first'][0]:.2f} s wall, "
                         f"{result['first'][1]:.2f} s cpu; file {result['bytes'] / 1e6:.1f} MB"))
    log("rca action set (cold process)")
    edit_env = {**runner.env, "RCA_WORKSPACE": str(copy)}
    samples = [runner.timed(runner.rca("action", "set", info.open_action, "--status", status), env=edit_env)[0]
               for status in ("planned", "in-progress") * max(1, runner.repeat // 2)]
    base = [runner.timed([PYTHON, "-c", "pass"])[0] for _ in samples]
    rows.append(Row("rca action set (cold process)", Stat.of(samples), Stat.of(base), "python -c pass"))
    return rows


def tui_rows(runner: Runner, info: Generated) -> list[Row]:
    log("TUI first screen")
    mine, floor, peaks = [], [], {"rca": 0.0, "bare": 0.0}
    for _ in range(max(2, runner.repeat - 2)):
        for kind, samples in (("rca", mine), ("bare", floor)):
            args = [PYTHON, "-m", "benchmarks.probe_tui", "first-screen", kind, str(runner.workspace)]
            start = time.monotonic()
            (_wall, cpu), out = runner.timed(args)
            result = orjson.loads(out.strip().splitlines()[-1])
            samples.append((result["ready"] - start, cpu))
            peaks[kind] = max(peaks[kind], result["peak_mb"])
    rows = [Row("TUI first screen, 500 cases (process start → home drawn)", Stat.of(mine), Stat.of(floor),
                "bare Textual app, one Static", Target("≤ 1.3×", ratio=1.3),
                note="cpu here is the whole child process, exit included")]
    rows.append(Row("peak memory, TUI on the home screen", Stat(peaks["rca"], 0, 1), Stat(peaks["bare"], 0, 1),
                    "bare Textual app", Target("≤ 200 MB", limit=200), unit="MB"))
    return rows


def tree_shape(workspace: Path, case_id: str) -> dict[str, Any]:
    """A case's nodes (id, text) and links (effect, cause), for the bare tree (read here, not in the floor's
    process, so the floor's memory is a bare app's)."""
    case = orjson.loads(workspace.read_bytes())["cases"][case_id.removeprefix("C-")]
    return {"nodes": [(c["id"], c["text"]) for c in case["causes"]],
            "links": [(lk["effect"], lk["cause"]) for lk in case["links"]]}


def key_rows(runner: Runner, info: Generated) -> list[Row]:
    log("key to frame in the 1,000-cause why-tree (and the bare Tree)")
    env = {**runner.env, "BENCH_MOVES": str(10 * runner.repeat), "BENCH_ADDS": str(max(3, runner.repeat))}
    copy = runner.folder / "keys" / runner.workspace.name
    shutil.rmtree(copy.parent, ignore_errors=True)
    copy.parent.mkdir()
    shutil.copyfile(runner.workspace, copy)

    shape = runner.folder / "keys" / "shape.json"
    shape.write_bytes(orjson.dumps(tree_shape(copy, info.big_case)))

    def probe(kind: str) -> dict[str, Any]:
        source = copy if kind == "rca" else shape
        command = [PYTHON, "-m", "benchmarks.probe_tui", "keys", kind, str(source), info.big_case]
        return orjson.loads(runner.timed(command, env=env)[1].strip().splitlines()[-1])

    bare, app = probe("bare"), probe("rca")
    app_work = Target("≤ 16 ms app work (cpu)", limit=0.016, on_cpu=True)
    bare_name = f"bare Tree, {bare['nodes']} nodes"
    dialog = "bare ModalScreen + Input"
    save = Stat.of(app["save_only"])
    rows = [
        Row(f"key → frame: cursor down/up, {app.get('nodes', '?')}-cause why-tree", Stat.of(app["move"]),
            Stat.of(bare["move"]), bare_name, app_work),
        Row("key → frame: Enter in the add dialog → saved, tree redrawn, new cause selected", Stat.of(app["add"]),
            Stat.of(bare["add"]), f"{bare_name}, {dialog}: add a leaf, select it", app_work,
            note=f"of which the save through the session alone (lock, re-read, validate, write, fsync): "
                 f"{save.wall * 1000:.0f} ms wall, {save.cpu * 1000:.0f} ms cpu (median of {save.runs})"),
        Row("key → frame: a (open the add dialog), first time", Stat.of(app["open_dialog"][:1]),
            Stat.of(bare["open_dialog"][:1]), dialog, app_work,
            note="the first opening builds the lessons index over every case"),
        Row("key → frame: a (open the add dialog), again", Stat.of(app["open_dialog"][1:] or app["open_dialog"]),
            Stat.of(bare["open_dialog"][1:] or bare["open_dialog"]), dialog, app_work),
        Row("key → frame: a keystroke in the add dialog", Stat.of(app["type"]), Stat.of(bare["type"]), dialog,
            app_work),
        Row("open the 1,000-cause case from home (enter → why-tree drawn)", Stat.of(app["open_case"])),
        Row("peak memory, TUI: home + 1,000-cause case + edits", Stat(app["peak_mb"], 0, 1),
            Stat(bare["peak_mb"], 0, 1), bare_name, Target("≤ 200 MB", limit=200), unit="MB"),
    ]
    return rows


def export_rows(runner: Runner, info: Generated) -> list[Row]:
    ws = str(runner.workspace)
    rows: list[Row] = []

    def export(kind: str, case: str, extension: str, count: int, floor: str = "") -> dict[str, Any]:
        return runner.probe("probe_store", "export", ws, kind, case, extension, str(count), floor)

    def a3() -> list[Row]:
        log("A3 PDF")
        result = export("a3", info.typical_a3, ".pdf", 3)
        return [Row(f"A3 PDF of a typical case ({info.typical_a3}), in a running app", Stat.of(result["again"]),
                    None, "", Target("≤ 1.5 s", limit=1.5),
                    note=f"the first export of a process (imports, fonts): {result['first'][0]:.2f} s wall, "
                         f"{result['first'][1]:.2f} s cpu")]

    def diagram(kind: str, case: str, causes: int) -> list[Row]:
        log(f"{kind} SVG, {causes} causes")
        if shutil.which("dot") is None:
            raise RuntimeError("Graphviz's dot is not installed")
        dot_text = runner.timed([PYTHON, "-m", "benchmarks.probe_store", "graph", ws, kind, case])[1]
        source = runner.folder / f"{kind}-{causes}.dot"
        source.write_text(dot_text, encoding="utf-8")
        result = export(kind, case, ".svg", runner.repeat + 1, str(source))
        floor = result["floor"]
        engine = "neato -n (pinned)" if kind == "fishbone" else "dot"
        name = "fishbone" if kind == "fishbone" else "why-tree"
        return [Row(f"{name} SVG, {causes} causes ({case})", Stat.of(result["again"]), Stat.of(floor),
                    f"Graphviz {engine} on the same DOT text, turn about", Target("≤ 1.5×", ratio=1.5),
                    note=f"first in a process: {result['first'][0]:.2f} s wall" if causes == 100 and kind == "fishbone"
                    else "")]

    def xlsx() -> list[Row]:
        log("XLSX of every action")
        result = export("all-actions", "-", ".xlsx", 2)
        return [Row(f"XLSX of {info.actions:,} actions (second export of the process)", Stat.of(result["again"]),
                    None, "", Target("≤ 3 s", limit=3.0),
                    note=f"first export of the process: {result['first'][0]:.2f} s wall, {result['first'][1]:.2f} s cpu")]

    rows += _guard("A3 PDF", a3)
    for kind in ("fishbone", "whys"):
        rows += _guard(f"{kind} SVG 100", lambda kind=kind: diagram(kind, info.medium_case, 100))
        rows += _guard(f"{kind} SVG 1000", lambda kind=kind: diagram(kind, info.big_case, 1000))
    rows += _guard("XLSX", xlsx)
    return rows


# ---------------------------------------------------------------- the run


def workspace_for(folder: Path, fresh: bool) -> Generated:
    """The generated workspace in ``folder``, made again when asked, missing, or from another day."""
    path = folder / "workspace.json"
    info_file = info_path(path)
    if not fresh and path.is_file() and info_file.is_file():
        info = Generated(**orjson.loads(info_file.read_bytes()))
        if info.today == date.today().isoformat() and info.bytes == path.stat().st_size:
            log(f"reusing {path}")
            return info
    log(f"generating {path} (500 cases, 10,000 actions, 20,000 causes)")
    for stale in (folder / "workspace.json.backups",):
        shutil.rmtree(stale, ignore_errors=True)
    return generate(path, Sizes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs per row")
    parser.add_argument("--repeat", type=int, help="runs per row (default 5, 3 with --quick)")
    parser.add_argument("--only", default=",".join(ROW_GROUPS), help=f"row groups: {', '.join(ROW_GROUPS)}")
    parser.add_argument("--workspace-dir", type=Path, help="where the workspace is generated (kept for reuse)")
    parser.add_argument("--fresh", action="store_true", help="generate the workspace again")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args(argv)
    folder = args.workspace_dir or Path(tempfile.gettempdir()) / f"rca-bench-{os.getuid()}"
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    info = workspace_for(folder, args.fresh)
    runner = Runner(folder, Path(info.path), args.repeat or (3 if args.quick else 5))
    wanted = {name.strip() for name in args.only.split(",")}
    builders = {"cli": cli_rows, "store": store_rows, "tui": tui_rows, "keys": key_rows, "exports": export_rows}
    rows: list[Row] = []
    for name in ROW_GROUPS:
        if name in wanted:
            rows += (builders[name](runner, info) if name == "exports"
                     else _guard(name, lambda name=name: builders[name](runner, info)))
    print(machine())
    print(f"workspace: {info.cases} cases, {info.actions:,} actions ({info.late_actions} late), {info.causes:,} causes, "
          f"{info.audit_entries:,} audit entries, {info.bytes / 1e6:.1f} MB; big case {info.big_case}")
    print(f"run took {time.perf_counter() - started:.0f} s; wall (cpu) medians; ✓/✗ judged on wall time, "
          "(cpu ✓/✗) where CPU time would judge otherwise\n")
    print(render(rows))
    if args.json:
        args.json.write_bytes(orjson.dumps([asdict(row) for row in rows], option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
