"""The SMART check: a measurable target and a date, in English and French."""

from __future__ import annotations

import pytest

from methods.smart import has_date, numbers, smart_problems


@pytest.mark.parametrize("text", [
    "Changeover on press line 3 from 47 to 20 min by 2026-09-30",
    "Scrap below 2 % by week 40",
    "Zero customer returns for 3 months",
    "Reduce scrap by 30 % by Q3",
    "Réduire le rebut de 4,2 % à 2 % d'ici fin juin",
    "Moins de 500 ppm en S24",
    "Downtime under 2 h a month by 30/09/2026",
    "Halve the defects by end of year",
    "Cpk ≥ 1.67 by 15 March 2027",
    "Délai de réponse < 48 h d'ici 2027",
])
def test_smart_targets_pass(text: str) -> None:
    assert smart_problems(text) == []


def test_vague_goal_gets_both_messages() -> None:
    problems = smart_problems("Improve quality on the line")
    assert len(problems) == 2
    assert problems[0].startswith("no measurable target: say how much")
    assert problems[1].startswith("no date: say by when")


@pytest.mark.parametrize(("text", "missing"), [
    ("Reduce scrap by 50 %", "no date"),
    ("we may reduce scrap by 30 %", "no date"),  # 'may' the verb is not a month
    ("Done by 2026-06-30", "no measurable target"),  # a date alone is not a target
    ("Improve press line 3 by Q3", "no measurable target"),  # numbers that name things are not targets
    ("Fix FL-02 and C2 by week 12", "no measurable target"),
])
def test_half_smart_goals_get_one_message(text: str, missing: str) -> None:
    problems = smart_problems(text)
    assert len(problems) == 1 and problems[0].startswith(missing)


def test_the_date_can_be_recorded_elsewhere() -> None:
    assert smart_problems("Quick clamps on 6 dies", need_date=False) == []
    assert smart_problems("SMED standard", need_date=False)[0].startswith("no measurable target")


def test_numbers_leave_dates_out_and_has_date() -> None:
    assert numbers("Scrap from 4.2 % to 2 % by 2026-09-30") == ["4.2", "2"]
    assert has_date("by mid-March") and has_date("T3 2026") and not has_date("press line 3")
