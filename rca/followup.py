"""The follow-up figures: "what is late, what worked, what keeps coming back?" without a spreadsheet.

``build_dashboard`` gives, across the workspace and by case, owner and method, the progress buckets and
rates of ``rca.actions`` (reused, never recomputed here), the effectiveness checks that are overdue or
that an indicator can answer, the cases per step, and weekly trends. ``build_digest`` gives each owner's
weekly reminder. Pure: no Textual, no methods (the step a case is on comes in as a callable), no exports.

Weekly trends, defined once:

- weeks run Monday to Sunday; the last one is the week of ``today``;
- *opened*: actions whose ``created_on`` falls in the week (cancelled ones too: they were opened);
- *done*: actions done (``done_on``) in the week;
- *late*: the late count the dashboard would have shown on the week's last day (today for the current
  week): due before that day, created by then, not done by then; cancelled actions are never late.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rca import actions as plan
from rca.actions import Bucket, Progress
from rca.i18n import _
from rca.measurements import proposed_result
from rca.model import Action, ActionStatus, Case, CaseStatus, Effectiveness

StepOf = Callable[[Case], tuple[str, str]]
"""The step a case is on, as (key, shown title); given by the layer that may import ``methods``."""

NO_OWNER = ""


@dataclass(frozen=True)
class Group:
    """The progress of the actions of one case, one owner or one method."""

    key: str
    label: str
    progress: Progress


@dataclass(frozen=True)
class StepCount:
    """How many open cases are on one step of one method."""

    method: str
    step: str
    label: str
    cases: int


@dataclass(frozen=True)
class Week:
    """One week of the trend (Monday to Sunday)."""

    start: date
    end: date
    opened: int
    done: int
    late: int


@dataclass(frozen=True)
class CheckItem:
    """An effectiveness check to act on: overdue, due soon, or answered by its indicator."""

    case_id: str
    case_title: str
    action: Action
    proposed: Effectiveness | None

    @property
    def action_id(self) -> str:
        return self.action.id


@dataclass(frozen=True)
class Dashboard:
    """Every figure of the follow-up dashboard, for one day."""

    today: date
    cases: int
    overall: Progress
    by_case: list[Group]
    by_owner: list[Group]
    by_method: list[Group]
    steps: list[StepCount]
    cases_closed: int
    weeks: list[Week]
    overdue_checks: list[CheckItem]
    proposals: list[CheckItem]

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "cases": self.cases,
            "overall": progress_json(self.overall),
            "by_case": [group_json(g) for g in self.by_case],
            "by_owner": [group_json(g) for g in self.by_owner],
            "by_method": [group_json(g) for g in self.by_method],
            "cases_per_step": [{"method": s.method, "step": s.step, "label": s.label, "cases": s.cases}
                               for s in self.steps],
            "cases_closed": self.cases_closed,
            "weeks": [{"start": w.start.isoformat(), "end": w.end.isoformat(), "opened": w.opened,
                       "done": w.done, "late": w.late} for w in self.weeks],
            "overdue_checks": [check_json(c) for c in self.overdue_checks],
            "proposals": [check_json(c) for c in self.proposals],
        }


def progress_json(p: Progress) -> dict[str, Any]:
    """A ``Progress`` as JSON: counts, shares (0..1, ``null`` without actions) and rates."""
    return {
        "total": p.total,
        "counted": p.counted,
        "closed": p.closed,
        "in_progress": p.in_progress,
        "late": p.late,
        "not_started": p.not_started,
        "cancelled": p.cancelled,
        "shares": {name.replace(" ", "_"): p.share(name) for name in Bucket.ORDER},
        "on_time_rate": p.on_time_rate,
        "done_with_due": p.done_with_due,
        "done_on_time": p.done_on_time,
        "effectiveness_rate": p.effectiveness_rate,
        "checked": p.checked,
        "effective": p.effective,
        "checks_overdue": p.checks_overdue,
    }


def group_json(group: Group) -> dict[str, Any]:
    return {"key": group.key, "label": group.label, **progress_json(group.progress)}


def check_json(item: CheckItem) -> dict[str, Any]:
    check = item.action.effectiveness
    return {
        "case": item.case_id,
        "action": item.action.id,
        "title": item.action.title,
        "owner": item.action.owner,
        "planned": check.planned.isoformat() if check.planned else None,
        "criterion": check.criterion,
        "indicator": check.indicator,
        "proposed": item.proposed.value if item.proposed else None,
    }


def owner_label(owner: str) -> str:
    return owner or _("(no owner)")


# ---------------------------------------------------------------- the dashboard


def visible_cases(cases: Iterable[Case], include_archived: bool = False) -> list[Case]:
    return [c for c in cases if include_archived or not c.archived]


def build_dashboard(cases: Iterable[Case], today: date, *, step_of: StepOf | None = None, weeks: int = 8,
                    include_archived: bool = False) -> Dashboard:
    """The dashboard over ``cases`` (archived ones left out unless asked for) on ``today``."""
    shown = visible_cases(cases, include_archived)
    pairs = [(case, action) for case in shown for action in case.actions]
    all_actions = [action for _case, action in pairs]
    by_owner: dict[str, list[Action]] = {}
    by_method: dict[str, tuple[str, list[Action]]] = {c.method.value: (c.method.label, []) for c in shown}
    for case, action in pairs:
        by_owner.setdefault(action.owner.strip(), []).append(action)
        by_method.setdefault(case.method.value, (case.method.label, []))[1].append(action)
    owners = sorted(by_owner, key=lambda name: (name == NO_OWNER, name.casefold()))
    checks = [CheckItem(case.id, case.title, action, proposed_result(case, action, today)) for case, action in pairs]
    return Dashboard(
        today=today,
        cases=len(shown),
        overall=plan.progress(all_actions, today),
        by_case=[Group(c.id, c.title, plan.progress(c.actions, today)) for c in shown],
        by_owner=[Group(o, owner_label(o), plan.progress(by_owner[o], today)) for o in owners],
        by_method=[Group(key, label, plan.progress(items, today)) for key, (label, items) in by_method.items()],
        steps=cases_per_step(shown, step_of) if step_of else [],
        cases_closed=sum(1 for c in shown if c.status is not CaseStatus.OPEN),
        weeks=weekly_trend(all_actions, today, weeks),
        overdue_checks=[item for item in checks if plan.check_overdue(item.action, today)],
        proposals=[item for item in checks if item.proposed is not None],
    )


def cases_per_step(cases: Iterable[Case], step_of: StepOf) -> list[StepCount]:
    """Open cases counted by the step they are on, grouped by method, in order of first appearance."""
    counts: dict[tuple[str, str], list[Any]] = {}
    for case in cases:
        if case.status is not CaseStatus.OPEN:
            continue
        key, label = step_of(case)
        entry = counts.setdefault((case.method.value, key), [f"{case.method.label} · {label}", 0])
        entry[1] += 1
    ordered = sorted(counts.items(), key=lambda item: item[0][0])
    return [StepCount(method, step, label, n) for (method, step), (label, n) in ordered]


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def late_on(action: Action, day: date) -> bool:
    """Whether the action was late on ``day``, as far as its dates tell (see the module docstring)."""
    if action.status is ActionStatus.CANCELLED or action.due is None or action.due >= day:
        return False
    if action.created_on is not None and action.created_on > day:
        return False
    if action.status is ActionStatus.DONE:
        return action.done_on is not None and action.done_on > day
    return True


def weekly_trend(actions: Iterable[Action], today: date, weeks: int = 8) -> list[Week]:
    """Opened, done and late per week, for the ``weeks`` weeks that end with today's week."""
    items = list(actions)
    first = week_start(today) - timedelta(weeks=max(1, weeks) - 1)
    result = []
    for n in range(max(1, weeks)):
        start = first + timedelta(weeks=n)
        end = start + timedelta(days=6)
        snapshot = min(end, today)
        result.append(Week(
            start=start,
            end=end,
            opened=sum(1 for a in items if a.created_on is not None and start <= a.created_on <= end),
            done=sum(1 for a in items if a.status is ActionStatus.DONE and a.done_on is not None
                     and start <= a.done_on <= end),
            late=sum(1 for a in items if late_on(a, snapshot)),
        ))
    return result


