"""The action plan as CSV (for Excel and every other tool) and as a Markdown table.

CSV: UTF-8 with a byte-order mark (so Excel shows accents right), ``,`` between fields in English and ``;`` in
French (Excel in a French locale expects it, since the comma is the decimal separator there), ISO dates,
``yes``/``no`` for "late", and a ``'`` before any value a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from exports.action_rows import COLUMNS, PlanRow, PlanRows, header, plan_rows, plan_title, yes_no
from exports.registry import ExportContext
from exports.safe import atomic_write_bytes, md_cell, md_text, spreadsheet_cell, strip_controls
from rca.i18n import _, format_date, language


def csv_separator() -> str:
    """``;`` where the comma is the decimal separator (French), ``,`` otherwise."""
    return ";" if language() == "fr" else ","


def csv_value(row: PlanRow, key: str) -> str:
    value = row.value(key)
    if value is None:
        return ""
    if key == "late":
        return yes_no(bool(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    return spreadsheet_cell(strip_controls(str(value)))


def actions_csv_text(rows: PlanRows, ctx: ExportContext) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_separator(), quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([header(column) for column in COLUMNS])
    for row in plan_rows(rows, ctx.today):
        writer.writerow([csv_value(row, column.key) for column in COLUMNS])
    return buffer.getvalue()


def write_actions_csv(rows: PlanRows, path: Path, ctx: ExportContext, *, title: str | None = None) -> None:
    """The plan as CSV (``title`` is unused: a CSV file is only the table, for tools to read)."""
    atomic_write_bytes(path, ("\ufeff" + actions_csv_text(rows, ctx)).encode("utf-8"))


# ---------------------------------------------------------------- Markdown


def md_value(row: PlanRow, key: str) -> str:
    value = row.value(key)
    if value is None or value == "":
        return ""
    if key == "late":
        return "**" + md_text(yes_no(True)) + "**" if value else md_text(yes_no(False))
    if hasattr(value, "isoformat"):
        return format_date(value)  # type: ignore[arg-type]
    return md_cell(str(value).replace("\n", " · "))


def actions_markdown(rows: PlanRows, ctx: ExportContext, *, title: str | None = None) -> str:
    lines = [
        "# " + md_text(title or plan_title(rows)),
        "",
        md_text(_("As of {date}. Late: past the due date and not done.", date=format_date(ctx.today))),
        "",
        "| " + " | ".join(md_cell(header(column)) for column in COLUMNS) + " |",
        "|" + "|".join("---" for _column in COLUMNS) + "|",
    ]
    for row in plan_rows(rows, ctx.today):
        lines.append("| " + " | ".join(md_value(row, column.key) for column in COLUMNS) + " |")
    if not rows:
        lines += ["", md_text(_("No actions yet."))]
    return "\n".join(lines) + "\n"


def write_actions_md(rows: PlanRows, path: Path, ctx: ExportContext, *, title: str | None = None) -> None:
    atomic_write_bytes(path, actions_markdown(rows, ctx, title=title).encode("utf-8"))
