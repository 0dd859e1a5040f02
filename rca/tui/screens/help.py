"""F1: every key of the screen below, with its binding id (for the keymap), and the step's guidance."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from rca import paths
from rca.i18n import _


class HelpScreen(ModalScreen[None]):
    """Keys, binding ids, and the current step's guidance."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 100; max-width: 95%; height: 90%; border: thick $accent;
                                  background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,f1,q", "dismiss_help", _("Close"), id="help.close", tooltip=_("Close the help"))]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(_("Keys"), style="bold"))
            yield Static(self.keys_table())
            yield Static(Text(_("Remap any key in {file}, section [keymap]: \"binding id\" = \"key\".",
                                file=paths.config_file()), style="italic"))
            yield Static(Text(_("ctrl+p opens the command palette: every command by name."), style="italic"))
            step = getattr(self.under, "current_step", None)
            if callable(step):
                from rca.tui.screens.case import guidance_text

                current = step()
                yield Static(Text("\n" + _("This step: {title}", title=_(current.title)), style="bold"))
                yield Static(guidance_text(current))

    def key_rows(self) -> list[tuple[str, str, str]]:
        """(key, what it does, binding id) for every key active on the screen below."""
        rows = []
        seen: set[str] = set()
        for key, active in self.under.active_bindings.items():
            binding = active.binding
            if (binding.id or key) in seen or not binding.description:
                continue
            seen.add(binding.id or key)
            rows.append((self.app.get_key_display(binding), binding.tooltip or binding.description,
                         binding.id or ""))
        return rows

    def keys_table(self) -> Table:
        table = Table(box=None, padding=(0, 2))
        table.add_column(_("key"), style="bold")
        table.add_column(_("does"))
        table.add_column(_("binding id"), style="dim")
        for row in self.key_rows():
            table.add_row(*row)
        return table

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
