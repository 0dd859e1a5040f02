"""The lossless case export and its validated import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports import registry
from exports.case_json import case_json_bytes, parse_case, read_case_file
from rca import actions, causes
from rca.errors import ImportInvalid
from rca.model import ActionKind, Case, CausePath, Method


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """An empty folder of the test's own (the shared fixtures may put a workspace in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


INJECTION = [
    "<script>alert(1)</script>",
    '"];\ndigraph x {',
    '=HYPERLINK("http://x")',
    "+1-1",
    "@SUM(A1)",
    "line1\r\nBEGIN:VEVENT",
    "../../etc/passwd",
    "\x1b[31mred",
    "nul\x00byte",
    "שלום עולם 😀 e\u0301 \u202eevil",
    "x" * 100_000,
]


def sample_case() -> Case:
    case = Case(id="C-7", title="Torque out of tolerance on line 3", method=Method.EIGHT_D)
    machine = causes.add_category(case, "Machine", key="machine")
    wrench = causes.add_cause(case, machine.id, "Torque wrench drifts", path=CausePath.OCCURRENCE)
    calib = causes.add_cause(case, wrench.id, "No calibration since March")
    causes.verify(case, calib.id, "Calibration log")
    causes.set_root(case, calib.id)
    other = causes.add_cause(case, "P", "Shift change at 14:00")
    causes.link(case, other.id, calib.id)
    actions.add_action(
        case,
        "A-1",
        "Calibrate wrenches monthly",
        owner="Ana",
        due=date(2026, 12, 1),
        kind=ActionKind.CORRECTIVE,
        causes=[calib.id],
        today=date(2026, 11, 1),
    )
    return case


def test_registered() -> None:
    assert registry.lookup("case", Path("x.json")).write is not None


def test_round_trip(outdir: Path) -> None:
    case = sample_case()
    path = outdir / "c.json"
    registry.export("case", case, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["rca"] == "case" and data["schema_version"] == 1 and data["case"]["id"] == "C-7"
    assert read_case_file(path) == case


def test_bare_case_object_is_accepted(outdir: Path) -> None:
    case = sample_case()
    path = outdir / "bare.json"
    path.write_text(json.dumps(case.to_json_dict()), encoding="utf-8")
    assert read_case_file(path) == case


def test_bom_is_accepted(outdir: Path) -> None:
    path = outdir / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + case_json_bytes(sample_case()))
    assert read_case_file(path).id == "C-7"


def _problems(raw: object) -> list[str]:
    with pytest.raises(ImportInvalid) as info:
        parse_case(json.dumps(raw).encode(), "in.json")
    assert "in.json" in str(info.value) and "Nothing was imported" in str(info.value)
    return info.value.problems


def test_field_errors_name_their_json_path() -> None:
    doc = json.loads(case_json_bytes(sample_case()))
    doc["case"]["actions"][0]["due"] = "next week"
    doc["case"]["causes"][1]["status"] = "maybe"
    doc["case"]["colour"] = "red"
    problems = _problems(doc)
    assert any(p.startswith("case.actions[0].due:") and "YYYY-MM-DD" in p for p in problems)
    assert any(p.startswith("case.causes[1].status:") for p in problems)
    assert any(p.startswith("case.colour:") and "not a known field" in p for p in problems)


def test_graph_errors_are_listed() -> None:
    doc = json.loads(case_json_bytes(sample_case()))
    doc["case"]["links"].append({"effect": "K-9", "cause": "K-2"})
    doc["case"]["links"].append({"effect": "K-3", "cause": "K-2"})  # a circle: K-2 → K-3 → K-2
    doc["case"]["actions"][0]["causes"] = ["K-404"]
    problems = _problems(doc)
    assert any("K-9 is not a node" in p for p in problems)
    assert any("circle" in p for p in problems)
    assert any("actions[0].causes" in p and "K-404" in p for p in problems)


def test_envelope_errors() -> None:
    assert any("newer rca" in p for p in _problems({"rca": "case", "schema_version": 99, "case": {}}))
    assert any("not a case" in p for p in _problems({"rca": "workspace", "schema_version": 1, "case": {}}))
    assert any("(top level)" in p for p in _problems([1, 2]))


def test_bad_files(outdir: Path) -> None:
    with pytest.raises(ImportInvalid, match="does not exist"):
        read_case_file(outdir / "missing.json")
    with pytest.raises(ImportInvalid, match="folder"):
        read_case_file(outdir)
    bad = outdir / "bad.json"
    bad.write_text('{"rca": "case",', encoding="utf-8")
    with pytest.raises(ImportInvalid, match="line 1"):
        read_case_file(bad)
    bad.write_bytes(b'{"id": "\xff"}')
    with pytest.raises(ImportInvalid, match="not UTF-8"):
        read_case_file(bad)


def test_injection_corpus_round_trips(outdir: Path) -> None:
    case = sample_case()
    for index, text in enumerate(INJECTION):
        cause = causes.add_cause(case, "P", text[:2000] if len(text) > 2000 else text)
        case.node(cause.id).text = text  # the model accepts any length; the export must keep it all
        actions.add_action(case, f"A-{index + 10}", text, owner=text, deliverable=text, causes=[cause.id])
    path = outdir / "injection.json"
    registry.export("case", case, path)
    assert read_case_file(path) == case


def test_lone_surrogate_is_a_clear_problem() -> None:
    doc = json.loads(case_json_bytes(sample_case()))
    raw = json.dumps(doc).replace('"Torque out of tolerance on line 3"', '"bad \\ud800 text"').encode()
    with pytest.raises(ImportInvalid) as info:
        parse_case(raw, "s.json")
    assert info.value.problems[0].startswith("case.title:")


# ---------------------------------------------------------------- property: any case round-trips

texts = st.text(min_size=1, max_size=40).filter(lambda s: s.replace("\x00", "").strip() != "")
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    case = Case(
        id=f"C-{draw(st.integers(1, 9999))}",
        title=draw(texts),
        method=draw(st.sampled_from(Method)),
        created_on=draw(dates),
    )
    nodes = ["P"]
    causes.ensure_problem(case)
    for _ in range(draw(st.integers(0, 4))):
        nodes.append(causes.add_category(case, draw(texts)).id)
    for _ in range(draw(st.integers(0, 12))):
        parent = draw(st.sampled_from(nodes))
        cause = causes.add_cause(case, parent, draw(texts), path=draw(st.none() | st.sampled_from(CausePath)))
        nodes.append(cause.id)
        if draw(st.booleans()):
            causes.verify(case, cause.id, draw(texts))
            if draw(st.booleans()):
                causes.set_root(case, cause.id)
        elif draw(st.booleans()):
            causes.reject(case, cause.id, draw(texts))
        who = draw(st.sampled_from(["ana", "bo", "cy"]))
        if draw(st.booleans()) and causes.votes_used(case, who) < case.votes_per_person:
            causes.vote(case, cause.id, who)
    cause_ids = [n for n in nodes if n.startswith("K-") and case.node(n).kind.value == "cause"]
    for index in range(draw(st.integers(0, 5))):
        linked = draw(st.lists(st.sampled_from(cause_ids), max_size=3)) if cause_ids else []
        actions.add_action(
            case,
            f"A-{index + 1}",
            draw(texts),
            owner=draw(st.text(max_size=10)),
            due=draw(st.none() | dates),
            kind=draw(st.sampled_from(ActionKind)),
            causes=linked,
            today=draw(dates),
        )
    return case


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(cases())
def test_any_case_round_trips(case: Case) -> None:
    assert parse_case(case_json_bytes(case), "mem") == case
