"""Dialogs shared by the action plan, "my actions" and the fishbone: an action's form, its effectiveness
check, evidence, a cause picker and a pick-one-or-type-a-name list.

Each form is a ``FormDialog`` whose ``submit`` callback runs the save and returns the error to show (or
``None`` to close), so a refused value never loses what was typed. The ``apply_*`` functions turn a form's
text values into changes on an ``Action``; they raise ``InvalidInput`` naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from rca import actions as plan
from rca.errors import InvalidInput, RcaError
from rca.i18n import _, format_date, input_date
from rca.model import Action, ActionKind, ActionStatus, Case, Cause, CauseStatus, Effectiveness, Evidence
from rca.textout import inert
from rca.tui.dialogs.form import FieldSpec, FormDialog, Submit
from rca.tui.messages import CaseChanged

STATUS_CYCLE: dict[ActionStatus, ActionStatus] = {
    ActionStatus.PLANNED: ActionStatus.IN_PROGRESS,
    ActionStatus.IN_PROGRESS: ActionStatus.DONE,
    ActionStatus.DONE: ActionStatus.PLANNED,
    ActionStatus.CANCELLED: ActionStatus.PLANNED,
}
"""What the status key moves an action to: planned → in progress → done → planned (cancel in the form)."""


NO_INDICATOR = "-"
"""The select value for "no indicator tied to the check"."""


def today_of(app: App[Any]) -> date:
    """The app's day for "late" (fixed in tests through ``make_app(today=...)``), else today."""
    value = getattr(app, "today", None)
    return value if isinstance(value, date) else date.today()


def submit_change(tool: Any, change: Callable[..., object], summary: str) -> str | None:
    """Save one edit of a ``ToolWidget``'s case for a dialog: ``None`` when saved, else the error to show."""
    try:
        case = tool.session.apply(change, summary)
    except RcaError as error:
        return str(error)
    tool.show_case(case)
    tool.post_message(CaseChanged(case))
    return None


def save_or_notify(tool: Any, change: Callable[..., object], summary: str) -> bool:
    """Save one edit of a ``ToolWidget``'s case outside a dialog; a refusal is notified as plain text."""
    problem = submit_change(tool, change, summary)
    if problem:
        tool.app.notify(inert(problem), title=_("Not saved"), severity="error", timeout=8, markup=False)
    return problem is None


def quoted(text: str, limit: int = 60) -> str:
    """User text for a dialog title or intro: one line, clipped, inert (the dialogs show it as plain text,
    so it is not markup-escaped: a backslash would show)."""
    line = " ".join(inert(text).split())
    if len(line) > limit:
        line = line[: limit - 1] + "…"
    return line


class Form(FormDialog):
    """The dialogs of the action plan: a ``FormDialog`` (which opens in its first field and shows titles,
    labels and refusals as plain text, never as markup)."""


# ---------------------------------------------------------------- evidence


def evidence_dialog(title: str, submit: Callable[[str], str | None], *, intro: str = "",
                    help: str | None = None) -> Form:
    """Ask for one piece of evidence; ``submit`` gets the text (already checked not to be empty)."""

    def check(values: dict[str, str]) -> str | None:
        text = values["evidence"].strip()
        if not text:
            return _("evidence: say what showed it (a measurement, a test, an observation, a record)")
        return submit(text)

    help_text = help if help is not None else _(
        "What showed it: a measurement, a test, an observation, a record (and where it is kept).")
    return Form(title, [FieldSpec("evidence", _("Evidence"), kind="text", help=help_text)], check,
                      intro=intro)


def add_evidence(action: Action, text: str, *, by: str, today: date) -> Action:
    """Record a piece of evidence that the action was done (or how far it got)."""
    cleaned = text.replace("\x00", "").strip()
    if not cleaned:
        raise InvalidInput(_("evidence: say what shows it"), field="evidence")
    action.evidence.append(Evidence(text=cleaned, by=by, on=today))
    return action


# ---------------------------------------------------------------- effectiveness


def effectiveness_fields(action: Action, case: Case | None = None) -> list[FieldSpec]:
    """The check's fields; with the case's indicators, one can be tied to the check to propose its result."""
    check = action.effectiveness
    results = [(result.label, result.value) for result in Effectiveness]
    fields = [
        FieldSpec("criterion", _("Criterion"), check.criterion,
                  help=_("What must be true for the action to count as effective (e.g. zero returns for 3 "
                         "months).")),
        FieldSpec("planned", _("Check date"), input_date(check.planned),
                  placeholder="2026-12-01, 01/12/2026, +30d",
                  help=_("When the check is due: YYYY-MM-DD, DD/MM/YYYY or +30d from today.")),
        FieldSpec("result", _("Result"), check.result.value, kind="select", options=results),
        FieldSpec("evidence", _("Evidence of the result"), check.evidence, kind="text",
                  help=_("What showed the result: a measurement, an audit, zero returns since...")),
    ]
    if case is not None and case.indicators:
        options = [(_("(none)"), NO_INDICATOR)] + [(f"{i.id} {quoted(i.name)}", i.id) for i in case.indicators]
        fields.insert(2, FieldSpec("indicator", _("Indicator"), check.indicator or NO_INDICATOR, kind="select",
                                   options=options,
                                   help=_("An indicator whose target, reached by the check date, proposes the "
                                          "result.")))
    return fields


