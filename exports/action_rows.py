"""The action plan as rows: one per (case, action), with every column the plan exports show.

All the action-plan formats (CSV, XLSX, Markdown, ICS, Gantt) read these rows, so a column means the same
thing everywhere. Values are typed (dates stay dates, "late" a bool); each format renders them its own way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rca import actions as plan
from rca.i18n import N_, _
from rca.model import Action, Case, NodeKind

PlanRows = list[tuple[Case, Action]]
"""What the action-plan writers take: actions with the case each belongs to (one case or the workspace)."""


@dataclass(frozen=True)
class Column:
    key: str
    """The attribute of ``PlanRow`` shown."""
    header: str
    """The header (marked with ``N_``; translated when written)."""
    width: int
    """A sensible spreadsheet width, in characters."""
    wrap: bool = False
    """Long text: wrapped in spreadsheets."""


COLUMNS: tuple[Column, ...] = (
    Column("case_id", N_("case"), 8),
    Column("case_title", N_("case title"), 28, wrap=True),
    Column("action_id", N_("action id"), 9),
    Column("title", N_("title"), 40, wrap=True),
    Column("kind", N_("kind"), 13),
    Column("owner", N_("owner"), 16),
    Column("deliverable", N_("deliverable"), 30, wrap=True),
    Column("due", N_("due"), 12),
    Column("status", N_("status"), 12),
    Column("late", N_("late"), 7),
    Column("done_on", N_("done on"), 12),
    Column("phase", N_("PDCA phase"), 11),
    Column("causes", N_("linked causes"), 40, wrap=True),
    Column("criterion", N_("effectiveness criterion"), 32, wrap=True),
    Column("check_date", N_("check date"), 12),
    Column("result", N_("result"), 13),
    Column("evidence", N_("evidence"), 40, wrap=True),
)
"""The plan's columns, in order."""

DATE_KEYS = frozenset({"due", "done_on", "check_date"})


@dataclass(frozen=True)
class PlanRow:
    """One action as the exports show it (texts translated, dates as dates, computed "late")."""

    case_id: str
    case_title: str
    action_id: str
    title: str
    kind: str
    owner: str
    deliverable: str
    due: date | None
    status: str
    late: bool
    done_on: date | None
    phase: str
    causes: str
    criterion: str
    check_date: date | None
    result: str
    evidence: str
    kind_key: str
    """The kind's stored value (containment, corrective...), for grouping."""
    bucket: str
    """closed, in progress, late, not started or cancelled (``rca.actions.Bucket``)."""
    cancelled: bool

    def value(self, key: str) -> object:
        return getattr(self, key)


def yes_no(flag: bool) -> str:
    return _("yes") if flag else _("no")


def linked_cause_texts(case: Case, action: Action) -> list[str]:
    """The texts of the causes an action treats (ids of causes no longer in the graph are skipped)."""
    by_id = {node.id: node for node in case.causes if node.kind is NodeKind.CAUSE}
    return [by_id[cause_id].text for cause_id in action.causes if cause_id in by_id]


def evidence_text(action: Action) -> str:
    """What shows the action was done, then what showed whether it worked, one per line."""
    lines = [item.text for item in action.evidence]
    if action.effectiveness.evidence:
        lines.append(action.effectiveness.evidence)
    return "\n".join(lines)


def plan_row(case: Case, action: Action, today: date) -> PlanRow:
    check = action.effectiveness
    return PlanRow(
        case_id=case.id,
        case_title=case.title,
        action_id=action.id,
        title=action.title,
        kind=action.kind.label,
        owner=action.owner,
        deliverable=action.deliverable,
        due=action.due,
        status=action.status.label,
        late=plan.is_late(action, today),
        done_on=action.done_on,
        phase=action.phase.label,
        causes="\n".join(linked_cause_texts(case, action)),
        criterion=check.criterion,
        check_date=check.planned,
        result=check.result.label,
        evidence=evidence_text(action),
        kind_key=action.kind.value,
        bucket=plan.bucket(action, today),
        cancelled=action.status.value == "cancelled",
    )


def plan_rows(rows: Iterable[tuple[Case, Action]], today: date) -> list[PlanRow]:
    return [plan_row(case, action, today) for case, action in rows]


def case_rows(case: Case) -> PlanRows:
    """A single case's plan, in the team's order."""
    return [(case, action) for action in case.actions]


def plan_title(rows: PlanRows) -> str:
    """ "Action plan — C-7 Torque..." for one case, "Action plan — 3 cases" for several."""
    case_ids = list(dict.fromkeys(case.id for case, _action in rows))
    if len(case_ids) == 1:
        case = rows[0][0]
        return _("Action plan — {case} {title}", case=case.id, title=case.title)
    if not case_ids:
        return _("Action plan")
    return _("Action plan — {count} cases", count=len(case_ids))


def header(column: Column) -> str:
    return _(column.header)
