"""The Textual application: home, case screens, my actions, the workshop mode and its timer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme

from rca.i18n import _
from rca.store import Workspace
from rca.tui.config import Config, load_config

PROJECTOR_THEME = Theme(
    name="rca-projector",
    primary="#FFD400",
    secondary="#00E5FF",
    accent="#FFD400",
    warning="#FFB000",
    error="#FF4040",
    success="#3DFF6E",
    foreground="#FFFFFF",
    background="#000000",
    surface="#0A0A0A",
    panel="#1A1A1A",
    dark=True,
)
"""High contrast for a projector in a lit room: pure black, white text, bright accents."""


class RcaApp(App[None]):
    """rca: guide a room through a method, capture every cause, follow the actions."""

    CSS_PATH = "app.tcss"
    TITLE = "rca"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    BINDINGS = [
        Binding("f1", "help", _("Help"), id="app.help", tooltip=_("Keys and the current step's guidance")),
        Binding("f2", "toggle_workshop", _("Workshop"), id="app.workshop",
                tooltip=_("Projector mode: high contrast, large headings, step timer, less chrome")),
        Binding("f3", "my_actions", _("My actions"), id="app.my_actions",
                tooltip=_("Your actions across every case: status, evidence, effectiveness")),
        Binding("f9", "dashboard", _("Dashboard"), id="app.dashboard",
                tooltip=_("The coordinator's review: closed, in progress, late; effectiveness; trends")),
        Binding("ctrl+z", "undo", _("Undo"), id="app.undo", tooltip=_("Undo your last edit in this case")),
        Binding("ctrl+y", "redo", _("Redo"), id="app.redo", tooltip=_("Redo the edit you undid"), show=False),
        Binding("ctrl+q", "quit", _("Quit"), id="app.quit", tooltip=_("Quit (everything is already saved)"),
                priority=True),
    ]

    workshop: reactive[bool] = reactive(False)
    """Projector mode: the high-contrast theme, large step headings, the step timer, less chrome."""

    def __init__(self, workspace: Workspace, *, today: date | None = None, config: Config | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.today_override = today
        self.config = config or load_config()
        self._normal_theme = "textual-dark"

    @property
    def today(self) -> date:
        """The day "late" is computed for (fixed in tests)."""
        return self.today_override or date.today()

    def on_mount(self) -> None:
        from rca.tui.screens.home import HomeScreen

        self.register_theme(PROJECTOR_THEME)
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self._normal_theme = self.theme
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.problem:
            self.notify(self.config.problem, severity="warning", markup=False, timeout=10)
        self.push_screen(HomeScreen())
        if self.config.workshop:
            self.workshop = True

    def watch_workshop(self, on: bool) -> None:
        self.set_class(on, "-workshop")
        if on:
            self._normal_theme = self.theme if self.theme != PROJECTOR_THEME.name else self._normal_theme
            self.theme = PROJECTOR_THEME.name
        elif self.theme == PROJECTOR_THEME.name:
            self.theme = self._normal_theme

    def action_toggle_workshop(self) -> None:
        self.workshop = not self.workshop
        self.notify(_("Workshop mode on: F2 to leave") if self.workshop else _("Workshop mode off"), timeout=3)

    def action_help(self) -> None:
        from rca.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_my_actions(self) -> None:
        from rca.tui.screens.my_actions import MyActionsScreen

        if not isinstance(self.screen, MyActionsScreen):
            self.push_screen(MyActionsScreen())

    def action_dashboard(self) -> None:
        from rca.tui.screens.dashboard import DashboardScreen

        if not isinstance(self.screen, DashboardScreen):
            self.push_screen(DashboardScreen())

    def on_my_actions_screen_open_case(self, message: object) -> None:
        """Enter on an action in "my actions": open its case on the step that holds the action plan."""
        from rca.tui.screens.case import CaseScreen

        case_id = getattr(message, "case_id", None)
        if case_id:
            self.pop_screen()
            self.push_screen(CaseScreen(case_id))

    def action_undo(self) -> None:
        handler = getattr(self.screen, "undo", None)
        if handler is None:
            self.notify(_("Open a case to undo its edits"), timeout=3)
        else:
            handler()

    def action_redo(self) -> None:
        handler = getattr(self.screen, "redo", None)
        if handler is not None:
            handler()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Workshop mode"), _("Projector theme, large headings, step timer (F2)"),
                            self.action_toggle_workshop)
        yield SystemCommand(_("My actions"), _("Your actions across every case (F3)"), self.action_my_actions)
        yield SystemCommand(_("Dashboard"), _("Actions closed / in progress / late, effectiveness, trends (F9)"),
                            self.action_dashboard)
        yield SystemCommand(_("Help"), _("Keys and the current step's guidance (F1)"), self.action_help)
        extra = getattr(screen, "screen_commands", None)
        if extra is not None:
            yield from extra()
        yield from super().get_system_commands(screen)


def make_app(workspace: Workspace, *, today: date | None = None, config: Config | None = None) -> RcaApp:
    """The app on a workspace (the CLI and the tests build it the same way)."""
    return RcaApp(workspace, today=today, config=config)
