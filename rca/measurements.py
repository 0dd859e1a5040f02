"""Indicator measurements: one typed value, a CSV of them, and what an indicator says about an action.

Values are read as people type them (``2.5`` or ``2,5``); a CSV import is checked row by row first and
refused as a whole, with every bad row and column named, so nothing is ever half-imported. The caller
applies the rows in one workspace transaction (``add_measurements`` inside ``Workspace.update_case``).

``proposed_result`` reads an indicator tied to an effectiveness check and proposes the result the team
then confirms with ``rca action check``: the indicator never records a result by itself.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rca.actions import parse_date
from rca.errors import ImportInvalid, InvalidInput
from rca.i18n import _, format_date
from rca.model import Action, ActionStatus, Case, Effectiveness, Indicator, Measurement

MAX_NOTE = 500
"""Longest note accepted on a measurement (a remark, not a report)."""
MAX_ROWS = 100_000
"""Most rows one CSV import takes (a larger file is surely the wrong file)."""

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_HEADER_NAMES = {
    "date": ("date", "day", "jour", "le"),
    "value": ("value", "valeur", "val", "measure", "mesure"),
    "note": ("note", "notes", "remarque", "commentaire", "comment"),
}


def parse_value(text: str, field: str = "VALUE") -> float:
    """A number typed by a person: ``2.5``, ``2,5`` (a decimal comma), ``-3``, ``1 250`` (spaces ignored)."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "," in cleaned and "." in cleaned:
        raise InvalidInput(
            _("{field}: '{value}' mixes a decimal comma and a decimal point; write 1250.5 or 1250,5",
              field=field, value=text.strip()),
            field=field,
        )
    if not _NUMBER.match(cleaned):
        raise InvalidInput(
            _("{field}: '{value}' is not a number; write it like 2.5 or 2,5", field=field, value=text.strip()),
            field=field,
        )
    value = float(cleaned.replace(",", "."))
    if not math.isfinite(value):
        raise InvalidInput(_("{field}: '{value}' is too large", field=field, value=text.strip()), field=field)
    return value


def clean_note(text: str, field: str = "--note") -> str:
    note = " ".join(text.replace("\x00", "").split())
    if len(note) > MAX_NOTE:
        raise InvalidInput(_("{field}: the note is {length} characters long; keep it under {limit}",
                             field=field, length=len(note), limit=MAX_NOTE), field=field)
    return note


def make_measurement(value: str, *, on: str = "", note: str = "", today: date | None = None) -> Measurement:
    """One measurement from what was typed (the date defaults to today)."""
    today = today or date.today()
    day = (parse_date(on, "--date", today) if on.strip() else today) or today
    _not_future(day, today, "--date")
    return Measurement(on=day, value=parse_value(value), note=clean_note(note))


def _not_future(day: date, today: date, field: str) -> None:
    if day > today:
        raise InvalidInput(_("{field}: {date} is in the future; a measurement records what was measured",
                             field=field, date=format_date(day)), field=field)


def add_measurements(indicator: Indicator, new: Iterable[Measurement]) -> tuple[int, int]:
    """Add measurements, keeping the indicator's list oldest first; one identical to an existing one
    (same date, value and note) is skipped, so importing a file twice adds nothing. Returns (added, skipped)."""
    known = {(m.on, m.value, m.note) for m in indicator.measurements}
    added = skipped = 0
    merged = list(indicator.measurements)
    for measurement in new:
        key = (measurement.on, measurement.value, measurement.note)
        if key in known:
            skipped += 1
            continue
        known.add(key)
        merged.append(measurement)
        added += 1
    indicator.measurements = sorted(merged, key=lambda m: m.on)  # stable: same-day values keep their order
    return added, skipped


# ---------------------------------------------------------------- CSV import


@dataclass(frozen=True)
class _Columns:
    date: int
    value: int
    note: int | None
    header: bool


def _columns(first: Sequence[str]) -> _Columns:
    """Where date, value and note are: from a header row when there is one, else date,value[,note]."""
    names = [cell.strip().casefold() for cell in first]
    found: dict[str, int] = {}
    for index, name in enumerate(names):
        for key, aliases in _HEADER_NAMES.items():
            if name in aliases and key not in found:
                found[key] = index
    if "date" in found and "value" in found:
        return _Columns(found["date"], found["value"], found.get("note"), header=True)
    return _Columns(0, 1, 2, header=False)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise InvalidInput(_("--import: {file} does not exist", file=path), field="import") from error
    except IsADirectoryError as error:
        raise InvalidInput(_("--import: {file} is a folder; give a CSV file", file=path), field="import") from error
    except OSError as error:
        raise InvalidInput(_("--import: cannot read {file}: {reason}", file=path,
                             reason=error.strerror or error), field="import") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # Excel's "CSV" in Western Europe


