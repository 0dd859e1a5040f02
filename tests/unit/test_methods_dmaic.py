"""DMAIC: a complete project passes every tollgate; each phase fails with its message."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from methods import dmaic, registry
from rca import actions, causes
from rca.model import (
    ActionKind,
    ActionStatus,
    Case,
    Decision,
    Indicator,
    Measurement,
    Method,
    Role,
    Signoff,
    TeamMember,
)

TODAY = date(2026, 9, 30)
D = timedelta(days=1)
PHASES = ["define", "measure", "analyze", "improve", "control"]


def paint_case() -> Case:
    """Paint line scrap from 4.2 % to 2 %: five phases done, each tollgate signed."""
    case = Case(id="C-3", title="Paint line scrap rate", method=Method.DMAIC)
    case.team = [TeamMember(name="Julie Moreau", role=Role.CHAMPION),
                 TeamMember(name="Claire Martin", role=Role.LEADER), TeamMember(name="Marc Dubois")]
    for phase, fields in zip(PHASES, (dmaic.DEFINE_FIELDS, dmaic.MEASURE_FIELDS, dmaic.ANALYZE_FIELDS,
                                      dmaic.IMPROVE_FIELDS, dmaic.CONTROL_FIELDS), strict=True):
        for field in fields:
            case.step(phase).fields[field.key] = f"{field.key} for the paint line"
        case.step(phase).signoff = Signoff(by="Julie Moreau", on=TODAY)
    case.step("define").fields["goal"] = "Scrap from 4.2 % to 2 % by end of Q3"
    case.indicators.append(Indicator(
        id="I-1", name="Scrap rate", unit="%", target=2.0, target_date=TODAY, baseline=4.2,
        measurements=[Measurement(on=TODAY - 120 * D, value=4.2, phase="baseline"),
                      Measurement(on=TODAY - 3 * D, value=1.8, phase="control")]))
    humidity = causes.add_cause(case, "P", "Humid compressed air in oven zone 2 causes craters")
    causes.verify(case, humidity.id, "Regression R² 0.71; trial with dryer: craters -80 %")
    causes.set_root(case, humidity.id)
    dryer = actions.add_action(case, "A-1", "Install a dryer on the zone-2 blower", owner="Marc Dubois",
                               deliverable="Dryer running with alarm", due=TODAY - 40 * D,
                               kind=ActionKind.IMPROVEMENT, causes=[humidity.id], today=TODAY - 60 * D)
    actions.set_status(dryer, ActionStatus.DONE, today=TODAY - 45 * D)
    return case


def gate(case: Case, key: str):
    return next(g for g in registry.evaluate(case).gates if g.step.key == key)


def blockers(case: Case, key: str) -> str:
    return " | ".join(gate(case, key).blockers)


def test_step_keys() -> None:
    assert [s.key for s in registry.get(Method.DMAIC).steps] == PHASES


def test_complete_project_passes_every_gate() -> None:
    progress = registry.evaluate(paint_case())
    assert progress.next_step is None, progress.blockers
    assert not any(g.warnings for g in progress.gates), [g.warnings for g in progress.gates]


@pytest.mark.parametrize("phase", PHASES)
def test_each_phase_needs_its_tollgate_signed_proceed(phase: str) -> None:
    case = paint_case()
    case.steps[phase].signoff = None
    title = phase.capitalize()
    assert f"{title}: not signed off yet: the champion reviews it" in blockers(case, phase)
    case.steps[phase].signoff = Signoff(by="Julie Moreau", on=TODAY, decision=Decision.REVISE, note="more data")
    assert f"{title}: Julie Moreau asked to revise on 2026-09-30 (more data)" in blockers(case, phase)


def test_define_needs_the_charter_and_a_smart_goal_with_baseline_and_target() -> None:
    case = paint_case()
    case.steps["define"].fields.update(scope_out="", ctq="")
    case.steps["define"].fields["goal"] = "Scrap down to 2 % by Q3"
    message = blockers(case, "define")
    assert "Define: 'Out of scope' is empty" in message and "Define: 'CTQs' is empty" in message
    assert "Define: the goal gives one number: state the baseline and the target" in message
    case.steps["define"].fields["goal"] = "Reduce scrap"
    assert "Define: 'Goal' is not SMART yet: no measurable target" in blockers(case, "define")


def test_define_needs_a_champion_and_a_leader() -> None:
    case = paint_case()
    case.team = [TeamMember(name="Claire Martin")]
    assert "Define: no champion" in blockers(case, "define")


def test_measure_needs_the_operational_definition_and_a_baseline() -> None:
    case = paint_case()
    case.steps["measure"].fields["operational_definition"] = ""
    case.indicators = [Indicator(id="I-1", name="Scrap rate", unit="%")]
    message = blockers(case, "measure")
    assert "Measure: 'Operational definition' is empty" in message
    assert "Measure: no baseline" in message


def test_analyze_needs_root_causes_verified_with_data() -> None:
    case = paint_case()
    causes.reopen(case, "K-1")
    assert "Analyze: no root cause verified with data yet" in blockers(case, "analyze")


def test_improve_needs_an_action_on_each_root_cause_and_a_pilot() -> None:
    case = paint_case()
    case.actions.clear()
    case.steps["improve"].fields["pilot"] = ""
    message = blockers(case, "improve")
    assert "Improve: 'Pilot' is empty" in message
    assert "Improve: K-1 'Humid compressed air in oven zone 2 causes craters' has no action yet" in message


def test_control_needs_the_hand_off_and_solutions_in_place() -> None:
    case = paint_case()
    case.steps["control"].fields["handoff"] = ""
    actions.set_status(case.actions[0], ActionStatus.IN_PROGRESS)
    message = blockers(case, "control")
    assert "Control: 'Hand-off to the process owner' is empty" in message
    assert "Control: A-1 'Install a dryer on the zone-2 blower' is in progress" in message


def test_control_warns_when_the_y_is_short_of_target() -> None:
    case = paint_case()
    case.indicators[0].measurements.append(Measurement(on=TODAY, value=2.6))
    assert "Scrap rate is at 2.6 %, short of the target (2 %)" in " ".join(gate(case, "control").warnings)
