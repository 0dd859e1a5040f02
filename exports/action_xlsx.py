"""The action plan as an Excel workbook: a real Excel table on the first sheet, a progress summary on
the second.

The plan sheet: a title, the table (header row with filter buttons, banded rows), dates as real dates, late
actions in red, cancelled ones greyed, the header frozen, wrapped long texts, printable on landscape pages.
The summary sheet: the progress buckets (closed / in progress / late / not started) with a chart, the on-time
and effectiveness rates, and the same counts per owner (and per case, for a workspace plan).
Text that a spreadsheet could run as a formula is written as text with Excel's own quote prefix (the cell
shows exactly what was typed, and stays text when edited).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from exports.action_rows import COLUMNS, DATE_KEYS, PlanRow, PlanRows, header, plan_rows, plan_title, yes_no
from exports.registry import ExportContext
from exports.safe import atomic_write_bytes, looks_like_formula, strip_controls
from rca import actions as plan
from rca.actions import Bucket, Progress
from rca.i18n import _, format_date, language
from rca.model import Action

EXCEL_MAX_TEXT = 32767
"""Excel's limit on the characters in one cell."""

HEADER_ROW = 3
"""The table's header row (0-based): a title and a subtitle come first."""

_LATE_FILL = "#FDE2E1"
_LATE_FONT = "#9C0006"
_BUCKET_COLOURS = {
    Bucket.CLOSED: "#2E7D32",
    Bucket.IN_PROGRESS: "#1565C0",
    Bucket.LATE: "#C62828",
    Bucket.NOT_STARTED: "#9E9E9E",
}


def excel_date_format() -> str:
    return "dd/mm/yyyy" if language() == "fr" else "yyyy-mm-dd"


def _header_text(text: str) -> str:
    """Text for a page header/footer, where ``&`` starts a code."""
    return strip_controls(text).replace("&", "&&").replace("\n", " ")[:200]


