"""``rca actions`` and ``rca action ...``: the team lead's one-line updates."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import click

from rca.commands import RESULT_CHOICES, STATUS_CHOICES, _settings, action_row, cli, echo
from rca.errors import InvalidInput
from rca.i18n import _, format_date
from rca.textout import table, to_json

_DAYS = re.compile(r"^(\d{1,4})\s*([dw]?)$")


def parse_days(text: str) -> int:
    match = _DAYS.match(text.strip().lower())
    if not match:
        raise InvalidInput(_("--due-within: '{value}' is not a number of days; use 7d, 2w or 10", value=text),
                           field="due-within")
    count = int(match.group(1))
    return count * 7 if match.group(2) == "w" else count


@cli.command("actions", help=_("List actions across the workspace, filtered."))
@click.option("--owner", metavar="NAME", help=_("Only this owner's actions ('me' for yours)."))
@click.option("--case", "case_ref", metavar="CASE", help=_("Only this case's actions."))
@click.option("--late", is_flag=True, help=_("Only late actions (past due, not done)."))
@click.option("--due-within", metavar="DAYS", help=_("Only open actions due within DAYS (7d, 2w)."))
@click.option("--open", "only_open", is_flag=True, help=_("Only actions not done nor cancelled."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
def list_actions(owner: str | None, case_ref: str | None, late: bool, due_within: str | None,
                 only_open: bool, as_json: bool) -> None:
    from rca import actions as plan

    ws = _settings().open()
    today = date.today()
    pairs = ws.all_actions()
    if case_ref:
        wanted = ws.get_case(case_ref).id
        pairs = [(c, a) for c, a in pairs if c.id == wanted]
    if owner:
        name = ws.user if owner.strip().lower() == "me" else owner
        pairs = [(c, a) for c, a in pairs if a.owner.strip().casefold() == name.strip().casefold()]
    if late:
        pairs = [(c, a) for c, a in pairs if plan.is_late(a, today)]
    if only_open:
        pairs = [(c, a) for c, a in pairs if plan.is_open(a)]
    if due_within:
        limit = parse_days(due_within)
        keep = {id(a) for a in plan.due_within([a for _c, a in pairs], today, limit)}
        pairs = [(c, a) for c, a in pairs if id(a) in keep]
    rows = [action_row(c, a, today) for c, a in pairs]
    if as_json:
        echo(to_json(rows))
        return
    if not rows:
        echo(_("No actions match."))
        return
    headers = [_("id"), _("case"), _("title"), _("owner"), _("due"), _("status"), _("effectiveness")]
    lines = []
    for row, (_case, action) in zip(rows, pairs, strict=True):
        status = action.status.label
        if row["late"]:
            status += " · " + _("late {days}d", days=row["days_late"])
        lines.append([row["id"], row["case"], row["title"], row["owner"] or "—", format_date(action.due), status,
                      action.effectiveness.result.label])
    echo(table(headers, lines, [7, 6, 46, 18, 10, 22, 14]))


@cli.group("action", help=_("Add or update one action."))
def action_group() -> None:
    pass


def _status(value: str) -> Any:
    from rca.model import ActionStatus

    return ActionStatus.parse(value.replace("-", " "), "--status")


@action_group.command("set", help=_("Change an action's status, owner, due date or deliverable."))
@click.argument("action_ref", metavar="ACTION")
@click.option("--status", type=click.Choice(STATUS_CHOICES, case_sensitive=False), help=_("New status."))
@click.option("--evidence", default="", help=_("What shows it (recorded with the status)."))
@click.option("--owner", help=_("New owner."))
@click.option("--due", help=_("New due date (YYYY-MM-DD, DD/MM/YYYY, +7d)."))
@click.option("--deliverable", help=_("New deliverable."))
def action_set(action_ref: str, status: str | None, evidence: str, owner: str | None, due: str | None,
               deliverable: str | None) -> None:
    from rca import actions as plan

    if status is None and owner is None and due is None and deliverable is None and not evidence:
        raise InvalidInput(_("nothing to change: give --status, --owner, --due, --deliverable or --evidence"))
    ws = _settings().open()
    new_status = _status(status) if status else None
    new_due = plan.parse_date(due, "--due") if due is not None else None

    def change(case: Any, action: Any) -> None:
        if owner is not None:
            action.owner = owner.strip()
        if due is not None:
            action.due = new_due
        if deliverable is not None:
            action.deliverable = deliverable.strip()
        if new_status is not None:
            plan.set_status(action, new_status, evidence=evidence, by=ws.user)
        elif evidence.strip():
            from rca.model import Evidence

            action.evidence.append(Evidence(text=evidence.strip(), by=ws.user, on=date.today()))

    wanted = ws.action_ref(action_ref)
    case = ws.update_action(wanted, change, summary=_("action {action} updated", action=wanted))
    action = case.action(wanted)
    echo(f"{action.id}: {action.status.label}, {action.owner or '—'}, {format_date(action.due)}")


@action_group.command("check", help=_("Record the effectiveness check of a done action."))
@click.argument("action_ref", metavar="ACTION")
@click.option("--result", required=True, type=click.Choice(RESULT_CHOICES, case_sensitive=False),
              help=_("effective, not effective or pending."))
@click.option("--evidence", default="", help=_("What showed the result."))
def action_check(action_ref: str, result: str, evidence: str) -> None:
    from rca import actions as plan
    from rca.model import Effectiveness

    outcome = Effectiveness.parse(result.replace("-", " "), "--result")
    ws = _settings().open()
    wanted = ws.action_ref(action_ref)
    case = ws.update_action(
        wanted,
        lambda _case, action: plan.record_effectiveness(action, outcome, evidence=evidence),  # type: ignore[arg-type]
        summary=_("effectiveness of {action} recorded", action=wanted),
    )
    action = case.action(wanted)
    echo(f"{action.id}: {action.effectiveness.result.label}")


@action_group.command("add", help=_("Add an action to a case's plan; prints its id."))
@click.argument("case_ref", metavar="CASE")
@click.option("--title", "-t", required=True, help=_("What will be done."))
@click.option("--owner", default="", help=_("Who is accountable."))
@click.option("--due", default="", help=_("Due date (YYYY-MM-DD, DD/MM/YYYY, +7d)."))
@click.option("--deliverable", default="", help=_("What will exist when it is done."))
@click.option("--kind", default="corrective", type=click.Choice(["containment", "corrective", "preventive",
                                                                 "improvement"]), help=_("The kind of action."))
@click.option("--cause", "cause_ids", multiple=True, metavar="K-n", help=_("A cause it treats (repeatable)."))
def action_add(case_ref: str, title: str, owner: str, due: str, deliverable: str, kind: str,
               cause_ids: tuple[str, ...]) -> None:
    from rca import actions as plan
    from rca.model import ActionKind

    due_date = plan.parse_date(due, "--due")
    ws = _settings().open()
    created: list[str] = []

    def change(case: Any, ids: Any) -> None:
        action = plan.add_action(case, ids.next_action_id(), title, owner=owner, deliverable=deliverable,
                                 due=due_date, kind=ActionKind(kind), causes=[c.upper() for c in cause_ids])
        created.append(action.id)

    ws.update_case(ws.get_case(case_ref).id, change, summary=_("action added: {title}", title=title.strip()))
    echo(created[0])


@cli.command("escalate", help=_("Turn a 5 Whys or Ishikawa case into an 8D or an A3, keeping its causes, "
                                 "actions and text."))
@click.argument("case_ref", metavar="CASE")
@click.option("--to", "target", required=True, type=click.Choice(["8d", "a3"], case_sensitive=False),
              help=_("The method the case continues with."))
def escalate_case(case_ref: str, target: str) -> None:
    from methods.escalation import escalate
    from rca.model import Method

    ws = _settings().open()
    method = Method(target.lower())
    case = ws.update_case(ws.get_case(case_ref).id, lambda c, _ids: escalate(c, method),
                          summary=_("escalated to {method}", method=method.label))
    echo(_("{case} now follows {method}", case=case.id, method=method.label))
