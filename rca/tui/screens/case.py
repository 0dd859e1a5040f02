"""The case screen: the method's steps down the side, the current step's guidance, fields and tool."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from methods.base import CaseProgress, StepDef, Tool
from methods.registry import evaluate, get
from rca.errors import RcaError
from rca.i18n import _, format_percent
from rca.model import Case
from rca.summary import current_step_key
from rca.textout import inert
from rca.tui.messages import CaseChanged
from rca.tui.session import CaseSession
from rca.tui.widgets.base import ToolWidget
from rca.tui.widgets.step_fields import StepFields
from rca.tui.widgets.step_timer import StepTimer

EXTERNAL_CHECK_SECONDS = 2.0
"""How often the screen looks for changes saved by someone else."""


def guidance_text(step: StepDef) -> Text:
    """The facilitator's notes for a step: purpose, what to ask, traps, an example."""
    text = Text()
    text.append(_(step.purpose) + "\n", style="italic")
    if step.guidance.ask:
        text.append("\n" + _("Ask the room") + "\n", style="bold")
        for question in step.guidance.ask:
            text.append(f"  • {_(question)}\n")
    if step.guidance.traps:
        text.append("\n" + _("Watch out for") + "\n", style="bold")
        for trap in step.guidance.traps:
            text.append(f"  • {_(trap)}\n")
    if step.guidance.example:
        text.append("\n" + _("Example") + "\n", style="bold")
        text.append(f"  {_(step.guidance.example)}\n")
    return text


