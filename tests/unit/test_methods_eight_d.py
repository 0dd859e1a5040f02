"""8D: a complete case passes D0-D8; each discipline's gate fails with its message."""

from __future__ import annotations

from datetime import date, timedelta

from methods import eight_d, registry
from rca import actions, causes
from rca.model import (
    ActionKind,
    ActionStatus,
    Case,
    CausePath,
    Decision,
    Effectiveness,
    IsIsNot,
    Method,
    Role,
    Signoff,
    TeamMember,
)

TODAY = date(2026, 5, 4)
D = timedelta(days=1)


def _done_effective(action, when: date) -> None:
    action.effectiveness.criterion = "Zero defects downstream"
    action.effectiveness.planned = when
    actions.set_status(action, ActionStatus.DONE, today=when - 5 * D)
    actions.record_effectiveness(action, Effectiveness.EFFECTIVE, evidence="Sorting records", today=when)


def bore_case() -> Case:
    """Bore out of tolerance on housing H-220: every discipline complete."""
    case = Case(id="C-1", title="Housing H-220: bore out of tolerance", method=Method.EIGHT_D)
    d0 = case.step("d0").fields
    d0.update(symptom="Customer line stopped: 3 housings do not assemble",
              emergency_response="Shipments stopped, stock quarantined", criteria="Customer requires an 8D",
              decision="Yes, plant manager")
    case.team = [TeamMember(name="Julie Moreau", role=Role.CHAMPION), TeamMember(name="Claire Martin", role=Role.LEADER),
                 TeamMember(name="Marc Dubois"), TeamMember(name="Karim Benali")]
    case.step("d2").fields["requirement"] = "Drawing H-220 rev. C: bore Ø52 H7"
    p = case.problem
    p.what, p.where, p.when = "Bore Ø52 H7 oversize (52.041 mm)", "Lathe L2, customer plant", "Week 12"
    p.who, p.how_detected = "Customer incoming inspection", "Assembly failure at the customer"
    p.how_many, p.why_it_matters = "37 of 1,200 parts", "Customer line stop"
    p.is_is_not = [IsIsNot(dimension="Where", is_="Lathe L2", is_not="Lathe L1")]
    case.step("d3").fields["suspect_scope"] = "Customer 1,200, stock 800"
    sort = actions.add_action(case, "A-1", "Sort bores at customer and in stock", owner="Marc Dubois",
                              due=TODAY - 50 * D, kind=ActionKind.CONTAINMENT, today=TODAY - 60 * D)
    _done_effective(sort, TODAY - 40 * D)
    roots = {}
    for path, text in ((CausePath.OCCURRENCE, "Wear offset not updated after insert change"),
                       (CausePath.NON_DETECTION, "Bore checked 1 in 50 with a caliper"),
                       (CausePath.SYSTEMIC, "PFMEA rated detection without gauge study")):
        cause = causes.add_cause(case, "P", text, path=path)
        causes.verify(case, cause.id, "Reproduced on L2")
        causes.set_root(case, cause.id)
        roots[path] = cause.id
    for n, (path, cause_id) in enumerate(roots.items(), start=2):
        action = actions.add_action(case, f"A-{n}", f"Fix {path.value}", owner="Claire Martin",
                                    deliverable="Probing program live on L2", due=TODAY - 20 * D,
                                    causes=[cause_id], today=TODAY - 45 * D)
        _done_effective(action, TODAY - 2 * D)
    case.step("d6").fields.update(containment_removed="Stopped 30 April after 3 clean lots",
                                  validation="0 defects on 4,200 parts since week 15")
    case.step("d7").fields.update(standards="WI-L2-07 rev. E", fmea="PFMEA rev. F", control_plan="CP-220 rev. D",
                                  similar="L1 and L4", lessons="Presented at quality meeting")
    actions.add_action(case, "A-5", "Roll out probing to L1 and L4", owner="Karim Benali",
                       deliverable="2 lathes converted", due=TODAY + 30 * D, kind=ActionKind.PREVENTIVE, today=TODAY)
    actions.set_status(case.actions[-1], ActionStatus.DONE, today=TODAY)
    case.step("d8").fields.update(recognition="Plant meeting", closure="Customer accepted the report")
    case.step("d8").signoff = Signoff(by="Julie Moreau", on=TODAY)
    return case


def gate(case: Case, key: str):
    return next(g for g in registry.evaluate(case).gates if g.step.key == key)


def blockers(case: Case, key: str) -> str:
    return " | ".join(gate(case, key).blockers)


def test_step_keys_and_tools() -> None:
    steps = registry.get(Method.EIGHT_D).steps
    assert [s.key for s in steps] == [f"d{n}" for n in range(9)]
    assert steps[3].option("kinds") == "containment" and steps[5].option("kinds") == "corrective"


def test_complete_case_passes_every_gate() -> None:
    progress = registry.evaluate(bore_case())
    assert progress.next_step is None, progress.blockers
    assert not any(g.warnings for g in progress.gates), [g.warnings for g in progress.gates]


