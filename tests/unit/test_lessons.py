"""Lessons from past cases: similar verified causes, causes that recur across cases, search ranking."""

from __future__ import annotations

import pytest

from rca import causes as graph_ops
from rca.lessons import (
    SIMILAR_THRESHOLD,
    LessonIndex,
    TextIndex,
    recurrence_graph,
    recurring_causes,
    search,
    similar_causes,
    stem,
    words,
)
from rca.model import Action, Case, Effectiveness


def make_case(number: int, title: str, causes: list[tuple[str, str, str | None]], *, method: str = "ishikawa",
              actions: list[tuple[str, str, str]] = (), what: str = "") -> Case:  # type: ignore[assignment]
    """``causes``: (text, status, category text or None); ``actions``: (title, cause text, effectiveness)."""
    case = Case(id=f"C-{number}", title=title, method=method)  # type: ignore[arg-type]
    case.problem.what = what
    graph_ops.ensure_problem(case)
    bones: dict[str, str] = {}
    ids: dict[str, str] = {}
    for text, status, bone in causes:
        parent = "P"
        if bone is not None:
            if bone not in bones:
                bones[bone] = graph_ops.add_category(case, bone, key=bone.lower()).id
            parent = bones[bone]
        cause = graph_ops.add_cause(case, parent, text)
        cause.status = status  # type: ignore[assignment]
        ids[text] = cause.id
    for n, (title_, cause_text, result) in enumerate(actions, start=1):
        case.actions.append(Action(
            id=f"A-{number * 10 + n}", title=title_, causes=[ids[cause_text]], status="done",
            effectiveness={"result": result, "evidence": "checked" if result != "pending" else ""}))
    return case


def workspace_cases() -> list[Case]:
    return [
        make_case(1, "Spindle noise on lathe 4", [
            ("Spindle bearing worn", "verified", "Machine"),
            ("Coolant concentration too low", "rejected", "Material"),
            ("Label printer out of ink", "verified", "Machine"),
        ], actions=[("Replace the spindle bearing and add it to the PM plan", "Spindle bearing worn", "effective")],
            what="Chatter marks on bores, lathe 4"),
        make_case(2, "Chatter on lathe 7", [
            ("Worn spindle bearings", "verified", "Machine"),
            ("Operator not trained on the new fixture", "verified", "Man"),
        ], actions=[("Train the night shift on the fixture", "Operator not trained on the new fixture",
                     "not effective")]),
        make_case(3, "Vibration on the grinder", [
            ("spindle bearings worn out", "hypothesis", None),
            ("Operators not trained on the new fixtures", "verified", None),
        ], method="5whys"),
        make_case(4, "Wrong labels shipped", [
            ("Roulements de broche usés", "verified", "Machine"),
            ("Bearing supplier changed the grease", "verified", "Material"),
        ]),
    ]


def test_normalising_and_stemming() -> None:
    assert words("Worn Spindle BEARINGS") == ["worn", "spindl", "bear"]
    assert words("spindle bearing worn") == ["spindl", "bear", "worn"]
    assert words("Roulements usés") == words("roulement usé")
    assert stem("misalignment") == stem("misaligned") == "misalign"
    assert stem("batteries") == "battery" and stem("calibration") == stem("calibrated")
    assert words("the of and le la des") == []


def test_a_verified_cause_of_an_earlier_case_is_offered_with_what_was_done() -> None:
    index = LessonIndex(workspace_cases())
    found = index.similar("worn spindle bearings", exclude_case="C-2")
    assert found, "the earlier case's verified cause should be found"
    best = found[0]
    assert (best.cause.case_id, best.cause.text) == ("C-1", "Spindle bearing worn")
    assert best.score > 0.9
    assert [a.title for a in best.cause.actions] == ["Replace the spindle bearing and add it to the PM plan"]
    assert best.cause.worked is Effectiveness.EFFECTIVE
    texts = [s.cause.text for s in found]
    assert "Label printer out of ink" not in texts
    assert "spindle bearings worn out" not in texts  # a hypothesis, not a lesson
    assert all(s.cause.case_id != "C-2" for s in found)


def test_unrelated_and_blank_texts_find_nothing() -> None:
    index = LessonIndex(workspace_cases())
    assert [s.cause.text for s in index.similar("label printer out of ink")] == ["Label printer out of ink"]
    assert index.similar("label printer out of ink", exclude_case="C-1") == []
    assert index.similar("coolant pump cavitation") == []  # the coolant cause was rejected, the rest is unrelated
    assert index.similar("hydraulic pressure drop at night") == []
    assert index.similar("   ") == [] and index.similar("the of") == []


def test_the_threshold_separates_related_from_unrelated_pairs() -> None:
    related = [("spindle bearing worn", "worn spindle bearings"),
               ("operator not trained", "operators were not trained on the fixture"),
               ("torque wrench not calibrated", "calibration of the torque wrench overdue")]
    unrelated = [("spindle bearing worn", "label printer out of ink"),
                 ("operator not trained", "coolant concentration too low"),
                 ("torque wrench not calibrated", "supplier changed resin grade")]
    for a, b in related:
        assert TextIndex([a]).query(b)[0][1] >= SIMILAR_THRESHOLD, (a, b)
    for a, b in unrelated:
        found = TextIndex([a]).query(b)
        assert not found or found[0][1] < SIMILAR_THRESHOLD / 2, (a, b, found)


