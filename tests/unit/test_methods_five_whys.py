"""5 Whys: a complete case passes every gate; each gate fails with a specific message; warnings; read-back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from methods import five_whys, registry
from rca import actions, causes
from rca.model import (
    ActionKind,
    ActionStatus,
    Case,
    CausePath,
    CauseStatus,
    Effectiveness,
    Evidence,
    Method,
)

TODAY = date(2026, 5, 4)


def conveyor_case() -> Case:
    """Conveyor C2 stops because fuse F3 blows: one chain down to a verified root cause, one action."""
    case = Case(id="C-1", title="Conveyor C2 stops: fuse F3 blows", method=Method.FIVE_WHYS)
    case.problem.what = "Conveyor C2 stopped 3 times on night shift, fuse F3 blew each time"
    case.problem.where = "Packing line 1, conveyor C2"
    case.problem.when = "Night shift of 12 March"
    case.problem.how_many = "3 stops, 95 min downtime"
    current = causes.add_cause(case, "P", "The motor drew twice its rated current").id
    for text in ("The drive roller bearing had seized", "The bearing was not greased for 8 months",
                 "C2 is not on the lubrication route since it was moved in January"):
        current = causes.add_cause(case, current, text).id
    root = causes.add_cause(case, current, "Moving equipment does not trigger an update of the maintenance plan")
    causes.set_root(case, root.id)
    causes.verify(case, root.id, Evidence(text="Plan rev. 12 has no route for C2; bearing dry at teardown",
                                          on=TODAY - timedelta(days=60)))
    action = actions.add_action(case, "A-1", "Add 'update maintenance routes' to the move checklist",
                                owner="Karim Benali", deliverable="Checklist MOV-02 rev. C published",
                                due=TODAY - timedelta(days=40), causes=[root.id], today=TODAY - timedelta(days=55))
    action.effectiveness.criterion = "No C2 stop on F3 for 8 weeks"
    action.effectiveness.planned = TODAY - timedelta(days=1)
    actions.set_status(action, ActionStatus.DONE, today=TODAY - timedelta(days=45))
    actions.record_effectiveness(action, Effectiveness.EFFECTIVE, evidence="Downtime log: 0 stops on F3",
                                 today=TODAY - timedelta(days=1))
    case.step("check").fields["result"] = "No stop of C2 on F3 in 8 weeks"
    return case


def gate(case: Case, key: str):
    return next(g for g in registry.evaluate(case).gates if g.step.key == key)


def blockers(case: Case, key: str) -> str:
    return " | ".join(gate(case, key).blockers)


def warnings(case: Case, key: str) -> str:
    return " | ".join(gate(case, key).warnings)


def test_step_keys_and_tools() -> None:
    definition = registry.get(Method.FIVE_WHYS)
    assert [s.key for s in definition.steps] == ["define", "whys", "verify", "act", "check"]
    assert definition.step("check").option("focus") == "effectiveness"


def test_complete_case_passes_every_gate() -> None:
    progress = registry.evaluate(conveyor_case())
    assert progress.next_step is None, progress.blockers
    assert progress.share == 1.0
    assert not any(g.warnings for g in progress.gates)


def test_define_needs_where_and_when() -> None:
    case = conveyor_case()
    case.problem.where = ""
    assert "Define: the problem statement has no 'Where' yet" in blockers(case, "define")


def test_define_warns_when_not_quantified() -> None:
    case = conveyor_case()
    case.problem.how_many = "several"
    assert gate(case, "define").passed
    assert "put a number on it" in warnings(case, "define")


def test_whys_needs_a_cause_and_a_root() -> None:
    empty = Case(id="C-2", title="Leak on press 4", method=Method.FIVE_WHYS)
    assert "no cause yet" in blockers(empty, "whys")
    causes.add_cause(empty, "P", "Seal worn")
    assert "no root cause marked" in blockers(empty, "whys")


def test_whys_open_chain_blocks() -> None:
    case = conveyor_case()
    side = causes.add_cause(case, "P", "Fuse rating too low for the motor")
    assert f"Whys: {side.id} 'Fuse rating too low for the motor' ends a chain without a root cause" in blockers(
        case, "whys")
    causes.reject(case, side.id, "Rating checked against the drawing: 16 A, correct")
    assert gate(case, "whys").passed


@pytest.mark.parametrize("text", ["Operator error", "The operator forgot to grease it",
                                  "L'opérateur n'a pas vérifié le niveau", "Oubli du graissage",
                                  "The technician did not follow the route"])
def test_whys_warns_when_a_chain_stops_at_a_person(text: str) -> None:
    case = conveyor_case()
    leaf = causes.add_cause(case, "K-2", text)
    causes.set_root(case, leaf.id)
    assert "stops at a person" in warnings(case, "whys")


def test_whys_does_not_blame_a_system_cause_that_mentions_an_operator() -> None:
    assert not five_whys.blames_a_person("The operator has no torque wrench at the station")
    assert five_whys.blames_a_person("Human error during set-up")


def test_whys_warns_outside_control() -> None:
    case = conveyor_case()
    worded = causes.add_cause(case, "K-2", "Supplier delivered bearings without grease")
    causes.set_root(case, worded.id)
    assert f"{worded.id} 'Supplier delivered bearings without grease' stops at something outside your control" \
        in warnings(case, "whys")
    marked = causes.add_cause(case, "K-1", "Heat in the workshop")
    causes.set_root(case, marked.id)
    causes.set_outside_control(case, marked.id)
    assert marked.id in warnings(case, "whys")


def test_whys_warns_past_seven_levels_without_root() -> None:
    case = conveyor_case()
    current = "P"
    for level in range(8):
        current = causes.add_cause(case, current, f"Level {level + 1}").id
    message = warnings(case, "whys")
    assert f"{current} 'Level 8' is 8 whys deep without a root cause" in message
    assert not gate(case, "whys").passed  # the open chain still blocks


def test_verify_needs_verified_roots_with_evidence() -> None:
    case = conveyor_case()
    causes.reopen(case, "K-5")
    message = blockers(case, "verify")
    assert "Verify: no verified root cause yet" in message
    assert "K-5 'Moving equipment does not trigger an update of the maintenance plan' is marked as a root " \
           "cause but is still a hypothesis: verify it with facts, or unmark it" in message


def test_verify_refuses_a_root_under_a_rejected_cause() -> None:
    case = conveyor_case()
    causes.reject(case, "K-3", "Grease log shows greasing in February")
    assert "hangs under K-3 'The bearing was not greased for 8 months', which was rejected" in blockers(
        case, "verify")


def test_verify_refuses_a_rejection_without_evidence() -> None:
    case = conveyor_case()
    side = causes.add_cause(case, "P", "Voltage spikes on the network")
    side.status = CauseStatus.REJECTED
    assert "was rejected without evidence" in blockers(case, "verify")


def test_act_needs_an_action_on_each_root_cause() -> None:
    case = conveyor_case()
    case.actions.clear()
    assert "Act: K-5 'Moving equipment does not trigger an update of the maintenance plan' has no action " \
           "yet" in blockers(case, "act")


def test_act_needs_owner_deliverable_and_due_date() -> None:
    case = conveyor_case()
    case.actions[0].owner = ""
    case.actions[0].due = None
    assert "A-1 'Add 'update maintenance routes' to the move checklist' has no owner, no due date: every " \
           "action needs an owner, a deliverable and a due date" in blockers(case, "act")


def test_check_needs_done_and_effective_actions() -> None:
    case = conveyor_case()
    action = case.actions[0]
    action.effectiveness.result = Effectiveness.PENDING
    assert "effectiveness is not checked yet (planned 2026-05-03)" in blockers(case, "check")
    action.effectiveness.result = Effectiveness.NOT_EFFECTIVE
    assert "was not effective: the cause or the action was wrong" in blockers(case, "check")
    actions.set_status(action, ActionStatus.IN_PROGRESS)
    assert "is in progress, due 2026-03-25" in blockers(case, "check")


def test_check_ignores_containment_but_needs_a_permanent_action() -> None:
    case = conveyor_case()
    for action in case.actions:
        action.kind = ActionKind.CONTAINMENT
    assert "no corrective action to check" in blockers(case, "check")


def test_check_needs_the_result_written() -> None:
    case = conveyor_case()
    case.steps["check"].fields["result"] = " "
    assert "Check: 'Result since the actions' is empty" in blockers(case, "check")


def test_read_back_reads_the_chain_with_therefore() -> None:
    case = conveyor_case()
    lines = five_whys.read_back(case, "K-5")
    assert lines[0] == "Moving equipment does not trigger an update of the maintenance plan"
    assert lines[1] == "therefore C2 is not on the lubrication route since it was moved in January"
    assert lines[-1] == "therefore conveyor C2 stopped 3 times on night shift, fuse F3 blew each time"
    assert len(lines) == 6
    text = five_whys.read_back_text(case, "K-3")
    assert text == ("The bearing was not greased for 8 months, therefore the drive roller bearing had seized, "
                    "therefore the motor drew twice its rated current, therefore conveyor C2 stopped 3 times on "
                    "night shift, fuse F3 blew each time.")


def test_read_back_skips_fishbone_bones_and_keeps_acronyms() -> None:
    case = Case(id="C-3", title="Bore oversize", method=Method.FIVE_WHYS)
    bone = causes.add_category(case, "Machine")
    cause = causes.add_cause(case, bone.id, "PM plan does not cover the spindle.")
    assert five_whys.read_back(case, cause.id) == ["PM plan does not cover the spindle", "therefore bore oversize"]


def test_three_legs_report_roots_and_countermeasures() -> None:
    case = conveyor_case()
    causes.set_path(case, "K-5", CausePath.OCCURRENCE)
    escape = causes.add_cause(case, "P", "Current monitoring does not alarm before the fuse blows",
                              path=CausePath.NON_DETECTION)
    causes.set_root(case, escape.id)
    legs = {leg.path: leg for leg in five_whys.three_legs(case)}
    assert legs[CausePath.OCCURRENCE].ends_in_root and legs[CausePath.OCCURRENCE].has_countermeasure
    assert legs[CausePath.NON_DETECTION].ends_in_root and not legs[CausePath.NON_DETECTION].has_countermeasure
    assert not legs[CausePath.SYSTEMIC].causes
    advice = warnings(case, "act")
    assert "the non-detection leg has a root cause but no countermeasure" in advice
    assert "the systemic leg is empty" in advice
