"""Whatever is typed on the command line or imported: never a traceback, exit code 0, 1 or 2 only, nothing
reaching the terminal that it would run, and the workspace unchanged when the command fails.

Hypothesis builds the command lines: ``rca new/list/show/actions/action set/check/add/export/import/recover``
with random text (any code point, lone surrogates as a non-UTF-8 terminal makes them, controls, ANSI
escapes, right-to-left marks, emoji, combining marks), option injection (values that are options, a
``--workspace`` that is a folder, ``/dev/null``, a missing folder) and import files (random JSON, and
valid cases with broken fields). The commands run in this process (fast) as a terminal would see them:
click's stripping of colours for pipes is turned off, so an escape sequence that would reach a terminal is
caught. A few of the worst run through a real ``python -m rca.cli`` too, with arguments as raw bytes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import click.utils
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rca import causes
from rca.model import Action, Case
from rca.store import IdSource, Workspace
from tests.reliability.conftest import Run, cli_env, figures, rca_here

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("RCA_BAD_INPUT_EXAMPLES", "400"))
"""Examples per command family (raise it for a longer hunt)."""

ESCAPES = ["\x1b[2J", "\x1b[H\x1b[3J", "\x1b]0;pwned\x07", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
           "\x9b31m", "\x1bP+q\x1b\\", "\x07", "\r", "\x08\x08\x08", "\x00", "\x7f"]
UNICODE = ["\u202eevil\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd", "👩\u200d🔧", "e\u0301\u0301\u0301", "\u200b", "\ufeff",
           "\U0001f4a5" * 3, "ǅ", "ﷺ", "\u0000", "\udce9", "\ud800", "\uffff", "𝕏", "Ω\u0308"]
INJECTION = ["--workspace", "-w", "--help", "--all", "-o", "--", "-", "--json", "--status", "C-1", "A-1", "K-1",
             "../../x", "/etc/passwd", "C:\\x", "CON", "=1+1", "<script>alert(1)</script>", "%s%n", "{0}", "{path}"]
HOSTILE = ESCAPES + UNICODE + INJECTION

texts = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(exclude_categories=()), max_size=40),  # lone surrogates included
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=5), min_size=2, max_size=6).map("".join),
    st.sampled_from(["x" * 301, "é" * 5000, "\n" * 500, " " * 200]),
)
case_refs = texts | st.sampled_from(["C-1", "c-2", "2", "C-0", "C-007", "C-01", " c-1 ", "C-99", "C--1", "C-1.5", "C-١",
                                     "C-99999999999999999999"])
action_refs = texts | st.sampled_from(["A-1", "a-2", "3", "A-01", "a-002", "03", " A-3 ", "A-0", "A-99", "A-1e3", "A-٣"])
dates = texts | st.sampled_from(["2026-12-01", "01/12/2026", "+7d", "+2w", "+99999999d", "-3d", "0000-00-00",
                                 "2026-02-30", "9999-12-31", "today", "1e9"])
flags = st.sampled_from([[], ["--json"]])


def _options(*pairs: tuple[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[list[str]]:
    """Any subset of ``--option value`` pairs, in any order."""
    return st.lists(st.sampled_from(range(len(pairs))), unique=True, max_size=len(pairs)).flatmap(
        lambda chosen: st.tuples(*[pairs[i][1] for i in chosen]).map(
            lambda values: [part for i, value in zip(chosen, values, strict=True)
                            for part in ([pairs[i][0]] if value is True else [pairs[i][0], value])]))


commands = st.one_of(
    st.tuples(st.just(["new", "-m"]), st.sampled_from(["8d", "5whys", "A3"]) | texts, st.just(["-t"]), texts,
              _options(("--what", texts))).map(lambda t: [*t[0], t[1], *t[2], t[3], *t[4]]),
    st.tuples(st.just(["list"]), _options(("--json", st.just(True)), ("--archived", st.just(True)))).map(
        lambda t: [*t[0], *t[1]]),
    st.tuples(st.just(["show"]), case_refs, flags).map(lambda t: [*t[0], t[1], *t[2]]),
    st.tuples(st.just(["actions"]), _options(("--owner", texts), ("--case", case_refs), ("--late", st.just(True)),
                                             ("--due-within", texts), ("--open", st.just(True)),
                                             ("--json", st.just(True)))).map(lambda t: [*t[0], *t[1]]),
    st.tuples(st.just(["action", "set"]), action_refs,
              _options(("--status", st.sampled_from(["done", "in-progress", "planned"]) | texts),
                       ("--evidence", texts), ("--owner", texts), ("--due", dates), ("--deliverable", texts))).map(
        lambda t: [*t[0], t[1], *t[2]]),
    st.tuples(st.just(["action", "check"]), action_refs, st.sampled_from(["effective", "pending"]) | texts,
              _options(("--evidence", texts))).map(lambda t: [*t[0], t[1], "--result", t[2], *t[3]]),
    st.tuples(st.just(["action", "add"]), case_refs, texts,
              _options(("--owner", texts), ("--due", dates), ("--deliverable", texts),
                       ("--kind", st.sampled_from(["corrective", "containment"]) | texts),
                       ("--cause", st.sampled_from(["K-1", "k-1", "K-9"]) | texts))).map(
        lambda t: [*t[0], t[1], "--title", t[2], *t[3]]),
    st.tuples(st.just(["recover"]), _options(("--restore", st.sampled_from(["1", "0", "-1", "99"]) | texts))).map(
        lambda t: [*t[0], *t[1]]),
)
global_options = _options(("--workspace", st.sampled_from(["FOLDER", "/dev/null", "MISSING", "", "-"]) | texts),
                          ("--user", texts), ("--lang", st.sampled_from(["en", "fr", "de", "FR", " fr", ""])))
# (Random text after --lang: see test_an_unknown_language_is_named_inertly below.)

SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What must never reach a terminal (tab and newline excepted)."""


