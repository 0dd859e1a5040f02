"""Running exports for the CLI and the TUI: one case to one file, or every case into a folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from exports.registry import ExportContext, export, lookup
from rca.errors import InvalidInput, WorkspaceUnwritable
from rca.i18n import _
from rca.model import Case
from rca.store import Workspace


def export_one(case: Case, kind: str, output: Path, today: date | None = None) -> list[str]:
    """Export a saved case; returns the warnings. Checks the kind/format before touching the disk."""
    lookup(kind, output)
    folder = output.parent if str(output.parent) else Path(".")
    with _path_problems(output):
        is_folder, folder_exists = output.is_dir(), folder.exists()
    if is_folder:
        raise InvalidInput(_("-o: {path} is a folder; give a file name such as {path}/{case}-{kind}.pdf",
                             path=output, case=case.id, kind=kind), field="output")
    if not folder_exists:
        raise WorkspaceUnwritable(_("-o: the folder {folder} does not exist; create it first", folder=folder))
    context = export(kind, case, output, ExportContext(today=today or date.today()))
    return context.warnings


@contextmanager
def _path_problems(path: Path) -> Iterator[None]:
    """A path the system refuses (a name too long, a file where a folder should be, no permission): one line
    saying so, instead of an unexpected error."""
    try:
        yield
    except OSError as error:
        raise InvalidInput(_("cannot write {path}: {reason}", path=path, reason=error.strerror or error),
                           field="output") from None


def output_name(case: Case, kind: str, extension: str) -> str:
    """A safe file name for a case's export: never a path, whatever the title holds."""
    from exports.safe import safe_filename

    return f"{case.id}-{kind}-{safe_filename(case.title, max_len=50)}{extension}"


def export_all(ws: Workspace, kind: str, folder: Path, fmt: str, say: Callable[[str], None]) -> list[Path]:
    """Export every (non-archived) case into ``folder``, with a progress bar; returns the files written."""
    import click

    extension = fmt if fmt.startswith(".") else f".{fmt}"
    lookup(kind, Path(f"x{extension}"))
    with _path_problems(folder):
        if folder.exists() and not folder.is_dir():
            raise InvalidInput(_("-o: {path} is a file; with --all give a folder", path=folder), field="output")
        folder.mkdir(parents=True, exist_ok=True)
        root = folder.resolve()
    cases = ws.list_cases(include_archived=False)
    written: list[Path] = []
    with click.progressbar(cases, label=_("Exporting"), file=None) as bar:
        for case in bar:
            target = (root / output_name(case, kind, extension)).resolve()
            if target.parent != root:  # belt and braces: safe_filename already forbids separators
                raise InvalidInput(_("refusing to write outside {folder}", folder=root))
            for warning in export_one(case, kind, target):
                say(_("warning: {case}: {message}", case=case.id, message=warning))
            written.append(target)
    say(_("{count} file(s) written to {folder}", count=len(written), folder=root))
    return written