class _Formats:
    """Cell formats, made once per combination (a workbook has a limited number of them)."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._made: dict[tuple[Any, ...], Any] = {}
        self.title = workbook.add_format({"bold": True, "font_size": 14, "font_color": "#1F3864"})
        self.subtitle = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.label = workbook.add_format({"bold": True})
        self.count = workbook.add_format({"num_format": "0", "align": "right"})
        self.percent = workbook.add_format({"num_format": "0%", "align": "right"})
        self.section = workbook.add_format({"bold": True, "font_size": 12, "font_color": "#1F3864"})

    def cell(self, *, wrap: bool, is_date: bool, late: bool, cancelled: bool, quote: bool) -> Any:
        key = (wrap, is_date, late, cancelled, quote)
        if key not in self._made:
            props: dict[str, Any] = {"valign": "top"}
            if wrap:
                props["text_wrap"] = True
            if is_date:
                props["num_format"] = excel_date_format()
                props["align"] = "left"
            if late:
                props.update({"bg_color": _LATE_FILL, "font_color": _LATE_FONT})
            if cancelled:
                props.update({"font_color": "#808080", "italic": True})
            if quote:
                props["quote_prefix"] = True
            self._made[key] = self.workbook.add_format(props)
        return self._made[key]


def _write_value(
    sheet: Worksheet,
    formats: _Formats,
    ctx: ExportContext,
    position: tuple[int, int],
    row: PlanRow,
    key: str,
    wrap: bool,
) -> None:
    value = row.value(key)
    style = {"wrap": wrap, "is_date": key in DATE_KEYS, "late": row.late, "cancelled": row.cancelled}
    line, column = position
    if value is None or value == "":
        sheet.write_blank(line, column, None, formats.cell(**style, quote=False))
    elif isinstance(value, date):
        sheet.write_datetime(line, column, value, formats.cell(**style, quote=False))
    else:
        text = yes_no(bool(value)) if key == "late" else strip_controls(str(value))
        if len(text) > EXCEL_MAX_TEXT:
            text = text[: EXCEL_MAX_TEXT - 1] + "…"
            ctx.warn(
                _("a text longer than Excel's limit of 32,767 characters was cut short in the XLSX file")
            )
        sheet.write_string(line, column, text, formats.cell(**style, quote=looks_like_formula(text)))


def _plan_sheet(
    workbook: Workbook, formats: _Formats, rows: list[PlanRow], title: str, ctx: ExportContext
) -> None:
    sheet = workbook.add_worksheet(_("Action plan")[:31])
    sheet.write_string(0, 0, strip_controls(title)[:EXCEL_MAX_TEXT], formats.title)
    sheet.write_string(
        1,
        0,
        _("As of {date}. Late (in red): past the due date and not done.", date=format_date(ctx.today)),
        formats.subtitle,
    )
    last_row = HEADER_ROW + max(1, len(rows))
    sheet.add_table(
        HEADER_ROW,
        0,
        last_row,
        len(COLUMNS) - 1,
        {
            "name": "ActionPlan",
            "style": "Table Style Medium 2",
            "autofilter": True,
            "columns": [{"header": header(column)} for column in COLUMNS],
        },
    )
    for index, row in enumerate(rows):
        for col, column in enumerate(COLUMNS):
            _write_value(sheet, formats, ctx, (HEADER_ROW + 1 + index, col), row, column.key, column.wrap)
    for col, column in enumerate(COLUMNS):
        sheet.set_column(col, col, column.width)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_header("&L" + _header_text(title))
    sheet.set_footer("&L" + _header_text(_("As of {date}", date=format_date(ctx.today))) + "&R&P / &N")


def _progress_rows(progress: Progress) -> list[tuple[str, int, float | None]]:
    return [
        (_(Bucket.LABELS[Bucket.CLOSED]), progress.closed, progress.share(Bucket.CLOSED)),
        (_(Bucket.LABELS[Bucket.IN_PROGRESS]), progress.in_progress, progress.share(Bucket.IN_PROGRESS)),
        (_(Bucket.LABELS[Bucket.LATE]), progress.late, progress.share(Bucket.LATE)),
        (_(Bucket.LABELS[Bucket.NOT_STARTED]), progress.not_started, progress.share(Bucket.NOT_STARTED)),
    ]


def _write_share(sheet: Worksheet, line: int, col: int, share: float | None, formats: _Formats) -> None:
    if share is None:
        sheet.write_string(line, col, "—", formats.count)
    else:
        sheet.write_number(line, col, share, formats.percent)


def _group_table(
    sheet: Worksheet, formats: _Formats, start: int, name: str, first_header: str, groups: dict[str, Progress]
) -> int:
    """A table of progress per owner or per case; returns the next free row."""
    headers = [
        first_header,
        _("actions"),
        _("closed"),
        _("in progress"),
        _("late"),
        _("not started"),
        _("cancelled"),
        _("on-time rate"),
        _("effectiveness rate"),
    ]
    sheet.add_table(
        start,
        0,
        start + max(1, len(groups)),
        len(headers) - 1,
        {
            "name": name,
            "style": "Table Style Light 9",
            "autofilter": False,
            "columns": [{"header": text} for text in headers],
        },
    )
    for offset, (label, progress) in enumerate(groups.items(), start=1):
        line = start + offset
        text = strip_controls(label) or _("(no owner)")
        sheet.write_string(
            line,
            0,
            text[:EXCEL_MAX_TEXT],
            formats.cell(
                wrap=False, is_date=False, late=False, cancelled=False, quote=looks_like_formula(text)
            ),
        )
        values = (
            progress.total,
            progress.closed,
            progress.in_progress,
            progress.late,
            progress.not_started,
            progress.cancelled,
        )
        for col, value in enumerate(values, start=1):
            sheet.write_number(line, col, value, formats.count)
        _write_share(sheet, line, 7, progress.on_time_rate, formats)
        _write_share(sheet, line, 8, progress.effectiveness_rate, formats)
    return start + max(1, len(groups)) + 2


def _summary_sheet(
    workbook: Workbook, formats: _Formats, pairs: PlanRows, title: str, ctx: ExportContext
) -> None:
    sheet = workbook.add_worksheet(_("Summary")[:31])
    action_list: list[Action] = [action for _case, action in pairs]
    progress = plan.progress(action_list, ctx.today)
    sheet.write_string(0, 0, strip_controls(title)[:EXCEL_MAX_TEXT], formats.title)
    sheet.write_string(
        1,
        0,
        _(
            "Progress on {date} ({count} actions; cancelled ones are not counted in the shares).",
            date=format_date(ctx.today),
            count=progress.total,
        ),
        formats.subtitle,
    )
    sheet.add_table(
        3,
        0,
        7,
        2,
        {
            "name": "Progress",
            "style": "Table Style Medium 2",
            "autofilter": False,
            "columns": [{"header": _("progress")}, {"header": _("actions")}, {"header": _("share")}],
        },
    )
    for offset, (label, count, share) in enumerate(_progress_rows(progress), start=4):
        sheet.write_string(offset, 0, label)
        sheet.write_number(offset, 1, count, formats.count)
        _write_share(sheet, offset, 2, share, formats)
    facts: list[tuple[str, int | None, float | None]] = [
        (_("cancelled"), progress.cancelled, None),
        (_("on-time rate (done by the due date)"), None, progress.on_time_rate),
        (_("effectiveness rate (checked effective)"), None, progress.effectiveness_rate),
        (_("effectiveness checks overdue"), progress.checks_overdue, None),
    ]
    for offset, (fact, number, rate) in enumerate(facts, start=9):
        sheet.write_string(offset, 0, fact, formats.label)
        if number is not None:
            sheet.write_number(offset, 1, number, formats.count)
        else:
            _write_share(sheet, offset, 2, rate, formats)
    _bucket_chart(workbook, sheet)
    line = 15
    sheet.write_string(line - 1, 0, _("By owner"), formats.section)
    line = _group_table(
        sheet, formats, line, "ByOwner", _("owner"), plan.progress_by_owner(action_list, ctx.today)
    )
    cases = list({case.id: case for case, _action in pairs}.values())
    if len(cases) > 1:
        sheet.write_string(line - 1, 0, _("By case"), formats.section)
        by_case = {f"{case.id} {case.title}": plan.progress(case.actions, ctx.today) for case in cases}
        _group_table(sheet, formats, line, "ByCase", _("case"), by_case)
    sheet.set_column(0, 0, 42)
    sheet.set_column(1, 8, 13)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _bucket_chart(workbook: Workbook, sheet: Worksheet) -> None:
    chart = workbook.add_chart({"type": "column"})
    name = sheet.get_name().replace("'", "''")
    colours = [_BUCKET_COLOURS[bucket] for bucket in Bucket.ORDER]
    chart.add_series(
        {
            "name": _("actions"),
            "categories": f"='{name}'!$A$5:$A$8",
            "values": f"='{name}'!$B$5:$B$8",
            "points": [{"fill": {"color": colour}} for colour in colours],
            "data_labels": {"value": True},
        }
    )
    chart.set_title({"name": _("Actions by progress"), "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    chart.set_y_axis({"major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}, "min": 0})
    chart.set_size({"width": 480, "height": 260})
    sheet.insert_chart("E4", chart)


def actions_xlsx_bytes(pairs: PlanRows, ctx: ExportContext, *, title: str | None = None) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    shown_title = title or plan_title(pairs)
    workbook.set_properties(
        {
            "title": strip_controls(shown_title)[:250],
            "subject": _("Action plan"),
            "comments": _("Exported by rca"),
        }
    )
    formats = _Formats(workbook)
    _plan_sheet(workbook, formats, plan_rows(pairs, ctx.today), shown_title, ctx)
    _summary_sheet(workbook, formats, pairs, shown_title, ctx)
    workbook.close()
    return buffer.getvalue()


def write_actions_xlsx(pairs: PlanRows, path: Path, ctx: ExportContext, *, title: str | None = None) -> None:
    atomic_write_bytes(path, actions_xlsx_bytes(pairs, ctx, title=title))
