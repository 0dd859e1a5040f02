"""The text fields of a step, saved as people type."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from methods.base import FieldDef, StepDef
from rca.i18n import _
from rca.model import Case
from rca.textout import inert
from rca.tui.session import CaseSession
from rca.tui.widgets.text_saving import TextSaver


def _getter(step: str, key: str):  # type: ignore[no-untyped-def]
    return lambda case: case.field(step, key)


def _setter(step: str, key: str):  # type: ignore[no-untyped-def]
    def put(case: Case, text: str) -> None:
        record = case.step(step)
        record.fields = {**record.fields, key: text}

    return put


class StepFields(Widget):
    """One labelled input per field of the step; ``flush()`` saves whatever is still waiting."""

    DEFAULT_CSS = """
    StepFields { height: auto; }
    StepFields > Vertical { height: auto; }
    StepFields .field-label { text-style: bold; margin-top: 1; }
    StepFields .field-help { color: $text-muted; }
    StepFields TextArea { height: 5; }
    """

    def __init__(self, session: CaseSession, step: StepDef) -> None:
        super().__init__()
        self.session = session
        self.step = step
        self.savers: dict[str, TextSaver] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            for fdef in self.step.fields:
                yield from self._field(fdef)

    def _field(self, fdef: FieldDef) -> ComposeResult:
        label = _(fdef.label) + (" *" if fdef.required else "")
        saver = TextSaver(self, self.session, _(fdef.label), _getter(self.step.key, fdef.key),
                          _setter(self.step.key, fdef.key), on_show=lambda text: self.put_text(fdef.key, text))
        self.savers[fdef.key] = saver
        yield Label(label, classes="field-label")
        if fdef.help:
            yield Static(_(fdef.help), classes="field-help")
        # The box shows the text inert (a saved escape sequence must not reach the terminal); the saver
        # keeps the saved text itself as its base, so the first save is not mistaken for a conflict.
        if fdef.multiline:
            area = TextArea(inert(saver.base), id=f"field-{fdef.key}", soft_wrap=True, tab_behavior="focus")
            yield area
        else:
            yield Input(inert(saver.base), id=f"field-{fdef.key}")

    def _key(self, widget: Widget) -> str | None:
        wid = widget.id or ""
        return wid[len("field-"):] if wid.startswith("field-") else None

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        key = self._key(event.text_area)
        if key in self.savers:
            self.savers[key].changed(event.text_area.text)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        key = self._key(event.input)
        if key in self.savers:
            self.savers[key].changed(event.value)

    def on_descendant_blur(self) -> None:
        self.flush()

    def flush(self) -> bool:
        return all([saver.flush() for saver in self.savers.values()])

    def show_case(self, case: Case) -> None:
        """Show texts saved elsewhere in boxes where nothing is waiting to be saved."""
        for key, saver in self.savers.items():
            text = saver.rebase(case)
            if text is not None:
                self.put_text(key, text)

    def put_text(self, key: str, text: str) -> None:
        """Replace a box's text, keeping the cursor at the end (where the local text is after a conflict)."""
        widget = self.query_one(f"#field-{key}")
        text = inert(text)
        if isinstance(widget, TextArea):
            widget.load_text(text)
            widget.move_cursor(widget.document.end)
        elif isinstance(widget, Input):
            with widget.prevent(Input.Changed):
                widget.value = text
            widget.cursor_position = len(text)
