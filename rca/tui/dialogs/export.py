"""Export the saved case from the TUI: pick what and where; the export runs off the UI thread."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from exports.registry import KINDS, extensions
from rca.errors import RcaError
from rca.i18n import _
from rca.textout import inert


def default_folder(workspace_path: Path) -> Path:
    """Exports go beside the workspace, in ``exports/``, unless the user types another folder."""
    return workspace_path.parent / "exports"


class ExportDialog(ModalScreen[None]):
    """Choose a kind and a format; the file is written in a worker with a progress notification."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > VerticalScroll { width: 90; max-width: 95%; height: 80%; border: thick $accent;
                                    background: $surface; padding: 1 2; }
    ExportDialog OptionList { height: 1fr; min-height: 8; }
    """
    BINDINGS = [Binding("escape", "close", _("Close"), id="export.close", tooltip=_("Close without exporting"))]

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id

    def compose(self) -> ComposeResult:
        folder = default_folder(self.app.workspace.path)  # type: ignore[attr-defined]
        with VerticalScroll(can_focus=False):
            yield Static(_("Export {case} (the saved case)", case=self.case_id), classes="form-title")
            yield Label(_("Folder"))
            yield Input(str(folder), id="export-folder")
            yield Label(_("What (enter exports)"))
            options = []
            for kind, description in KINDS.items():
                for extension in extensions(kind):
                    options.append(Option(f"{_(description)} — {extension}", id=f"{kind}|{extension}"))
            if not options:
                options.append(Option(_("No export formats are available yet"), id="none", disabled=True))
            yield OptionList(*options, id="export-formats")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if not event.option.id or "|" not in event.option.id:
            return
        kind, extension = event.option.id.split("|")
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        self.run_export(kind, extension, folder)
        self.dismiss(None)

    def run_export(self, kind: str, extension: str, folder: Path) -> None:
        self.app.notify(_("Exporting {case} as {kind} ({ext})…", case=self.case_id, kind=kind, ext=extension),
                        timeout=3)
        _export_worker(self.app, self.case_id, kind, extension, folder)

    def action_close(self) -> None:
        self.dismiss(None)


def _export_worker(app: object, case_id: str, kind: str, extension: str, folder: Path) -> None:
    """Run the export in a thread worker owned by the app; report back with a notification."""
    from rca.export_runner import export_one, output_name

    def job() -> None:
        try:
            case = app.workspace.get_case(case_id)  # type: ignore[attr-defined]
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / output_name(case, kind, extension)
            warnings = export_one(case, kind, target, today=app.today)  # type: ignore[attr-defined]
        except (RcaError, OSError) as error:
            app.call_from_thread(app.notify, inert(str(error)), title=_("Export failed"),  # type: ignore
                                 severity="error", timeout=12, markup=False)
            return
        for warning in warnings:
            app.call_from_thread(app.notify, inert(warning), severity="warning", timeout=12,  # type: ignore
                                 markup=False)
        app.call_from_thread(app.notify, _("Written: {path}", path=target), title=_("Export done"),  # type: ignore
                             timeout=12, markup=False)

    app.run_worker(job, thread=True, exclusive=False, group="export", name=f"export-{kind}{extension}")  # type: ignore
