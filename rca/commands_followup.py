"""The coordinator's weekly follow-up: ``rca dashboard``, ``rca digest``, ``rca measure``, ``rca search``,
``rca lessons``. Thin over ``rca.followup``, ``rca.measurements`` and ``rca.lessons``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from rca.commands import _settings, cli, echo
from rca.errors import InvalidInput, RcaError
from rca.i18n import _, format_date, format_number, format_percent
from rca.textout import clip, table, to_json


def step_of(case: Any) -> tuple[str, str]:
    """The step a case is on (the first whose gate does not pass), from its method's definition."""
    from methods.registry import evaluate

    try:
        nxt = evaluate(case).next_step
    except (RcaError, ImportError):  # a method whose definition is missing: count the case, do not fail
        return "?", _("unknown step")
    return (nxt.step.key, _(nxt.step.title)) if nxt else ("done", _("all gates passed"))


@cli.command(help=_("The follow-up dashboard: actions closed, in progress, late, not started (overall, by "
                    "method, owner and case), on-time and effectiveness rates, overdue checks, cases per "
                    "step and weekly trends."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.option("--archived", is_flag=True, help=_("Include archived cases."))
@click.option("--weeks", default=8, show_default=True, type=click.IntRange(1, 104),
              help=_("How many weeks the trends cover."))
def dashboard(as_json: bool, archived: bool, weeks: int) -> None:
    from rca.dashboard import render_dashboard
    from rca.followup import build_dashboard

    ws = _settings().open()
    figures = build_dashboard(ws.list_cases(include_archived=True), date.today(), step_of=step_of, weeks=weeks,
                              include_archived=archived)
    echo(to_json(figures.to_json()) if as_json else render_dashboard(figures))


@cli.command(help=_("A weekly digest per owner (due soon, late, effectiveness checks due or overdue), ready "
                    "to paste into an e-mail. Writes FILE.md or FILE.html with -o, else prints it."))
@click.option("--owner", metavar="NAME", help=_("Only this owner ('me' for you)."))
@click.option("--days", default=7, show_default=True, type=click.IntRange(0, 366),
              help=_("Look this many days ahead."))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help=_("The file to write: .md or .html."))
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), help=_("The format on stdout (default md)."))
@click.option("--archived", is_flag=True, help=_("Include archived cases."))
def digest(owner: str | None, days: int, output: Path | None, fmt: str | None, archived: bool) -> None:
    from rca.digest import format_for, render
    from rca.followup import build_digest

    kind = format_for(output.name if output is not None else (fmt or "md"))
    ws = _settings().open()
    name = ws.user if owner is not None and owner.strip().lower() == "me" else owner
    today = date.today()
    digests = build_digest(ws.list_cases(include_archived=True), today, days=days, owner=name,
                           include_archived=archived)
    text = render(digests, today, days, kind)
    if output is None:
        click.echo(text, nl=False)
        return
    from exports.safe import atomic_write_text

    atomic_write_text(output, text)
    echo(str(output))


@cli.command(help=_("Record a measurement of a case's indicator (by id or name), or import a CSV of them "
                    "(columns date,value[,note]; ',' or ';' separated). Decimal commas are accepted."))
@click.argument("case_ref", metavar="CASE")
@click.argument("indicator_ref", metavar="INDICATOR")
@click.argument("value", required=False)
@click.option("--date", "on", default="", help=_("When it was measured (YYYY-MM-DD, DD/MM/YYYY; default today)."))
@click.option("--note", default="", help=_("Where it comes from, or what was special."))
@click.option("--import", "import_file", type=click.Path(path_type=Path), metavar="FILE.csv",
              help=_("Import every row of a CSV file (all rows or none)."))
