"""The cause graph: any depth, shared causes, no cycles, explicit removal, lossless round-trip."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rca import causes
from rca.errors import GraphError, InvalidInput
from rca.model import PROBLEM_NODE, Case, CausePath, CauseStatus, Method


def new_case() -> Case:
    return Case(id="C-1", title="Bore diameter out of tolerance", method=Method.EIGHT_D)


def test_chains_of_any_depth_and_branching() -> None:
    case = new_case()
    parent = PROBLEM_NODE
    ids = []
    for level in range(12):
        parent = causes.add_cause(case, parent, f"why {level}").id
        ids.append(parent)
    causes.add_cause(case, ids[0], "another branch")
    assert causes.depth(case, ids[-1]) == 12
    assert [c.text for c in causes.why_chain(case, ids[2])][1:] == ["why 0", "why 1", "why 2"]
    assert len(causes.children(case, ids[0])) == 2


def test_a_shared_cause_has_two_parents_and_is_not_copied() -> None:
    case = new_case()
    machine = causes.add_category(case, "Machine", key="machine")
    method = causes.add_category(case, "Method", key="method")
    worn = causes.add_cause(case, machine.id, "Spindle worn")
    plan = causes.add_cause(case, method.id, "PM plan skips spindles")
    causes.link(case, worn.id, plan.id)
    assert {p.id for p in causes.parents(case, plan.id)} == {method.id, worn.id}
    assert sum(1 for c in case.causes if c.text == "PM plan skips spindles") == 1
    assert causes.category_of(case, plan.id).id == method.id  # type: ignore[union-attr]


def test_a_cycle_is_refused_with_a_clear_message() -> None:
    case = new_case()
    a = causes.add_cause(case, PROBLEM_NODE, "a")
    b = causes.add_cause(case, a.id, "b")
    with pytest.raises(GraphError, match="circle"):
        causes.link(case, b.id, a.id)
    with pytest.raises(GraphError, match="circle"):
        causes.move(case, a.id, b.id)
    assert causes.check(case) == []


def test_move_reparents_with_the_subtree() -> None:
    case = new_case()
    a = causes.add_cause(case, PROBLEM_NODE, "a")
    b = causes.add_cause(case, PROBLEM_NODE, "b")
    c = causes.add_cause(case, a.id, "c")
    causes.move(case, a.id, b.id)
    assert [n.id for n in causes.why_chain(case, c.id)] == [PROBLEM_NODE, b.id, a.id, c.id]


def test_removing_a_cause_with_children_needs_an_explicit_choice() -> None:
    case = new_case()
    a = causes.add_cause(case, PROBLEM_NODE, "a")
    b = causes.add_cause(case, a.id, "b")
    c = causes.add_cause(case, b.id, "c")
    with pytest.raises(GraphError, match="move them up"):
        causes.remove(case, a.id)
    causes.remove(case, a.id, children_to=PROBLEM_NODE)
    assert [n.id for n in causes.why_chain(case, c.id)] == [PROBLEM_NODE, b.id, c.id]
    removed = causes.remove(case, b.id, subtree=True)
    assert removed == sorted([b.id, c.id])
    assert causes.check(case) == []


def test_subtree_removal_keeps_a_shared_cause_that_has_another_parent() -> None:
    case = new_case()
    a = causes.add_cause(case, PROBLEM_NODE, "a")
    other = causes.add_cause(case, PROBLEM_NODE, "other")
    shared = causes.add_cause(case, a.id, "shared")
    causes.link(case, other.id, shared.id)
    causes.remove(case, a.id, subtree=True)
    assert shared.id in {c.id for c in case.causes}
    assert causes.check(case) == []


def test_verify_reject_root_and_queries() -> None:
    case = new_case()
    occ = causes.add_cause(case, PROBLEM_NODE, "Tool wear not compensated", path=CausePath.OCCURRENCE)
    det = causes.add_cause(case, PROBLEM_NODE, "Gauge not capable", path=CausePath.NON_DETECTION)
    leaf = causes.add_cause(case, PROBLEM_NODE, "Operator new")
    causes.verify(case, occ.id, "Tool life study: 20% over", by="ana")
    causes.set_root(case, occ.id)
    causes.reject(case, leaf.id, "Same defect on the experienced shift")
    assert occ.status is CauseStatus.VERIFIED and occ.evidence[0].by == "ana"
    assert [c.id for c in causes.root_causes(case)] == [occ.id]
    assert [c.id for c in causes.verified_root_causes(case, CausePath.OCCURRENCE)] == [occ.id]
    assert [c.id for c in causes.open_leaves(case)] == [det.id]
    assert [c.id for c in causes.causes_without_action(case)] == [occ.id]
    with pytest.raises(GraphError, match="re-open"):
        causes.set_root(case, leaf.id)
    with pytest.raises(InvalidInput, match="evidence"):
        causes.verify(case, det.id, "  ")
    assert leaf in case.causes  # rejected causes are kept


def test_edit_text_refuses_to_overwrite_a_change_made_elsewhere() -> None:
    case = new_case()
    a = causes.add_cause(case, PROBLEM_NODE, "original")
    a.text = "changed by someone else"
    with pytest.raises(Exception) as info:
        causes.edit_text(case, a.id, "mine", expected="original")
    assert info.value.mine == "mine" and info.value.theirs == "changed by someone else"  # type: ignore[attr-defined]
    causes.edit_text(case, a.id, "mine", expected="changed by someone else")
    assert a.text == "mine"


def test_dot_votes_are_limited_per_participant_and_ranked() -> None:
    case = new_case()
    case.votes_per_person = 2
    a = causes.add_cause(case, PROBLEM_NODE, "a")
    b = causes.add_cause(case, PROBLEM_NODE, "b")
    causes.vote(case, b.id, "Ana")
    causes.vote(case, b.id, "Ben")
    causes.vote(case, a.id, "Ana")
    with pytest.raises(InvalidInput, match="Ana has used all 2 votes"):
        causes.vote(case, a.id, "Ana")
    assert [c.id for c in causes.ranked_by_votes(case)] == [b.id, a.id]
    assert causes.tally(case) == {"Ana": 2, "Ben": 1}
    causes.vote(case, a.id, "Ana", -1)
    assert causes.tally(case) == {"Ana": 1, "Ben": 1}


def test_empty_or_huge_text_is_refused() -> None:
    case = new_case()
    with pytest.raises(InvalidInput, match="needs some text"):
        causes.add_cause(case, PROBLEM_NODE, "   ")
    with pytest.raises(InvalidInput, match="too long"):
        causes.add_cause(case, PROBLEM_NODE, "x" * (causes.MAX_TEXT + 1))


operations = st.lists(st.tuples(st.integers(0, 30), st.text(min_size=1, max_size=30).filter(lambda s: s.replace("\x00", "").strip()),
                                st.booleans()), max_size=40)


@settings(max_examples=60, deadline=None)
@given(operations)
def test_graph_round_trips_losslessly(ops: list[tuple[int, str, bool]]) -> None:
    case = new_case()
    for pick, text, share in ops:
        nodes = [c.id for c in case.causes if c.kind.value != "category"] or [PROBLEM_NODE]
        parent = nodes[pick % len(nodes)]
        added = causes.add_cause(case, parent, text)
        if share and len(nodes) > 1:
            with contextlib.suppress(GraphError):
                causes.link(case, nodes[(pick + 1) % len(nodes)], added.id)
    assert causes.check(case) == []
    data = json.loads(json.dumps(causes.to_data(causes.graph(case))))
    again = causes.from_data(data)
    assert list(again.nodes) == list(causes.graph(case).nodes)
    assert list(again.edges) == list(causes.graph(case).edges)
    restored = Case.from_json_dict(json.loads(json.dumps(case.to_json_dict())))
    assert restored == case


def test_categories_by_cause_matches_category_of() -> None:
    case = new_case()
    machine = causes.add_category(case, "Machine", key="machine")
    a = causes.add_cause(case, machine.id, "a")
    b = causes.add_cause(case, a.id, "b")
    c = causes.add_cause(case, PROBLEM_NODE, "c")
    causes.link(case, b.id, c.id)
    found = causes.categories_by_cause(case)
    for node in causes.causes_only(case):
        assert found[node.id] == causes.category_of(case, node.id)
