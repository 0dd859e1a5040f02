"""The registry of export formats: (kind, extension) → a small frozen dataclass that writes the file.

The format follows the file's extension (``rca export a3 C-7 -o sheet.pdf``). A lookup that misses lists
what exists. Every exporter works from a saved ``Case`` (never from screen state).
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rca.errors import NotFound
from rca.i18n import N_, _
from rca.model import Case

KINDS: dict[str, str] = {
    "a3": N_("A3 sheet"),
    "report": N_("method report (8D, DMAIC, or the method's steps)"),
    "fishbone": N_("Ishikawa (fishbone) diagram"),
    "whys": N_("why-tree diagram"),
    "actions": N_("action plan"),
    "case": N_("the whole case, lossless"),
}
"""The kinds of export, with what each one is."""

_MODULES = ("exports.case_json", "exports.action_plan", "exports.diagrams", "exports.a3", "exports.report")
"""Modules that register formats when imported."""


@dataclass
class ExportContext:
    """What an exporter may need besides the case."""

    today: date = field(default_factory=date.today)
    """The day "late" is computed for."""
    warnings: list[str] = field(default_factory=list)
    """Things the user should know (e.g. Graphviz missing, a placeholder used); already translated."""

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


Writer = Callable[[Case, Path, ExportContext], None]


@dataclass(frozen=True)
class Format:
    """One output format of one kind."""

    kind: str
    """a3, report, fishbone, whys, actions or case."""
    extension: str
    """With the dot: ``.pdf``."""
    description: str
    """What the file is (marked with ``N_``)."""
    write: Writer
    """Writes the file (atomically is best: the exporter writes a temp file and renames it)."""
    needs_dot: bool = False
    """Needs Graphviz's ``dot`` program (without it: a clear message, or a placeholder and a warning)."""


_FORMATS: dict[tuple[str, str], Format] = {}
_loaded = False


def register(fmt: Format) -> Format:
    _FORMATS[(fmt.kind, fmt.extension)] = fmt
    return fmt


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in _MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


def extensions(kind: str) -> list[str]:
    """The extensions a kind can be written to."""
    _load()
    return sorted(ext for (k, ext) in _FORMATS if k == kind)


def lookup(kind: str, path: Path) -> Format:
    """The format for a kind and a target file; a miss names the valid kinds or extensions."""
    _load()
    if kind not in KINDS:
        raise NotFound(_("unknown export '{kind}'; try one of: {choices}", kind=kind, choices=", ".join(KINDS)))
    extension = path.suffix.lower()
    fmt = _FORMATS.get((kind, extension))
    if fmt is None:
        choices = ", ".join(extensions(kind)) or _("none yet")
        shown = extension or _("(no extension)")
        raise NotFound(
            _("unknown format '{ext}' for {kind}; try one of: {choices}", ext=shown, kind=kind, choices=choices)
        )
    return fmt


def dot_available() -> bool:
    """Whether Graphviz's ``dot`` is installed."""
    return shutil.which("dot") is not None


def install_dot_hint() -> str:
    return _("Graphviz's 'dot' program is not installed; install it with 'sudo apt-get install graphviz' "
             "(Debian/Ubuntu), 'brew install graphviz' (macOS) or from graphviz.org. DOT and Mermaid (.dot, "
             ".mmd) exports work without it.")


def export(kind: str, case: Case, path: Path, context: ExportContext | None = None) -> ExportContext:
    """Write ``case`` as ``kind`` to ``path`` (format from the extension); returns the context with warnings."""
    fmt = lookup(kind, path)
    context = context or ExportContext()
    fmt.write(case, path, context)
    return context
