"""The demo's 8D exported in French: an A3 sheet and an 8D report (PDF), read back with ``pdftotext``.

No English section title may remain, and dates read 26/11/2026. The French demo (``rca.demo_fr``) is used
where it exists, else the English one (its user text stays English; only what rca writes is checked).
The methods' step titles (``rca/locales/fr_methods.py``'s part of the catalogue) have their own test.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from exports.a3 import BOXES
from exports.registry import ExportContext, export
from methods.registry import get
from rca import i18n
from rca.model import Case, Method
from rca.store import Workspace

TODAY = date(2026, 11, 26)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed; cannot read PDFs back")

A3_TITLES = [title for _key, title, _side in BOXES] + [
    "Success criteria", "Root causes", "Effectiveness checks", "Indicators against target",
    "Approval and sign-offs", "A3 continued", "continued on the next page", "Mentor / approver", "Revision",
]
"""Headings the A3 sheet writes itself (``exports/a3.py``)."""

REPORT_TITLES = [
    "8D report", "Report date", "Summary", "Where each step stands", "What blocks it", "Containment actions and "
    "their verification", "Occurrence: why it happened", "Non-detection: why it escaped",
    "Systemic: why the system allowed it", "Other root causes", "Cause analysis", "Causes ruled out",
    "Root causes and their corrective actions", "Corrective actions and their verification criterion",
    "Implementation", "Effectiveness", "Preventive actions", "Closure", "Sign-off", "Root cause treated",
    "Effectiveness criterion", "Result evidence", "Countermeasure", "Most voted causes", "Why it matters",
    "How detected", "Deliverable", "Indicators against target",
]
"""Headings the method report writes itself (``exports/report.py``)."""


def squash(text: str) -> str:
    """No white space, hyphens or case: PDF text wraps where the layout wraps, small headings are capitals."""
    return "".join(text.split()).replace("-", "").replace("\u00ad", "").casefold()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def french() -> Iterator[None]:
    i18n.set_language("fr")
    try:
        yield
    finally:
        i18n.set_language("en")


@pytest.fixture
def eight_d(workspace: Workspace, french: None) -> Case:
    """The demo's 8D, built in French where the French demo exists."""
    try:
        from rca.demo_fr import build_demo_fr as build  # type: ignore[import-not-found]
    except ImportError:
        from rca.demo import build_demo as build
    build(workspace, TODAY)
    return next(c for c in workspace.list_cases(include_archived=True) if c.method is Method.EIGHT_D)


def typed(case: Case) -> str:
    """Everything the users (here, the demo) wrote in the case, squashed."""
    return squash(case.model_dump_json())


@cache
def untranslated() -> tuple[str, ...]:
    """The msgids without a French entry, squashed (the walk of ``test_i18n_catalogue.py``)."""
    path = Path(__file__).with_name("test_i18n_catalogue.py")
    spec = importlib.util.spec_from_file_location("i18n_catalogue", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    messages = module.french()
    return tuple(squash(text) for text in module.SCAN.msgids if text not in messages)


def english_left(text: str, case: Case, titles: list[str], *, own: bool = True) -> list[str]:
    """The titles left in English (a title whose French is the same word is not one).

    With ``own``, a title that is also part of a string without French yet (``Root causes`` in ``D4 Root
    causes``, a step of the methods) cannot be told apart, and is left to that string's own test.
    """
    from rca.locales.fr import MESSAGES

    shown, data = squash(text), typed(case)
    left = [t for t in titles if squash(t) in shown and squash(t) not in data and MESSAGES.get(t) != t]
    if own:
        left = [t for t in left if not any(squash(t) in other for other in untranslated() if other != squash(t))]
    return left


def exported(case: Case, kind: str, path: Path) -> str:
    ctx = export(kind, case, path, ExportContext(today=TODAY))
    assert path.stat().st_size > 1000, ctx.warnings
    return pdf_text(path)


def test_the_a3_sheet_in_french(eight_d: Case, tmp_path: Path) -> None:
    text = exported(eight_d, "a3", tmp_path / "a3.pdf")
    assert not english_left(text, eight_d, A3_TITLES)
    assert "analyse des causes" in text.casefold() and "contre-mesures" in text.casefold()
    assert "26/11/2026" in text  # the date the sheet was printed
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), "an ISO date in a French export"


def test_the_8d_report_in_french(eight_d: Case, tmp_path: Path) -> None:
    text = exported(eight_d, "report", tmp_path / "report.pdf")
    assert not english_left(text, eight_d, REPORT_TITLES)
    assert "rapport 8d" in text.casefold() and "date du rapport" in text.casefold()
    assert "26/11/2026" in text
    assert re.search(r"\b\d{2}/\d{2}/20\d\d\b", text)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), "an ISO date in a French export"


@pytest.mark.parametrize("kind", ["a3", "report"])
def test_the_step_titles_in_french(eight_d: Case, tmp_path: Path, kind: str) -> None:
    """The 8D's and the A3's step titles (``methods/``: the other half of the catalogue)."""
    text = exported(eight_d, kind, tmp_path / f"{kind}.pdf")
    titles = [step.title for method in (Method.EIGHT_D, Method.A3) for step in get(method).steps]
    assert not english_left(text, eight_d, titles, own=False)