def test_d0_needs_the_emergency_response_and_a_decision() -> None:
    case = bore_case()
    case.steps["d0"].fields["emergency_response"] = ""
    assert "D0: 'Emergency response' is empty: what was done at once" in blockers(case, "d0")
    case.steps["d0"].fields["decision"] = "No, a 5 Whys is enough"
    assert "the team decided an 8D is not warranted" in blockers(case, "d0")
    case.steps["d0"].fields["decision"] = "maybe"
    assert "answer yes or no" in blockers(case, "d0")


def test_d1_needs_a_champion_and_a_leader_and_advises_three_people() -> None:
    case = bore_case()
    case.team = [TeamMember(name="Claire Martin", role=Role.MEMBER)]
    message = blockers(case, "d1")
    assert "D1: no champion" in message and "D1: no leader" in message
    assert "1 person(s) on the team" in " ".join(gate(case, "d1").warnings)


def test_d2_needs_5w2h_is_is_not_and_a_number() -> None:
    case = bore_case()
    case.problem.who = ""
    case.problem.is_is_not = [IsIsNot(dimension="Where", is_="Lathe L2")]
    case.problem.how_many = "several parts"
    message = blockers(case, "d2")
    assert "D2: the problem statement has no 'Who' yet" in message
    assert "D2: no IS / IS NOT row with both sides filled" in message
    assert "D2: 'How many' says 'several parts': put a number on it" in message


def test_d3_needs_containment_done_and_effective() -> None:
    case = bore_case()
    case.actions = [a for a in case.actions if a.kind is not ActionKind.CONTAINMENT]
    assert "D3: no containment action" in blockers(case, "d3")
    case = bore_case()
    case.actions[0].effectiveness.result = Effectiveness.PENDING
    assert "D3: A-1 'Sort bores at customer and in stock' is done but its effectiveness is not checked yet" in (
        blockers(case, "d3"))
    actions.set_status(case.actions[0], ActionStatus.IN_PROGRESS)
    assert "D3: A-1 'Sort bores at customer and in stock' is in progress, due 2026-03-15" in blockers(case, "d3")


def test_d4_needs_verified_occurrence_and_non_detection_roots() -> None:
    case = bore_case()
    causes.reopen(case, "K-2")
    message = blockers(case, "d4")
    assert "D4: no verified non-detection root cause yet: why did our controls not catch it?" in message
    assert "K-2 'Bore checked 1 in 50 with a caliper' is marked as a root cause but is still a hypothesis" in message
    causes.set_path(case, "K-1", None)
    assert "D4: no verified occurrence root cause yet" in blockers(case, "d4")
    assert "K-1 'Wear offset not updated after insert change' is a root cause without a path" in (
        " ".join(gate(case, "d4").warnings))


def test_d4_systemic_root_is_advice_only() -> None:
    case = bore_case()
    causes.set_root(case, "K-3", False)
    assert gate(case, "d4").passed
    assert "no systemic root cause" in " ".join(gate(case, "d4").warnings)


def test_d5_needs_a_corrective_action_with_a_criterion_on_each_root() -> None:
    case = bore_case()
    case.actions[1].kind = ActionKind.PREVENTIVE
    assert "D5: K-1 'Wear offset not updated after insert change' has no corrective action yet" in (
        blockers(case, "d5"))
    case = bore_case()
    case.actions[2].effectiveness.criterion = ""
    assert "D5: A-3 'Fix non-detection' has no effectiveness criterion" in blockers(case, "d5")


def test_d6_needs_actions_done_effective_and_containment_removed() -> None:
    case = bore_case()
    case.actions[1].effectiveness.result = Effectiveness.NOT_EFFECTIVE
    case.steps["d6"].fields["containment_removed"] = ""
    message = blockers(case, "d6")
    assert "D6: A-2 'Fix occurrence' was not effective" in message
    assert "D6: 'Containment removed' is empty" in message


def test_d7_needs_the_system_updated_and_a_preventive_action() -> None:
    case = bore_case()
    case.steps["d7"].fields["fmea"] = ""
    case.actions = [a for a in case.actions if a.kind is not ActionKind.PREVENTIVE]
    message = blockers(case, "d7")
    assert "D7: 'FMEA updated' is empty" in message
    assert "D7: no preventive action: which similar products, lines or sites get the same fix?" in message


def test_d8_needs_the_champions_signoff() -> None:
    case = bore_case()
    case.steps["d8"].signoff = None
    assert "D8: not signed off yet" in blockers(case, "d8")
    case.steps["d8"].signoff = Signoff(by="Claire Martin", on=TODAY)
    assert "D8: signed by Claire Martin, who is not the champion of the case" in blockers(case, "d8")
    case.steps["d8"].signoff = Signoff(by="julie moreau", on=TODAY, decision=Decision.REVISE, note="add Cpk")
    assert "asked to revise on 2026-05-04 (add Cpk)" in blockers(case, "d8")


def test_d8_warns_about_open_actions() -> None:
    case = bore_case()
    actions.set_status(case.actions[-1], ActionStatus.IN_PROGRESS)
    assert "1 action(s) still open (A-5)" in " ".join(gate(case, "d8").warnings)


def test_module_exposes_its_definition() -> None:
    assert eight_d.EIGHT_D is registry.get("8d")
