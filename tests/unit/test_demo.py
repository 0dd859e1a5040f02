"""The demo workspace builds through the store, and each case stands where it should in its method."""

from __future__ import annotations

from datetime import date

from methods import registry
from rca import actions, causes
from rca.demo import DEMO_USER, build_demo, demo_cases
from rca.model import ActionStatus, CaseStatus, CauseStatus, Method, NodeKind
from rca.store import Workspace

TODAY = date(2026, 5, 4)
EXPECTED = {  # case id: (method, the step the team is on: the first gate that does not pass)
    "C-1": (Method.EIGHT_D, "d6"),
    "C-2": (Method.A3, "plan"),
    "C-3": (Method.DMAIC, "analyze"),
    "C-4": (Method.FIVE_WHYS, None),
    "C-5": (Method.ISHIKAWA, "act"),
}


def next_step(case) -> str | None:
    step = registry.evaluate(case).next_step
    return step.step.key if step else None


def test_demo_builds_in_a_workspace(workspace: Workspace) -> None:
    ids = build_demo(workspace, TODAY)
    assert ids == list(EXPECTED)
    cases = workspace.list_cases()
    assert [(c.id, c.method, next_step(c)) for c in cases] == [(k, *v) for k, v in EXPECTED.items()]
    every_action = [a.id for c in cases for a in c.actions]
    assert len(every_action) == len(set(every_action))  # workspace-wide ids
    assert all(c.version == 1 and c.audit for c in cases)


def test_bare_cases_match_the_workspace_ones() -> None:
    cases = demo_cases(TODAY)
    assert [(c.id, c.method, next_step(c)) for c in cases] == [(k, *v) for k, v in EXPECTED.items()]
    for case in cases:
        assert case.current_step == (EXPECTED[case.id][1] or case.current_step)


def test_the_8d_passes_d0_to_d5_and_stops_at_d6() -> None:
    case = demo_cases(TODAY)[0]
    gates = {g.step.key: g for g in registry.evaluate(case).gates}
    assert all(gates[f"d{n}"].passed for n in range(6))
    assert not any(gates[f"d{n}"].passed for n in (6, 7, 8))
    assert len([c for c in case.causes if c.kind is NodeKind.CAUSE]) == 12
    progress = actions.progress(case.actions, TODAY)
    assert progress.late == 2 and progress.checks_overdue == 1 and progress.closed == 3


def test_dates_follow_today_so_late_always_shows() -> None:
    for today in (date(2026, 1, 1), date(2031, 7, 15)):
        late = [a for c in demo_cases(today) for a in actions.late_actions(c.actions, today)]
        assert {a.owner for a in late} == {DEMO_USER, "Karim Benali"}
        assert [next_step(c) for c in demo_cases(today)] == [v[1] for v in EXPECTED.values()]


def test_the_demo_user_owns_actions_in_several_cases() -> None:
    cases = demo_cases(TODAY)
    mine = [(c.id, a.id) for c in cases for a in actions.owned_by(c.actions, DEMO_USER)]
    assert len(mine) >= 3 and len({case_id for case_id, _ in mine}) >= 3
    assert any(a.status is not ActionStatus.DONE for c in cases for a in actions.owned_by(c.actions, DEMO_USER))


def test_the_quick_5_whys_is_closed_and_the_others_open() -> None:
    statuses = {c.id: c.status for c in demo_cases(TODAY)}
    assert statuses.pop("C-4") is CaseStatus.CLOSED
    assert set(statuses.values()) == {CaseStatus.OPEN}


def test_the_ishikawa_keeps_rejected_causes_and_ranks_votes() -> None:
    case = demo_cases(TODAY)[4]
    rejected = [c for c in case.causes if c.status is CauseStatus.REJECTED]
    assert len(rejected) == 3 and all(c.evidence for c in rejected)
    assert causes.ranked_by_votes(case)[0].text == "No marked pedestrian walkway at dock 4"
    assert len(causes.tally(case)) == 5
