"""The French catalogue covers every string the code shows, and keeps its placeholders and typography.

The msgids are read from the source, not from a list: the AST of every module under ``rca/``,
``methods/`` and ``exports/`` is walked and the first argument of every ``_(...)`` / ``N_(...)`` call
that is a string literal (implicit concatenation included: the parser joins it) is a msgid.

The catalogue has two parts: ``rca/locales/fr_methods.py`` holds the strings of the methods and the
domain core (``methods/``, ``rca/model.py``, ``causes.py``, ``actions.py``, ``demo.py``),
``rca/locales/fr_app.py`` everything else; a missing string is reported under the part it belongs to.

``python tests/unit/test_i18n_catalogue.py`` prints the progress per package, the missing strings and the
``_()`` calls whose msgid is only known at run time.
"""

from __future__ import annotations

import ast
import importlib
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PACKAGES = ("rca", "methods", "exports")
"""The top-level packages whose strings are shown to users."""

METHODS_CATALOGUE_FILES = ("rca/model.py", "rca/causes.py", "rca/actions.py", "rca/demo.py")
"""Besides ``methods/``, the files whose strings ``fr_methods`` translates."""

TRANSLATION_CALLS = ("_", "N_")

KNOWN_DYNAMIC = (ast.Name, ast.Attribute, ast.Subscript)
"""A ``_(x)`` whose argument is a variable, an attribute or a lookup: the msgid was declared elsewhere
(an ``N_()`` definition, a method's step title, a column heading). Reported, not failed."""


@dataclass
class Scan:
    """What the walk of the source found."""

    msgids: dict[str, list[str]] = field(default_factory=dict)
    """Each literal msgid → where it is used (``path:line``)."""
    dynamic: list[str] = field(default_factory=list)
    """``_(x)`` calls of a known pattern (``path:line: _(x)``)."""
    unknown: list[str] = field(default_factory=list)
    """``_()`` calls built at run time from text (f-string, ``+``, ``.format``): never in a catalogue."""


def source_files() -> Iterator[Path]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "locales" not in path.relative_to(ROOT).parts:
                yield path


def _is_translation_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return name in TRANSLATION_CALLS


def _is_known_dynamic(arg: ast.expr) -> bool:
    if isinstance(arg, KNOWN_DYNAMIC):
        return True
    # a lookup with a default: ``_(LABELS.get(key, key))``
    return (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "get"
            and not isinstance(arg.func.value, ast.Constant))


def scan_sources() -> Scan:
    scan = Scan()
    for path in source_files():
        relative = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
        for node in ast.walk(tree):
            if not _is_translation_call(node):
                continue
            assert isinstance(node, ast.Call)
            where = f"{relative}:{node.lineno}"
            if not node.args:
                scan.unknown.append(f"{where}: a call without a message")
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                scan.msgids.setdefault(arg.value, []).append(where)
            elif _is_known_dynamic(arg):
                scan.dynamic.append(f"{where}: {ast.unparse(node)}")
            else:
                scan.unknown.append(f"{where}: {ast.unparse(node)}")
    return scan


def owner(where: str) -> str:
    """Which catalogue holds the string used at ``where``: ``methods`` or ``app``."""
    path = where.rsplit(":", 1)[0]
    return "methods" if path.startswith("methods/") or path in METHODS_CATALOGUE_FILES else "app"


