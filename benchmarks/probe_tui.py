"""TUI measurements, run in a fresh child process by ``benchmarks.run``; each prints one JSON object.

    python -m benchmarks.probe_tui first-screen rca WORKSPACE   # {"ready": monotonic time of the first frame}
    python -m benchmarks.probe_tui first-screen bare
    python -m benchmarks.probe_tui keys rca WORKSPACE CASE      # key-to-frame times in the why-tree
    python -m benchmarks.probe_tui keys bare SHAPE.json CASE    # the same keys on a bare Tree, same nodes

A frame is a call of ``App._display`` with a compositor update (headless, the update is also turned into the
terminal's escape sequences, as a real terminal would need). Key-to-frame times run from handing the key
event to the driver to that frame: the app's own work plus Textual's frame pacing (the screen repaints on a
60 Hz timer), which the bare floor pays too. CPU time over the same span is reported beside it.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from textual import events
from textual.app import App, ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Input, Static, Tree

Clock = tuple[float, float]
Sample = tuple[float, float]


def peak_memory_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def now() -> Clock:
    return time.perf_counter(), time.process_time()


class Frames:
    """Hooks ``app._display``: resolves a waiter at the first frame that satisfies its condition."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.waiter: tuple[asyncio.Future[Clock], Callable[[], bool] | None] | None = None
        self.count = 0
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None or app._batch_count:
                return
            render = getattr(renderable, "render_segments", None)
            if render is not None and app.is_headless:
                render(app.console)  # what a real terminal would be sent
            self.count += 1
            waiter = self.waiter
            if waiter is not None and not waiter[0].done() and (waiter[1] is None or waiter[1]()):
                waiter[0].set_result(now())

        app._display = display  # type: ignore[method-assign]

    async def after(self, act: Callable[[], object], until: Callable[[], bool] | None = None,
                    timeout: float = 30.0) -> tuple[float, float]:
        """Wall and CPU seconds from ``act()`` to the first frame where ``until()`` holds."""
        future: asyncio.Future[Clock] = asyncio.get_running_loop().create_future()
        self.waiter = (future, until)
        wall0, cpu0 = now()
        act()
        wall1, cpu1 = await asyncio.wait_for(future, timeout)
        self.waiter = None
        return wall1 - wall0, cpu1 - cpu0


def send_key(app: App[Any], key: str) -> Callable[[], None]:
    def act() -> None:
        char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(event)

    return act


async def settle(pause: float = 0.05) -> None:
    await asyncio.sleep(pause)


# ---------------------------------------------------------------- first screen


class BareApp(App[None]):
    """The floor: a Textual app showing one static line."""

    def compose(self) -> ComposeResult:
        yield Static("rca: one static line")


def first_screen(kind: str, workspace: str | None) -> dict[str, Any]:
    """Start the app headless; the monotonic time of its first frame of the home screen (filled)."""
    ready: dict[str, Any] = {}
    if kind == "bare":
        app: App[Any] = BareApp()

        def is_ready() -> bool:
            return True
    else:
        from rca.store import Workspace
        from rca.tui.app import make_app

        app = make_app(Workspace(Path(workspace or ""), user="bench").open())

        def is_ready() -> bool:
            from textual.widgets import DataTable

            from rca.tui.screens.home import HomeScreen

            screen = app.screen
            return isinstance(screen, HomeScreen) and screen.query_one(DataTable).row_count > 0
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        original(screen, renderable)
        if renderable is None or app._batch_count or ready:
            return
        render = getattr(renderable, "render_segments", None)
        if render is not None:
            render(app.console)
        if is_ready():
            ready["ready"] = time.monotonic()
            app.exit()

    app._display = display  # type: ignore[method-assign]
    app.run(headless=True, size=(160, 48))
    return {**ready, "peak_mb": peak_memory_mb()}


# ---------------------------------------------------------------- key to frame


class BareDialog(ModalScreen[str]):
    """The floor of the add dialog: a modal screen with one Input; Enter returns its text."""

    def compose(self) -> ComposeResult:
        yield Input(id="text")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


class BareTreeApp(App[None]):
    """The floor: a bare Tree with the same nodes as the case; a opens a bare dialog, Enter there adds a leaf
    under the cursor and selects it."""

    BINDINGS = [("a", "add", "add")]

    def __init__(self, nodes: list[tuple[str, str]], links: list[tuple[str, str]]) -> None:
        super().__init__()
        self.nodes, self.links = nodes, links
        self.added = 0

    def compose(self) -> ComposeResult:
        tree: Tree[str] = Tree("problem", id="tree")
        tree.guide_depth = 3
        yield tree

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        text = dict(self.nodes)
        by_effect: dict[str, list[str]] = {}
        for effect, cause in self.links:
            by_effect.setdefault(effect, []).append(cause)

        def add(parent: Any, node_id: str) -> None:
            for child in by_effect.get(node_id, []):
                branch = parent.add(text.get(child, child), data=child, expand=True)
                if by_effect.get(child):
                    add(branch, child)
                else:
                    branch.allow_expand = False

        add(tree.root, "P")
        tree.root.expand()
        tree.focus()

    def action_add(self) -> None:
        tree = self.query_one(Tree)
        parent = tree.cursor_node or tree.root

        def added(text: str | None) -> None:
            self.added += 1
            node = parent.add_leaf(text or "", data=f"N-{self.added}")
            parent.expand()
            self.call_after_refresh(tree.move_cursor, node)

        self.push_screen(BareDialog(), added)


