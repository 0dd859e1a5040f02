"""The PDCA action plan: what is late, closed, in progress; on-time and effectiveness rates.

Nothing here is stored: "late" (past due and not done) and "closed" (done and checked effective) are
computed for a given day, so they are never out of date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from rca.errors import InvalidInput
from rca.i18n import N_, _
from rca.model import (
    Action,
    ActionKind,
    ActionStatus,
    Case,
    Effectiveness,
    Evidence,
    PdcaPhase,
)


class Bucket:
    """The four progress buckets (plus cancelled, counted apart)."""

    CLOSED = "closed"
    IN_PROGRESS = "in progress"
    LATE = "late"
    NOT_STARTED = "not started"
    CANCELLED = "cancelled"

    ORDER = (CLOSED, IN_PROGRESS, LATE, NOT_STARTED)
    LABELS = {
        CLOSED: N_("closed"),
        IN_PROGRESS: N_("in progress"),
        LATE: N_("late"),
        NOT_STARTED: N_("not started"),
        CANCELLED: N_("cancelled"),
    }


def is_open(action: Action) -> bool:
    """Not done and not cancelled."""
    return action.status not in (ActionStatus.DONE, ActionStatus.CANCELLED)


def is_late(action: Action, today: date) -> bool:
    """Past its due date and not done (cancelled actions are never late)."""
    return is_open(action) and action.due is not None and action.due < today


def is_closed(action: Action) -> bool:
    """Done, and its effectiveness was checked and found effective."""
    return action.status is ActionStatus.DONE and action.effectiveness.result is Effectiveness.EFFECTIVE


def check_overdue(action: Action, today: date) -> bool:
    """Done, the effectiveness check's date has passed, and no result was recorded yet."""
    check = action.effectiveness
    return (
        action.status is ActionStatus.DONE
        and check.result is Effectiveness.PENDING
        and check.planned is not None
        and check.planned < today
    )


def bucket(action: Action, today: date) -> str:
    """closed, in progress, late, not started or cancelled."""
    if action.status is ActionStatus.CANCELLED:
        return Bucket.CANCELLED
    if is_closed(action):
        return Bucket.CLOSED
    if is_late(action, today):
        return Bucket.LATE
    if action.status is ActionStatus.PLANNED:
        return Bucket.NOT_STARTED
    return Bucket.IN_PROGRESS


def days_late(action: Action, today: date) -> int:
    return (today - action.due).days if is_late(action, today) and action.due else 0


@dataclass(frozen=True)
class Progress:
    """Counts and rates over a set of actions, for one day."""

    total: int
    closed: int
    in_progress: int
    late: int
    not_started: int
    cancelled: int
    done_with_due: int
    done_on_time: int
    checked: int
    effective: int
    checks_overdue: int

    @property
    def counted(self) -> int:
        """Actions that count in the shares (cancelled ones do not)."""
        return self.total - self.cancelled

    def share(self, name: str) -> float | None:
        """A bucket's share of the counted actions (0..1), ``None`` when there are none."""
        value = {Bucket.CLOSED: self.closed, Bucket.IN_PROGRESS: self.in_progress,
                 Bucket.LATE: self.late, Bucket.NOT_STARTED: self.not_started}[name]
        return value / self.counted if self.counted else None

    @property
    def on_time_rate(self) -> float | None:
        """Done on or before the due date ÷ done with a due date."""
        return self.done_on_time / self.done_with_due if self.done_with_due else None

    @property
    def effectiveness_rate(self) -> float | None:
        """Checked effective ÷ checked (effective or not effective)."""
        return self.effective / self.checked if self.checked else None


def progress(actions: Iterable[Action], today: date) -> Progress:
    """The progress of a set of actions on ``today``."""
    counts = {name: 0 for name in (*Bucket.ORDER, Bucket.CANCELLED)}
    total = done_with_due = done_on_time = checked = effective = overdue = 0
    for action in actions:
        total += 1
        counts[bucket(action, today)] += 1
        if action.status is ActionStatus.DONE and action.due is not None:
            done_with_due += 1
            if action.done_on is not None and action.done_on <= action.due:
                done_on_time += 1
        if action.effectiveness.result is not Effectiveness.PENDING:
            checked += 1
            effective += action.effectiveness.result is Effectiveness.EFFECTIVE
        overdue += check_overdue(action, today)
    return Progress(
        total=total,
        closed=counts[Bucket.CLOSED],
        in_progress=counts[Bucket.IN_PROGRESS],
        late=counts[Bucket.LATE],
        not_started=counts[Bucket.NOT_STARTED],
        cancelled=counts[Bucket.CANCELLED],
        done_with_due=done_with_due,
        done_on_time=done_on_time,
        checked=checked,
        effective=effective,
        checks_overdue=overdue,
    )


def progress_by_owner(actions: Iterable[Action], today: date) -> dict[str, Progress]:
    """Progress per owner (actions without an owner under "")."""
    groups: dict[str, list[Action]] = {}
    for action in actions:
        groups.setdefault(action.owner, []).append(action)
    return {owner: progress(items, today) for owner, items in sorted(groups.items())}


