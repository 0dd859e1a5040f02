"""The case's indicators: a list, the selected one's measurements, and a chart against its target.

Indicators are DMAIC's Y, an A3's current condition, an action's proof of effectiveness. Each edit is
one saved transaction; the chart (textual-plotext) draws the measurements over time with the target and
the baseline as horizontal lines.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from rca.actions import parse_date
from rca.errors import InvalidInput, RcaError
from rca.i18n import _, format_date, format_number, input_date
from rca.measurements import add_measurements, clean_note, parse_value
from rca.model import Case, Direction, Indicator, Measurement
from rca.textout import inert
from rca.tui.dialogs.action_dialogs import Form, save_or_notify, submit_change, today_of
from rca.tui.dialogs.form import ConfirmDialog, FieldSpec
from rca.tui.widgets.base import ToolWidget

TARGET_COLOR = "red"
BASELINE_COLOR = "gray"
VALUES_COLOR = "cyan"
MAX_TICKS = 5
"""Most dates written under the chart (more would overlap)."""


def parse_number(text: str, field: str) -> float | None:
    """An optional number typed by a person (empty for none): 12, -3.5, 3,5, 1 200."""
    return parse_value(text, field) if text.strip() else None


def next_indicator_id(case: Case) -> str:
    numbers = [int(i.id.split("-")[1]) for i in case.indicators if re.fullmatch(r"I-\d+", i.id)]
    return f"I-{max(numbers, default=0) + 1}"


def indicator_fields(indicator: Indicator | None) -> list[FieldSpec]:
    def number(value: float | None) -> str:
        return "" if value is None else format_number(value, 6)

    directions = [(d.label, d.value) for d in Direction]
    return [
        FieldSpec("name", _("Name"), indicator.name if indicator else "", help=_("What is measured.")),
        FieldSpec("unit", _("Unit"), indicator.unit if indicator else "", placeholder="ppm, %, min"),
        FieldSpec("target", _("Target"), number(indicator.target) if indicator else "",
                  help=_("The value to reach (empty for none).")),
        FieldSpec("target_date", _("Target date"),
                  input_date(indicator.target_date if indicator else None),
                  placeholder="2026-12-01, 01/12/2026, +90d"),
        FieldSpec("better", _("Better when"), (indicator.better if indicator else Direction.LOWER).value,
                  kind="select", options=directions),
        FieldSpec("baseline", _("Baseline"), number(indicator.baseline) if indicator else "",
                  help=_("The value before the improvement (empty: the first measurement).")),
    ]


def apply_indicator_values(indicator: Indicator, values: dict[str, str], *, today: date) -> Indicator:
    """The indicator form's values onto an indicator (each field checked, named when wrong)."""
    name = values.get("name", "").replace("\x00", "").strip()
    if not name:
        raise InvalidInput(_("name: say what is measured"), field="name")
    indicator.name = name
    indicator.unit = values.get("unit", "").replace("\x00", "").strip()
    indicator.target = parse_number(values.get("target", ""), _("target"))
    indicator.target_date = parse_date(values.get("target_date", ""), _("target date"), today)
    indicator.better = Direction(values.get("better") or Direction.LOWER.value)
    indicator.baseline = parse_number(values.get("baseline", ""), _("baseline"))
    return indicator


def measurement_fields(today: date) -> list[FieldSpec]:
    return [
        FieldSpec("on", _("Date"), input_date(today), placeholder="2026-12-01, 01/12/2026, today"),
        FieldSpec("value", _("Value"), help=_("In the indicator's unit.")),
        FieldSpec("note", _("Note"), help=_("Where it comes from, or what was special (optional).")),
        FieldSpec("phase", _("Phase"), placeholder=_("baseline, improve, control (optional)")),
    ]


def add_measurement(indicator: Indicator, values: dict[str, str], *, today: date) -> Measurement:
    """A measurement from the form's values, kept in date order (an identical one is not added twice)."""
    on_day = parse_date(values.get("on", ""), _("date"), today)
    if on_day is None:
        raise InvalidInput(_("date: say when it was measured (YYYY-MM-DD, DD/MM/YYYY, today)"), field="date")
    if not values.get("value", "").strip():
        raise InvalidInput(_("value: give the measured value, in the indicator's unit"), field="value")
    measurement = Measurement(on=on_day, value=parse_value(values["value"], _("value")),
                              note=clean_note(values.get("note", ""), _("note")),
                              phase=" ".join(values.get("phase", "").split()))
    add_measurements(indicator, [measurement])
    return measurement


