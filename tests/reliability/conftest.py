"""Fixtures and helpers shared by the reliability tests.

Every test here prints its figures (what it tried, what was lost) on one line starting with its name:
run ``pytest tests/reliability -s`` to see them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """Where the workspace lives: ``RCA_RELIABILITY_DIR`` if set (a real disk, a network share), else RAM.

    In RAM (/dev/shm) flock, rename and a killed process behave exactly as on disk; only fsync is free, so
    the tests stay fast. Set ``RCA_RELIABILITY_DIR`` to measure a real drive.
    """
    base = os.environ.get("RCA_RELIABILITY_DIR") or ("/dev/shm" if os.access("/dev/shm", os.W_OK) else "")
    if not base:
        yield tmp_path
        return
    made = Path(tempfile.mkdtemp(prefix="rca-reliability-", dir=base))
    yield made
    shutil.rmtree(made, ignore_errors=True)


def figures(name: str, **values: object) -> None:
    """Print one line of figures: ``name: key=value ...`` (shown with ``pytest -s``)."""
    shown = " ".join(f"{key.replace('_', ' ')}={value}" for key, value in values.items())
    print(f"\n{name}: {shown}", flush=True)


@dataclass
class Run:
    """One finished ``rca`` command."""

    args: Sequence[str]
    code: int
    out: str
    err: str


def cli_env(workspace: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of an ``rca`` subprocess: this test's isolated folders, English, no colour."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RCA_DEBUG")}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", NO_COLOR="1", TERM="dumb", COLUMNS="200")
    if workspace is not None:
        env["RCA_WORKSPACE"] = str(workspace)
    env.update(extra)
    return env


def rca(*args: str, workspace: Path | None = None, timeout: float = 60, env: dict[str, str] | None = None,
        input_text: str | None = None) -> Run:
    """Run ``python -m rca.cli ARGS`` in a fresh process, as a user would."""
    done = subprocess.run(
        [PYTHON, "-m", "rca.cli", *args], cwd=ROOT, env=env or cli_env(workspace), capture_output=True,
        timeout=timeout, input=(input_text or "").encode(), check=False,
    )
    return Run(args, done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def folder_state(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` (relative name → bytes): compare before and after to prove nothing changed."""
    state: dict[str, bytes] = {}
    for entry in sorted(path.rglob("*")):
        if entry.is_file() and not entry.name.endswith(".lock"):
            try:
                state[str(entry.relative_to(path))] = entry.read_bytes()
            except OSError:
                state[str(entry.relative_to(path))] = b"<unreadable>"
    return state


def rca_here(*args: str, workspace: Path | None = None) -> Run:
    """Run ``rca ARGS`` in this process (fast: for many calls); stdout and stderr captured as a user sees them."""
    import contextlib
    import io

    from rca import i18n
    from rca.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get("RCA_WORKSPACE")
    if workspace is not None:
        os.environ["RCA_WORKSPACE"] = str(workspace)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        if saved is None:
            os.environ.pop("RCA_WORKSPACE", None)
        else:
            os.environ["RCA_WORKSPACE"] = saved
        i18n.set_language("en")
    return Run(args, code, out.getvalue(), err.getvalue())


def one_line_error(run: Run) -> str:
    """The one line a failed command printed on stderr (asserts it is one line, without a traceback)."""
    assert run.code == 1, (run.args, run.code, run.out, run.err)
    assert "Traceback" not in run.err
    lines = run.err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("rca: "), run.err
    return lines[0]
