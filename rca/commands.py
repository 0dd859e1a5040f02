"""The ``rca`` commands, thin over the library (click).

Built after the language is chosen (see ``rca.cli``), so help texts are translated. Every user error is
an ``RcaError`` turned into one line on stderr and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from rca import paths
from rca.errors import InvalidInput, RcaError
from rca.i18n import _
from rca.textout import inert, table, to_json

if TYPE_CHECKING:
    from rca.model import Action, Case
    from rca.store import Workspace

METHOD_CHOICES = ["5whys", "ishikawa", "8d", "a3", "dmaic"]
STATUS_CHOICES = ["planned", "in progress", "in-progress", "done", "cancelled"]
RESULT_CHOICES = ["effective", "not effective", "not-effective", "pending"]
EXPORT_KINDS = ["a3", "report", "fishbone", "whys", "actions", "case"]


@dataclass
class Settings:
    """The global options, shared by every command."""

    workspace: str | None
    user: str | None

    def open(self) -> Workspace:
        from rca.store import Workspace

        return Workspace(paths.workspace_path(self.workspace), user=self.user).open()


def _settings() -> Settings:
    return click.get_current_context().find_object(Settings) or Settings(None, None)


_TERMINAL_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]?"  # any other escape, or a lone ESC
    r"|[\x00-\x08\x0b-\x1f]"  # C0 controls but tab and newline
)
_C1_AND_SURROGATES = re.compile("[\x7f-\x9f\ud800-\udfff]")


def for_terminal(text: str) -> str:
    r"""Text that a terminal shows as it is: escape sequences and control characters taken out.

    User text reaches the terminal in tables, ``rca show`` and JSON: an escape sequence in a title would
    clear the screen, retitle the window or plant a hyperlink. DEL and C1 controls (``\x9b`` is an 8-bit
    CSI) are written as ``\u009b`` instead (inside JSON that is the same string), lone surrogates as U+FFFD (they
    cannot be printed).
    """
    text = _TERMINAL_ESCAPES.sub("", text)
    return _C1_AND_SURROGATES.sub(lambda m: "\ufffd" if m[0] >= "\ud800" else f"\\u{ord(m[0]):04x}", text)


def echo(text: str = "") -> None:
    click.echo(for_terminal(text))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]},
             help=_("Root-cause analysis workshops: 5 Whys, Ishikawa, 8D, A3 and DMAIC, with a PDCA action "
                    "plan. Without a command, opens the workshop screen on the workspace."))
@click.option("--workspace", "-w", metavar="PATH", help=_("Workspace file (else RCA_WORKSPACE, else the "
                                                            "default data folder)."))
@click.option("--user", "-u", metavar="NAME", help=_("Your name in the audit trail and 'my actions' (else "
                                                      "RCA_USER, else your login)."))
@click.option("--lang", metavar="LANG", help=_("Language: en or fr (else RCA_LANG, else the locale)."))
@click.version_option("0.1.0", prog_name="rca")
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, user: str | None, lang: str | None) -> None:
    ctx.obj = Settings(workspace=workspace, user=user)
    if ctx.invoked_subcommand is None:
        start_tui(paths.workspace_path(workspace), user)


def start_tui(workspace: Path, user: str | None) -> None:
    """Open the TUI on a workspace (Textual is imported only here)."""
    from rca.store import Workspace

    ws = Workspace(workspace, user=user).open()
    from rca.tui.app import make_app

    make_app(ws).run()


@cli.command(help=_("Open a fresh copy of the demo workspace (the original is never changed)."))
@click.option("--no-tui", is_flag=True, help=_("Only create the copy and print its path."))
def demo(no_tui: bool) -> None:
    from rca.i18n import language
    from rca.store import Workspace

    if language() == "fr":
        from rca.demo_fr import build_demo_fr as build_demo
    else:
        from rca.demo import build_demo

    folder = paths.demo_dir() / date.today().isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"demo-{os.getpid()}.json"
    for old in (target, paths.lock_path(target)):
        old.unlink(missing_ok=True)
    ws = Workspace(target, user=_settings().user or "demo")
    build_demo(ws, date.today())
    if no_tui:
        echo(str(target))
        return
    start_tui(target, _settings().user or "demo")


@cli.command(help=_("Start a new case; prints its id."))
@click.option("--method", "-m", required=True, type=click.Choice(METHOD_CHOICES, case_sensitive=False),
              help=_("The method the team will follow."))
@click.option("--title", "-t", required=True, help=_("A short name for the problem."))
@click.option("--what", default="", help=_("What is wrong (the problem statement)."))
def new(method: str, title: str, what: str) -> None:
    ws = _settings().open()

    def fill(case: Case, _ids: Any) -> None:
        if what.strip():
            case.problem.what = what.strip()

    if not title.strip():
        raise InvalidInput(_("--title: give the case a short name, e.g. \"Bore diameter out of tolerance\""),
                           field="title")
    case = ws.create_case(title=title.strip(), method=method.lower(), build=fill)
    echo(case.id)


@cli.command("list", help=_("List the cases with their progress and actions."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.option("--archived/--no-archived", default=False, help=_("Include archived cases."))
def list_cases(as_json: bool, archived: bool) -> None:
    from rca.summary import case_summary

    ws = _settings().open()
    today = date.today()
    summaries = [case_summary(c, today) for c in ws.list_cases(include_archived=archived)]
    if as_json:
        echo(to_json(summaries))
        return
    if not summaries:
        echo(_("No cases yet. Start one with: rca new --method 8d --title \"...\""))
        return
    headers = [_("id"), _("title"), _("method"), _("step"), _("progress"), _("open"), _("late"), _("leader")]
    rows = [[s["id"], s["title"], s["method_label"], s["step_label"], s["progress_label"], str(s["open_actions"]),
             str(s["late_actions"]), s["leader"]] for s in summaries]
    echo(table(headers, rows, [6, 44, 9, 28, 8, 5, 5, 18]))


@cli.command(help=_("Show a case: each step with its gate, what blocks the next one, causes and actions."))
@click.argument("case_ref", metavar="CASE")
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON (the case and its gates)."))
def show(case_ref: str, as_json: bool) -> None:
    from rca.summary import describe_case, gates_json

    ws = _settings().open()
    case = ws.get_case(case_ref)
    if as_json:
        echo(to_json({"case": case.to_json_dict(), "gates": gates_json(case)}))
        return
    echo(describe_case(case, date.today()))


@cli.command("import", help=_("Import a case from a JSON file made by 'rca export case'."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def import_case(file: Path) -> None:
    from exports.case_json import read_case_file

    case = read_case_file(file)
    ws = _settings().open()
    saved = ws.add_case(case, summary=_("imported from {file}", file=file.name))
    echo(saved.id)


@cli.command(help=_("Export a case (or every case with --all): the format follows the file extension."))
@click.argument("kind", type=click.Choice(EXPORT_KINDS))
@click.argument("case_ref", metavar="CASE", required=False)
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help=_("The file to write (its extension picks the format), or a folder with --all."))
@click.option("--all", "all_cases", is_flag=True, help=_("Export every case into the folder given by -o."))
@click.option("--format", "fmt", default="pdf", show_default=True, help=_("With --all: the extension to write."))
def export(kind: str, case_ref: str | None, output: Path, all_cases: bool, fmt: str) -> None:
    from rca.export_runner import export_all, export_one

    ws = _settings().open()
    if all_cases:
        export_all(ws, kind, output, fmt, echo)
        return
    if not case_ref:
        raise InvalidInput(_("CASE: say which case to export (e.g. C-3), or use --all -o FOLDER"), field="case")
    warnings = export_one(ws.get_case(case_ref), kind, output)
    for warning in warnings:
        click.echo(_("warning: {message}", message=warning), err=True)
    echo(str(output))


@cli.command(help=_("Print the JSON Schema of a case."))
def schema() -> None:
    from rca.model import case_json_schema

    echo(to_json(case_json_schema()))


@cli.command(help=_("List the backups of the workspace, or restore one."))
@click.option("--restore", "restore_index", type=int, metavar="N", help=_("Restore backup number N (see the list)."))
def recover(restore_index: int | None) -> None:
    from rca.store import Workspace

    settings = _settings()
    ws = Workspace(paths.workspace_path(settings.workspace), user=settings.user)
    backups = ws.backups()
    if restore_index is None:
        if not backups:
            echo(_("No backups of {file} yet.", file=ws.path))
            return
        rows = [[str(i + 1), b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), str(b.size),
                 str(b.cases) if b.cases is not None else _("does not parse")] for i, b in enumerate(backups)]
        echo(table([_("no."), _("taken (UTC)"), _("bytes"), _("cases")], rows))
        echo(_("Restore one with: rca recover --restore N"))
        return
    if not backups:
        raise InvalidInput(_("No backups of {file} yet.", file=ws.path), field="restore")
    if not 1 <= restore_index <= len(backups):
        raise InvalidInput(_("--restore: {n} is not in the list; pick 1 to {count}", n=restore_index,
                             count=len(backups)), field="restore")
    ws.restore(backups[restore_index - 1])
    echo(_("Restored {file} from the backup of {when}.", file=ws.path,
           when=backups[restore_index - 1].taken_at.strftime("%Y-%m-%d %H:%M:%S")))


_NOT_FROM_ARGV = re.compile("[\x00\ud800-\udc7f\udd00-\udfff]")


def _as_argument(arg: str) -> str:
    """An argument as a real command line can hold it: callers in Python can pass what no argv holds.

    NUL ends a C string (text loses it anyway: the model drops NUL; a path holding one cannot exist);
    Python decodes argv bytes that are not UTF-8 as the surrogates U+DC80..U+DCFF (kept: they are the
    user's bytes, a file name may hold them), never as other lone surrogates (which no path can encode).
    """
    return _NOT_FROM_ARGV.sub(lambda m: "" if m[0] == "\x00" else "\ufffd", arg)


def run(args: list[str]) -> int:
    """Run the command line; turn every user error into one line and an exit code."""
    args = [_as_argument(arg) for arg in args]
    try:
        cli.main(args=args, prog_name="rca", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:
        echo(error.ctx.get_help() if error.ctx else "")
        return 0
    except click.UsageError as error:
        error.show()
        return 2
    except click.exceptions.Exit as error:
        return int(error.exit_code)
    except click.Abort:
        click.echo(_("rca: aborted"), err=True)
        return 1
    except RcaError as error:
        click.echo(f"rca: {for_terminal(inert(str(error)))}", err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # no traceback ever reaches a user
        if os.environ.get("RCA_DEBUG"):
            traceback.print_exc()
        click.echo(_("rca: unexpected error ({kind}: {message}); nothing was changed. Set RCA_DEBUG=1 to see "
                     "the details and please report it.", kind=type(error).__name__, message=error), err=True)
        return 1
    finally:
        sys.stdout.flush()
    return 0


def action_row(case: Case, action: Action, today: date) -> dict[str, Any]:
    from rca.actions import action_summary

    return action_summary(case, action, today)


# The other command modules register on `cli` when imported (they import from this module).
from rca import commands_actions  # noqa: E402,F401  (registers the action commands)
from rca import commands_followup as commands_followup  # noqa: E402,F401  (the follow-up commands)