def status_cell(indicator: Indicator) -> Text:
    """Whether the latest value meets the target, in words and a mark."""
    latest = indicator.latest()
    if latest is None or indicator.target is None:
        return Text("—", style="dim")
    if indicator.meets_target(latest.value):
        return Text("✓ " + _("on target"), style="green")
    return Text("✗ " + _("off target"), style="bold red")


def value_text(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{format_number(value, 3)} {inert(unit)}".strip()


class IndicatorChart(PlotextPlot):
    """Measurements over time, the target and the baseline as horizontal lines."""

    def show(self, indicator: Indicator | None) -> None:
        plt = self.plt
        plt.clear_figure()
        if indicator is None:
            plt.title(_("No indicator selected"))
            self.refresh()
            return
        plt.title(" ".join(inert(indicator.name).split()) + (f" ({inert(indicator.unit)})" if indicator.unit else ""))
        points = sorted(indicator.measurements, key=lambda m: m.on)
        if not points:
            plt.title(_("{name}: no measurements yet (m adds one)", name=" ".join(inert(indicator.name).split())))
            self.refresh()
            return
        start = points[0].on
        end = max([points[-1].on] + ([indicator.target_date] if indicator.target_date else []))
        xs = [(m.on - start).days for m in points]
        span = [0, max((end - start).days, 1)]
        plt.plot(xs, [m.value for m in points], marker="dot", color=VALUES_COLOR, label=_("measured"))
        if indicator.target is not None:
            plt.plot(span, [indicator.target] * 2, color=TARGET_COLOR, label=_("target"))
        if indicator.baseline is not None:
            plt.plot(span, [indicator.baseline] * 2, color=BASELINE_COLOR, label=_("baseline"))
        ticks = sorted({*xs[:: max(1, len(xs) // MAX_TICKS)], xs[-1]})
        plt.xticks([float(t) for t in ticks], [format_date(start.fromordinal(start.toordinal() + t)) for t in ticks])
        self.refresh()


class IndicatorPanel(ToolWidget):
    """The case's indicators: add and edit them, add measurements, see them against the target."""

    DEFAULT_CSS = """
    IndicatorPanel { height: auto; min-height: 16; }
    IndicatorPanel #ind-main { height: auto; }
    IndicatorPanel #ind-left { width: 1fr; min-width: 36; max-width: 56; height: auto; }
    IndicatorPanel DataTable { height: auto; max-height: 10; min-height: 3; }
    IndicatorPanel #ind-measurements { margin-top: 1; }
    IndicatorPanel .ind-heading { text-style: bold; padding: 0 1; background: $boost; }
    IndicatorPanel IndicatorChart { width: 1fr; height: 18; min-width: 30; }
    """

    BINDINGS = [
        Binding("n", "add_indicator", _("New indicator"), id="indicators.add",
                tooltip=_("Add an indicator: name, unit, target, target date, direction, baseline")),
        Binding("e", "edit_indicator", _("Edit"), id="indicators.edit", tooltip=_("Edit the selected indicator")),
        Binding("m", "add_measurement", _("Measure"), id="indicators.measure",
                tooltip=_("Add a measurement to the selected indicator: date, value, note")),
        Binding("delete", "remove_measurement", _("Delete measurement"), id="indicators.delete_measurement",
                show=False, tooltip=_("Delete the selected measurement (asks first)")),
    ]

    current: reactive[str | None] = reactive(None, init=False)
    """The id of the indicator whose measurements and chart are shown."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="ind-main"):
            with Vertical(id="ind-left"):
                yield Static(_("Indicators"), classes="ind-heading")
                indicators: DataTable[Text] = DataTable(id="ind-table", cursor_type="row")
                indicators.add_column(_("id"), key="id", width=4)
                indicators.add_column(_("name"), key="name", width=16)
                indicators.add_column(_("latest"), key="latest")
                indicators.add_column(_("target"), key="target")
                indicators.add_column(_("status"), key="status")
                yield indicators
                yield Static("", id="ind-measure-heading", classes="ind-heading")
                measurements: DataTable[Text] = DataTable(id="ind-measurements", cursor_type="row")
                measurements.add_column(_("date"), key="on", width=10)
                measurements.add_column(_("value"), key="value")
                measurements.add_column(_("phase"), key="phase")
                measurements.add_column(_("note"), key="note")
                yield measurements
            yield IndicatorChart(id="ind-chart")

    @property
    def today(self) -> date:
        return today_of(self.app)

    def show_case(self, case: Case) -> None:
        table = self.query_one("#ind-table", DataTable)
        table.clear()
        for indicator in case.indicators:
            latest = indicator.latest()
            target = value_text(indicator.target, indicator.unit)
            if indicator.target_date:
                target += " " + _("by {day}", day=format_date(indicator.target_date))
            table.add_row(Text(indicator.id, style="bold"), Text(" ".join(inert(indicator.name).split())),
                          Text(value_text(latest.value if latest else None, indicator.unit)), Text(target),
                          status_cell(indicator), key=indicator.id)
        ids = [i.id for i in case.indicators]
        if self.current not in ids:
            self.set_reactive(IndicatorPanel.current, ids[0] if ids else None)
        if self.current is not None:
            table.move_cursor(row=ids.index(self.current))
        self.show_current(case)

    def indicator(self, case: Case | None = None) -> Indicator | None:
        case = case or self.session.case
        return next((i for i in case.indicators if i.id == self.current), None)

    def show_current(self, case: Case) -> None:
        indicator = self.indicator(case)
        heading = self.query_one("#ind-measure-heading", Static)
        table = self.query_one("#ind-measurements", DataTable)
        table.clear()
        if indicator is None:
            heading.update(_("No indicators yet: n adds one"))
        else:
            heading.update(Text(_("Measurements of {name}", name=" ".join(inert(indicator.name).split()))))
            for index, m in reversed(list(enumerate(indicator.measurements))):
                table.add_row(Text(format_date(m.on)), Text(value_text(m.value, indicator.unit)),
                              Text(inert(m.phase), style="dim"), Text(" ".join(inert(m.note).split())),
                              key=str(index))
        self.query_one(IndicatorChart).show(indicator)

    @on(DataTable.RowHighlighted, "#ind-table")
    def _indicator_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and event.row_key.value != self.current:
            self.current = str(event.row_key.value)

    def watch_current(self) -> None:
        self.show_current(self.session.case)

    def _require(self) -> Indicator | None:
        indicator = self.indicator()
        if indicator is None:
            self.app.notify(_("No indicator yet: n adds one"), timeout=3)
        return indicator

    # ------------------------------------------------------------ editing

    @work(exclusive=True, group="indicators-edit")
    async def action_add_indicator(self) -> None:
        today = self.today
        created: list[str] = []

        def submit(values: dict[str, str]) -> str | None:
            def change(case: Case, _ids: Any) -> None:
                indicator = Indicator(id=next_indicator_id(case), name=values.get("name", "").strip() or "?")
                apply_indicator_values(indicator, values, today=today)
                case.indicators.append(indicator)
                created.append(indicator.id)

            return submit_change(self, change, _("indicator added: {name}", name=values.get("name", "").strip()))

        await self.app.push_screen_wait(Form(_("New indicator"), indicator_fields(None), submit))
        if created:
            self.current = created[-1]
            self.show_case(self.session.case)

    @work(exclusive=True, group="indicators-edit")
    async def action_edit_indicator(self) -> None:
        indicator = self._require()
        if indicator is None:
            return
        today = self.today
        ref = indicator.id

        def submit(values: dict[str, str]) -> str | None:
            return submit_change(self, lambda c, _ids: apply_indicator_values(c.indicator(ref), values, today=today),
                                 _("indicator {id} edited", id=ref))

        await self.app.push_screen_wait(Form(_("Edit {id}", id=ref), indicator_fields(indicator), submit))

    @work(exclusive=True, group="indicators-edit")
    async def action_add_measurement(self) -> None:
        indicator = self._require()
        if indicator is None:
            return
        today = self.today
        ref = indicator.id

        def submit(values: dict[str, str]) -> str | None:
            return submit_change(self, lambda c, _ids: add_measurement(c.indicator(ref), values, today=today),
                                 _("measurement of {id} added", id=ref))

        await self.app.push_screen_wait(Form(_("Measurement of {id}", id=ref), measurement_fields(today),
                                                   submit))

    @work(exclusive=True, group="indicators-edit")
    async def action_remove_measurement(self) -> None:
        indicator = self._require()
        table = self.query_one("#ind-measurements", DataTable)
        if indicator is None or table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is None:
            return
        index = int(key)
        measurement = indicator.measurements[index]
        question = _("Delete the measurement of {day} ({value}) from {id}? ctrl+z undoes it.",
                     day=format_date(measurement.on), value=format_number(measurement.value, 3), id=indicator.id)
        if not await self.app.push_screen_wait(ConfirmDialog(question)):
            return
        ref = indicator.id

        def change(case: Case, _ids: Any) -> None:
            target = case.indicator(ref)
            if measurement not in target.measurements:
                raise RcaError(_("that measurement was changed by someone else meanwhile; nothing was deleted"))
            target.measurements.remove(measurement)

        save_or_notify(self, change, _("measurement of {id} deleted", id=ref))