# ---------------------------------------------------------------- the weekly digest


@dataclass(frozen=True)
class DigestItem:
    """One line of an owner's digest."""

    case_id: str
    case_title: str
    action: Action
    proposed: Effectiveness | None = None


@dataclass(frozen=True)
class OwnerDigest:
    """What one owner must hear this week."""

    owner: str
    due_soon: list[DigestItem] = field(default_factory=list)
    late: list[DigestItem] = field(default_factory=list)
    checks_due: list[DigestItem] = field(default_factory=list)
    checks_overdue: list[DigestItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.due_soon or self.late or self.checks_due or self.checks_overdue)


def check_due_within(action: Action, today: date, days: int) -> bool:
    """Done, check pending, planned from today to ``days`` days ahead."""
    check = action.effectiveness
    return (action.status is ActionStatus.DONE and check.result is Effectiveness.PENDING
            and check.planned is not None and today <= check.planned <= today + timedelta(days=days))


def build_digest(cases: Iterable[Case], today: date, *, days: int = 7, owner: str | None = None,
                 include_archived: bool = False) -> list[OwnerDigest]:
    """Each owner's reminders: actions due within ``days`` days, late actions, effectiveness checks due in
    that window or overdue (a check its indicator can already answer is listed as due). Owners with nothing
    to hear are left out, except the one asked for with ``owner``."""
    wanted = owner.strip().casefold() if owner is not None else None
    lists: dict[str, dict[str, list[DigestItem]]] = {}
    names: dict[str, str] = {}
    for case in visible_cases(cases, include_archived):
        for action in case.actions:
            key = action.owner.strip().casefold()
            if wanted is not None and key != wanted:
                continue
            names.setdefault(key, action.owner.strip())
            proposed = proposed_result(case, action, today)
            item = DigestItem(case.id, case.title, action, proposed)
            slot = lists.setdefault(key, {"due_soon": [], "late": [], "checks_due": [], "checks_overdue": []})
            if plan.is_late(action, today):
                slot["late"].append(item)
            elif plan.is_open(action) and action.due is not None and action.due <= today + timedelta(days=days):
                slot["due_soon"].append(item)
            if plan.check_overdue(action, today):
                slot["checks_overdue"].append(item)
            elif check_due_within(action, today, days) or proposed is not None:
                slot["checks_due"].append(item)
    digests = []
    for key, slot in lists.items():
        digests.append(OwnerDigest(
            owner=names[key],
            due_soon=sorted(slot["due_soon"], key=lambda i: (i.action.due or today, action_number(i.action))),
            late=sorted(slot["late"], key=lambda i: (i.action.due or today, action_number(i.action))),
            checks_due=sorted(slot["checks_due"], key=_check_order(today)),
            checks_overdue=sorted(slot["checks_overdue"], key=_check_order(today)),
        ))
    if wanted is not None and not digests:
        digests.append(OwnerDigest(owner=owner.strip() if owner else ""))
    digests = [d for d in digests if not d.empty or wanted is not None]
    return sorted(digests, key=lambda d: (d.owner == NO_OWNER, d.owner.casefold()))


def _check_order(today: date) -> Callable[[DigestItem], tuple[date, int]]:
    return lambda item: (item.action.effectiveness.planned or today, action_number(item.action))


def action_number(action: Action) -> int:
    """``A-12`` → 12, so A-9 comes before A-10."""
    return int(action.id.split("-")[1])