def progress_by_case(cases: Iterable[Case], today: date) -> dict[str, Progress]:
    return {case.id: progress(case.actions, today) for case in cases}


def late_actions(actions: Iterable[Action], today: date) -> list[Action]:
    """Late actions, the latest first."""
    late = [a for a in actions if is_late(a, today)]
    return sorted(late, key=lambda a: (a.due or today, a.id))


def owned_by(actions: Iterable[Action], owner: str) -> list[Action]:
    """Actions whose owner matches (case-insensitive, ignoring spaces around)."""
    wanted = owner.strip().casefold()
    return [a for a in actions if a.owner.strip().casefold() == wanted]


def due_within(actions: Iterable[Action], today: date, days: int) -> list[Action]:
    """Open actions due in the next ``days`` days (late ones included)."""
    limit = today + timedelta(days=days)
    return sorted((a for a in actions if is_open(a) and a.due and a.due <= limit), key=lambda a: a.due or today)


# ---------------------------------------------------------------- changing actions

_RELATIVE = re.compile(r"^\+?(\d{1,4})\s*([dwm])$")


def parse_date(text: str, field: str, today: date | None = None) -> date | None:
    """A date typed by a person: 2026-12-01, 01/12/2026, +7d, 2w, 1m; empty for none."""
    value = text.strip().lower()
    if not value:
        return None
    today = today or date.today()
    if value in ("today", _("today").lower()):
        return today
    match = _RELATIVE.match(value)
    if match:
        count, unit = int(match.group(1)), match.group(2)
        return today + timedelta(days=count * {"d": 1, "w": 7, "m": 30}[unit])
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise InvalidInput(
        _("{field}: '{value}' is not a date; use YYYY-MM-DD, DD/MM/YYYY, or +7d / 2w from today",
          field=field, value=text.strip()),
        field=field,
    )


def add_action(
    case: Case,
    action_id: str,
    title: str,
    *,
    owner: str = "",
    deliverable: str = "",
    due: date | None = None,
    kind: ActionKind = ActionKind.CORRECTIVE,
    causes: Iterable[str] = (),
    today: date | None = None,
) -> Action:
    """Add an action to the plan (its id comes from the workspace, see ``IdSource``)."""
    title = title.replace("\x00", "").strip()
    if not title:
        raise InvalidInput(_("title: an action needs a title; say what will be done"), field="title")
    linked = list(dict.fromkeys(causes))
    for cause_id in linked:
        case.node(cause_id)
    action = Action(
        id=action_id,
        title=title,
        owner=owner.strip(),
        deliverable=deliverable.strip(),
        due=due,
        kind=kind,
        causes=linked,
        created_on=today or date.today(),
    )
    case.actions.append(action)
    return action


def set_status(action: Action, status: ActionStatus, *, today: date | None = None,
               evidence: str = "", by: str = "") -> Action:
    """Change an action's status; done records the day and moves the PDCA phase to check."""
    today = today or date.today()
    action.status = status
    if status is ActionStatus.DONE:
        action.done_on = action.done_on or today
        if action.phase in (PdcaPhase.PLAN, PdcaPhase.DO):
            action.phase = PdcaPhase.CHECK
    else:
        action.done_on = None
        if status is ActionStatus.IN_PROGRESS and action.phase is PdcaPhase.PLAN:
            action.phase = PdcaPhase.DO
    if evidence.strip():
        action.evidence.append(Evidence(text=evidence.strip(), by=by, on=today))
    return action


def record_effectiveness(action: Action, result: Effectiveness, *, evidence: str = "",
                         today: date | None = None) -> Action:
    """Record the effectiveness check's result. Effective closes a done action (PDCA: act)."""
    today = today or date.today()
    if result is not Effectiveness.PENDING and action.status is not ActionStatus.DONE:
        raise InvalidInput(
            _("{action}: is {status}; mark it done before recording whether it worked",
              action=action.id, status=action.status.label),
            field="result",
        )
    if result is not Effectiveness.PENDING and not evidence.strip() and not action.effectiveness.evidence:
        raise InvalidInput(
            _("evidence: say what showed the result (a measurement, an audit, zero returns since...)"),
            field="evidence",
        )
    check = action.effectiveness
    check.result = result
    check.checked_on = None if result is Effectiveness.PENDING else today
    if evidence.strip():
        check.evidence = evidence.strip()
    if result is Effectiveness.EFFECTIVE:
        action.phase = PdcaPhase.ACT
    return action


def action_summary(case: Case, action: Action, today: date) -> dict[str, Any]:
    """One action as the CLI lists it (also ``rca actions --json``)."""
    return {
        "id": action.id,
        "case": case.id,
        "title": action.title,
        "kind": action.kind.value,
        "owner": action.owner,
        "deliverable": action.deliverable,
        "due": action.due.isoformat() if action.due else None,
        "status": action.status.value,
        "late": is_late(action, today),
        "days_late": days_late(action, today),
        "bucket": bucket(action, today),
        "done_on": action.done_on.isoformat() if action.done_on else None,
        "effectiveness": action.effectiveness.result.value,
        "check_planned": action.effectiveness.planned.isoformat() if action.effectiveness.planned else None,
        "check_overdue": check_overdue(action, today),
        "causes": action.causes,
    }
