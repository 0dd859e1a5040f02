"""The app in French: a Pilot run through home, a case, the why-tree, my actions, the dashboard and the help
shows no English UI string.

``Binding`` descriptions are translated when their class is defined, so the language must be set before
``rca.tui`` is imported: the app runs in a subprocess (``RCA_LANG=fr``) that prints every screen's text,
read back from ``App.export_screenshot()``. The English looked for is every msgid whose French differs
from it; a msgid that also occurs in what the users typed (the demo's titles, causes, actions) is left
out, since the screen cannot tell the two apart.

English left on screen is reported under the part of the catalogue it belongs to (``app``: the TUI,
``methods``: the methods and the domain core, as in ``tests/unit/test_i18n_catalogue.py``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import string
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

DRIVER = r'''
import asyncio, html, json, re, sys
from datetime import date
from pathlib import Path

from rca import i18n

i18n.set_language(i18n.resolve_language())  # before rca.tui is imported: bindings are translated then

from methods.base import Tool
from rca.store import Workspace
from rca.tui.app import make_app
from rca.tui.config import Config
from rca.tui.widgets.why_tree import WhyTree

TODAY = date(2026, 11, 26)
folder = Path(sys.argv[1])


def screen_lines(svg):
    """The screen's text, line by line, each run of text at its column (one cell is 12.2 px wide)."""
    lines = {}
    pattern = r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>(.*?)</text>'
    for m in re.finditer(pattern, svg, re.S):
        lines.setdefault(int(m[2]), []).append((round(float(m[1]) / 12.2), html.unescape(m[3])))
    shown = []
    for _n, runs in sorted(lines.items()):
        line = ""
        for column, text in sorted(runs):
            line = line.ljust(column) + text
        shown.append(line.replace("\u00a0", " "))
    return shown


def typed_text(ws):
    """Every string the users typed (or the demo wrote) in the workspace's cases."""
    found = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for case in ws.list_cases(include_archived=True):
        walk(case.model_dump(mode="json"))
    return found


async def main():
    ws = Workspace(folder / "ws.json").open()
    try:
        from rca.demo_fr import build_demo_fr as build
    except ImportError:
        from rca.demo import build_demo as build
    build(ws, TODAY)
    app = make_app(ws, today=TODAY, config=Config())
    screens = {}
    async with app.run_test(size=(160, 45)) as pilot:
        async def shot(name):
            await pilot.pause()
            screens[name] = screen_lines(app.export_screenshot())

        await shot("home")
        await pilot.press("enter")
        await shot("case")
        case_screen = app.screen
        tree_step = next(s for s in case_screen.definition.steps if s.tool is Tool.CAUSE_TREE)
        case_screen.step_key = tree_step.key
        await pilot.pause()
        case_screen.query_one(WhyTree).focus()
        await shot("why_tree")
        await pilot.press("f1")
        await shot("help")
        await pilot.press("escape")
        await pilot.press("f3")
        await shot("my_actions")
        await pilot.press("a")  # everyone's actions, not only the tester's
        await shot("my_actions_everyone")
        await pilot.press("f9")
        await shot("dashboard")
    print(json.dumps({"screens": screens, "typed": typed_text(ws)}, ensure_ascii=False))


asyncio.run(main())
'''


@cache
def catalogue_test() -> ModuleType:
    """The msgid walk of ``tests/unit/test_i18n_catalogue.py`` (one source for what counts as a msgid)."""
    spec = importlib.util.spec_from_file_location("i18n_catalogue", ROOT / "tests/unit/test_i18n_catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while being defined
    spec.loader.exec_module(module)
    return module


def english_fragments(english: str, french: str) -> list[str]:
    """What of ``english`` would show on screen if it were left untranslated: the message, or the literal
    runs between its placeholders (long enough to mean something, and absent from the French)."""
    if "{" not in english:
        pieces = [english]
    else:
        pieces = [literal for literal, *_rest in string.Formatter().parse(english)]
    found = []
    for piece in pieces:
        piece = piece.strip(" \n.,:;·—-()…")
        if len(piece) < (4 if piece == english.strip(" \n.,:;·—-()…") else 10):
            continue
        if not re.search(r"[A-Za-z]{2}", piece) or piece in french:
            continue
        found.append(piece)
    return found


def appears(fragment: str, text: str) -> bool:
    """``fragment`` as words of its own (not inside a word, nor a binding id such as ``case.back``)."""
    return re.search(r"(?<![\w'’-])(?<!\w\.)" + re.escape(fragment) + r"(?![\w'’-])(?!\.\w)", text) is not None


def run_in_french(folder: Path) -> dict[str, Any]:
    """Run the driver with its own data, config and demo folders (module-scoped: no autouse fixture yet)."""
    env = {**os.environ, "RCA_LANG": "fr", "PYTHONPATH": str(ROOT), "RCA_USER": "tester",
           "RCA_DATA_DIR": str(folder / "data"), "RCA_CONFIG_DIR": str(folder / "config"),
           "RCA_DEMO_DIR": str(folder / "demo"), "RCA_WORKSPACE": str(folder / "unused.json")}
    done = subprocess.run([sys.executable, "-c", DRIVER, str(folder)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def english_on_screen(shown: dict[str, Any]) -> dict[str, list[str]]:
    """``scope`` (app / methods) → ``screen: 'fragment' (msgid)`` for English left on screen."""
    module = catalogue_test()
    messages = module.french()
    typed = "\n".join(shown["typed"])
    untranslated = [text for text in module.SCAN.msgids if text not in messages]
    hits: dict[str, list[str]] = {"app": [], "methods": []}
    for english, uses in module.SCAN.msgids.items():
        french = messages.get(english)
        if french == english:
            continue  # the same word in both languages (Actions, Date, Phase...)
        for fragment in english_fragments(english, french or ""):
            if appears(fragment, typed):
                continue  # also user text: the screen cannot tell
            scope = module.catalogue_of(uses)
            if scope == "app" and any(appears(fragment, other) for other in untranslated if other != english):
                scope = "methods"  # a word of an untranslated string too ("Root" in "D4 Root causes")
            for name, lines in shown["screens"].items():
                if appears(fragment, "\n".join(lines)):
                    hits[scope].append(f"{name}: {fragment!r} ({english!r})")
    return hits


@pytest.fixture(scope="module")
def french_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return run_in_french(tmp_path_factory.mktemp("french"))


def test_the_screens_are_in_french(french_run: dict[str, Any]) -> None:
    screens = {name: "\n".join(lines) for name, lines in french_run["screens"].items()}
    assert set(screens) == {"home", "case", "why_tree", "help", "my_actions", "my_actions_everyone", "dashboard"}
    assert "Nouvelle analyse" in screens["home"] and "Mes actions" in screens["home"]
    assert "Tableau de bord de suivi" in screens["dashboard"]
    assert "Questions au groupe" in screens["case"] or "Pièges à éviter" in screens["case"]
    assert "échéance" in screens["my_actions_everyone"] and "pilote" in screens["my_actions_everyone"]
    assert re.search(r"\b\d{2}/\d{2}/2026\b", screens["my_actions_everyone"]), "dates as 26/11/2026"
    assert not re.search(r"\b2026-\d{2}-\d{2}\b", "\n".join(screens.values())), "an ISO date on a French screen"


@pytest.mark.parametrize("scope", ["app", "methods"])
def test_no_english_ui_string_on_screen(french_run: dict[str, Any], scope: str) -> None:
    hits = english_on_screen(french_run)[scope]
    assert not hits, "English on a French screen:\n" + "\n".join(sorted(set(hits)))