def _delimiter(text: str) -> str:
    """``;`` when the first non-empty line has one (the French Excel export), else ``,``."""
    for line in text.splitlines():
        if line.strip():
            return ";" if ";" in line else ","
    return ","


def parse_csv(text: str, source: str, *, today: date | None = None) -> list[Measurement]:
    """Every row of a ``date,value[,note]`` CSV (``,`` or ``;`` separated, an optional header row).

    Raises ``ImportInvalid`` naming each bad row (its line number) and column; nothing is returned then.
    """
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(cell.strip() for cell in row)]
    if not numbered:
        raise ImportInvalid(source, [_("the file has no rows; expected columns date,value[,note]")])
    if len(numbered) > MAX_ROWS:
        raise ImportInvalid(source, [_("{count} rows is more than the {limit} one import takes",
                                       count=len(numbered), limit=MAX_ROWS)])
    columns = _columns(numbered[0][1])
    if columns.header:
        numbered = numbered[1:]
    width = 1 + max(i for i in (columns.date, columns.value, columns.note) if i is not None)
    problems: list[str] = []
    measurements: list[Measurement] = []
    for number, row in numbered:
        where = _("row {row}", row=number)
        if columns.header is False and len(row) > 3:
            problems.append(_("{where}: {count} columns; expected date,value[,note] (quote a note that holds "
                              "the separator)", where=where, count=len(row)))
            continue
        if len(row) < 1 + max(columns.date, columns.value):
            problems.append(_("{where}: a value is missing; expected date,value[,note]", where=where))
            continue
        cells = row + [""] * (width - len(row))
        bad = len(problems)
        day: date | None = None
        value = 0.0
        try:
            day = parse_date(cells[columns.date], "date", today)
            if day is None:
                problems.append(_("{where}, column date: is empty", where=where))
            else:
                _not_future(day, today or date.today(), "date")
        except InvalidInput as error:
            problems.append(f"{where}, {_('column')} {error}")
        try:
            if not cells[columns.value].strip():
                problems.append(_("{where}, column value: is empty", where=where))
            else:
                value = parse_value(cells[columns.value], "value")
        except InvalidInput as error:
            problems.append(f"{where}, {_('column')} {error}")
        note = ""
        if columns.note is not None:
            try:
                note = clean_note(cells[columns.note], "note")
            except InvalidInput as error:
                problems.append(f"{where}, {_('column')} {error}")
        if len(problems) == bad and day is not None:
            measurements.append(Measurement(on=day, value=value, note=note))
    if problems:
        raise ImportInvalid(source, problems)
    if not measurements:
        raise ImportInvalid(source, [_("the file has a header but no rows")])
    return measurements


def read_csv(path: Path, *, today: date | None = None) -> list[Measurement]:
    """``parse_csv`` over a file (UTF-8, or Windows-1252 as Excel writes it)."""
    return parse_csv(_read_text(path), path.name, today=today)


# ---------------------------------------------------------------- what the indicator says


def check_indicator(case: Case, action: Action) -> Indicator | None:
    """The indicator tied to an action's effectiveness check, if it exists in the case."""
    ref = action.effectiveness.indicator
    if not ref:
        return None
    return next((i for i in case.indicators if i.id == ref), None)


def proposed_result(case: Case, action: Action, today: date) -> Effectiveness | None:
    """What the tied indicator says about a done action whose check is still pending.

    The deadline is the check's planned date (else the indicator's target date). Only measurements taken
    since the action was done and up to the deadline (and not after today) count, and of those only the
    latest, so a relapse cancels an earlier good value:

    - the latest one meets the target → ``effective``;
    - the deadline has passed and the latest one does not meet it → ``not effective``;
    - otherwise (no indicator, no target, no deadline, nothing measured, deadline still ahead) → ``None``.
    """
    check = action.effectiveness
    if check.result is not Effectiveness.PENDING or action.status is not ActionStatus.DONE:
        return None
    indicator = check_indicator(case, action)
    if indicator is None or indicator.target is None:
        return None
    deadline = check.planned or indicator.target_date
    if deadline is None:
        return None
    last_day = min(deadline, today)
    window = [m for m in indicator.measurements
              if m.on <= last_day and (action.done_on is None or m.on >= action.done_on)]
    if not window:
        return None
    latest = max(window, key=lambda m: m.on)
    if indicator.meets_target(latest.value):
        return Effectiveness.EFFECTIVE
    if today > deadline:
        return Effectiveness.NOT_EFFECTIVE
    return None


def proposal_text(action: Action, result: Effectiveness) -> str:
    """``A-7: indicator says effective — confirm with rca action check A-7 --result effective``."""
    return _("{action}: indicator says {result} — confirm with rca action check {action} --result \"{value}\"",
             action=action.id, result=result.label, value=result.value)
