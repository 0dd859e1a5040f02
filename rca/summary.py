"""What the CLI and the TUI say about a case: one-line summaries, gate states, a readable description.

Sits above ``methods`` (it evaluates gates), below the CLI and the TUI; no Textual here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from methods.registry import evaluate, get
from rca import actions as plan
from rca import causes
from rca.actions import action_summary  # noqa: F401  (re-exported: the CLI lists actions with it)
from rca.i18n import _, format_date, format_percent
from rca.model import Case


def current_step_key(case: Case) -> str | None:
    """The step the team is on: the saved one, else the first whose gate does not pass."""
    if case.current_step and case.current_step in {s.key for s in get(case.method).steps}:
        return case.current_step
    progress = evaluate(case)
    step = progress.next_step
    return step.step.key if step else None


def case_summary(case: Case, today: date) -> dict[str, Any]:
    """The home list's row for a case (also ``rca list --json``)."""
    progress = evaluate(case)
    nxt = progress.next_step
    definition = get(case.method)
    p = plan.progress(case.actions, today)
    return {
        "id": case.id,
        "title": case.title,
        "method": case.method.value,
        "method_label": case.method.label,
        "status": case.status.value,
        "archived": case.archived,
        "step": nxt.step.key if nxt else None,
        "step_label": _(nxt.step.title) if nxt else _("all gates passed"),
        "progress": round(progress.share, 3),
        "progress_label": format_percent(progress.share),
        "steps": len(definition.steps),
        "open_actions": p.in_progress + p.late + p.not_started,
        "late_actions": p.late,
        "leader": case.leader(),
    }


def gates_json(case: Case) -> list[dict[str, Any]]:
    return [
        {"step": g.step.key, "title": _(g.step.title), "passed": g.passed, "blockers": g.blockers,
         "warnings": g.warnings}
        for g in evaluate(case).gates
    ]


def describe_case(case: Case, today: date) -> str:
    """``rca show``: the header, each step with its gate, what blocks the next one, causes and actions."""
    progress = evaluate(case)
    definition = get(case.method)
    lines = [
        f"{case.id}  {case.title}",
        _("{method} · {status} · leader {leader} · opened {date} · progress {progress}",
          method=_(definition.name), status=case.status.label, leader=case.leader() or "—",
          date=format_date(case.created_on), progress=format_percent(progress.share)),
    ]
    if case.problem.summary():
        lines.append(_("Problem: {text}", text=case.problem.summary()))
    lines.append("")
    lines.append(_("Steps:"))
    for gate in progress.gates:
        mark = "✓" if gate.passed else "✗"
        lines.append(f"  {mark} {_(gate.step.title)}")
        for message in gate.blockers:
            lines.append(f"      - {message}")
        for message in gate.warnings:
            lines.append(f"      ! {message}")
    nxt = progress.next_step
    lines.append("")
    if nxt:
        lines.append(_("Next gate: {step}", step=_(nxt.step.title)))
        for message in nxt.blockers:
            lines.append(f"  → {message}")
    else:
        lines.append(_("Every gate passes."))
    roots = causes.root_causes(case)
    if roots:
        lines.append("")
        lines.append(_("Root causes:"))
        for cause in roots:
            path = f" [{cause.path.label}]" if cause.path else ""
            lines.append(f"  {cause.id} {cause.text} ({cause.status.label}){path}")
    if case.actions:
        p = plan.progress(case.actions, today)
        lines.append("")
        lines.append(_("Actions: {closed} closed, {progress} in progress, {late} late, {todo} not started",
                       closed=p.closed, progress=p.in_progress, late=p.late, todo=p.not_started))
        for action in case.actions:
            late = "  " + _("LATE") if plan.is_late(action, today) else ""
            lines.append(f"  {action.id} {action.title} — {action.owner or '—'}, "
                         f"{format_date(action.due)}, {action.status.label}{late}")
    return "\n".join(lines)
