"""Action-plan exports: CSV (both separators), XLSX (a real table, dates, late rows), ICS (stable UIDs),
Markdown, Mermaid and SVG Gantt, the multi-case writer, and hostile text in each."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt

from exports import registry
from exports.action_gantt import actions_mermaid_gantt
from exports.action_plan import ACTION_WRITERS, write_actions
from exports.action_rows import COLUMNS, case_rows
from exports.registry import ExportContext
from rca import actions, causes, i18n
from rca.errors import NotFound
from rca.model import ActionKind, ActionStatus, Case, Effectiveness, Method

TODAY = date(2026, 11, 26)

INJECTION = [
    "<script>alert(1)</script>",
    '"];\ndigraph x {',
    '=HYPERLINK("http://x")',
    "+1-1",
    "@SUM(A1)",
    "line1\r\nBEGIN:VEVENT",
    "../../etc/passwd",
    "\x1b[31mred",
    "nul\x00byte",
    "שלום עולם 😀 e\u0301 \u202eevil",
    "| pipe | and `tick` # head: 50% ; semi",
    "x" * 100_000,
]


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def ctx() -> ExportContext:
    return ExportContext(today=TODAY)


def plan_case(case_id: str = "C-7") -> Case:
    """Five actions: one late, one done and effective, one done with a check pending, one planned, one
    cancelled; accents and a cause link so texts travel."""
    case = Case(id=case_id, title="Boulons desserrés — ligne 3", method=Method.EIGHT_D)
    cat = causes.add_category(case, "Machine")
    cause = causes.add_cause(case, cat.id, "Clé dynamométrique déréglée")
    add = actions.add_action
    late = add(
        case,
        "A-1",
        "Trier le stock chez le client",
        owner="Zoé",
        due=date(2026, 11, 10),
        kind=ActionKind.CONTAINMENT,
        today=date(2026, 11, 2),
    )
    actions.set_status(late, ActionStatus.IN_PROGRESS, today=date(2026, 11, 3))
    done = add(
        case,
        "A-2",
        "Étalonner les clés chaque mois",
        owner="Ana",
        deliverable="Plan d'étalonnage",
        due=date(2026, 11, 20),
        causes=[cause.id],
        today=date(2026, 11, 2),
    )
    done.effectiveness.criterion = "Zéro retour pendant 3 mois"
    done.effectiveness.planned = date(2027, 2, 20)
    actions.set_status(done, ActionStatus.DONE, today=date(2026, 11, 18), evidence="Rapport 2026-118")
    actions.record_effectiveness(done, Effectiveness.EFFECTIVE, evidence="0 retour", today=date(2026, 11, 25))
    pending = add(
        case,
        "A-3",
        "Ajouter un contrôle de couple en fin de ligne",
        owner="Bo",
        due=date(2026, 12, 15),
        kind=ActionKind.PREVENTIVE,
        today=date(2026, 11, 2),
    )
    pending.effectiveness.planned = date(2027, 1, 15)
    add(case, "A-4", "Former l'équipe de nuit", owner="Cy", due=None, kind=ActionKind.IMPROVEMENT)
    cancelled = add(
        case,
        "A-5",
        "Changer de fournisseur",
        owner="Dan",
        due=date(2026, 11, 1),
        kind=ActionKind.CORRECTIVE,
        today=date(2026, 10, 1),
    )
    actions.set_status(cancelled, ActionStatus.CANCELLED)
    return case


def test_all_formats_registered() -> None:
    assert registry.extensions("actions") == sorted(ACTION_WRITERS)
    assert set(registry.extensions("actions")) >= {".csv", ".xlsx", ".ics", ".md", ".mmd", ".svg"}


# ---------------------------------------------------------------- CSV


def _read_csv(path: Path, delimiter: str) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_english(outdir: Path, ctx: ExportContext) -> None:
    path = outdir / "plan.csv"
    registry.export("actions", plan_case(), path, ctx)
    rows = _read_csv(path, ",")
    assert rows[0][:3] == ["case", "case title", "action id"] and len(rows[0]) == len(COLUMNS)
    by_id = {row[2]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_id["A-1"]["late"] == "yes" and by_id["A-2"]["late"] == "no"
    assert by_id["A-2"]["due"] == "2026-11-20" and by_id["A-2"]["done on"] == "2026-11-18"
    assert by_id["A-2"]["linked causes"] == "Clé dynamométrique déréglée"
    assert by_id["A-2"]["result"] == "effective" and by_id["A-2"]["evidence"] == "Rapport 2026-118\n0 retour"
    assert by_id["A-5"]["late"] == "no"  # cancelled actions are never late
    assert by_id["A-4"]["due"] == ""


def test_csv_french_uses_semicolons(outdir: Path, ctx: ExportContext) -> None:
    i18n.set_language("fr")
    try:
        path = outdir / "plan.csv"
        registry.export("actions", plan_case(), path, ctx)
        rows = _read_csv(path, ";")
    finally:
        i18n.set_language("en")
    assert len(rows[0]) == len(COLUMNS) and len(rows) == 6
    assert rows[2][7] == "2026-11-20"  # ISO dates in every language


# ---------------------------------------------------------------- XLSX


def test_xlsx_is_a_real_table(outdir: Path, ctx: ExportContext) -> None:
    path = outdir / "plan.xlsx"
    registry.export("actions", plan_case(), path, ctx)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "Action plan"
    table = sheet.tables["ActionPlan"]
    assert table.ref.startswith("A4:") and table.autoFilter is not None
    headers = [cell.value for cell in sheet[4]]
    assert headers == [column.header for column in COLUMNS]
    assert sheet.freeze_panes == "A5"
    due_col = headers.index("due") + 1
    rows = {sheet.cell(row=r, column=3).value: r for r in range(5, sheet.max_row + 1)}
    due = sheet.cell(row=rows["A-2"], column=due_col)
    assert isinstance(due.value, datetime) and due.value.date() == date(2026, 11, 20)
    assert due.is_date and "yy" in due.number_format
    late_fill = sheet.cell(row=rows["A-1"], column=4).fill.fgColor.rgb
    normal_fill = sheet.cell(row=rows["A-2"], column=4).fill.fgColor.rgb
    assert late_fill.endswith("FDE2E1") and late_fill != normal_fill
    assert sheet.cell(row=rows["A-1"], column=headers.index("late") + 1).value == "yes"
    assert sheet.column_dimensions["D"].width > 30  # the title column is wide


def test_xlsx_summary_sheet(outdir: Path, ctx: ExportContext) -> None:
    path = outdir / "plan.xlsx"
    registry.export("actions", plan_case(), path, ctx)
    sheet = openpyxl.load_workbook(path)["Summary"]
    values = {
        sheet.cell(row=r, column=1).value: (
            sheet.cell(row=r, column=2).value,
            sheet.cell(row=r, column=3).value,
        )
        for r in range(1, 40)
    }
    progress = actions.progress(plan_case().actions, TODAY)
    assert values["closed"][0] == progress.closed == 1
    assert values["late"][0] == progress.late == 1
    assert values["in progress"][0] == progress.in_progress
    assert values["not started"][0] == progress.not_started
    assert values["on-time rate (done by the due date)"][1] == pytest.approx(1.0)
    assert values["effectiveness rate (checked effective)"][1] == pytest.approx(1.0)
    assert "Progress" in sheet.tables and "ByOwner" in sheet.tables


def test_xlsx_formulas_stay_text(outdir: Path, ctx: ExportContext) -> None:
    case = plan_case()
    actions.add_action(case, "A-9", '=HYPERLINK("http://x")', owner="@SUM(A1)", deliverable="+1-1")
    path = outdir / "plan.xlsx"
    registry.export("actions", case, path, ctx)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(row=r, column=3).value == "A-9")
    title = sheet.cell(row=row, column=4)
    assert title.value == '=HYPERLINK("http://x")' and title.data_type == "s" and title.quotePrefix
    assert sheet.cell(row=row, column=6).data_type == "s"


def test_xlsx_empty_plan(outdir: Path, ctx: ExportContext) -> None:
    case = Case(id="C-3", title="No actions yet", method=Method.FIVE_WHYS)
    path = outdir / "plan.xlsx"
    registry.export("actions", case, path, ctx)
    book = openpyxl.load_workbook(path)
    assert "ActionPlan" in book.worksheets[0].tables


# ---------------------------------------------------------------- ICS


def _calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_ics_events_and_stable_uids(outdir: Path, ctx: ExportContext) -> None:
    case = plan_case()
    first, second = outdir / "a.ics", outdir / "b.ics"
    registry.export("actions", case, first, ctx)
    case.version += 1
    registry.export("actions", case, second, ctx)
    events = [c for c in _calendar(first).walk("VEVENT")]
    # due dates, A-5 (A-4 has none); checks
    assert len(events) == 6
    uids = sorted(str(e["UID"]) for e in events)
    assert uids == sorted(str(e["UID"]) for e in _calendar(second).walk("VEVENT"))
    assert "C-7-A-2-due@rca" in uids and "C-7-A-2-check@rca" in uids
    by_uid = {str(e["UID"]): e for e in events}
    due = by_uid["C-7-A-2-due@rca"]
    assert due.decoded("DTSTART") == date(2026, 11, 20) and due.decoded("DTEND") == date(2026, 11, 21)
    assert "Étalonner les clés" in str(due["SUMMARY"])
    assert "Clé dynamométrique" in str(due["DESCRIPTION"])
    assert str(by_uid["C-7-A-5-due@rca"]["STATUS"]) == "CANCELLED"
    later = {str(e["UID"]): int(e["SEQUENCE"]) for e in _calendar(second).walk("VEVENT")}
    assert later["C-7-A-2-due@rca"] == int(due["SEQUENCE"]) + 1


# ---------------------------------------------------------------- Markdown, Mermaid, SVG


def test_markdown_table(outdir: Path, ctx: ExportContext) -> None:
    path = outdir / "plan.md"
    registry.export("actions", plan_case(), path, ctx)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Action plan")
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    assert html.count("<tr>") == 6 and "<th>PDCA phase</th>" in html


def test_mermaid_gantt(ctx: ExportContext) -> None:
    text = actions_mermaid_gantt(case_rows(plan_case()), ctx)
    lines = text.splitlines()
    assert lines[0] == "gantt" and "    dateFormat YYYY-MM-DD" in lines
    assert any(line.startswith("    section containment") for line in lines)
    assert any(":crit, c7_a1," in line for line in lines)  # late
    assert any(":done, c7_a2," in line for line in lines)
    assert any(":milestone, c7_a3_check, 2027-01-15, 0d" in line for line in lines)
    assert "A-5" not in text.split("%%")[0]  # cancelled actions are not drawn


def test_svg_gantt(outdir: Path, ctx: ExportContext) -> None:
    path = outdir / "plan.svg"
    registry.export("actions", plan_case(), path, ctx)
    root = ET.fromstring(path.read_bytes())
    text = " ".join(root.itertext())
    assert "A-1" in text and "today" in text and "no due date" in text


# ---------------------------------------------------------------- several cases, errors, hostile text


def test_workspace_plan(outdir: Path, ctx: ExportContext) -> None:
    cases = [plan_case("C-7"), plan_case("C-8")]
    cases[1].title = "Second case"
    pairs = [(case, action) for case in cases for action in case.actions]
    for extension in ACTION_WRITERS:
        write_actions(pairs, outdir / f"all{extension}", ctx)
    rows = _read_csv(outdir / "all.csv", ",")
    assert {row[0] for row in rows[1:]} == {"C-7", "C-8"}
    assert "ByCase" in openpyxl.load_workbook(outdir / "all.xlsx")["Summary"].tables
    uids = [str(e["UID"]) for e in _calendar(outdir / "all.ics").walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 12
    with pytest.raises(NotFound, match=".xlsx"):
        write_actions(pairs, outdir / "all.docx", ctx)


def hostile_case() -> Case:
    case = Case(id="C-66", title='<b>x</b> "quoted" =1+1', method=Method.EIGHT_D)
    for index, text in enumerate(INJECTION, start=1):
        cause = causes.add_cause(case, "P", text[:2000])
        case.node(cause.id).text = text
        action = actions.add_action(
            case,
            f"A-{index}",
            text,
            owner=text,
            deliverable=text,
            causes=[cause.id],
            due=date(2026, 12, index),
            today=date(2026, 11, 1),
        )
        action.effectiveness.criterion = text
        action.effectiveness.planned = date(2027, 1, index)
        action.title = text  # untrimmed, exactly as hostile as typed
    return case


@pytest.mark.parametrize("extension", sorted(ACTION_WRITERS))
def test_hostile_text_in_every_format(extension: str, outdir: Path, ctx: ExportContext) -> None:
    path = outdir / f"plan{extension}"
    registry.export("actions", hostile_case(), path, ctx)
    assert [p.name for p in outdir.iterdir()] == [path.name]
    data = path.read_bytes()
    if extension != ".xlsx":  # a zip file
        assert b"\x1b" not in data and b"\x00" not in data
    if extension == ".csv":
        rows = _read_csv(path, ",")
        assert len(rows) == len(INJECTION) + 1
        for row in rows[1:]:
            assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
        assert any(cell == '\'=HYPERLINK("http://x")' for row in rows for cell in row)
    elif extension == ".xlsx":
        sheet = openpyxl.load_workbook(path).worksheets[0]
        cells = [c for row in sheet.iter_rows(min_row=5) for c in row if c.value is not None]
        assert all(c.data_type in ("s", "d", "n") for c in cells)
        assert all(len(str(c.value)) <= 32767 for c in cells)
        assert not any("\x1b" in str(c.value) for c in cells)
        assert any("32,767" in warning for warning in ctx.warnings)  # the 100 kB text was cut, and said so
    elif extension == ".ics":
        calendar = _calendar(path)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 2 * len(INJECTION)
        # The text "BEGIN:VEVENT" is inside escaped values; only real component lines start with it.
        assert data.split(b"\r\n").count(b"BEGIN:VEVENT") == len(events)
        assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    elif extension == ".md":
        html = MarkdownIt("commonmark", {"html": False}).enable("table").render(data.decode())
        assert "<script>" not in html and html.count("<tr>") == len(INJECTION) + 1
    elif extension == ".mmd":
        for line in data.decode().splitlines()[1:]:
            assert line.startswith("    ")
            body = line.strip()
            assert body.startswith(("title ", "dateFormat", "axisFormat", "section ", "A-", "%% "))
            if body.startswith("A-"):
                assert body.count(":") == 1 and ";" not in body and "#" not in body.split(":")[0]
    elif extension == ".svg":
        root = ET.fromstring(data)
        assert not [el for el in root.iter() if el.tag.endswith("script")]
