"""rca.patch: path-level diff, apply and three-way merge, by example and by property."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rca.errors import ConflictError
from rca.patch import (
    MISSING,
    ORDER,
    Change,
    apply,
    diff,
    flatten,
    item_key,
    merge,
    path_label,
    same,
    unflatten,
    value_at,
)

# The recursive JSON strategy has a long repr; hypothesis warns about it when building messages.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

# ------------------------------------------------------------------------------------------ strategies

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)
keys = st.sampled_from(["id", "title", "owner", "what", "a", "b", "c", "évidence", "#", "x.y"])
ids = st.sampled_from(["A-1", "A-2", "A-3", "A-4", "K-1", 1, 2, 3])


def id_lists(children: st.SearchStrategy[Any]) -> st.SearchStrategy[list[dict[str, Any]]]:
    item = st.fixed_dictionaries({"id": ids}, optional={"title": children, "owner": children, "b": children})
    return st.lists(item, max_size=5, unique_by=lambda entry: entry["id"])


json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=4),
        id_lists(children),
    ),
    max_leaves=25,
)


def mutated(draw: Any, value: Any, depth: int = 0) -> Any:
    """``value`` with random edits (a new value, keys added or removed, items edited, added, moved)."""
    if depth > 4 or draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            choice = draw(st.integers(0, 5))
            if choice == 0:
                continue
            result[key] = mutated(draw, item, depth + 1) if choice < 3 else item
        for key in draw(st.lists(keys, max_size=2)):
            result[key] = draw(json_values)
        return result
    if isinstance(value, list) and value and all(isinstance(i, dict) and "id" in i for i in value):
        items = [mutated(draw, dict(item), depth + 1) if draw(st.booleans()) else item
                 for item in value if draw(st.integers(0, 4))]
        items = [item for item in items if isinstance(item, dict)]
        for item in items:
            item.setdefault("id", draw(ids))
        items += draw(id_lists(scalars))
        return draw(st.permutations(items)) if draw(st.booleans()) else items
    return draw(json_values) if draw(st.booleans()) else value


@st.composite
def base_and_edit(draw: Any) -> tuple[Any, Any]:
    base = draw(json_values)
    return base, mutated(draw, base)


# ---------------------------------------------------------------------------------------------- examples


def case_like() -> dict[str, Any]:
    return {
        "title": "Burr on housing",
        "problem": {"what": "burr", "where": "line 2"},
        "actions": [
            {"id": "A-1", "title": "Deburr", "owner": "Ana"},
            {"id": "A-2", "title": "Train", "owner": "Bo"},
            {"id": "A-3", "title": "Audit", "owner": "Cy"},
        ],
    }


def test_flatten_matches_id_list_items_by_id_and_keeps_their_order() -> None:
    flat = flatten(case_like())
    assert flat[("problem", "what")] == "burr"
    assert flat[("actions", ("#", "A-3"), "owner")] == "Cy"
    assert flat[("actions", ORDER)] == ["A-1", "A-2", "A-3"]
    assert unflatten(flat) == case_like()


def test_flatten_keeps_plain_lists_and_empty_containers_as_leaves() -> None:
    data = {"tags": ["a", "b"], "empty": {}, "none": [], "mixed": [{"id": 1}, 2]}
    flat = flatten(data)
    assert flat[("tags",)] == ["a", "b"]
    assert flat[("mixed",)] == [{"id": 1}, 2]
    assert unflatten(flat) == data


def test_path_label_reads_like_the_json() -> None:
    assert path_label(("problem", "what")) == "problem.what"
    assert path_label(("actions", item_key("A-3"), "owner")) == "actions[A-3].owner"
    assert path_label(("actions", ORDER)) == "actions (order)"
    assert path_label(()) == "(whole document)"


def test_diff_reports_an_added_or_removed_item_as_one_change() -> None:
    old = case_like()
    new = case_like()
    del new["actions"][1]
    new["actions"].append({"id": "A-4", "title": "Poka-yoke"})
    changes = diff(old, new)
    assert Change(("actions", ("#", "A-2")), old["actions"][1], MISSING) in changes
    assert Change(("actions", ("#", "A-4")), MISSING, {"id": "A-4", "title": "Poka-yoke"}) in changes
    assert len(changes) == 2
    assert [change.kind for change in changes] == ["removed", "added"]


def test_diff_reports_a_reordering_once() -> None:
    new = case_like()
    new["actions"].reverse()
    assert diff(case_like(), new) == [Change(("actions", ORDER), ["A-1", "A-2", "A-3"], ["A-3", "A-2", "A-1"])]


def test_diff_tells_true_from_one() -> None:
    assert diff({"a": 1}, {"a": True}) == [Change(("a",), 1, True)]
    assert diff({"a": 1}, {"a": 1.0}) == [Change(("a",), 1, 1.0)]


def test_apply_refuses_a_change_whose_value_moved_on() -> None:
    change = Change(("problem", "what"), "burr", "sharp edge")
    target = case_like()
    target["problem"]["what"] = "scratch"
    with pytest.raises(ConflictError) as caught:
        apply([change], target)
    assert caught.value.field == "problem.what"
    assert apply([change], target, check=False)["problem"]["what"] == "sharp edge"
    # Already applied: fine.
    target["problem"]["what"] = "sharp edge"
    assert apply([change], target)["problem"]["what"] == "sharp edge"


def test_apply_leaves_the_target_alone() -> None:
    target = case_like()
    new = case_like()
    new["actions"][0]["owner"] = "Dee"
    apply(diff(target, new), target)
    assert target == case_like()


def test_merge_keeps_changes_to_different_fields() -> None:
    base = case_like()
    mine, theirs = case_like(), case_like()
    mine["problem"]["what"] = "burr 0.3 mm"
    mine["actions"][0]["owner"] = "Dee"
    theirs["problem"]["where"] = "line 3"
    theirs["actions"][0]["title"] = "Deburr all parts"
    merged = merge(base, mine, theirs)
    assert merged["problem"] == {"what": "burr 0.3 mm", "where": "line 3"}
    assert merged["actions"][0] == {"id": "A-1", "title": "Deburr all parts", "owner": "Dee"}


def test_merge_accepts_the_same_change_on_both_sides() -> None:
    mine, theirs = case_like(), case_like()
    mine["problem"]["what"] = theirs["problem"]["what"] = "burr 0.3 mm"
    assert merge(case_like(), mine, theirs)["problem"]["what"] == "burr 0.3 mm"


def test_merge_refuses_two_different_changes_of_the_same_field() -> None:
    mine, theirs = case_like(), case_like()
    mine["actions"][2]["owner"] = "Dee"
    theirs["actions"][2]["owner"] = "Eve"
    with pytest.raises(ConflictError) as caught:
        merge(case_like(), mine, theirs)
    error = caught.value
    assert error.field == "actions[A-3].owner"
    assert (error.mine, error.theirs) == ("Dee", "Eve")
    assert "actions[A-3].owner" in str(error) and "'Dee'" in str(error) and "'Eve'" in str(error)


def test_merge_refuses_an_edit_of_an_item_the_other_side_removed() -> None:
    mine, theirs = case_like(), case_like()
    mine["actions"][1]["owner"] = "Dee"
    del theirs["actions"][1]
    with pytest.raises(ConflictError) as caught:
        merge(case_like(), mine, theirs)
    assert caught.value.field == "actions[A-2]"
    assert caught.value.theirs is None
    assert "(removed)" in str(caught.value)


def test_merge_keeps_theirs_order_and_appends_my_new_items() -> None:
    mine, theirs = case_like(), case_like()
    mine["actions"].insert(0, {"id": "A-9", "title": "Mine"})
    theirs["actions"].reverse()
    theirs["actions"].append({"id": "A-8", "title": "Theirs"})
    merged = merge(case_like(), mine, theirs)
    assert [a["id"] for a in merged["actions"]] == ["A-3", "A-2", "A-1", "A-8", "A-9"]


def test_merge_keeps_my_reordering_when_theirs_did_not_reorder() -> None:
    mine, theirs = case_like(), case_like()
    mine["actions"].reverse()
    theirs["actions"].append({"id": "A-8", "title": "Theirs"})
    merged = merge(case_like(), mine, theirs)
    assert [a["id"] for a in merged["actions"]] == ["A-3", "A-2", "A-1", "A-8"]


def test_merge_refuses_a_reordering_of_a_list_the_other_side_replaced() -> None:
    mine, theirs = case_like(), case_like()
    mine["actions"].reverse()
    theirs["actions"] = "gone"
    with pytest.raises(ConflictError) as caught:
        merge(case_like(), mine, theirs)
    assert caught.value.field == "actions"


# -------------------------------------------------------------------------------------------- properties

PROPERTY_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(json_values, json_values)
def test_apply_of_diff_rebuilds_any_value(a: Any, b: Any) -> None:
    assert same(apply(diff(a, b), a), b)


@PROPERTY_SETTINGS
@given(base_and_edit())
def test_apply_of_diff_rebuilds_an_edit(pair: tuple[Any, Any]) -> None:
    base, edited = pair
    assert same(apply(diff(base, edited), base), edited)


@PROPERTY_SETTINGS
@given(base_and_edit())
def test_merge_with_an_unchanged_side_gives_the_other(pair: tuple[Any, Any]) -> None:
    base, edited = pair
    assert same(merge(base, edited, base), edited)
    assert same(merge(base, base, edited), edited)


@PROPERTY_SETTINGS
@given(base_and_edit())
def test_merge_of_the_same_edit_on_both_sides_is_that_edit(pair: tuple[Any, Any]) -> None:
    base, edited = pair
    assert same(merge(base, edited, edited), edited)


@PROPERTY_SETTINGS
@given(json_values)
def test_unflatten_rebuilds_what_flatten_took_apart(value: Any) -> None:
    assert same(unflatten(flatten(value)), value)


@PROPERTY_SETTINGS
@given(st.data())
def test_merge_of_edits_to_different_keys_keeps_both(data: st.DataObject) -> None:
    base = data.draw(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), json_values, min_size=2))
    mine_key, theirs_key = data.draw(st.permutations(sorted(base)))[:2]
    mine, theirs = dict(base), dict(base)
    mine[mine_key] = mutated(data.draw, base[mine_key])
    theirs[theirs_key] = mutated(data.draw, base[theirs_key])
    merged = merge(base, mine, theirs)
    assert same(merged[mine_key], mine[mine_key])
    assert same(merged[theirs_key], theirs[theirs_key])


@st.composite
def base_and_two_edits(draw: Any) -> tuple[Any, Any, Any]:
    base = draw(json_values)
    return base, mutated(draw, base), mutated(draw, base)


@PROPERTY_SETTINGS
@given(base_and_two_edits())
def test_merge_keeps_every_change_of_both_sides_or_names_a_conflict(triple: tuple[Any, Any, Any]) -> None:
    base, mine, theirs = triple
    try:
        merged = merge(base, mine, theirs)
    except ConflictError as error:
        assert error.field
        return
    for change in diff(base, mine) + diff(base, theirs):
        if change.kind != "reordered":
            assert same(value_at(merged, change.path), change.new), change