def catalogue_of(uses: list[str]) -> str:
    """A string used by both catalogues' files belongs to ``app`` (it wins in the merged catalogue)."""
    return "app" if any(owner(w) == "app" for w in uses) else "methods"


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a message fills (``{count:d}`` → ``count``, ``{a.b}`` → ``a``)."""
    names = set()
    for _literal, name, _spec, _conversion in string.Formatter().parse(text):
        if name is not None:
            names.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return names


def french() -> dict[str, str]:
    import rca.locales.fr

    return importlib.reload(rca.locales.fr).MESSAGES


SCAN = scan_sources()


def missing(scope: str) -> list[str]:
    messages = french()
    return sorted(f"{uses[0]}: {text!r}" for text, uses in SCAN.msgids.items()
                  if catalogue_of(uses) == scope and text not in messages)


# ------------------------------------------------------------------------------------------------- tests


def test_the_walk_finds_the_strings() -> None:
    """A guard on the walk itself: it sees literal msgids, concatenated ones and ``N_()`` declarations."""
    assert len(SCAN.msgids) > 1000
    assert "Help" in SCAN.msgids
    assert any(owner(w) == "methods" for uses in SCAN.msgids.values() for w in uses)


@pytest.mark.parametrize("scope", ["app", "methods"])
def test_every_shown_string_has_a_french_entry(scope: str) -> None:
    absent = missing(scope)
    assert not absent, f"{len(absent)} strings have no French entry:\n" + "\n".join(absent)


def test_placeholders_are_kept() -> None:
    wrong = []
    for english, translated in french().items():
        try:
            theirs = placeholders(translated)
        except ValueError as error:
            wrong.append(f"{english!r} → {translated!r}: {error}")
            continue
        if theirs != placeholders(english):
            wrong.append(f"{english!r} → {translated!r}: {sorted(theirs)} ≠ {sorted(placeholders(english))}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_markup_and_edges_are_kept() -> None:
    """Rich markup tags (``[b]``…``[/b]``), a leading or trailing newline or space stay where they were."""
    tag = re.compile(r"\[/?[a-z][a-z ]*\]")
    wrong = []
    for english, translated in french().items():
        if sorted(tag.findall(english)) != sorted(tag.findall(translated)):
            wrong.append(f"{english!r} → {translated!r}: markup")
        for edge in (str.startswith, str.endswith):
            for char in ("\n", " "):
                if edge(english, char) != edge(translated, char):
                    wrong.append(f"{english!r} → {translated!r}: {edge.__name__} {char!r}")
    assert not wrong, "\n".join(wrong)


FRENCH_SPACING = [
    (re.compile(r" [:;?!%»]"), "a plain space before : ; ? ! % » (use \\u00a0 before : % », \\u202f before ; ? !)"),
    (re.compile(r"« "), "a plain space after « (use \\u00a0)"),
    (re.compile(r"«(?![\u00a0\u202f])"), "« without a non-breaking space after it"),
    (re.compile(r"(?<![\u00a0\u202f])»"), "» without a non-breaking space before it"),
    (re.compile(r"[\u00a0\u202f]$|^[\u00a0\u202f]"), "a non-breaking space at an edge"),
]


def test_french_typography() -> None:
    wrong = []
    for english, translated in french().items():
        for pattern, problem in FRENCH_SPACING:
            if pattern.search(translated):
                wrong.append(f"{english!r} → {translated!r}: {problem}")
        if '"' in translated and '"' not in english:  # quotes the English had are code (TOML, a shell line)
            wrong.append(f"{english!r} → {translated!r}: English quotes \"…\" (use « … »)")
    assert not wrong, "\n".join(wrong)


def test_no_message_is_built_at_run_time() -> None:
    """``_(f"...")``, ``_("a" + b)`` or ``_("...".format())`` can never be in a catalogue."""
    assert not SCAN.unknown, "translate the template, then fill it:\n" + "\n".join(SCAN.unknown)


def test_dynamic_messages_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """``_(x)`` calls: their msgid comes from an ``N_()`` or a definition; listed for a reader (``-rP``)."""
    print(f"{len(SCAN.dynamic)} _() calls with a variable msgid:")
    print("\n".join(SCAN.dynamic))
    assert all(":" in line for line in SCAN.dynamic)


# ------------------------------------------------------------------------------------------------- report


def report() -> str:
    """Progress per top-level package (a string counts once per package that uses it)."""
    messages = french()
    lines = []
    for package in PACKAGES:
        texts = {t for t, uses in SCAN.msgids.items() if any(w.startswith(package + "/") for w in uses)}
        absent = {t for t in texts if t not in messages}
        lines.append(f"{package:8} {len(texts) - len(absent):5} / {len(texts):5} translated, {len(absent)} missing")
    for scope in ("app", "methods"):
        gone = missing(scope)
        lines.append(f"\ncatalogue {scope}: {len(gone)} missing")
        lines += gone
    lines.append(f"\n{len(SCAN.dynamic)} _() calls with a variable msgid")
    lines += SCAN.dynamic
    lines.append(f"\n{len(SCAN.unknown)} _() calls built at run time")
    lines += SCAN.unknown
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