class CaseScreen(Screen[None]):
    """One case, step by step."""

    BINDINGS = [
        Binding("escape", "back", _("Cases"), id="case.back", tooltip=_("Back to the list of cases")),
        Binding("f8", "next_step", _("Next step"), id="case.next_step", priority=True,
                tooltip=_("Go to the next step (what you typed is saved)")),
        Binding("f7", "previous_step", _("Prev step"), id="case.previous_step", priority=True,
                tooltip=_("Go to the previous step")),
        Binding("f4", "toggle_guidance", _("Guidance"), id="case.guidance", priority=True,
                tooltip=_("Show or hide the facilitator's guidance for this step")),
        Binding("f5", "timer_toggle", _("Timer"), id="case.timer", priority=True,
                tooltip=_("Start or pause the step's time-box (workshop mode)")),
        Binding("f6", "timer_reset", _("Reset timer"), id="case.timer_reset", priority=True, show=False,
                tooltip=_("Reset the step's time-box")),
        Binding("ctrl+e", "export", _("Export"), id="case.export", priority=True,
                tooltip=_("Export this case: A3, report, diagrams, action plan")),
        Binding("ctrl+t", "switch_view", _("Tree/Fishbone"), id="case.switch_view", priority=True,
                tooltip=_("Show the cause graph as a why-tree or as a fishbone (one graph, two views)")),
    ]

    GRAPH_VIEWS = (Tool.CAUSE_TREE, Tool.FISHBONE)
    """The two views of the cause graph a step can switch between."""

    step_key: reactive[str] = reactive("", init=False)
    """The step on screen."""
    show_guidance: reactive[bool] = reactive(True)
    """Whether the facilitator's guidance is shown."""

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.session: CaseSession | None = None
        self.case_id = case_id
        self.definition: Any = None
        self.progress: CaseProgress | None = None
        self.graph_view: dict[str, Tool] = {}
        """Steps where the facilitator switched the cause graph's view (why-tree ⇄ fishbone)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="case-layout"):
            yield OptionList(id="steps")
            with Vertical(id="step-pane"):
                with Horizontal(id="step-top"):
                    yield Static("", id="step-heading")
                    yield StepTimer(id="step-timer")
                yield Static("", id="gate")
                yield Static("", id="guidance")
                yield VerticalScroll(id="step-body", can_focus=False)
        yield Footer()

    def on_mount(self) -> None:
        self.session = CaseSession(self.app.workspace, self.case_id)  # type: ignore[attr-defined]
        case = self.session.case
        self.definition = get(case.method)
        self.title = f"{case.id} · {inert(case.title)}"
        self.sub_title = _(self.definition.name)
        self.progress = evaluate(case)
        self.refresh_steps()
        self.step_key = current_step_key(case) or self.definition.steps[0].key
        self.set_interval(EXTERNAL_CHECK_SECONDS, self.check_external)
        self.build_lesson_index()

    lesson_index: Any = None
    """Verified causes of every case, for suggestions while a cause is typed (built off the UI thread)."""

    @work(thread=True, exclusive=True, group="lessons")
    def build_lesson_index(self) -> None:
        from rca.lessons import LessonIndex

        try:
            cases = self.app.workspace.list_cases(include_archived=True)  # type: ignore[attr-defined]
            self.lesson_index = LessonIndex(cases)
        except RcaError:
            self.lesson_index = None

    # ------------------------------------------------------------ steps

    def refresh_steps(self) -> None:
        assert self.progress is not None
        steps = self.query_one("#steps", OptionList)
        highlighted = steps.highlighted
        steps.clear_options()
        for gate in self.progress.gates:
            mark = Text("✓ ", style="bold green") if gate.passed else Text("○ ", style="bold yellow")
            label = mark + Text(_(gate.step.title))
            steps.add_option(Option(label, id=gate.step.key))
        if highlighted is not None:
            steps.highlighted = highlighted
        done = sum(g.passed for g in self.progress.gates)
        steps.border_title = _("Steps {done}/{total} · {share}", done=done, total=len(self.progress.gates),
                               share=format_percent(self.progress.share))

    def current_step(self) -> StepDef:
        return self.definition.step(self.step_key)

    def watch_step_key(self, key: str) -> None:
        if not key or self.session is None:
            return
        step = self.current_step()
        keys = [s.key for s in self.definition.steps]
        self.query_one("#steps", OptionList).highlighted = keys.index(key)
        heading = Text(f" {_(step.title)} ", style="bold")
        self.query_one("#step-heading", Static).update(heading)
        self.query_one("#guidance", Static).update(guidance_text(step))
        record = self.session.case.steps.get(key)
        minutes = (record.timebox_minutes if record and record.timebox_minutes else None) or step.timebox_minutes
        self.query_one(StepTimer).reset(minutes or 10)
        self.update_gate()
        self.mount_step_body(step)
        self.refresh_bindings()
        if self.session.case.current_step != key:
            self._save_current_step(key)

    def _save_current_step(self, key: str) -> None:
        assert self.session is not None

        def change(case: Case, _ids: Any) -> None:
            case.current_step = key

        try:  # straight to the workspace: moving between steps is not an edit ctrl+z should undo
            self.session.case = self.session.workspace.update_case(
                self.session.case_id, change, summary=_("moved to step {step}", step=key))
        except RcaError as error:
            self.notify(inert(str(error)), severity="error", markup=False)

    def mount_step_body(self, step: StepDef) -> None:
        assert self.session is not None
        body = self.query_one("#step-body", VerticalScroll)
        body.remove_children()
        widgets: list[Any] = []
        if step.fields:
            widgets.append(StepFields(self.session, step))
        if step.tool is not Tool.TEXT:
            widgets.append(self.make_tool(step))
        body.mount_all(widgets)
        body.scroll_home(animate=False)

    def make_tool(self, step: StepDef) -> ToolWidget:
        assert self.session is not None
        tool = self.graph_view.get(step.key, step.tool)
        try:
            from rca.tui.tools import tool_widget

            widget_class = tool_widget(tool)
        except (ImportError, AttributeError, KeyError):
            widget_class = ToolWidget
        widget = widget_class(self.session, step)
        widget.add_class("step-tool")
        return widget

    def update_gate(self) -> None:
        assert self.progress is not None
        gate = next(g for g in self.progress.gates if g.step.key == self.step_key)
        text = Text()
        if gate.passed:
            text.append("✓ " + _("Gate passed"), style="bold green")
        else:
            text.append("○ " + _("Before this step is done:"), style="bold yellow")
            for message in gate.blockers:
                text.append("\n  • " + inert(message))
        for message in gate.warnings:
            text.append("\n  ! " + inert(message), style="yellow")
        self.query_one("#gate", Static).update(text)

    @on(OptionList.OptionSelected, "#steps")
    def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id != self.step_key:
            if not self.flush():
                self.leave_refused()
                return
            self.step_key = event.option.id

    def action_next_step(self) -> None:
        self._move(+1)

    def action_previous_step(self) -> None:
        self._move(-1)

    def _move(self, delta: int) -> None:
        keys = [s.key for s in self.definition.steps]
        index = keys.index(self.step_key) + delta
        if 0 <= index < len(keys):
            if not self.flush():
                self.leave_refused()
                return
            self.step_key = keys[index]

    # ------------------------------------------------------------ saving and reloading

    def flush(self) -> bool:
        """Save whatever is still waiting in the step's text boxes; False when something could not be saved
        (the workspace busy, unwritable...): the caller then stays on the step, so the text stays on screen."""
        saved = True
        for fields in self.query(StepFields):
            saved = fields.flush() and saved
        for widget in self.query(ToolWidget):
            flush = getattr(widget, "flush", None)
            if flush is not None:
                saved = bool(flush()) and saved
        return saved

    def leave_refused(self) -> None:
        self.notify(_("What you typed could not be saved yet (see the message); it stays on screen. Try again in "
                      "a moment."), title=_("Still on this step"), severity="warning", timeout=10)

    @on(CaseChanged)
    def _case_changed(self, event: CaseChanged) -> None:
        event.stop()
        self.show_case(event.case)

    def show_case(self, case: Case) -> None:
        self.progress = evaluate(case)
        self.refresh_steps()
        self.update_gate()
        self.title = f"{case.id} · {inert(case.title)}"
        for fields in self.query(StepFields):
            fields.show_case(case)
        for widget in self.query(ToolWidget):
            if widget.is_mounted:  # a widget still mounting shows the case from its own on_mount
                widget.show_case(case)

    def check_external(self) -> None:
        """Someone else saved this case: reload, keep what is being typed here, and say so."""
        if self.session is None:
            return
        try:
            # The listed cases are the store's cached objects (no copy, no parse while the file is unchanged):
            # cheap enough to look every two seconds; a private copy is taken only when something changed.
            listed = self.app.workspace.list_cases(include_archived=True)  # type: ignore[attr-defined]
        except RcaError:
            return
        current = next((c for c in listed if c.id == self.case_id), None)
        if current is None or current.version == self.session.case.version:
            return
        fresh = self.session.reload()
        last = fresh.audit[-1] if fresh.audit else None
        who = last.by if last else _("someone")
        what = last.summary if last else ""
        self.notify(_("{who} changed this case ({what}); reloaded. What you are typing is kept.", who=inert(who),
                      what=inert(what)), title=_("Changed elsewhere"), timeout=8, markup=False)
        self.show_case(fresh)

    def undo(self) -> None:
        self._history(undo=True)

    def redo(self) -> None:
        self._history(undo=False)

    def _history(self, *, undo: bool) -> None:
        assert self.session is not None
        self.flush()
        try:
            done = self.session.undo() if undo else self.session.redo()
        except RcaError as error:
            self.notify(inert(str(error)), severity="error", markup=False, timeout=10)
            return
        if done is None:
            self.notify(_("Nothing to undo") if undo else _("Nothing to redo"), timeout=2)
            return
        self.notify((_("Undone: {what}") if undo else _("Redone: {what}")).format(what=done), timeout=3,
                    markup=False)
        self.show_case(self.session.case)

    def action_back(self) -> None:
        if not self.flush():
            self.leave_refused()
            return
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self.flush()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim the view switch on steps that do not show the cause graph."""
        if action == "switch_view" and self.definition is not None and self.step_key:
            return self.current_step().tool in self.GRAPH_VIEWS or None
        return True

    def action_switch_view(self) -> None:
        step = self.current_step()
        if step.tool not in self.GRAPH_VIEWS:
            return
        if not self.flush():
            self.leave_refused()
            return
        current = self.graph_view.get(step.key, step.tool)
        self.graph_view[step.key] = Tool.FISHBONE if current is Tool.CAUSE_TREE else Tool.CAUSE_TREE
        self.mount_step_body(step)

    # ------------------------------------------------------------ guidance, timer, export

    def watch_show_guidance(self, show: bool) -> None:
        self.query_one("#guidance", Static).display = show

    def action_toggle_guidance(self) -> None:
        self.show_guidance = not self.show_guidance

    def action_timer_toggle(self) -> None:
        if not self.app.workshop:  # type: ignore[attr-defined]
            self.app.workshop = True  # type: ignore[attr-defined]
        self.query_one(StepTimer).toggle()

    def action_timer_reset(self) -> None:
        self.query_one(StepTimer).reset()

    def action_export(self) -> None:
        from rca.tui.dialogs.export import ExportDialog

        assert self.session is not None
        self.flush()
        self.app.push_screen(ExportDialog(self.session.case.id))

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette."""
        yield SystemCommand(_("Export this case"), _("A3 sheet, report, diagrams, action plan (ctrl+e)"),
                            self.action_export)
        yield SystemCommand(_("Why-tree or fishbone"), _("Switch the view of the cause graph (ctrl+t)"),
                            self.action_switch_view)
        assert self.session is not None
        if self.session.case.method.value in ("5whys", "ishikawa"):
            for target in ("8d", "a3"):
                yield SystemCommand(_("Escalate to {method}", method=target.upper()),
                                    _("Continue this case as an {method}, keeping its causes, actions and text",
                                      method=target.upper()),
                                    lambda target=target: self.escalate(target))  # type: ignore[misc]
        yield SystemCommand(_("Next step"), _("F8"), self.action_next_step)
        yield SystemCommand(_("Previous step"), _("F7"), self.action_previous_step)
        yield SystemCommand(_("Toggle guidance"), _("F4"), self.action_toggle_guidance)
        yield SystemCommand(_("Start or pause the timer"), _("F5"), self.action_timer_toggle)
        yield SystemCommand(_("Reset the timer"), _("F6"), self.action_timer_reset)
        yield SystemCommand(_("Set this step's time-box"), _("Minutes the room gets for this step"),
                            self.ask_timebox)
        yield SystemCommand(_("Undo"), _("ctrl+z"), self.undo)
        yield SystemCommand(_("Redo"), _("ctrl+y"), self.redo)

    def escalate(self, target: str) -> None:
        """Continue the case with a bigger method: same graph, actions and text; the screen reloads."""
        from methods.escalation import escalate
        from rca.model import Method

        assert self.session is not None
        self.flush()
        method = Method(target)
        try:
            case = self.session.apply(lambda c, _ids: escalate(c, method),
                                      _("escalated to {method}", method=method.label))
        except RcaError as error:
            self.notify(inert(str(error)), severity="error", markup=False)
            return
        self.definition = get(case.method)
        self.sub_title = _(self.definition.name)
        self.progress = evaluate(case)
        self.refresh_steps()
        self.step_key = ""
        self.step_key = current_step_key(case) or self.definition.steps[0].key
        self.notify(_("{case} now follows {method}", case=case.id, method=method.label), timeout=5)

    @work(exclusive=True, group="timebox")
    async def ask_timebox(self) -> None:
        from rca.tui.dialogs.form import FieldSpec, FormDialog

        timer = self.query_one(StepTimer)

        def submit(values: dict[str, str]) -> str | None:
            text = values.get("minutes", "").strip()
            if not text.isdigit() or not 1 <= int(text) <= 600:
                return _("minutes: give a whole number from 1 to 600")
            return None

        values = await self.app.push_screen_wait(
            FormDialog(_("Time-box"), [FieldSpec("minutes", _("Minutes for this step"), str(timer.minutes))],
                       submit))
        if not values:
            return
        minutes = int(values["minutes"])
        key = self.step_key

        def change(case: Case, _ids: Any) -> None:
            case.step(key).timebox_minutes = minutes

        assert self.session is not None
        try:
            self.session.apply(change, _("time-box set to {minutes} min", minutes=minutes))
        except RcaError as error:
            self.notify(inert(str(error)), severity="error", markup=False)
        timer.reset(minutes)