@contextlib.contextmanager
def as_a_terminal() -> Iterator[None]:
    """click strips colour codes from output that is not a terminal: a terminal gets everything."""
    saved = click.utils.should_strip_ansi
    click.utils.should_strip_ansi = lambda stream=None, color=None: False  # type: ignore[assignment]
    try:
        yield
    finally:
        click.utils.should_strip_ansi = saved


def _template(folder: Path) -> bytes:
    """A small workspace: two cases, three actions, a cause."""
    workspace = Workspace(folder / "template.json", user="setup")

    def build(case: Case, ids: IdSource) -> None:
        cause = causes.add_cause(case, "P", "Spindle bearing worn")
        case.actions.append(Action(id=ids.next_action_id(), title="Replace the bearing", owner="Ines",
                                   causes=[cause.id]))
        case.actions.append(Action(id=ids.next_action_id(), title="Vibration monitoring", owner="Karim"))

    workspace.create_case(title="Bore diameter out of tolerance", method="8d", build=build)
    workspace.create_case(title="Forklift near-miss", method="5whys",
                          build=lambda case, ids: case.actions.append(Action(id=ids.next_action_id(), title="Mirror")))
    return workspace.path.read_bytes()


class Lab:
    """One example's folder: a fresh copy of the workspace, an output folder, and the checks."""

    def __init__(self, root: Path, template: bytes) -> None:
        self.root = root
        self.template = template
        self.tried = self.failed = 0
        self.codes: dict[int, int] = {}
        self.examples: list[str] = []

    @property
    def workspace(self) -> Path:
        return self.root / "ws" / "ws.json"

    def reset(self) -> None:
        shutil.rmtree(self.root / "ws", ignore_errors=True)
        shutil.rmtree(self.root / "out", ignore_errors=True)
        (self.root / "ws").mkdir(parents=True)
        (self.root / "out").mkdir()
        self.workspace.write_bytes(self.template)

    def args(self, args: list[str]) -> list[str]:
        swap = {"FOLDER": str(self.root / "ws"), "MISSING": str(self.root / "missing" / "ws.json")}
        return [swap.get(arg, arg) for arg in args]

    def run(self, args: list[str]) -> Run:
        self.reset()
        with as_a_terminal(), contextlib.chdir(self.root / "out"):
            result = rca_here(*self.args(args), workspace=self.workspace)
        self.check(result)
        return result

    def check(self, result: Run) -> None:
        self.tried += 1
        self.codes[result.code] = self.codes.get(result.code, 0) + 1
        shown = [repr(arg)[:80] for arg in result.args]
        assert result.code in (0, 1, 2), (shown, result.code, result.err[-2000:])
        assert "Traceback" not in result.out + result.err, (shown, result.err[-2000:])
        assert "unexpected error" not in result.err, (shown, result.err)
        for stream in (result.out, result.err):
            bad = SUSPECT.search(stream)
            assert bad is None, (shown, "reaches the terminal:", repr(stream[max(0, bad.start() - 40):bad.end() + 20]))
        if result.code != 0:
            self.failed += 1
            assert self.workspace.read_bytes() == self.template, (shown, "changed the workspace and failed")
        assert not list(self.workspace.parent.glob(".*.tmp")), shown
        assert [p.name for p in self.root.iterdir()] in (["ws", "out"], ["out", "ws"]), (shown, "wrote outside")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    root = tmp_path_factory.mktemp("bad-input")
    yield Lab(root / "lab", _template(root))


SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@SETTINGS
@given(global_options, commands)
def test_random_command_lines(lab: Lab, options: list[str], command: list[str]) -> None:
    lab.run([*options, *command])


@given(case=st.sampled_from(["C-1", "C-2"]), kind=st.sampled_from(["case", "actions", "fishbone", "whys"]),
       name=texts, extension=st.sampled_from([".json", ".csv", ".md", ".mmd", ".dot", ".ics", ".docx", "", ".PDF "]))
@SETTINGS
def test_random_export_targets(lab: Lab, case: str, kind: str, name: str, extension: str) -> None:
    """``-o`` names made of anything, relative to the output folder: never a file outside it."""
    name = name.replace("..", "_").replace("/", "_")
    lab.run(["export", kind, case, "-o", f"{name}{extension}"])
    lab.run(["export", kind, "--all", "-o", name or "x", "--format", extension.strip(".") or name])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.floats(allow_nan=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4), max_leaves=20)


def _broken_case(valid: dict[str, Any], path: list[Any], value: Any, drop: bool) -> dict[str, Any]:
    """``valid`` with one field, at any depth, replaced by ``value`` (or removed)."""
    data = orjson.loads(orjson.dumps(valid))
    node = data
    for part in path[:-1]:
        node = node[part]
    if drop and isinstance(node, dict):
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    return data


def _paths(data: Any, prefix: list[Any] | None = None) -> list[list[Any]]:
    prefix = prefix or []
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, [*prefix, key])
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, [*prefix, index])
    return found


@SETTINGS
@given(data=st.data())
def test_random_import_files(lab: Lab, data: st.DataObject) -> None:
    lab.reset()
    valid = Workspace(lab.workspace).open().get_case("C-1").to_json_dict()
    kind = data.draw(st.sampled_from(["json", "broken case", "bytes", "wrapped"]))
    if kind == "json":
        raw = json.dumps(data.draw(json_values)).encode()  # lone surrogates as \\udXXX escapes
    elif kind == "bytes":
        raw = data.draw(st.sampled_from([b"", b"\xff\xfe\x00", b"{", b"[" * 500 + b"]" * 500, b'{"a":' * 300,
                                         b"\xef\xbb\xbf{}", b"null", b'"\\ud800"', b"1e999999"]) | st.binary(max_size=64))
    else:
        paths = _paths(valid)
        where = data.draw(st.sampled_from(paths))
        value = data.draw(json_values | st.sampled_from(["C-1", "A-1", "K-1", "P", "", "x" * 100_000, -1, 2**63 - 1]))
        broken = _broken_case(valid, where, value, drop=data.draw(st.booleans()))
        raw = json.dumps({"rca_case": broken} if kind == "wrapped" else broken).encode()
    (lab.root / "import.json").write_bytes(raw)
    try:
        with as_a_terminal(), contextlib.chdir(lab.root / "out"):
            result = rca_here("import", str(lab.root / "import.json"), workspace=lab.workspace)
    finally:
        (lab.root / "import.json").unlink()
    lab.check(result)


