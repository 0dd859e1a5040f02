"""Drive ``rca demo`` in a real terminal (tmux) at 80×24 and 160×45 and read what a person would see.

Skipped where tmux is missing. Waits for conditions on the captured screen, never for fixed sleeps alone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A tmux session running one command."""

    def __init__(self, name: str, width: int, height: int, command: str, env: dict[str, str]) -> None:
        self.name = name
        exports = " ".join(f"{k}={v!s}" for k, v in env.items())
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
                        f"cd {ROOT} && env {exports} {command}"], check=True)
        # Another session of the same tmux server must not impose its size on this one.
        subprocess.run(["tmux", "set-option", "-t", name, "window-size", "manual"], capture_output=True)
        subprocess.run(["tmux", "resize-window", "-t", name, "-x", str(width), "-y", str(height)],
                       capture_output=True)

    def screen(self) -> str:
        out = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return out.stdout

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"waited {timeout}s for {what}; the screen shows:\n{screen}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture(params=[(80, 24), (160, 45)], ids=["80x24", "160x45"])
def terminal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Terminal]:
    width, height = request.param
    env = {
        "RCA_DEMO_DIR": tmp_path / "demo",
        "RCA_CONFIG_DIR": tmp_path / "config",
        "RCA_DATA_DIR": tmp_path / "data",
        "RCA_USER": "demo",
        "RCA_LANG": "en",
        "TERM": "xterm-256color",
        "PYTHONPATH": ROOT,
    }
    term = Terminal(f"rca-{uuid.uuid4().hex[:8]}", width, height, f"{sys.executable} -m rca.cli demo",
                    {k: str(v) for k, v in env.items()})
    yield term
    term.close()


def test_demo_opens_on_the_cases_and_walks_into_an_8d(terminal: Terminal) -> None:
    screen = terminal.wait_for(lambda s: "C-1" in s and "C-5" in s, "the home list")
    assert "bore" in screen.lower() and "D6" in screen  # the 8D's title and its current step
    assert "New case" in screen  # the footer shows the keys
    terminal.keys("Enter")
    screen = terminal.wait_for(lambda s: "D0" in s and "D4" in s, "the 8D case screen")
    assert "Steps" in screen
    terminal.keys("F2")  # workshop mode: timer and big heading
    screen = terminal.wait_for(lambda s: "F5" in s or "paused" in s, "the workshop timer")
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "C-1" in s and "C-2" in s, "back on the home list")
    terminal.keys("C-q")
    terminal.wait_for(lambda s: "Steps" not in s and "C-2" not in s, "the app to quit", timeout=10)


def test_killing_the_terminal_loses_nothing_typed(tmp_path: Path) -> None:
    """Type into a step field, then SIGKILL the app (as a closed laptop or a crash would): the text is saved."""
    env = {"RCA_DEMO_DIR": tmp_path / "demo", "RCA_CONFIG_DIR": tmp_path / "config", "RCA_DATA_DIR": tmp_path,
           "RCA_USER": "demo", "RCA_LANG": "en", "TERM": "xterm-256color", "PYTHONPATH": ROOT}
    term = Terminal(f"rca-{uuid.uuid4().hex[:8]}", 120, 40, f"{sys.executable} -m rca.cli demo",
                    {k: str(v) for k, v in env.items()})
    try:
        term.wait_for(lambda s: "C-1" in s and "C-5" in s, "the home list")
        term.keys("Enter")
        term.wait_for(lambda s: "D6" in s and "Containment removed" in s, "the 8D at D6")
        term.keys("Tab")
        time.sleep(1.0)  # no on-screen cue that the focus moved; keys sent before it land in the step list
        words = "Sorting stopped 20/11"  # short: it fits the box whatever the terminal's width
        term.keys("-l", words)
        term.wait_for(lambda s: "Sorting stopped" in s, "the typed words on screen")
        time.sleep(1.0)  # the text box saves a quarter second after the last key
        pid = subprocess.run(["tmux", "display-message", "-p", "-t", term.name, "#{pane_pid}"],
                             capture_output=True, text=True, check=True).stdout.strip()
        subprocess.run(["pkill", "-KILL", "-P", pid], check=False)
        subprocess.run(["kill", "-KILL", pid], check=False)
    finally:
        term.close()
    from rca.store import Workspace

    [workspace] = list((tmp_path / "demo").glob("*/*.json"))
    case = Workspace(workspace, user="check").open().get_case("C-1")
    assert words in "".join(record_text for record in case.steps.values() for record_text in record.fields.values())
