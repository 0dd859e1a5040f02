"""The action plan as an iCalendar file: an all-day event per due date and per effectiveness check.

UIDs are stable (``C-7-A-3-due@rca``, ``C-7-A-3-check@rca``) and SEQUENCE follows the case's saved version,
so importing a newer export updates the events instead of duplicating them; a cancelled action's events
are sent as cancelled. The icalendar library escapes and folds the texts; controls are dropped before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from exports.action_rows import PlanRows, linked_cause_texts, plan_title
from exports.registry import ExportContext
from exports.safe import atomic_write_bytes, ics_text, one_line
from rca import actions as plan
from rca.i18n import _
from rca.model import Action, ActionStatus, Case

PRODID = "-//rca//action plan//EN"
UID_DOMAIN = "rca"


def event_uid(case: Case, action: Action, what: str) -> str:
    """``C-7-A-3-due@rca``: the same action's event keeps its UID across exports (ids are validated)."""
    return f"{case.id}-{action.id}-{what}@{UID_DOMAIN}"


def _description(case: Case, action: Action, today: date) -> str:
    lines = [
        _("Case: {case} {title}", case=case.id, title=case.title),
        _("Action: {action} {title}", action=action.id, title=action.title),
        _("Kind: {kind}", kind=action.kind.label),
        _("Owner: {owner}", owner=action.owner or "—"),
    ]
    if action.deliverable:
        lines.append(_("Deliverable: {text}", text=action.deliverable))
    status = action.status.label
    if plan.is_late(action, today):
        status += " — " + _("late")
    lines.append(_("Status: {status}", status=status))
    causes = linked_cause_texts(case, action)
    if causes:
        lines.append(_("Causes treated:"))
        lines += [f"- {one_line(text)}" for text in causes]
    check = action.effectiveness
    if check.criterion:
        lines.append(_("Effectiveness criterion: {text}", text=check.criterion))
    return ics_text("\n".join(lines))


def _event(
    case: Case, action: Action, what: str, day: date, summary: str, ctx: ExportContext, stamp: datetime
) -> Event:
    event = Event()
    event.add("uid", event_uid(case, action, what))
    event.add("dtstamp", stamp)
    event.add("sequence", case.version)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", ics_text(one_line(summary)))
    event.add("description", _description(case, action, ctx.today))
    event.add("categories", [ics_text(one_line(action.kind.label))])
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED" if action.status is ActionStatus.CANCELLED else "CONFIRMED")
    return event


def actions_calendar(pairs: PlanRows, ctx: ExportContext, *, title: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", ics_text(one_line(title or plan_title(pairs))))
    stamp = datetime.now(UTC).replace(microsecond=0)
    for case, action in pairs:
        if action.due is not None:
            summary = _("Due: {action} {title}", action=action.id, title=action.title)
            if action.owner:
                summary += f" ({action.owner})"
            calendar.add_component(_event(case, action, "due", action.due, summary, ctx, stamp))
        if action.effectiveness.planned is not None:
            summary = _("Effectiveness check: {action} {title}", action=action.id, title=action.title)
            calendar.add_component(
                _event(case, action, "check", action.effectiveness.planned, summary, ctx, stamp)
            )
    return calendar


def write_actions_ics(pairs: PlanRows, path: Path, ctx: ExportContext, *, title: str | None = None) -> None:
    atomic_write_bytes(path, actions_calendar(pairs, ctx, title=title).to_ical())