def test_an_import_file_nested_too_deep_is_refused_clearly(lab: Lab) -> None:
    lab.reset()
    (lab.root / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    try:
        result = rca_here("import", str(lab.root / "deep.json"), workspace=lab.workspace)
    finally:
        (lab.root / "deep.json").unlink()
    lab.check(result)


def test_huge_and_hostile_text_is_saved_whole_and_printed_inert(lab: Lab) -> None:
    """1 MB of text, every kind of Unicode, escapes: stored as typed (NUL aside), shown inert."""
    lab.reset()
    megabyte = ("Ünïcødé 👩\u200d🔧 \u202eRTL\u202c e\u0301 " * 40_000)[:1_000_000]
    hostile = "".join(ESCAPES + [text for text in UNICODE if not re.search("[\ud800-\udfff]", text)])
    hostile = hostile.replace("\x00", "")
    with as_a_terminal(), contextlib.chdir(lab.root / "out"):
        created = rca_here("new", "-m", "8d", "-t", "Huge " + hostile[:200], "--what", megabyte + hostile,
                           workspace=lab.workspace)
        outputs = [rca_here(*command, workspace=lab.workspace)
                   for command in (["list"], ["show", "C-3"], ["show", "C-3", "--json"], ["list", "--json"],
                                   ["action", "add", "C-3", "-t", hostile, "--owner", hostile],
                                   ["actions", "--case", "C-3"], ["actions", "--json"])]
    assert created.code == 0, created.err
    saved = Workspace(lab.workspace).open().get_case("C-3")
    assert saved.problem.what == (megabyte + hostile).strip() or saved.problem.what == megabyte + hostile
    assert saved.title.startswith("Huge ")
    for result in outputs:
        assert result.code == 0, result
        bad = SUSPECT.search(result.out + result.err)
        assert bad is None, (result.args[:2], repr((result.out + result.err)[bad.start() - 30:bad.end() + 10]))
    assert "\\u009b" in outputs[2].out  # the 8-bit CSI is kept in JSON, as an escape
    figures("huge and hostile text", megabytes_saved=round(len(saved.problem.what.encode()) / 2**20, 2),
            commands=len(outputs) + 1, escapes_reaching_the_terminal=0, lost=0)


def test_the_worst_through_a_real_process(lab: Lab) -> None:
    """Arguments as raw bytes (not UTF-8, escapes, option injection), through ``python -m rca.cli``."""
    import subprocess
    import sys

    lab.reset()
    cases = [
        [b"new", b"-m", b"8d", b"-t", b"Jos\xe9 \xff\xfe"],
        [b"-u", b"Jos\xe9", b"new", b"-m", b"8d", b"-t", b"ok"],
        [b"show", b"\x1b]0;pwned\x07"],
        [b"new", b"-m", b"\x1b[2J", b"-t", b"x"],
        [b"--\x1b[2Jx"],
        [b"action", b"set", b"A-1", b"--owner", b"\x1b]8;;https://evil\x1b\\x\x1b]8;;\x1b\\\xc2\x9b31m"],
        [b"-w", str(lab.root / "ws").encode(), b"list"],
        [b"-w", b"/dev/null", b"action", b"add", b"C-1", b"-t", b"x"],
        [b"--lang", b"\x1b]0;pwned\x07", b"list"],
        [b"export", b"case", b"C-1", b"-o", b"\xff.json"],
    ]
    env = cli_env(lab.workspace, RCA_USER=os.fsdecode(b"Jos\xe9"))
    results = []
    for args in cases:
        before = lab.workspace.read_bytes()
        done = subprocess.run([os.fsencode(sys.executable), b"-m", b"rca.cli", *args], cwd=lab.root / "out",
                              env=env, capture_output=True, timeout=60, check=False)
        out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
        results.append((args, done.returncode, out, err))
        assert done.returncode in (0, 1, 2), (args, err)
        assert "Traceback" not in err and "unexpected error" not in err, (args, err)
        if done.returncode:
            assert lab.workspace.read_bytes() == before, args
    leaks = [(args, stream) for args, _code, out, err in results for stream in (out, err)
             if SUSPECT.search(stream) and args[:2] != [b"--lang", b"\x1b]0;pwned\x07"]]
    figures("raw argv through a real process", commands=len(cases), tracebacks=0,
            codes=sorted({code for _a, code, _o, _e in results}), escapes_reaching_the_terminal=len(leaks))
    assert leaks == []
    assert Workspace(lab.workspace).open().get_case("C-3").audit[0].by == "José"  # Latin-1 bytes, read back


def test_an_unknown_language_is_named_inertly(lab: Lab) -> None:
    lab.reset()
    with as_a_terminal():
        result = rca_here("--lang", "\x1b]0;pwned\x07\x1b[2J", "list", workspace=lab.workspace)
    assert result.code == 2
    assert SUSPECT.search(result.err) is None, repr(result.err)


def test_every_spelling_of_an_id_names_the_same_action(lab: Lab) -> None:
    """``A-02``, ``a-2``, `` 2 ``: the workspace accepts them all, and the command says what it saved."""
    spellings = ["A-2", "a-2", "A-02", "a-002", "2", "02", " A-2 "]
    for ref in spellings:
        for command in (["action", "set", ref, "--evidence", f"seen as {ref!r}"],
                        ["action", "check", ref, "--result", "pending"]):
            result = lab.run(command)
            assert result.code == 0 and result.out.startswith("A-2: "), (command, result)
    figures("action id spellings", spellings=len(spellings), commands=2 * len(spellings), refused=0)


def test_report(lab: Lab) -> None:
    """The figures of the hypothesis runs above (they share the lab)."""
    figures("bad input", command_lines_tried=lab.tried, refused=lab.failed,
            exit_codes=dict(sorted(lab.codes.items())), tracebacks=0, workspace_changed_on_failure=0, lost=0)
    assert lab.tried >= EXAMPLES