def _on(tree: Tree[str], node_id: str) -> Callable[[], bool]:
    return lambda: tree.cursor_node is not None and tree.cursor_node.data == node_id


async def _cursor_moves(frames: Frames, app: App[Any], count: int) -> list[tuple[float, float]]:
    times = []
    for index in range(count):
        key = "down" if (index // 10) % 2 == 0 else "up"  # stay in the same part of the tree
        times.append(await frames.after(send_key(app, key)))
        await settle()
    return times


async def _add_flow(frames: Frames, app: App[Any], pilot: Any, dialog: type, wanted: Callable[[], str],
                    tree: Tree[str], result: dict[str, list[Sample]]) -> None:
    """a → the dialog; type a word; Enter → the new cause saved, drawn and selected."""
    result["open_dialog"].append(await frames.after(send_key(app, "a"), lambda: isinstance(app.screen, dialog)))
    await pilot.pause()
    for char in "Coolant":
        result["type"].append(await frames.after(send_key(app, char)))
    await settle(0.3)  # rca looks for lessons after 0.15 s of quiet typing
    result["add"].append(await frames.after(send_key(app, "enter"), _on(tree, wanted())))
    await pilot.pause()


async def keys_bare(shape_file: str, case_id: str, moves: int, adds: int) -> dict[str, Any]:
    shape = orjson.loads(Path(shape_file).read_bytes())
    app = BareTreeApp([tuple(n) for n in shape["nodes"]], [tuple(lk) for lk in shape["links"]])
    result: dict[str, Any] = {"open_dialog": [], "type": [], "add": []}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        frames = Frames(app)
        tree = app.query_one(Tree)
        tree.move_cursor_to_line(5)
        await pilot.pause()
        result["move"] = await _cursor_moves(frames, app, moves)
        for _ in range(adds):
            await _add_flow(frames, app, pilot, BareDialog, lambda: f"N-{app.added + 1}", tree, result)
        result["nodes"] = len(shape["nodes"])
    result["peak_mb"] = peak_memory_mb()
    return result


async def keys_rca(workspace: str, case_id: str, moves: int, adds: int) -> dict[str, Any]:
    from rca import causes
    from rca.store import Workspace
    from rca.tui.app import make_app
    from rca.tui.dialogs.cause_dialog import CauseDialog
    from rca.tui.screens.case import CaseScreen
    from rca.tui.widgets.why_tree import WhyTree

    app = make_app(Workspace(Path(workspace), user="bench").open())
    result: dict[str, Any] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        frames = Frames(app)
        home = app.screen
        result["open_case"] = [await frames.after(lambda: home.open_case(case_id),  # type: ignore[attr-defined]
                                                  lambda: bool(app.screen.query(WhyTree)))]
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen), screen
        why = screen.query_one(WhyTree)
        tree = why.query_one(Tree)  # the widget's Tree (its property name has changed before)
        tree.focus()
        tree.move_cursor_to_line(5)
        await pilot.pause()
        result["move"] = await _cursor_moves(frames, app, moves)

        # The add-cause flow: a opens the dialog, keys type, Enter saves and the tree shows the new cause.
        result.update(open_dialog=[], type=[], add=[], save_only=[])
        result["nodes"] = len(causes.causes_only(why.session.case))
        for _ in range(adds):
            await _add_flow(frames, app, pilot, CauseDialog, lambda: f"K-{why.session.case.last_node + 1}", tree,
                            result)
        # The save alone, through the session, as the dialog's submit does it (no frame).
        for _ in range(max(3, adds // 2)):
            parent = tree.cursor_node.data if tree.cursor_node else "P"
            wall0, cpu0 = now()
            why.run(lambda c, _ids, p=parent: causes.add_cause(c, p, "Coolant too weak"), "cause added")
            wall1, cpu1 = now()
            result["save_only"].append((wall1 - wall0, cpu1 - cpu0))
            await pilot.pause()
        result["frames"] = frames.count
    result["peak_mb"] = peak_memory_mb()
    return result


def main(argv: list[str]) -> int:
    what, kind = argv[0], argv[1]
    if what == "first-screen":
        out = first_screen(kind, argv[2] if len(argv) > 2 else None)
    elif what == "keys":
        moves, adds = int(os.environ.get("BENCH_MOVES", "30")), int(os.environ.get("BENCH_ADDS", "5"))
        probe = keys_rca if kind == "rca" else keys_bare
        out = asyncio.run(probe(argv[2], argv[3], moves, adds))
    else:
        raise SystemExit(f"unknown probe {what}")
    sys.stdout.write(orjson.dumps(out).decode() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
