"""The layers of DESIGN.md hold: the core, methods and exports never import Textual or the TUI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_core_and_the_cli_does_not_import_textual() -> None:
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "import rca.model, rca.causes, rca.actions, rca.store, rca.i18n, rca.paths, rca.commands\n"
        "import methods.registry, exports.registry\n"
        "methods.registry.all_methods(); exports.registry.extensions('a3')\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'rca.tui')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
