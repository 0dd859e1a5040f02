"""Ishikawa: category sets, a complete case, each gate failing with its message, dot-voting ranks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from methods import ishikawa, registry
from rca import actions, causes
from rca.errors import NotFound
from rca.model import Case, CauseStatus, Method

TODAY = date(2026, 5, 4)
VOTERS = ("Marc Dubois", "Julie Moreau", "Karim Benali")


def forklift_case() -> Case:
    """A forklift near-miss in shipping, analysed with 6M, voted on by three people."""
    case = Case(id="C-5", title="Forklift near-miss at dock 4", method=Method.ISHIKAWA)
    case.problem.what = "Forklift FL-02 reversing passed 1 m from a picker crossing on foot"
    case.problem.where = "Shipping, dock 4, end of aisle C"
    case.problem.when = "3 March, 14:20"
    ishikawa.apply_category_set(case, "6M")
    bone = {c.key: c.id for c in causes.categories(case)}
    texts = {
        "walkway": ("method", "No marked pedestrian walkway at dock 4"),
        "mirror": ("machine", "No mirror at the end of aisle C"),
        "alarm": ("machine", "Reversing alarm of FL-02 inaudible over the conveyor"),
        "licence": ("manpower", "Driver not licensed"),
        "floor": ("environment", "Wet floor near the dock door"),
        "rush": ("method", "Trucks loaded in a rush at 14:00"),
    }
    ids = {name: causes.add_cause(case, bone[key], text).id for name, (key, text) in texts.items()}
    for voter, picks in zip(VOTERS, (("walkway", "walkway", "mirror"), ("walkway", "alarm", "licence"),
                                     ("mirror", "walkway", "alarm")), strict=True):
        for pick in picks:
            causes.vote(case, ids[pick], voter)
    causes.verify(case, ids["walkway"], "Layout drawing rev. D and photo: no walkway marking at dock 4")
    causes.set_root(case, ids["walkway"])
    causes.verify(case, ids["mirror"], "Site walk 5 March: no mirror at aisle C end")
    causes.set_root(case, ids["mirror"])
    causes.reject(case, ids["alarm"], "Alarm measured at 92 dB(A) at 5 m with the conveyor running")
    causes.reject(case, ids["licence"], "HR records: all 4 drivers hold a valid licence")
    for index, root in enumerate((ids["walkway"], ids["mirror"]), start=1):
        actions.add_action(case, f"A-{index}", f"Fix {root}", owner="Marc Dubois", deliverable="Done and signed",
                           due=TODAY + timedelta(days=21), causes=[root], today=TODAY)
    return case


def blockers(case: Case, key: str) -> str:
    return " | ".join(next(g for g in registry.evaluate(case).gates if g.step.key == key).blockers)


def warnings(case: Case, key: str) -> str:
    return " | ".join(next(g for g in registry.evaluate(case).gates if g.step.key == key).warnings)


def test_step_keys() -> None:
    definition = registry.get(Method.ISHIKAWA)
    assert [s.key for s in definition.steps] == ["define", "categories", "brainstorm", "vote", "verify", "act"]
    assert definition.step("vote").option("mode") == "vote"


def test_complete_case_passes_every_gate() -> None:
    progress = registry.evaluate(forklift_case())
    assert progress.next_step is None, progress.blockers
    assert progress.share == 1.0


def test_category_sets() -> None:
    assert [key for key, _label in ishikawa.CATEGORY_SETS["6M"]] == [
        "manpower", "machine", "method", "material", "measurement", "environment"]
    assert {"management", "maintenance"} <= {key for key, _label in ishikawa.CATEGORY_SETS["8M"]}
    assert len(ishikawa.CATEGORY_SETS["4S"]) == 4 and len(ishikawa.CATEGORY_SETS["8P"]) == 8


def test_apply_category_set_adds_only_missing_bones_and_keeps_custom_ones() -> None:
    case = Case(id="C-1", title="Scrap", method=Method.ISHIKAWA)
    causes.add_category(case, "Traffic flow")
    assert len(ishikawa.apply_category_set(case, "6m")) == 6
    added = ishikawa.apply_category_set(case, "8M")
    assert [c.key for c in added] == ["management", "maintenance"]
    assert len(causes.categories(case)) == 9 and case.category_set == "8M"
    assert ishikawa.category_label(causes.categories(case)[0]) == "Traffic flow"
    with pytest.raises(NotFound, match="unknown category set '9M'; try one of: 6M, 8M, 4S, 8P"):
        ishikawa.apply_category_set(case, "9M")


def test_define_warns_about_a_missing_solution_at_the_head() -> None:
    case = forklift_case()
    case.problem.what = "Lack of training of forklift drivers"
    assert "reads like a missing solution" in warnings(case, "define")
    case.problem.when = ""
    assert "Define: the problem statement has no 'When' yet" in blockers(case, "define")


def test_categories_needs_enough_bones() -> None:
    case = Case(id="C-1", title="Scrap", method=Method.ISHIKAWA)
    causes.add_category(case, "Machine")
    assert "Categories: the fishbone has 1 bone(s)" in blockers(case, "categories")


def test_brainstorm_needs_enough_causes_on_several_bones() -> None:
    case = Case(id="C-1", title="Scrap", method=Method.ISHIKAWA)
    ishikawa.apply_category_set(case, "4S")
    first = causes.categories(case)[0]
    for n in range(2):
        causes.add_cause(case, first.id, f"Cause {n}")
    message = blockers(case, "brainstorm")
    assert "Brainstorm: 2 cause(s) so far" in message
    assert "causes on 1 bone(s) only" in message
    assert "Suppliers has no cause yet" in warnings(case, "brainstorm")


def test_vote_needs_votes() -> None:
    case = forklift_case()
    causes.clear_votes(case)
    assert "Vote: no votes yet: give each participant 3 dots" in blockers(case, "vote")
    causes.vote(case, "K-7", "Julie Moreau")
    assert not blockers(case, "vote")
    assert "only Julie Moreau voted" in warnings(case, "vote")
    assert "Julie Moreau placed 1 of 3 dots" in warnings(case, "vote")


def test_dot_voting_ranks_the_causes() -> None:
    case = forklift_case()
    ranked = causes.ranked_by_votes(case)
    assert [c.text for c in ranked] == ["No marked pedestrian walkway at dock 4", "No mirror at the end of aisle C"]
    assert [c.total_votes for c in ranked] == [4, 2]
    assert causes.tally(case) == {name: 3 for name in VOTERS}
    # top_voted also keeps the rejected ones: they were voted for, then ruled out with evidence.
    assert [c.total_votes for c in ishikawa.top_voted(case)] == [4, 2, 2]


def test_verify_needs_the_top_voted_causes_settled() -> None:
    case = forklift_case()
    causes.reopen(case, "K-9")
    assert "Verify: K-9 'Reversing alarm of FL-02 inaudible over the conveyor' (2 votes) is not verified yet" in (
        blockers(case, "verify"))


def test_verify_needs_a_verified_root_cause() -> None:
    case = forklift_case()
    for cause in causes.root_causes(case):
        causes.set_root(case, cause.id, False)
    assert "Verify: no verified root cause yet" in blockers(case, "verify")


def test_verify_keeps_rejected_causes_and_asks_for_their_evidence() -> None:
    case = forklift_case()
    rejected = [c for c in causes.causes_only(case) if c.status is CauseStatus.REJECTED]
    assert len(rejected) == 2  # still on the diagram
    rejected[0].evidence.clear()
    assert "was rejected without evidence" in blockers(case, "verify")


def test_act_needs_an_action_per_root_cause() -> None:
    case = forklift_case()
    case.actions.pop()
    assert "Act: K-8 'No mirror at the end of aisle C' has no action yet" in blockers(case, "act")
    case.actions[0].deliverable = ""
    assert "has no deliverable" in blockers(case, "act")
