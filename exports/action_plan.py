"""The action-plan exports: CSV, XLSX, ICS calendar, Markdown, Mermaid Gantt (and an SVG Gantt).

Every format is written by a ``write_actions_<ext>(pairs, path, ctx, *, title=None)`` function that takes
``(case, action)`` pairs, so the CLI can write one plan for several cases (the workspace's actions):

    from exports.action_plan import write_actions
    write_actions([(case, action) for case in cases for action in case.actions], Path("plan.xlsx"), ctx)

The registered ``actions`` formats call the same functions with one case's actions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exports.action_csv import write_actions_csv, write_actions_md
from exports.action_gantt import write_actions_mmd
from exports.action_gantt_svg import write_actions_svg
from exports.action_ics import write_actions_ics
from exports.action_rows import PlanRows, case_rows
from exports.action_xlsx import write_actions_xlsx
from exports.registry import ExportContext, Format, register
from rca.errors import NotFound
from rca.i18n import N_, _
from rca.model import Case

PlanWriter = Callable[..., None]

ACTION_WRITERS: dict[str, tuple[PlanWriter, str]] = {
    ".csv": (write_actions_csv, N_("action plan for Excel and other tools (CSV, UTF-8)")),
    ".xlsx": (write_actions_xlsx, N_("action plan as an Excel workbook (table, late actions, summary)")),
    ".ics": (write_actions_ics, N_("calendar of due dates and effectiveness checks (iCalendar)")),
    ".md": (write_actions_md, N_("action plan as a Markdown table")),
    ".mmd": (write_actions_mmd, N_("Gantt chart of the plan (Mermaid)")),
    ".svg": (write_actions_svg, N_("Gantt chart of the plan (SVG picture)")),
}
"""Extension → (writer over (case, action) pairs, description)."""


def write_actions(pairs: PlanRows, path: Path, ctx: ExportContext, *, title: str | None = None) -> None:
    """Write the actions of one or several cases, in the format of ``path``'s extension."""
    extension = path.suffix.lower()
    if extension not in ACTION_WRITERS:
        raise NotFound(
            _(
                "unknown format '{ext}' for actions; try one of: {choices}",
                ext=extension or _("(no extension)"),
                choices=", ".join(sorted(ACTION_WRITERS)),
            )
        )
    ACTION_WRITERS[extension][0](pairs, path, ctx, title=title)


def _case_writer(writer: PlanWriter) -> Callable[[Case, Path, ExportContext], None]:
    def write(case: Case, path: Path, ctx: ExportContext) -> None:
        writer(
            case_rows(case),
            path,
            ctx,
            title=_("Action plan — {case} {title}", case=case.id, title=case.title),
        )

    write.__doc__ = f"One case's plan through ``{writer.__name__}``."
    return write


for _extension, (_writer, _description) in ACTION_WRITERS.items():
    register(Format("actions", _extension, _description, _case_writer(_writer)))