def measure(case_ref: str, indicator_ref: str, value: str | None, on: str, note: str,
            import_file: Path | None) -> None:
    from rca.measurements import add_measurements, make_measurement, read_csv

    if (value is None) == (import_file is None):
        raise InvalidInput(_("give either a VALUE or --import FILE.csv"), field="value")
    if import_file is not None and (on.strip() or note.strip()):
        raise InvalidInput(_("--date and --note go with a single VALUE; a CSV carries its own dates and notes"),
                           field="import")
    today = date.today()
    rows = read_csv(import_file, today=today) if import_file is not None else [
        make_measurement(value or "", on=on, note=note, today=today)]
    ws = _settings().open()
    case = ws.get_case(case_ref)
    indicator = case.indicator(indicator_ref)  # a clear error before taking the lock
    counts: list[tuple[int, int]] = []

    def change(current: Any, _ids: Any) -> None:
        counts.append(add_measurements(current.indicator(indicator.id), rows))

    what = (_("{count} measurements of {indicator} imported from {file}", count=len(rows),
              indicator=indicator.name, file=import_file.name) if import_file is not None
            else _("measurement of {indicator} recorded", indicator=indicator.name))
    saved = ws.update_case(case.id, change, summary=what)
    added, skipped = counts[-1]
    if import_file is not None:
        echo(_("{case} {indicator}: {added} measurements imported, {skipped} already there",
               case=saved.id, indicator=indicator.id, added=added, skipped=skipped))
    else:
        unit = f" {indicator.unit}" if indicator.unit else ""
        echo(f"{saved.id} {indicator.id} {indicator.name}: {format_number(rows[0].value, 3)}{unit} "
             f"{format_date(rows[0].on)}" + ("" if added else " " + _("(already recorded)")))
    _echo_proposals(saved, indicator.id, today)


def _echo_proposals(case: Any, indicator_id: str, today: date) -> None:
    from rca.measurements import proposal_text, proposed_result

    for action in case.actions:
        if action.effectiveness.indicator != indicator_id:
            continue
        result = proposed_result(case, action, today)
        if result is not None:
            echo(proposal_text(action, result))


@cli.command(help=_("Search the causes, actions and problem statements of every case, best matches first."))
@click.argument("words", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500), help=_("At most this many."))
def search(words: tuple[str, ...], as_json: bool, limit: int) -> None:
    from rca.lessons import search as run_search

    text = " ".join(words)
    ws = _settings().open()
    hits = run_search(ws.list_cases(include_archived=True), text, limit=limit)
    if as_json:
        echo(to_json([h.to_json() for h in hits]))
        return
    if not hits:
        echo(_("Nothing matches \u201c{text}\u201d.", text=text))
        return
    kinds = {"cause": _("cause"), "action": _("action"), "problem": _("problem")}
    rows = [[h.case_id, kinds.get(h.kind, h.kind), h.ref if h.kind != "problem" else "", h.text,
             format_percent(min(h.score, 1.0))] for h in hits]
    echo(table([_("case"), _("kind"), _("id"), _("text"), _("match")], rows, [6, 8, 6, 80, 6]))


@cli.command(help=_("Causes that keep coming back across cases, with what was done and whether it worked; "
                    "with --like, the verified causes of past cases like a text."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.option("--like", metavar="TEXT", help=_("Show the verified causes of other cases similar to TEXT."))
@click.option("--case", "case_ref", metavar="CASE", help=_("With --like: leave this case out."))
def lessons(as_json: bool, like: str | None, case_ref: str | None) -> None:
    from rca.lessons import LessonIndex, recurring_causes

    ws = _settings().open()
    cases = ws.list_cases(include_archived=True)
    if like is not None:
        exclude = ws.get_case(case_ref).id if case_ref else None
        suggestions = LessonIndex(cases).similar(like, exclude)
        if as_json:
            echo(to_json([s.to_json() for s in suggestions]))
            return
        if not suggestions:
            echo(_("No verified cause of another case looks like \u201c{text}\u201d.", text=like))
        for s in suggestions:
            echo(_lesson_line(s.cause, format_percent(s.score)))
        return
    groups = recurring_causes(cases)
    if as_json:
        echo(to_json([g.to_json() for g in groups]))
        return
    if not groups:
        echo(_("No cause comes back across cases (yet)."))
        return
    for group in groups:
        echo(clip(_("\u201c{label}\u201d — in {count} cases: {cases}", label=group.label,
                    count=len(group.case_ids), cases=", ".join(group.case_ids)), 160))
        for cause in group.causes:
            echo("  " + _lesson_line(cause))
        echo()


def _lesson_line(cause: Any, score: str = "") -> str:
    worked = cause.worked
    outcome = worked.label if worked else _("not checked yet")
    done = ", ".join(f"{a.id} {a.title} ({a.status.label}, {a.effectiveness.label})" for a in cause.actions)
    head = f"{cause.case_id} {cause.cause_id} {cause.text} [{cause.status.label}]"
    if score:
        head = f"{score}  {head}"
    tail = _("actions: {actions} → {outcome}", actions=done, outcome=outcome) if done else _("no action")
    return clip(f"{head} — {tail}", 200)
