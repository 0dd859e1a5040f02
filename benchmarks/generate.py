"""A realistic workspace of several years, written straight in the store's file format (seeded, deterministic).

    .venv/bin/python -m benchmarks.generate /tmp/big.json            # 500 cases, 10,000 actions, 20,000 causes
    .venv/bin/python -m benchmarks.generate /tmp/small.json --cases 12 --actions 120 --causes 300 --big 60

Going through ``Workspace.create_case`` would take one locked transaction (and a whole-file write) per case;
instead every case is built as JSON data, validated once by ``Case.model_validate`` (so the file holds each
case exactly as the store writes it) and the file is written in one go, in ``rca.store_disk``'s format.
``generate(..., verify=True)`` then opens it with ``Workspace(path).open()`` and lists the cases.

What is in it: cases opened over four years (most old ones closed, some archived, a few stale ones still
open), the five methods, teams from a staff of 60, problem statements, step fields up to the current step,
cause graphs with Ishikawa categories, why-chains, verified / rejected causes with evidence, root causes on
8D paths, votes, a few shared causes; action plans with owners, due dates, statuses, evidence and
effectiveness checks (some late, some checks overdue); indicators; a full audit trail. Plus one 8D case
with ``big_case_causes`` causes (a long Ishikawa on D4) and one Ishikawa case with ``medium_case_causes``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from benchmarks import texts
from benchmarks.case_builder import CaseBuilder

YEARS = 4
STAFF = 60
METHOD_SHARE = (("8d", 0.35), ("5whys", 0.25), ("ishikawa", 0.15), ("a3", 0.15), ("dmaic", 0.10))
CAUSE_WEIGHT = {"5whys": 0.35, "ishikawa": 1.6, "8d": 1.2, "a3": 0.7, "dmaic": 1.0}
ACTION_WEIGHT = {"5whys": 0.5, "ishikawa": 0.9, "8d": 1.4, "a3": 1.0, "dmaic": 1.0}
@dataclass(frozen=True)
class Sizes:
    cases: int = 500
    actions: int = 10_000
    causes: int = 20_000
    big_case_causes: int = 1_000
    medium_case_causes: int = 100


@dataclass
class Generated:
    """What was written, and the cases the benchmarks work on."""

    path: str
    bytes: int
    cases: int
    actions: int
    causes: int
    late_actions: int
    audit_entries: int
    big_case: str
    """The 8D case with ``big_case_causes`` causes, open at D4 (the why-tree)."""
    medium_case: str
    """The Ishikawa case with ``medium_case_causes`` causes."""
    typical_a3: str
    """An open A3 case of middling size (the A3 sheet benchmark)."""
    open_action: str
    """An open action of an open case (the saved-edit benchmark)."""
    today: str


def _split(total: int, weights: list[float], minimum: int) -> list[int]:
    """``total`` shared in proportion to ``weights``, each share at least ``minimum`` (largest remainders)."""
    if total < minimum * len(weights):
        raise ValueError(f"{total} cannot give {minimum} to each of {len(weights)}")
    spare = total - minimum * len(weights)
    whole = sum(weights)
    exact = [spare * w / whole for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in order[: spare - sum(shares)]:
        shares[i] += 1
    return [minimum + s for s in shares]


# ---------------------------------------------------------------- the workspace


def _plan(sizes: Sizes, rng: random.Random) -> tuple[list[str], int, int, int]:
    """Each case's method, and the numbers of the big, the medium and the typical A3 case."""
    if sizes.cases < 3:
        raise ValueError("a generated workspace has at least 3 cases")
    methods = rng.choices([m for m, _s in METHOD_SHARE], [s for _m, s in METHOD_SHARE], k=sizes.cases)
    big = max(1, sizes.cases - max(1, sizes.cases // 50))  # a recent case
    medium = max(1, sizes.cases - max(2, sizes.cases // 20))
    if medium == big:
        medium = big - 1
    methods[big - 1], methods[medium - 1] = "8d", "ishikawa"
    recent_a3 = [n for n in range(sizes.cases - 1, 0, -1) if methods[n - 1] == "a3" and n not in (big, medium)]
    typical = recent_a3[min(len(recent_a3) - 1, 3)] if recent_a3 else next(
        n for n in range(sizes.cases, 0, -1) if n not in (big, medium))
    methods[typical - 1] = "a3"
    return methods, big, medium, typical


def build_cases(sizes: Sizes = Sizes(), *, seed: int = 7, today: date | None = None) -> tuple[dict, Generated]:
    """The workspace's tables (``{"meta": ..., "cases": ...}``, not yet validated) and what they hold."""
    today = today or date.today()
    rng = random.Random(seed)
    methods, big, medium, typical = _plan(sizes, rng)
    staff = texts.people(rng, STAFF)
    others = [n for n in range(1, sizes.cases + 1) if n not in (big, medium)]
    spare_causes = sizes.causes - sizes.big_case_causes - sizes.medium_case_causes
    cause_counts = dict(zip(others, _split(spare_causes, [CAUSE_WEIGHT[methods[n - 1]] * rng.uniform(0.4, 1.6)
                                                          for n in others], 2), strict=True))
    cause_counts[big], cause_counts[medium] = sizes.big_case_causes, sizes.medium_case_causes
    action_counts = dict(zip(range(1, sizes.cases + 1), _split(
        sizes.actions, [ACTION_WEIGHT[m] * rng.uniform(0.3, 1.7) for m in methods], 1), strict=True))
    builder = CaseBuilder(rng, today, staff)
    docs: dict[str, Any] = {}
    next_action = 1
    for number in range(1, sizes.cases + 1):
        span = YEARS * 365
        created = today - timedelta(days=max(0, int(span * (1 - number / sizes.cases)) + rng.randint(-5, 5)))
        created = min(created, today)
        state, categories = None, None
        if number == big:
            created, state, categories = today - timedelta(days=45), ("open", False, 4), 8
        elif number == medium:
            state = ("open", False, 4)
        elif number == typical:
            created, state = today - timedelta(days=75), ("open", False, 6)
        method = methods[number - 1]
        docs[str(number)] = builder.build(number, method, created, cause_counts[number], action_counts[number],
                                          next_action, state=state, categories=categories)
        next_action += action_counts[number]
    meta = {"schema_version": 1, "next_case": sizes.cases + 1, "next_action": next_action}
    late = sum(1 for doc in docs.values() for a in doc["actions"]
               if a["status"] in ("planned", "in progress") and a["due"] and a["due"] < today.isoformat())
    open_actions = [a["id"] for n in range(sizes.cases, 0, -1) for a in docs[str(n)]["actions"]
                    if docs[str(n)]["status"] == "open" and a["status"] == "in progress"]
    open_action = open_actions[0] if open_actions else docs[str(big)]["actions"][0]["id"]
    info = Generated(path="", bytes=0, cases=sizes.cases, actions=next_action - 1, causes=sum(cause_counts.values()),
                     late_actions=late, audit_entries=sum(len(d["audit"]) for d in docs.values()),
                     big_case=f"C-{big}", medium_case=f"C-{medium}", typical_a3=f"C-{typical}",
                     open_action=open_action, today=today.isoformat())
    return {"meta": {"1": meta}, "cases": docs}, info


def canonical(tables: dict[str, Any]) -> dict[str, Any]:
    """Every case as the store writes it: validated by the model, defaults filled, in the model's key order."""
    from rca.model import Case
    from rca.store_disk import paused_gc

    with paused_gc():
        tables["cases"] = {key: Case.model_validate(doc).to_json_dict() for key, doc in tables["cases"].items()}
    return tables


def generate(path: Path, sizes: Sizes = Sizes(), *, seed: int = 7, today: date | None = None,
             verify: bool = True) -> Generated:
    """Write a generated workspace at ``path`` (replacing it) and ``<path>.info.json`` beside it."""
    from rca.store_disk import dump_tables, write_atomically

    tables, info = build_cases(sizes, seed=seed, today=today)
    raw = dump_tables(canonical(tables))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, raw)
    info.path, info.bytes = str(path), len(raw)
    if verify:
        from rca.store import Workspace

        listed = Workspace(path).open().list_cases()
        if len(listed) != sizes.cases:
            raise RuntimeError(f"{path}: {len(listed)} cases listed, {sizes.cases} written")
    info_path(path).write_bytes(orjson.dumps(asdict(info), option=orjson.OPT_INDENT_2))
    return info


def info_path(path: Path) -> Path:
    return path.with_name(path.name + ".info.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    defaults = Sizes()
    parser.add_argument("--cases", type=int, default=defaults.cases)
    parser.add_argument("--actions", type=int, default=defaults.actions)
    parser.add_argument("--causes", type=int, default=defaults.causes)
    parser.add_argument("--big", type=int, default=defaults.big_case_causes, help="causes of the big case")
    parser.add_argument("--medium", type=int, default=defaults.medium_case_causes, help="causes of the medium case")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    info = generate(args.path, Sizes(args.cases, args.actions, args.causes, args.big, args.medium), seed=args.seed)
    print(orjson.dumps(asdict(info), option=orjson.OPT_INDENT_2).decode())
    print(f"written in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
