"""The benchmark generator writes valid workspaces (small sizes: this is a correctness test, not a benchmark)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson

from benchmarks.case_builder import STEPS
from benchmarks.generate import Sizes, build_cases, generate, info_path
from methods.registry import all_methods
from rca import actions, causes
from rca.model import NodeKind
from rca.store import Workspace

SMALL = Sizes(cases=12, actions=150, causes=400, big_case_causes=80, medium_case_causes=25)
TODAY = date(2026, 3, 2)


def test_a_small_workspace_opens_and_holds_what_was_asked(tmp_path: Path) -> None:
    path = tmp_path / "bench.json"
    info = generate(path, SMALL, today=TODAY)

    cases = Workspace(path).open().list_cases()
    assert [c.id for c in cases] == [f"C-{n}" for n in range(1, 13)]
    assert sum(len(c.actions) for c in cases) == 150 == info.actions
    assert sum(len(causes.causes_only(c)) for c in cases) == 400 == info.causes
    assert all(causes.check(c) == [] for c in cases), "every cause graph is a valid DAG without orphans"
    by_id = {c.id: c for c in cases}
    assert len(causes.causes_only(by_id[info.big_case])) == 80
    assert by_id[info.big_case].current_step == "d4"
    assert len(causes.causes_only(by_id[info.medium_case])) == 25
    assert by_id[info.typical_a3].method.value == "a3"
    late = [a for c in cases for a in c.actions if actions.is_late(a, TODAY)]
    assert len(late) == info.late_actions
    action_ids = [a.id for c in cases for a in c.actions]
    assert len(set(action_ids)) == len(action_ids)
    assert orjson.loads(info_path(path).read_bytes())["big_case"] == info.big_case


def test_a_change_through_the_store_works_on_a_generated_file(tmp_path: Path) -> None:
    path = tmp_path / "bench.json"
    info = generate(path, SMALL, today=TODAY)
    ws = Workspace(path, user="bench").open()

    case = ws.update_case(info.big_case, lambda c, _ids: causes.add_cause(c, "P", "New cause"), summary="added")
    assert case.version == ws.get_case(info.big_case).version
    assert [e.fields for e in case.audit[-1:]] != [[]], "the store saw exactly one change, not a re-canonicalisation"
    assert len(case.audit[-1].fields) <= 3


def test_the_same_seed_gives_the_same_workspace() -> None:
    first, _info = build_cases(SMALL, seed=3, today=TODAY)
    second, _info = build_cases(SMALL, seed=3, today=TODAY)
    assert orjson.dumps(first) == orjson.dumps(second)


def test_the_steps_the_generator_fills_are_the_methods_steps() -> None:
    for definition in all_methods():
        expected = tuple((s.key, tuple(f.key for f in s.fields)) for s in definition.steps)
        assert STEPS[definition.method.value] == expected


def test_categories_carry_standard_keys(tmp_path: Path) -> None:
    tables, info = build_cases(SMALL, today=TODAY)
    big = tables["cases"][info.big_case.removeprefix("C-")]
    keys = [n.get("key") for n in big["causes"] if n.get("kind") == NodeKind.CATEGORY.value]
    assert keys[:6] == ["manpower", "machine", "method", "material", "measurement", "environment"]
