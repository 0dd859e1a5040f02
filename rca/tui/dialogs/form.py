"""A small form in a modal: labelled inputs, text areas and selects; returns the values typed.

The caller's ``submit`` checks the values (usually by running the domain operation) and returns an error
message to show, or ``None`` to close: a bad value never loses what was typed in the other fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from rca.errors import RcaError
from rca.i18n import _
from rca.textout import inert


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form."""

    key: str
    label: str
    value: str = ""
    kind: str = "input"
    """input (one line), text (several lines) or select."""
    options: Sequence[tuple[str, str]] = field(default_factory=tuple)
    """For a select: (label, value) pairs."""
    help: str = ""
    placeholder: str = ""


Submit = Callable[[dict[str, str]], str | None]


class FormDialog(ModalScreen[dict[str, str] | None]):
    """A modal form; ``ctrl+s`` saves, ``escape`` cancels."""

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > VerticalScroll {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    FormDialog .form-title { text-style: bold; margin-bottom: 1; }
    FormDialog .form-label { margin-top: 1; text-style: bold; }
    FormDialog .form-help { color: $text-muted; }
    FormDialog TextArea { height: 6; }
    FormDialog #form-error { color: $error; margin-top: 1; }
    FormDialog Horizontal { height: auto; margin-top: 1; }
    FormDialog Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", _("Save"), id="form.save", tooltip=_("Save this form")),
        Binding("escape", "cancel", _("Cancel"), id="form.cancel", tooltip=_("Close without saving")),
    ]

    def __init__(self, title: str, fields: Sequence[FieldSpec], submit: Submit | None = None,
                 *, intro: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.submit = submit
        self.intro = intro

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=False):
            # Titles, labels and errors may quote what people typed: shown as plain text, never as markup.
            yield Static(Text(inert(self.form_title)), classes="form-title")
            if self.intro:
                yield Static(Text(inert(self.intro)), classes="form-help")
            for spec in self.fields:
                yield Label(Text(inert(spec.label)), classes="form-label")
                if spec.help:
                    yield Static(Text(inert(spec.help)), classes="form-help")
                if spec.kind == "text":
                    yield TextArea(inert(spec.value), id=f"f-{spec.key}", soft_wrap=True)
                elif spec.kind == "select":
                    options = [(Text(inert(label)), value) for label, value in spec.options]
                    values = {v for _l, v in options}
                    yield Select(options, value=spec.value if spec.value in values else Select.NULL,
                                 id=f"f-{spec.key}", allow_blank=not spec.value)
                else:
                    yield Input(inert(spec.value), placeholder=spec.placeholder, id=f"f-{spec.key}")
            yield Static("", id="form-error")
            with Horizontal():
                yield Button(_("Save (ctrl+s)"), variant="primary", id="form-save")
                yield Button(_("Cancel (esc)"), id="form-cancel")

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#f-{self.fields[0].key}").focus()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.key}")
            if isinstance(widget, TextArea):
                out[spec.key] = widget.text
            elif isinstance(widget, Select):
                out[spec.key] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                out[spec.key] = widget.value
        return out

    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        values = self.values()
        if self.submit is not None:
            try:
                problem = self.submit(values)
            except RcaError as error:
                problem = str(error)
            if problem:
                self.query_one("#form-error", Static).update(Text(inert(problem)))
                return
        self.dismiss(values)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Yes or no; ``y`` / ``n`` answer."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > VerticalScroll {
        width: 70; max-width: 95%; height: auto; border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmDialog Horizontal { height: auto; margin-top: 1; }
    ConfirmDialog Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", _("Yes"), id="confirm.yes", tooltip=_("Confirm")),
        Binding("n,escape", "answer(False)", _("No"), id="confirm.no", tooltip=_("Cancel")),
    ]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes (y)")
        self.no = no or _("No (n)")

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=False):
            yield Static(Text(inert(self.question)))
            with Horizontal():
                yield Button(self.yes, variant="warning", id="yes")
                yield Button(self.no, id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
