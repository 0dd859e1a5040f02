"""The dashboard as terminal text (``rca dashboard``): tables, shares and a compact weekly chart.

Presentation only: the figures come from ``rca.followup``. Plain text, no Textual, so the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Sequence

from rca.actions import Bucket, Progress
from rca.followup import CheckItem, Dashboard, Group, Week
from rca.i18n import _, format_date, format_percent
from rca.measurements import proposal_text
from rca.textout import clip, table

SPARK = " ▁▂▃▄▅▆▇█"
"""Nine levels of a text sparkline: a blank for zero, then eight block heights."""
MAX_GROUP_ROWS = 40
"""Rows shown per group table; the rest is counted (``--json`` has everything)."""


def sparkline(values: Sequence[int], top: int | None = None) -> str:
    """One character per value, scaled to ``top`` (the largest value by default); zero is a blank."""
    top = max(values, default=0) if top is None else top
    if top <= 0:
        return " " * len(values)
    levels = len(SPARK) - 1
    return "".join(SPARK[0] if v <= 0 else SPARK[max(1, round(v / top * levels))] for v in values)


def share_cell(count: int, progress: Progress, bucket: str) -> str:
    return f"{count} ({format_percent(progress.share(bucket))})"


def progress_row(label: str, p: Progress) -> list[str]:
    return [label, str(p.counted), share_cell(p.closed, p, Bucket.CLOSED),
            share_cell(p.in_progress, p, Bucket.IN_PROGRESS), share_cell(p.late, p, Bucket.LATE),
            share_cell(p.not_started, p, Bucket.NOT_STARTED), format_percent(p.on_time_rate),
            format_percent(p.effectiveness_rate), str(p.checks_overdue)]


def progress_headers(first: str) -> list[str]:
    return [first, _("actions"), _("closed"), _("in progress"), _("late"), _("not started"), _("on time"),
            _("effective"), _("checks overdue")]


LIMITS = [34, 7, 11, 11, 11, 11, 7, 9, 14]


def group_table(title: str, first: str, groups: Sequence[Group], *, with_key: bool = False) -> list[str]:
    rows = [progress_row(f"{g.key}  {g.label}" if with_key else g.label, g.progress)
            for g in groups if g.progress.total]
    if not rows:
        return []
    lines = ["", title, table(progress_headers(first), rows[:MAX_GROUP_ROWS], LIMITS)]
    if len(rows) > MAX_GROUP_ROWS:
        lines.append(_("… and {count} more (rca dashboard --json lists them all)", count=len(rows) - MAX_GROUP_ROWS))
    return lines


def overall_lines(d: Dashboard) -> list[str]:
    p = d.overall
    return [
        _("Follow-up on {date}: {cases} cases, {actions} actions (cancelled not counted: {cancelled})",
          date=format_date(d.today), cases=d.cases, actions=p.counted, cancelled=p.cancelled),
        _("closed {closed} · in progress {progress} · late {late} · not started {todo}",
          closed=share_cell(p.closed, p, Bucket.CLOSED), progress=share_cell(p.in_progress, p, Bucket.IN_PROGRESS),
          late=share_cell(p.late, p, Bucket.LATE), todo=share_cell(p.not_started, p, Bucket.NOT_STARTED)),
        _("on-time closure {on_time} ({done_on_time} of {done_with_due} done with a due date) · "
          "effectiveness {effective} ({effective_n} of {checked} checked) · checks overdue {overdue}",
          on_time=format_percent(p.on_time_rate), done_on_time=p.done_on_time, done_with_due=p.done_with_due,
          effective=format_percent(p.effectiveness_rate), effective_n=p.effective, checked=p.checked,
          overdue=p.checks_overdue),
    ]


def trend_lines(weeks: Sequence[Week]) -> list[str]:
    if not weeks:
        return []
    top = max([w.opened for w in weeks] + [w.done for w in weeks] + [w.late for w in weeks] + [0])
    label = _("Weeks from {start} to {end} (one character a week):",
              start=format_date(weeks[0].start), end=format_date(weeks[-1].end))
    series = [(_("opened"), [w.opened for w in weeks]), (_("done"), [w.done for w in weeks]),
              (_("late at week end"), [w.late for w in weeks])]
    name_width = max(len(name) for name, _values in series)
    lines = ["", label]
    for name, values in series:
        counts = " ".join(f"{v:>2}" for v in values)
        lines.append(f"  {name:<{name_width}}  │{sparkline(values, top)}│  {counts}")
    return lines


def check_lines(title: str, items: Sequence[CheckItem], *, proposals: bool = False) -> list[str]:
    if not items:
        return []
    lines = ["", title]
    for item in items[:MAX_GROUP_ROWS]:
        action = item.action
        if proposals and item.proposed is not None:
            lines.append("  " + clip(f"{item.case_id} · {proposal_text(action, item.proposed)}", 140))
        else:
            lines.append("  " + clip(_("{case} · {action} {title} — {owner}, check planned {date}",
                                       case=item.case_id, action=action.id, title=action.title,
                                       owner=action.owner or "—", date=format_date(action.effectiveness.planned)),
                                     140))
    if len(items) > MAX_GROUP_ROWS:
        lines.append("  " + _("… and {count} more", count=len(items) - MAX_GROUP_ROWS))
    return lines


def render_dashboard(d: Dashboard) -> str:
    """``rca dashboard``: overall figures, by method, by owner, by case, cases per step, trends, checks."""
    if not d.cases:
        return _("No cases yet. Start one with: rca new --method 8d --title \"...\"")
    lines = overall_lines(d)
    lines += group_table(_("By method"), _("method"), d.by_method)
    lines += group_table(_("By owner"), _("owner"), d.by_owner)
    lines += group_table(_("By case"), _("case"), d.by_case, with_key=True)
    if d.steps:
        lines += ["", _("Open cases per step ({closed} closed or cancelled not shown)", closed=d.cases_closed),
                  table([_("step"), _("cases")], [[s.label, str(s.cases)] for s in d.steps], [60, 6])]
    lines += trend_lines(d.weeks)
    lines += check_lines(_("Effectiveness checks overdue"), d.overdue_checks)
    lines += check_lines(_("What the indicators say"), d.proposals, proposals=True)
    return "\n".join(lines)