def test_not_effective_actions_are_said_so() -> None:
    found = similar_causes(workspace_cases(), "operator not trained", exclude_case="C-3")
    assert found[0].cause.case_id == "C-2"
    assert found[0].cause.worked is Effectiveness.NOT_EFFECTIVE
    assert found[0].to_json()["actions"][0]["effectiveness"] == "not effective"


def test_causes_that_recur_across_cases() -> None:
    groups = recurring_causes(workspace_cases())
    as_sets = [({(c.case_id, c.text) for c in g.causes}, g.case_ids) for g in groups]
    spindle = {("C-1", "Spindle bearing worn"), ("C-2", "Worn spindle bearings"), ("C-3", "spindle bearings worn out")}
    operator = {("C-2", "Operator not trained on the new fixture"), ("C-3", "Operators not trained on the new fixtures")}
    assert (spindle, ["C-1", "C-2", "C-3"]) in as_sets
    assert (operator, ["C-2", "C-3"]) in as_sets
    assert len(groups) == 2  # the French cause, the printer, the grease and the rejected coolant stand alone
    assert groups[0].case_ids == ["C-1", "C-2", "C-3"]  # the cause in most cases first
    assert groups[0].to_json()["causes"][0]["worked"] == "effective"


def test_the_recurrence_graph_links_only_different_cases_and_compatible_categories() -> None:
    same_case = make_case(1, "a", [("pump seal leaking", "verified", None), ("pump seals leaking", "verified", None)])
    other_bone = make_case(2, "b", [("pump seal leaking", "verified", "Material")])
    machine = make_case(3, "c", [("pump seal leaking", "verified", "Machine")])
    g = recurrence_graph([same_case, other_bone, machine])
    assert not g.has_edge(("C-1", "K-1"), ("C-1", "K-2"))  # the same case: not a recurrence
    assert not g.has_edge(("C-2", "K-2"), ("C-3", "K-2"))  # Material vs Machine
    assert g.has_edge(("C-1", "K-1"), ("C-2", "K-2")) and g.has_edge(("C-1", "K-1"), ("C-3", "K-2"))
    rejected = make_case(4, "d", [("pump seal leaking", "rejected", None)])
    assert ("C-4", "K-1") not in recurrence_graph([same_case, rejected])


def test_all_pairs_finds_exactly_what_brute_force_finds() -> None:
    texts = [c.text for case in workspace_cases() for c in graph_ops.causes_only(case)]
    texts += ["pump seal leaking", "pump seals leak", "hydraulic pump seal worn", "seal of the pump leaking"]
    index = TextIndex(texts, skip_common=False)
    for threshold in (0.2, 0.5, 0.8):
        fast = {(a, b) for a, b, _score in index.pairs(threshold)}
        slow = {(a, b) for a in range(len(texts)) for b in range(a + 1, len(texts))
                if sum(w * index.vectors[b].get(f, 0.0) for f, w in index.vectors[a].items()) >= threshold}
        assert fast == slow


def test_search_ranks_causes_actions_and_problem_statements() -> None:
    cases = workspace_cases()
    hits = search(cases, "spindle bearing")
    kinds = [(h.kind, h.case_id, h.ref) for h in hits]
    # the short causes holding both words first, then the longer action, then one word only
    assert set(kinds[:3]) == {("cause", "C-1", "K-2"), ("cause", "C-2", "K-2"), ("cause", "C-3", "K-1")}
    assert ("action", "C-1", "A-11") in kinds
    assert kinds.index(("action", "C-1", "A-11")) < kinds.index(("cause", "C-4", "K-4"))  # "Bearing supplier..."
    assert all("printer" not in h.text.lower() for h in hits)
    problem = search(cases, "chatter marks")[0]
    assert (problem.kind, problem.case_id, problem.field) == ("problem", "C-1", "what")
    assert search(cases, "the of") == [] and search(cases, "zeppelin") == []


def test_search_reads_evidence() -> None:
    case = make_case(1, "t", [("Seal leaking", "verified", None)])
    graph_ops.verify(case, "K-1", "dye penetrant test showed a crack", by="Ana")
    hit = search([case], "penetrant")[0]
    assert (hit.kind, hit.ref, hit.field, hit.text) == ("cause", "K-1", "evidence", "dye penetrant test showed a crack")


@pytest.mark.parametrize("command", [["lessons"], ["lessons", "--json"], ["search", "spindle", "bearing"],
                                     ["lessons", "--like", "worn spindle bearings"]])
def test_the_commands_run(workspace, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from rca.cli import main

    for case in workspace_cases():
        case.id = "C-99"  # the store gives its own ids
        workspace.add_case(case, summary="test")
    assert main(["--workspace", str(workspace.path), *command]) == 0
    out = capsys.readouterr().out
    assert "spindle" in out.lower()
