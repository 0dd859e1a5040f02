"""The A3 sheet in PDF, HTML and Markdown: one page, every box, nothing clipped, nothing live."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from test_export_report import (
    TODAY,
    a3_case,
    bore_case,
    dmaic_case,
    export_to,
    injected_case,
    live_markup,
    needs_pdftotext,
    pdf_pages,
    pdf_text,
    squash,
    whys_case,
)

from exports import a3
from exports.document import Fitted, markdown_html, markdown_source
from exports.registry import ExportContext, extensions
from methods.registry import get
from rca import actions, causes
from rca.model import Case, Method

BOX_TITLES = ("1 Background", "2 Current condition", "3 Target condition", "4 Cause analysis",
              "5 Countermeasures", "6 Implementation plan", "7 Follow-up")
CASES = {"8d": bore_case, "a3": a3_case, "5whys": whys_case, "dmaic": dmaic_case}


def test_a3_formats_are_registered() -> None:
    assert extensions("a3") == [".html", ".md", ".pdf"]
    assert extensions("report") == [".html", ".md", ".pdf"]


@needs_pdftotext
@pytest.mark.parametrize("name", list(CASES))
def test_a_typical_case_is_exactly_one_a3_page_with_every_box(tmp_path: Path, name: str) -> None:
    case = CASES[name]()
    target = tmp_path / "a3.pdf"
    context = export_to("a3", case, target)
    assert pdf_pages(target) == 1
    assert not any("second page" in w for w in context.warnings)
    text = squash(pdf_text(target))
    for title in BOX_TITLES:  # the number is drawn in its own badge: PDF text has it apart
        assert squash(title.split(" ", 1)[1]) in text, title
    for label in ("Owner", "Mentor / approver", "Date", "Revision", "Status"):
        assert squash(label) in text
    assert squash(case.id) in text
    assert "continued" not in text


@dataclass(frozen=True)
class Printed:
    """An A3 sheet laid out once and written as a PDF, shared by the tests of a module (layout is slow)."""

    fitted: Fitted
    pdf: Path
    warnings: list[str]


def _print(case: Case, folder: Path) -> Printed:
    context = ExportContext(today=TODAY)
    fitted = a3.fitted_sheet(case, context)
    target = folder / f"{case.id}.pdf"
    target.write_bytes(fitted.document.write_pdf())
    return Printed(fitted, target, context.warnings)


@pytest.fixture(scope="module")
def bore_a3(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _print(bore_case(), tmp_path_factory.mktemp("bore"))


@pytest.fixture(scope="module")
def long_a3(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _print(long_texts(), tmp_path_factory.mktemp("long"))


@needs_pdftotext
def test_the_8d_a3_holds_the_case_text(bore_a3: Printed) -> None:
    case = bore_case()
    text = squash(pdf_text(bore_a3.pdf))
    for expected in (case.title, case.problem.how_many, case.problem.is_is_not[0].distinction,
                     case.field("d2", "statement"), case.field("d2", "requirement"), case.field("d7", "fmea"),
                     "Julien Roche", "Claire Martin", "late 20 d", "Target 1.67", "Effectiveness checks"):
        assert squash(expected) in text, expected
    for root in causes.root_causes(case):
        assert squash(root.text) in text
        for evidence in root.evidence:
            assert squash(evidence.text) in text
    for action in case.actions:
        assert squash(action.title) in text, action.title


@needs_pdftotext
def test_the_a3_case_fills_its_header_from_the_theme_step(tmp_path: Path) -> None:
    target = tmp_path / "a3.pdf"
    export_to("a3", a3_case(), target)
    text = squash(pdf_text(target))
    for expected in ("Changeover time on press P-4", "Hélène Morel", "Marc Dubois", "2026-03-18", "rev. 3",
                     "Changeover from 47 to 20 min by 2026-06-30", "Go for quick clamps on P-5"):
        assert squash(expected) in text, expected


def test_a_typical_a3_is_not_shrunk(tmp_path: Path) -> None:
    fitted = a3.fit(a3.build_sheet(a3_case(), ExportContext(today=date(2026, 3, 20))))
    assert fitted.pages == 1 and not fitted.overflow
    assert fitted.size == a3.SIZES[0]


def long_texts() -> Case:
    case = bore_case()
    for record in case.steps.values():
        for key in record.fields:
            record.fields[key] += (" The runout was measured three times by two technicians. " * 9) + f"END-{key}"
    return case


@needs_pdftotext
def test_long_texts_are_never_clipped(long_a3: Printed) -> None:
    text = squash(pdf_text(long_a3.pdf))
    shown = re.findall(r"END\\?-(\w+)", a3.sheet_markdown(a3.build_sheet(long_texts(), ExportContext(today=TODAY))))
    assert len(shown) >= 10  # the fields the sheet shows (an A3 leaves out D1's meetings, for one)
    for key in shown:
        assert squash(f"END-{key}") in text, key
    if pdf_pages(long_a3.pdf) > 1:
        assert long_a3.fitted.overflow
        assert "a3continued" in text and "continuedonthenextpage" in text
        assert any("second page" in w for w in long_a3.warnings)


def test_the_font_shrinks_before_the_sheet_flows(bore_a3: Printed, long_a3: Printed) -> None:
    assert bore_a3.fitted.pages == 1 and not bore_a3.fitted.overflow and bore_a3.warnings == []
    assert long_a3.fitted.size <= bore_a3.fitted.size
    assert min(a3.SIZES) >= 7.5  # the readable limit
    if long_a3.fitted.overflow:
        assert long_a3.fitted.size == min(a3.SIZES)


def test_markdown_holds_every_box_and_the_header(tmp_path: Path) -> None:
    case = bore_case()
    target = tmp_path / "a3.md"
    export_to("a3", case, target)
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.removeprefix("## ") for h in headings] == list(BOX_TITLES)
    for expected in ("**Owner:** Julien Roche", "**Mentor / approver:** Claire Martin", "Cpk of bore Ø32",
                     "Ishikawa (fishbone) diagram", "Spindle runout after the December repair"):
        assert expected in text, expected


def test_each_method_maps_its_steps_onto_the_boxes() -> None:
    for method, boxes in a3.BOX_STEPS.items():
        known = {s.key: {f.key for f in s.fields} for s in get(method).steps}
        for sources in boxes.values():
            for source in sources:
                step, _dot, field = source.partition(".")
                assert step in known, (method, source)
                assert not field or field in known[step], (method, source)
    assert set(a3.BOX_STEPS) == set(Method)


def test_without_graphviz_the_why_tree_box_is_a_marked_placeholder(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    target = tmp_path / "a3.html"
    context = export_to("a3", whys_case(), target)
    html = target.read_text(encoding="utf-8")
    assert "Graphviz is not installed" in html and "apt-get install graphviz" in html
    assert any("graphviz" in w.lower() for w in context.warnings)


def test_without_graphviz_the_fishbone_is_still_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    target = tmp_path / "a3.html"
    context = export_to("a3", bore_case(), target)
    assert "Ishikawa diagram" in target.read_text(encoding="utf-8")
    assert context.warnings == []


def test_an_empty_case_still_makes_a_sheet(tmp_path: Path) -> None:
    case = Case(id="C-1", title="Empty", method=Method.ISHIKAWA)
    target = tmp_path / "a3.md"
    export_to("a3", case, target)
    text = target.read_text(encoding="utf-8")
    assert text.count("Not recorded yet") == 7


def test_late_actions_are_flagged_on_the_sheet(tmp_path: Path) -> None:
    case = whys_case()
    actions.add_action(case, "A-10", "Label the chargers", due=date(2026, 1, 2), today=date(2026, 1, 1))
    target = tmp_path / "a3.html"
    export_to("a3", case, target)
    assert "late 77 d" in target.read_text(encoding="utf-8")


# ---------------------------------------------------------------- injection


@pytest.mark.parametrize("method", [Method.EIGHT_D, Method.FIVE_WHYS])
@pytest.mark.parametrize("extension", [".html", ".md", ".pdf"])
def test_a3_injection_corpus_stays_text(tmp_path: Path, method: Method, extension: str) -> None:
    target = tmp_path / f"a3{extension}"
    export_to("a3", injected_case(method), target)
    if extension == ".pdf":
        assert target.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = pdf_text(target)
            assert "<script>alert(1)</script>" in text and "\x1b" not in text
        return
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x00" not in text
    assert "مرحبا" in text and "🔧" in text
    if extension == ".html":
        assert not live_markup(text), live_markup(text)[:5]
        assert "&lt;img src=x onerror=alert(1)&gt;" in text
    else:
        from markdown_it import MarkdownIt

        rendered = MarkdownIt("commonmark", {"html": True}).render(text)
        assert not live_markup(rendered), live_markup(rendered)[:5]


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "[x]( javascript:alert(1))", "[x](<javascript:alert(1)>)", "<javascript:alert(1)>",
    "[a][r]\n\n[r]: javascript:alert(1)", "![i](http://evil.example/i.png)", "[x](&#106;avascript:alert(1))",
])
def test_user_markdown_never_becomes_live(text: str) -> None:
    from markdown_it import MarkdownIt

    assert not live_markup(markdown_html(text))
    assert not live_markup(MarkdownIt("commonmark", {"html": True}).render(markdown_source(text)))


def test_user_markdown_keeps_its_formatting() -> None:
    assert "<li>a</li>" in markdown_html("- a\n- b")
    assert '<a href="https://example.org">x</a>' in markdown_html("[x](https://example.org)")
    assert markdown_source("- a\n- **b**") == "- a\n- **b**"
    assert markdown_source("[x](https://example.org)") == "[x](https://example.org)"


@needs_pdftotext
def test_the_demo_cases_each_give_one_a3_page_and_the_8d_a_full_report(tmp_path: Path) -> None:
    demo = pytest.importorskip("rca.demo", reason="the demo workspace (rca/demo.py) is not there yet")
    cases = demo.demo_cases(TODAY)
    assert any(c.method is Method.EIGHT_D for c in cases)
    for case in cases:
        sheet = tmp_path / f"{case.id}-a3.pdf"
        export_to("a3", case, sheet)
        assert pdf_pages(sheet) == 1, case.id
        assert squash(case.title) in squash(pdf_text(sheet))
        if case.method is Method.EIGHT_D:
            report = tmp_path / f"{case.id}-8d.pdf"
            export_to("report", case, report)
            text = squash(pdf_text(report))
            for step in get(Method.EIGHT_D).steps:
                assert squash(step.title) in text