def apply_effectiveness(action: Action, values: dict[str, str], *, today: date) -> Action:
    """The effectiveness form's values onto an action (criterion, check date, result with its evidence)."""
    planned = plan.parse_date(values.get("planned", ""), _("check date"), today)
    if "indicator" in values:
        action.effectiveness.indicator = None if values["indicator"] in ("", NO_INDICATOR) else values["indicator"]
    result = Effectiveness(values.get("result") or Effectiveness.PENDING.value)
    action.effectiveness.criterion = values.get("criterion", "").strip()
    action.effectiveness.planned = planned
    evidence = values.get("evidence", "")
    if evidence.strip() == action.effectiveness.evidence:
        evidence = ""
    return plan.record_effectiveness(action, result, evidence=evidence, today=today)


def effectiveness_dialog(action: Action, submit: Submit, *, case: Case | None = None,
                         today: date | None = None) -> Form:
    """The effectiveness check of one action: criterion, planned date, result, evidence (and, given the
    case, the indicator tied to it and what that indicator says)."""
    intro = _("{action} '{title}' is {status}. A result other than pending needs the action done and "
              "some evidence.", action=action.id, title=quoted(action.title), status=action.status.label)
    if case is not None:
        from rca.measurements import proposed_result

        proposal = proposed_result(case, action, today or date.today())
        if proposal is not None:
            intro += "\n" + _("Its indicator says: {result}. Confirm it below if the room agrees.",
                              result=proposal.label)
    return Form(_("Effectiveness check of {action}", action=action.id), effectiveness_fields(action, case),
                      submit, intro=intro)


# ---------------------------------------------------------------- an action's form


def cause_choice(cause: Cause) -> Text:
    """A cause as a line of a picker: id, marks, text (inert)."""
    text = Text(f"{cause.id}  ", style="dim")
    if cause.root:
        text.append("★ ", style="bold")
    if cause.status is CauseStatus.VERIFIED:
        text.append("✓ ", style="green")
    text.append(" ".join(inert(cause.text).split()))
    return text


def linkable_causes(case: Case) -> list[Cause]:
    """Causes an action can treat: not rejected, root causes first, then in the team's order."""
    from rca import causes as graph

    open_causes = [c for c in graph.causes_only(case) if c.status is not CauseStatus.REJECTED]
    return sorted(open_causes, key=lambda c: (not c.root, c.status is not CauseStatus.VERIFIED))


class ActionDialog(Form):
    """A ``FormDialog`` with a list of the case's causes to tick; their ids come back under ``causes``."""

    DEFAULT_CSS = """
    ActionDialog SelectionList { height: auto; max-height: 10; margin-top: 1; }
    """

    def __init__(self, title: str, fields: Sequence[FieldSpec], causes: Sequence[Cause],
                 linked: Sequence[str], submit: Submit | None = None, *, intro: str = "") -> None:
        super().__init__(title, fields, submit, intro=intro)
        self.causes = list(causes)
        self.linked = set(linked)

    def on_mount(self) -> None:
        scroll = self.query_one(VerticalScroll)
        if not self.causes:
            scroll.mount(Static(_("No causes to link yet (rejected causes are not offered)."),
                                classes="form-help"), before="#form-error")
            return
        choices: list[Selection[str]] = [Selection(cause_choice(c), c.id, c.id in self.linked)
                                         for c in self.causes]
        scroll.mount(Label(_("Causes it treats (space ticks)"), classes="form-label"), before="#form-error")
        scroll.mount(SelectionList[str](*choices, id="f-causes"), before="#form-error")
        if not self.fields:
            self.call_after_refresh(self.query_one("#f-causes").focus)

    def values(self) -> dict[str, str]:
        out = super().values()
        if self.causes:
            out["causes"] = " ".join(self.query_one("#f-causes", SelectionList).selected)
        return out


def action_fields(action: Action | None, *, kind: ActionKind) -> list[FieldSpec]:
    """The fields of an action's form (a new action when ``action`` is None)."""
    kinds = [(k.label, k.value) for k in ActionKind]
    fields = [
        FieldSpec("title", _("Title"), action.title if action else "",
                  help=_("What will be done: a verb and an object.")),
        FieldSpec("owner", _("Owner"), action.owner if action else "", help=_("Who is accountable.")),
        FieldSpec("due", _("Due"), input_date(action.due if action else None),
                  placeholder="2026-12-01, 01/12/2026, +7d",
                  help=_("YYYY-MM-DD, DD/MM/YYYY, or +7d / 2w from today; empty for none.")),
        FieldSpec("deliverable", _("Deliverable"), action.deliverable if action else "",
                  help=_("What will exist when it is done (a procedure, a poka-yoke, a trained team...).")),
        FieldSpec("kind", _("Kind"), (action.kind if action else kind).value, kind="select", options=kinds),
    ]
    if action is not None:
        statuses = [(s.label, s.value) for s in ActionStatus]
        fields.append(FieldSpec("status", _("Status"), action.status.value, kind="select", options=statuses))
    return fields


