"""The action plan as a Gantt chart: Mermaid text (``.mmd``), one section per kind of action.

A bar runs from the day the action was added to its due date (to the day it was done, once done); late bars
are marked critical, done ones done, started ones active; an effectiveness check is a milestone on its day.
Actions without a due date cannot be placed and are listed in a comment.

Mermaid's Gantt grammar gives ``:`` ``;`` ``#`` ``%`` and line breaks a meaning, and reads keywords
(``click``, ``section``...) at the start of a line; every task name starts with the action id and user text
has those characters replaced by look-alikes, so nothing the user typed is read as syntax.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from exports.action_rows import PlanRows, plan_title
from exports.registry import ExportContext
from exports.safe import atomic_write_bytes, one_line, shorten
from rca import actions as plan
from rca.i18n import _, language
from rca.model import Action, ActionKind, ActionStatus, Case

_GANTT_LOOKALIKES = str.maketrans({":": "\ua789", ";": ",", "#": "\uff03", "%": "\uff05", "{": "(", "}": ")",
                                   "<": "\u2039", ">": "\u203a"})
"""Characters Mermaid's Gantt syntax reads (and HTML tags) replaced by look-alikes: the text stays readable."""


def gantt_text(s: str, limit: int = 80) -> str:
    """User text for a Mermaid Gantt line: one line, no syntax characters, at most ``limit`` characters."""
    return shorten(one_line(s).translate(_GANTT_LOOKALIKES), limit)


def task_id(case: Case, action: Action, suffix: str = "") -> str:
    return f"c{case.number}_a{action.id.split('-')[1]}{suffix}"


def bar_span(action: Action, today: date) -> tuple[date, date] | None:
    """Where an action's bar starts and ends; ``None`` without a due date."""
    if action.due is None:
        return None
    end = action.done_on if action.status is ActionStatus.DONE and action.done_on else action.due
    start = action.created_on or end - timedelta(days=7)
    start = min(start, end)
    if end <= start:
        end = start + timedelta(days=1)
    return start, end


def _tags(action: Action, today: date) -> list[str]:
    if action.status is ActionStatus.DONE:
        return ["done"]
    if plan.is_late(action, today):
        return ["crit"]
    if action.status is ActionStatus.IN_PROGRESS:
        return ["active"]
    return []


def actions_mermaid_gantt(pairs: PlanRows, ctx: ExportContext, *, title: str | None = None) -> str:
    lines = [
        "gantt",
        f"    title {gantt_text(title or plan_title(pairs), 120)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %d/%m/%Y" if language() == "fr" else "    axisFormat %Y-%m-%d",
    ]
    unplaced: list[str] = []
    for kind in ActionKind:
        section = [
            (case, action)
            for case, action in pairs
            if action.kind is kind and action.status is not ActionStatus.CANCELLED
        ]
        tasks: list[str] = []
        for case, action in section:
            span = bar_span(action, ctx.today)
            if span is None:
                unplaced.append(f"{case.id} {action.id}")
                continue
            name = gantt_text(f"{action.id} {action.title}")
            data = [
                *_tags(action, ctx.today),
                task_id(case, action),
                span[0].isoformat(),
                span[1].isoformat(),
            ]
            tasks.append(f"    {name} :{', '.join(data)}")
            check = action.effectiveness.planned
            if check is not None:
                label = gantt_text(_("{action} effectiveness check", action=action.id))
                tasks.append(
                    f"    {label} :milestone, {task_id(case, action, '_check')}, {check.isoformat()}, 0d"
                )
        if tasks:
            lines.append(f"    section {gantt_text(kind.label, 40)}")
            lines += tasks
    if unplaced:
        lines.append("    %% " + gantt_text(_("no due date: {ids}", ids=", ".join(unplaced)), 2000))
    return "\n".join(lines) + "\n"


def write_actions_mmd(pairs: PlanRows, path: Path, ctx: ExportContext, *, title: str | None = None) -> None:
    atomic_write_bytes(path, actions_mermaid_gantt(pairs, ctx, title=title).encode("utf-8"))
