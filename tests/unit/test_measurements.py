"""Indicator measurements: typed values (decimal commas), CSV imports that are all or nothing, and the
effectiveness result an indicator proposes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rca.errors import ImportInvalid, InvalidInput
from rca.measurements import add_measurements, make_measurement, parse_csv, parse_value, proposed_result
from rca.model import Action, Case, Effectiveness, Indicator, Measurement

TODAY = date(2026, 11, 26)


def test_values_as_people_type_them() -> None:
    assert parse_value("2,5") == 2.5
    assert parse_value(" 2.5 ") == 2.5
    assert parse_value("-3") == -3
    assert parse_value("1 250,75") == 1250.75
    assert parse_value("1\u00a0250") == 1250
    assert parse_value(",5") == 0.5
    for bad, message in [("abc", "is not a number"), ("1,2.5", "mixes a decimal comma and a decimal point"),
                         ("", "is not a number"), ("2,5,1", "is not a number"), ("nan", "is not a number"),
                         ("1e999", "too large")]:
        with pytest.raises(InvalidInput, match=message):
            parse_value(bad)


def test_one_measurement_defaults_to_today() -> None:
    m = make_measurement("2,5", note="  night   shift ", today=TODAY)
    assert (m.on, m.value, m.note) == (TODAY, 2.5, "night shift")
    assert make_measurement("1", on="20/11/2026", today=TODAY).on == date(2026, 11, 20)
    with pytest.raises(InvalidInput, match="--date: 'yesterday-ish' is not a date"):
        make_measurement("1", on="yesterday-ish", today=TODAY)
    with pytest.raises(InvalidInput, match="--date: 2026-12-03 is in the future"):
        make_measurement("1", on="+7d", today=TODAY)


def test_csv_with_semicolons_decimal_commas_and_a_header() -> None:
    text = "date;valeur;note\n2026-11-01;2,5;avant\n\n02/11/2026;1,75;\n2026-11-03;3;\"a; b\"\n"
    rows = parse_csv(text, "m.csv", today=TODAY)
    assert [(m.on.day, m.value, m.note) for m in rows] == [(1, 2.5, "avant"), (2, 1.75, ""), (3, 3.0, "a; b")]


def test_csv_with_commas_and_no_header() -> None:
    rows = parse_csv('2026-11-01,2.5\n2026-11-02,"3,5",a note\n', "m.csv", today=TODAY)
    assert [(m.value, m.note) for m in rows] == [(2.5, ""), (3.5, "a note")]


def test_every_bad_row_and_column_is_named_and_nothing_is_returned() -> None:
    text = ("date,value,note\n"
            "2026-11-01,2.5,ok\n"
            "2026-13-01,2.5,bad date\n"         # row 3
            "2026-11-03,abc,bad value\n"        # row 4
            "2026-11-04,,empty value\n"         # row 5
            "2026-11-05\n"                      # row 6
            ",1,empty date\n"                  # row 7
            "2027-01-01,1,future\n")            # row 8
    with pytest.raises(ImportInvalid) as caught:
        parse_csv(text, "m.csv", today=TODAY)
    problems = caught.value.problems
    assert problems == [
        "row 3, column date: '2026-13-01' is not a date; use YYYY-MM-DD, DD/MM/YYYY, or +7d / 2w from today",
        "row 4, column value: 'abc' is not a number; write it like 2.5 or 2,5",
        "row 5, column value: is empty",
        "row 6: a value is missing; expected date,value[,note]",
        "row 7, column date: is empty",
        "row 8, column date: 2027-01-01 is in the future; a measurement records what was measured",
    ]
    assert str(caught.value).startswith("m.csv: row 3, column date")
    assert str(caught.value).endswith("Nothing was imported.")
    with pytest.raises(ImportInvalid, match="row 1: 4 columns"):
        parse_csv("2026-11-01,2,5,x\n", "m.csv", today=TODAY)
    with pytest.raises(ImportInvalid, match="no rows"):
        parse_csv("\n\n", "m.csv", today=TODAY)


def test_adding_keeps_the_list_in_date_order_and_skips_exact_repeats() -> None:
    indicator = Indicator(id="I-1", name="Returns", measurements=[{"on": date(2026, 11, 5), "value": 4}])
    new = [Measurement(on=date(2026, 11, 1), value=6), Measurement(on=date(2026, 11, 5), value=4),
           Measurement(on=date(2026, 11, 9), value=2)]
    assert add_measurements(indicator, new) == (2, 1)
    assert [m.value for m in indicator.measurements] == [6, 4, 2]
    assert add_measurements(indicator, new) == (0, 3)


# ---------------------------------------------------------------- the CLI, on a real workspace


def _case_with_indicator(workspace) -> str:  # type: ignore[no-untyped-def]
    def build(case: Case, _ids: object) -> None:
        case.indicators.append(Indicator(id="I-1", name="Customer returns", unit="ppm", target=50))

    return workspace.create_case(title="Returns", method="a3", build=build).id  # type: ignore[no-any-return]


def test_rca_measure_imports_all_rows_or_none(workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from rca.cli import main

    case_id = _case_with_indicator(workspace)
    ws = ["--workspace", str(workspace.path)]
    bad = tmp_path / "bad.csv"
    bad.write_text("date;value\n2026-11-01;120,5\n2026-11-02;lots\n2026-11-31;80\n", encoding="utf-8")
    assert main([*ws, "measure", case_id, "customer returns", "--import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "row 3, column value: 'lots' is not a number" in err and "row 4, column date" in err
    assert "Nothing was imported." in err
    assert workspace.get_case(case_id).indicator("I-1").measurements == []

    good = tmp_path / "good.csv"
    good.write_text("date;value;note\n2026-11-01;120,5;before\n2026-11-08;80;\n", encoding="cp1252")
    assert main([*ws, "measure", case_id, "I-1", "--import", str(good)]) == 0
    assert "2 measurements imported, 0 already there" in capsys.readouterr().out
    assert [m.value for m in workspace.get_case(case_id).indicator("I-1").measurements] == [120.5, 80]
    assert main([*ws, "measure", case_id, "I-1", "--import", str(good)]) == 0
    assert "0 measurements imported, 2 already there" in capsys.readouterr().out

    assert main([*ws, "measure", case_id, "I-1", "45,5", "--date", "2026-11-15", "--note", "after"]) == 0
    assert "45.5 ppm 2026-11-15" in capsys.readouterr().out
    assert [m.value for m in workspace.get_case(case_id).indicator("I-1").measurements] == [120.5, 80, 45.5]


def test_rca_measure_says_what_is_wrong(workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from rca.cli import main

    case_id = _case_with_indicator(workspace)
    ws = ["--workspace", str(workspace.path)]
    cases = [
        (["measure", case_id, "Scrap", "1"], "no indicator 'Scrap'; the case has: I-1 (Customer returns)"),
        (["measure", case_id, "I-1", "two"], "VALUE: 'two' is not a number"),
        (["measure", case_id, "I-1"], "give either a VALUE or --import FILE.csv"),
        (["measure", case_id, "I-1", "--import", str(tmp_path / "missing.csv")], "does not exist"),
    ]
    for args, message in cases:
        assert main([*ws, *args]) == 1
        assert message in capsys.readouterr().err


# ---------------------------------------------------------------- what the indicator proposes


def case_and_action(*, measurements: list[tuple[date, float]], planned: date | None = date(2026, 11, 20),
                    status: str = "done", done_on: date | None = date(2026, 11, 1), result: str = "pending",
                    target: float | None = 10, better: str = "lower",
                    target_date: date | None = None) -> tuple[Case, Action]:
    action = Action(id="A-7", title="Poka-yoke", status=status, done_on=done_on,  # type: ignore[arg-type]
                    effectiveness={"planned": planned, "indicator": "I-1", "result": result,
                                   "evidence": "seen" if result != "pending" else ""})
    indicator = Indicator(id="I-1", name="Defects", target=target, better=better,  # type: ignore[arg-type]
                          target_date=target_date, measurements=[{"on": on, "value": v} for on, v in measurements])
    return Case(id="C-1", title="t", method="a3", actions=[action], indicators=[indicator]), action


def d(month: int, day: int) -> date:
    return date(2026, month, day)


@pytest.mark.parametrize(
    ("measurements", "today", "expected"),
    [
        ([(d(11, 10), 8)], TODAY, Effectiveness.EFFECTIVE),                    # met before the planned date
        ([(d(11, 10), 8)], d(11, 12), Effectiveness.EFFECTIVE),                # met already, check still ahead
        ([(d(11, 10), 12)], d(11, 12), None),                                  # not met yet, time left
        ([(d(11, 10), 12)], TODAY, Effectiveness.NOT_EFFECTIVE),               # planned date passed, not met
        ([(d(11, 5), 8), (d(11, 15), 12)], TODAY, Effectiveness.NOT_EFFECTIVE),  # relapse: the latest counts
        ([(d(11, 5), 12), (d(11, 20), 10)], TODAY, Effectiveness.EFFECTIVE),    # met on the planned date itself
        ([(d(11, 10), 12), (d(11, 22), 5)], TODAY, Effectiveness.NOT_EFFECTIVE),  # met only after the date
        ([(d(10, 20), 5)], TODAY, None),                                       # only before the action was done
        ([], TODAY, None),                                                     # nothing measured
        ([(d(11, 10), 8)], d(11, 9), None),                                    # measured after "today": ignored
    ],
)
def test_proposed_result(measurements: list[tuple[date, float]], today: date,
                         expected: Effectiveness | None) -> None:
    case, action = case_and_action(measurements=measurements)
    assert proposed_result(case, action, today) is expected


def test_no_proposal_without_what_it_needs() -> None:
    met = [(d(11, 10), 8.0)]
    assert proposed_result(*case_and_action(measurements=met, status="in progress", done_on=None), TODAY) is None
    assert proposed_result(*case_and_action(measurements=met, result="effective"), TODAY) is None
    assert proposed_result(*case_and_action(measurements=met, target=None), TODAY) is None
    assert proposed_result(*case_and_action(measurements=met, planned=None), TODAY) is None
    case, action = case_and_action(measurements=met)
    action.effectiveness.indicator = "I-9"
    assert proposed_result(case, action, TODAY) is None


def test_the_indicator_target_date_and_direction() -> None:
    case, action = case_and_action(measurements=[(d(11, 10), 95)], planned=None, target_date=d(11, 15),
                                   target=90, better="higher")
    assert proposed_result(case, action, TODAY) is Effectiveness.EFFECTIVE
    case, action = case_and_action(measurements=[(d(11, 10), 85)], planned=None, target_date=d(11, 15),
                                   target=90, better="higher")
    assert proposed_result(case, action, TODAY) is Effectiveness.NOT_EFFECTIVE