def _linked(case: Case, values: dict[str, str]) -> list[str] | None:
    if "causes" not in values:
        return None
    ids = values["causes"].split()
    for cause_id in ids:
        case.node(cause_id)
    return ids


def add_action_from(case: Case, action_id: str, values: dict[str, str], *, today: date) -> Action:
    """A new action from the form's values."""
    due = plan.parse_date(values.get("due", ""), _("due"), today)
    return plan.add_action(
        case, action_id, values.get("title", ""), owner=values.get("owner", ""),
        deliverable=values.get("deliverable", ""), due=due,
        kind=ActionKind(values.get("kind") or ActionKind.CORRECTIVE.value),
        causes=_linked(case, values) or [], today=today,
    )


def apply_action_values(case: Case, action: Action, values: dict[str, str], *, today: date,
                        by: str = "") -> Action:
    """The form's values onto an existing action (only the fields the form has)."""
    if "title" in values:
        title = values["title"].replace("\x00", "").strip()
        if not title:
            raise InvalidInput(_("title: an action needs a title; say what will be done"), field="title")
        action.title = title
    if "due" in values:
        action.due = plan.parse_date(values["due"], _("due"), today)
    for name in ("owner", "deliverable"):
        if name in values:
            setattr(action, name, values[name].replace("\x00", "").strip())
    if values.get("kind"):
        action.kind = ActionKind(values["kind"])
    linked = _linked(case, values)
    if linked is not None:
        action.causes = linked
    if values.get("status") and values["status"] != action.status.value:
        plan.set_status(action, ActionStatus(values["status"]), today=today, by=by)
    return action


def describe_action(action: Action, case: Case | None, today: date) -> Text:
    """Everything about one action on a few lines (the detail under a plan)."""
    text = Text()
    text.append(f"{action.id}  ", style="bold")
    text.append(" ".join(inert(action.title).split()), style="bold")
    if plan.is_late(action, today):
        text.append("  " + _("LATE {days}d", days=plan.days_late(action, today)), style="bold red")
    text.append("\n")
    text.append(_("Deliverable") + ": ", style="dim")
    text.append(inert(action.deliverable) or "—")
    text.append("   " + _("Phase") + ": ", style="dim")
    text.append(action.phase.label)
    if action.done_on:
        text.append("   " + _("Done on") + ": ", style="dim")
        text.append(format_date(action.done_on))
    check = action.effectiveness
    text.append("\n" + _("Effectiveness") + ": ", style="dim")
    text.append(check.result.label)
    if check.criterion:
        text.append(" · " + inert(check.criterion))
    if check.planned:
        text.append(" · " + _("check on {day}", day=format_date(check.planned)))
    if plan.check_overdue(action, today):
        text.append("  " + _("CHECK OVERDUE"), style="bold yellow")
    if case is not None and action.causes:
        by_id = {c.id: c for c in case.causes}
        names = [f"{cid} {inert(by_id[cid].text)}" if cid in by_id else cid for cid in action.causes]
        text.append("\n" + _("Causes") + ": ", style="dim")
        text.append("; ".join(names))
    if action.evidence:
        last = action.evidence[-1]
        text.append("\n" + _("Evidence ({count})", count=len(action.evidence)) + ": ", style="dim")
        text.append(f"{format_date(last.on)} {inert(last.text)}")
    return text


# ---------------------------------------------------------------- pick one, or type a name


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one entry of a list, or (when ``typed`` is given) type a value that is not in it."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > VerticalScroll {
        width: 70; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ChoiceDialog .choice-title { text-style: bold; margin-bottom: 1; }
    ChoiceDialog .choice-help { color: $text-muted; margin-top: 1; }
    ChoiceDialog OptionList { height: auto; max-height: 14; }
    """

    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="choice.cancel", tooltip=_("Close without choosing")),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[Text | str, str]], *, current: str | None = None,
                 typed: str | None = None, help: str = "") -> None:
        super().__init__()
        self.choice_title = title
        self.choices = list(choices)
        self.current = current
        self.typed = typed
        self.help = help

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self.choice_title), classes="choice-title")
            if self.choices:
                options = [Option(label if isinstance(label, Text) else Text(label), id=value)
                           for label, value in self.choices]
                yield OptionList(*options, id="choice-list")
            if self.typed is not None:
                yield Label(Text(self.typed), classes="choice-help")
                yield Input(id="choice-typed")
            if self.help:
                yield Static(Text(self.help), classes="choice-help")

    def on_mount(self) -> None:
        values = [value for _label, value in self.choices]
        if self.choices:
            listing = self.query_one("#choice-list", OptionList)
            listing.highlighted = values.index(self.current) if self.current in values else 0
            listing.focus()
        elif self.typed is not None:
            self.query_one("#choice-typed", Input).focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    @on(Input.Submitted, "#choice-typed")
    def _typed(self, event: Input.Submitted) -> None:
        value = " ".join(event.value.split())
        if value:
            self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
