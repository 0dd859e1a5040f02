"""A3: a complete sheet passes every gate; each gate fails with its message."""

from __future__ import annotations

from datetime import date, timedelta

from methods import a3, registry
from rca import actions, causes
from rca.model import (
    ActionStatus,
    Case,
    Decision,
    Effectiveness,
    Indicator,
    Measurement,
    Method,
    Signoff,
)

TODAY = date(2026, 10, 6)
D = timedelta(days=1)


def changeover_case() -> Case:
    """Changeover time on press line 3: from 47 to 20 min, reached."""
    case = Case(id="C-2", title="Changeover time on press line 3", method=Method.A3)
    case.step("theme").fields.update(theme="Changeover time on press line 3", owner="Sophie Laurent",
                                     mentor="Julie Moreau", date="2026-05-04", revision="rev. 2")
    case.step("background").fields["background"] = "11 h of capacity lost per week"
    case.step("current").fields["current_condition"] = "47 min on average over 5 filmed changeovers"
    case.step("target").fields["target"] = "Changeover from 47 to 20 min by week 40"
    case.indicators.append(Indicator(
        id="I-1", name="Changeover time", unit="min", target=20, target_date=TODAY, baseline=47,
        measurements=[Measurement(on=TODAY - 150 * D, value=47, phase="baseline"),
                      Measurement(on=TODAY - 7 * D, value=19.5)]))
    cart = causes.add_cause(case, "P", "Dies fetched after the press stops: no die cart")
    causes.verify(case, cart.id, "12 of 47 min fetching dies, 5 filmed changeovers")
    causes.set_root(case, cart.id)
    action = actions.add_action(case, "A-1", "Die cart at the line", owner="Marc Dubois",
                                deliverable="1 cart in use at press line 3", due=TODAY - 100 * D,
                                causes=[cart.id], today=TODAY - 140 * D)
    action.effectiveness.criterion = "Fetching under 2 min"
    actions.set_status(action, ActionStatus.DONE, today=TODAY - 101 * D)
    actions.record_effectiveness(action, Effectiveness.EFFECTIVE, evidence="Time study", today=TODAY - 30 * D)
    case.step("followup").fields["followup"] = "19.5 min over the last 4 weeks"
    case.step("approval").signoff = Signoff(by="Julie Moreau", on=TODAY)
    return case


def gate(case: Case, key: str):
    return next(g for g in registry.evaluate(case).gates if g.step.key == key)


def blockers(case: Case, key: str) -> str:
    return " | ".join(gate(case, key).blockers)


def test_step_keys() -> None:
    assert [s.key for s in registry.get(Method.A3).steps] == [
        "theme", "background", "current", "target", "analysis", "countermeasures", "plan", "followup", "approval"]
    assert [f.key for f in a3.THEME_FIELDS] == ["theme", "owner", "mentor", "date", "revision"]


def test_complete_case_passes_every_gate() -> None:
    progress = registry.evaluate(changeover_case())
    assert progress.next_step is None, progress.blockers
    assert not any(g.warnings for g in progress.gates), [g.warnings for g in progress.gates]


def test_theme_needs_owner_mentor_and_a_real_date() -> None:
    case = changeover_case()
    case.steps["theme"].fields.update(mentor="", date="next week")
    message = blockers(case, "theme")
    assert "Theme: 'Mentor / approver' is empty" in message
    assert "Theme: Date: 'next week' is not a date" in message


def test_background_is_required() -> None:
    case = changeover_case()
    del case.steps["background"]
    assert "Background: 'Background' is empty: why this matters now" in blockers(case, "background")


def test_current_condition_needs_an_indicator_with_a_baseline() -> None:
    case = changeover_case()
    case.indicators.clear()
    assert "Current condition: no indicator yet" in blockers(case, "current")
    case.indicators.append(Indicator(id="I-1", name="Changeover time", unit="min"))
    assert "Current condition: no baseline" in blockers(case, "current")


def test_target_must_be_smart_and_on_an_indicator() -> None:
    case = changeover_case()
    case.steps["target"].fields["target"] = "Reduce changeover time significantly"
    case.indicators[0].target_date = None
    message = blockers(case, "target")
    assert "Target: 'Target' is not SMART yet: no measurable target" in message
    assert "Target: 'Target' is not SMART yet: no date" in message
    assert "Target: no indicator has a target and a target date" in message


def test_analysis_needs_a_verified_root_cause() -> None:
    case = changeover_case()
    causes.reopen(case, "K-1")
    assert "Analysis: no verified root cause yet" in blockers(case, "analysis")


def test_countermeasures_cover_each_root_cause() -> None:
    case = changeover_case()
    clamps = causes.add_cause(case, "P", "Clamps are not standard across dies")
    causes.verify(case, clamps.id, "4 clamp sizes on 6 dies")
    causes.set_root(case, clamps.id)
    assert "Countermeasures: K-2 'Clamps are not standard across dies' has no action yet" in blockers(
        case, "countermeasures")


def test_plan_needs_owner_deliverable_and_due_date_and_advises_measurable_deliverables() -> None:
    case = changeover_case()
    action = actions.add_action(case, "A-2", "Standardise clamps", owner="", deliverable="SMED standard",
                                today=TODAY)
    assert "Plan: A-2 'Standardise clamps' has no owner, no due date" in blockers(case, "plan")
    assert "A-2: how will you know 'SMED standard' is delivered?" in " ".join(gate(case, "plan").warnings)
    action.deliverable = "Quick clamps on 6 dies"
    assert not gate(case, "plan").warnings


def test_followup_compares_results_with_the_target() -> None:
    case = changeover_case()
    case.indicators[0].measurements.append(Measurement(on=TODAY, value=26))
    assert "Follow-up: Changeover time is at 26 min, the target is 20 min" in blockers(case, "followup")
    case.indicators[0].measurements.clear()
    assert "Changeover time: no result measured yet" in blockers(case, "followup")


def test_followup_needs_effective_actions() -> None:
    case = changeover_case()
    case.actions[0].effectiveness.result = Effectiveness.PENDING
    assert "Follow-up: A-1 'Die cart at the line' is done but its effectiveness is not checked yet" in blockers(
        case, "followup")


def test_approval_needs_a_proceed_signoff_and_advises_the_mentor() -> None:
    case = changeover_case()
    case.steps["approval"].signoff = None
    assert "Approval: not signed off yet: the mentor reviews it" in blockers(case, "approval")
    case.steps["approval"].signoff = Signoff(by="Karim Benali", on=TODAY, decision=Decision.REVISE,
                                             note="show the next turn")
    assert "Karim Benali asked to revise on 2026-10-06 (show the next turn)" in blockers(case, "approval")
    assert "the mentor named on the sheet is Julie Moreau" in " ".join(gate(case, "approval").warnings)
