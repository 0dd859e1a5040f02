"""Fishbone and why-tree exports: geometry without overlaps, SVG/DOT/Mermaid that parse, PNG/PDF files,
Graphviz missing, and user text that never becomes syntax."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest

from exports import diagrams, registry
from exports.diagrams import GraphvizMissing, fishbone_dot, fishbone_mermaid, fishbone_svg, whytree_svg
from exports.fishbone_layout import layout, text_width, wrap_text
from exports.safe import one_line
from exports.whytree import whytree_dot, whytree_mermaid
from rca import causes
from rca.errors import RcaError
from rca.model import Case, CausePath, Method

SVG = "{http://www.w3.org/2000/svg}"
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz is not installed")


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
    "%% click x call alert() ; # : `md` {}|<>",
    "x" * 100_000,
]


def eight_d_case() -> Case:
    """A realistic 8D case: loose bolts at a customer, 16 causes on the 6M bones, one shared cause."""
    case = Case(
        id="C-7", title="Loose M8 bolts on bracket assembly (customer returns)", method=Method.EIGHT_D
    )
    case.problem.what = "Customer returned 37 brackets with loose M8 bolts (torque below 18 N·m) in week 12"
    cat = {
        name: causes.add_category(case, name, key=name.lower()).id
        for name in ("Manpower", "Machine", "Method", "Material", "Measurement", "Environment")
    }
    add = causes.add_cause
    wrench = add(case, cat["Machine"], "Torque wrench drifts out of calibration", path=CausePath.OCCURRENCE)
    calib = add(case, wrench.id, "No calibration since March")
    plan = add(case, calib.id, "Calibration plan does not cover line 3 tools", path=CausePath.SYSTEMIC)
    socket = add(case, cat["Machine"], "Nutrunner socket worn")
    wi = add(case, cat["Method"], "Work instruction lacks the tightening sequence", path=CausePath.OCCURRENCE)
    check = add(case, cat["Method"], "No torque check at end of line", path=CausePath.NON_DETECTION)
    copied = add(case, check.id, "Control plan copied from line 2 without review", path=CausePath.SYSTEMIC)
    night = add(case, cat["Manpower"], "New operators on the night shift")
    add(case, night.id, "Training skipped during the ramp-up")
    fatigue = add(case, cat["Manpower"], "Operator fatigue on 12-hour shifts")
    batch = add(case, cat["Material"], "Bolt batch 2231 with undersized thread")
    add(case, cat["Material"], "Washer supplier changed in May")
    audit = add(
        case, cat["Measurement"], "Torque audit sample too small (1 in 500)", path=CausePath.NON_DETECTION
    )
    grr = add(case, cat["Measurement"], "Gauge R&R never done on the torque tester")
    add(case, cat["Environment"], "Vibration from press 4 nearby")
    cold = add(case, cat["Environment"], "Cold workshop on winter mornings")
    add(case, "P", "Shift change at 14:00")
    causes.link(case, grr.id, plan.id)
    for node, evidence in (
        (wrench, "Wrench read 15% low on the test bench"),
        (calib, "Calibration log"),
        (plan, "Plan reviewed"),
        (wi, "WI-114 rev C"),
        (check, "Line walk"),
        (audit, "Audit records"),
        (copied, "Document history"),
    ):
        causes.verify(case, node.id, evidence)
    for node in (calib, plan, wi, check, copied):
        causes.set_root(case, node.id)
    for node, evidence in (
        (socket, "Socket measured in tolerance"),
        (fatigue, "Defects spread over all hours"),
        (batch, "Lab measured batch 2231 in tolerance"),
        (cold, "Returns in summer too"),
    ):
        causes.reject(case, node.id, evidence)
    for who, node in (
        ("ana", wrench),
        ("ana", wrench),
        ("bo", wrench),
        ("bo", night),
        ("cy", night),
        ("cy", night),
        ("dan", audit),
    ):
        causes.vote(case, node.id, who)
    return case


WORDS = [
    "torque",
    "wrench",
    "operator",
    "shift",
    "bolt",
    "thread",
    "washer",
    "supplier",
    "gauge",
    "audit",
    "sample",
    "instruction",
    "training",
    "calibration",
    "vibration",
    "press",
    "humidity",
    "line",
    "fixture",
    "jig",
    "clamp",
    "sensor",
    "alarm",
    "checklist",
    "handover",
    "maintenance",
    "spare",
    "lubrication",
    "coating",
    "paint",
    "batch",
    "drawing",
    "tolerance",
]


def big_case(count: int = 100, seed: int = 7) -> Case:
    """``count`` causes over 6 bones, up to four levels deep, texts from 2 to 25 words."""
    rng = random.Random(seed)
    case = Case(id="C-99", title="Big workshop: scrap rate doubled on the paint line", method=Method.ISHIKAWA)
    bones = [
        causes.add_category(case, name).id
        for name in ("Manpower", "Machine", "Method", "Material", "Measurement", "Environment")
    ]
    nodes: list[str] = []
    for index in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 25)))
        parent = rng.choice(bones) if not nodes or rng.random() < 0.45 else rng.choice(nodes)
        cause = causes.add_cause(case, parent, f"{index + 1}. {words.capitalize()}")
        nodes.append(cause.id)
        roll = rng.random()
        if roll < 0.2:
            causes.verify(case, cause.id, "seen")
            if rng.random() < 0.3:
                causes.set_root(case, cause.id)
        elif roll < 0.35:
            causes.reject(case, cause.id, "ruled out")
    return case


def _texts(svg: str) -> str:
    root = ET.fromstring(svg)
    return " ".join(" ".join(el.itertext()) for el in root.iter(f"{SVG}title"))


def _assert_no_overlap(case: Case) -> None:
    drawing = layout(case, "title")
    boxes = [(label.role, label.lines[0], label.box) for label in drawing.labels]
    for (ra, ta, a), (rb, tb, b) in combinations(boxes, 2):
        assert not a.overlaps(b), f"{ra} '{ta}' overlaps {rb} '{tb}'"
    for _role, _text, box in boxes:
        assert box.x0 >= 0 and box.x1 <= drawing.width and box.y0 >= 0 and box.y1 <= drawing.height


# ---------------------------------------------------------------- layout


def test_text_metrics_and_wrapping() -> None:
    assert text_width("iiii", 10) < text_width("MMMM", 10)
    assert text_width("e\u0301", 10) == text_width("e", 10)
    lines = wrap_text("a " * 200, 100, 12, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(text_width(line, 12) <= 100 for line in wrap_text("x" * 500, 100, 12, max_lines=50))


def test_fishbone_layout_has_no_overlaps() -> None:
    _assert_no_overlap(eight_d_case())


@pytest.mark.parametrize("count", [1, 20, 100])
def test_big_fishbone_has_no_overlaps(count: int) -> None:
    _assert_no_overlap(big_case(count))


def test_fishbone_bones_alternate_and_every_cause_is_drawn() -> None:
    case = eight_d_case()
    drawing = layout(case)
    categories = [label for label in drawing.labels if label.role == "category"]
    above = {label.lines[0] for label in categories if label.box.y1 < drawing.spine_y}
    below = {label.lines[0] for label in categories if label.box.y0 > drawing.spine_y}
    assert above == {"Manpower", "Method", "Measurement", "Other"}
    assert below == {"Machine", "Material", "Environment"}
    drawn = {label.node.id for label in drawing.labels if label.role == "cause" and label.node}
    assert drawn == {c.id for c in causes.causes_only(case)}
    refs = [label for label in drawing.labels if label.role == "ref"]
    assert len(refs) == 1 and refs[0].node is not None and "Calibration plan" in refs[0].node.text


def test_empty_case_draws_head_and_spine() -> None:
    case = Case(id="C-1", title="Nothing yet", method=Method.ISHIKAWA)
    svg = fishbone_svg(case)
    assert "Nothing yet" in _texts(svg)
    ET.fromstring(svg)


# ---------------------------------------------------------------- SVG, DOT, Mermaid


def test_fishbone_svg_parses_and_holds_every_text() -> None:
    for case in (eight_d_case(), big_case(100)):
        svg = fishbone_svg(case)
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg" and float(root.get("width", 0)) > 500
        titles = _texts(svg)
        for cause in causes.causes_only(case):
            assert one_line(cause.text) in titles
        assert "<style" not in svg and " id=" not in svg  # safe to put inline in an A3 page


def test_fishbone_styles_and_legend() -> None:
    svg = fishbone_svg(eight_d_case())
    assert 'text-decoration="line-through"' in svg  # rejected
    assert 'stroke="#E8590C"' in svg  # root-cause frame
    assert 'fill="#1B6E33"' in svg  # verified
    assert 'fill="#3B5BDB"' in svg  # votes
    assert "Legend:" in svg and "root cause" in svg


@needs_dot
def test_fishbone_dot_runs_through_graphviz(outdir: Path) -> None:
    dot = fishbone_dot(eight_d_case())
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    ET.fromstring(done.stdout)
    assert b"Warning" not in done.stderr and b"Error" not in done.stderr


@needs_dot
def test_whytree_dot_and_svg() -> None:
    case = eight_d_case()
    dot = whytree_dot(case)
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
    assert done.returncode == 0 and not done.stderr, done.stderr.decode()
    svg = whytree_svg(case)
    assert svg.startswith("<svg")
    text = " ".join(ET.fromstring(svg).itertext())
    for cause in causes.causes_only(case):
        for word in one_line(cause.text).split()[:3]:
            assert word.replace("&", "&") in text
    assert "occurrence" in text and "non-detection" in text and "systemic" in text


def test_whytree_draws_a_shared_cause_once_with_two_arrows() -> None:
    case = eight_d_case()
    dot = whytree_dot(case)
    assert dot.count("Calibration plan") == 1
    ids = re.findall(r"^  (n\d+) \[.*Calibration plan", dot, re.MULTILINE)
    assert len(ids) == 1
    assert len(re.findall(rf"-> {ids[0]};", dot)) == 2


def test_mermaid_outputs() -> None:
    case = eight_d_case()
    fish = fishbone_mermaid(case)
    assert fish.startswith("---\ntitle:") and "flowchart RL" in fish and "classDef root" in fish
    whys = whytree_mermaid(case)
    assert "flowchart BT" in whys and ":::rejected" in whys
    assert whys.count("Calibration plan does not cover") == 1


# ---------------------------------------------------------------- files through the registry


@pytest.mark.parametrize("extension", [".svg", ".dot", ".mmd", ".pdf", ".png"])
@pytest.mark.parametrize("kind", ["fishbone", "whys"])
def test_every_format_writes_a_file(kind: str, extension: str, outdir: Path) -> None:
    fmt = registry.lookup(kind, Path("x" + extension))
    if fmt.needs_dot and not HAS_DOT:
        pytest.skip("Graphviz is not installed")
    path = outdir / f"{kind}{extension}"
    registry.export(kind, eight_d_case(), path)
    data = path.read_bytes()
    magic = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-"}
    if extension in magic:
        assert data.startswith(magic[extension])
    elif extension == ".svg":
        ET.fromstring(data)
    else:
        data.decode("utf-8")
    assert [p.name for p in outdir.iterdir()] == [path.name]


def test_without_graphviz(monkeypatch: pytest.MonkeyPatch, outdir: Path) -> None:
    monkeypatch.setattr(registry, "dot_available", lambda: False)
    case = eight_d_case()
    for kind, extension in (("fishbone", ".png"), ("whys", ".svg"), ("whys", ".png"), ("whys", ".pdf")):
        with pytest.raises(RcaError, match="apt-get install graphviz"):
            registry.export(kind, case, outdir / f"x{extension}")
    with pytest.raises(GraphvizMissing):
        whytree_svg(case)
    for kind, extension in (
        ("fishbone", ".svg"),
        ("fishbone", ".dot"),
        ("fishbone", ".mmd"),
        ("whys", ".dot"),
        ("whys", ".mmd"),
    ):
        registry.export(kind, case, outdir / f"{kind}{extension}")
    assert not list(outdir.glob("x.*"))
    assert fishbone_svg(case).startswith("<svg")
    assert issubclass(diagrams.GraphvizMissing, RcaError)


# ---------------------------------------------------------------- hostile text


def hostile_case() -> Case:
    case = Case(id="C-66", title="<b>x</b> \"quoted\" & 'single'", method=Method.EIGHT_D)
    bone = causes.add_category(case, '"]; node [shape=none]; x [label="')
    parent = bone.id
    for text in INJECTION:
        cause = causes.add_cause(case, parent, text[:2000] if len(text) > 2000 else text)
        case.node(cause.id).text = text
        parent = cause.id if len(text) < 100 else bone.id
    causes.add_cause(case, "P", "\\l\\N\\G backslash escapes")
    causes.add_cause(case, "P", "\x1b[31m")  # nothing left once cleaned
    causes.add_cause(case, "P", "a long first line that wraps before the bracket ] [occurrence] ]]")
    return case


@pytest.mark.parametrize("extension", [".svg", ".dot", ".mmd", ".pdf", ".png"])
@pytest.mark.parametrize("kind", ["fishbone", "whys"])
def test_hostile_text_in_every_format(kind: str, extension: str, outdir: Path) -> None:
    fmt = registry.lookup(kind, Path("x" + extension))
    if fmt.needs_dot and not HAS_DOT:
        pytest.skip("Graphviz is not installed")
    path = outdir / f"out{extension}"
    registry.export(kind, hostile_case(), path)
    data = path.read_bytes()
    assert [p.name for p in outdir.iterdir()] == [path.name]
    if extension == ".svg":
        root = ET.fromstring(data)
        assert not [el for el in root.iter() if el.tag.endswith("script")]
        assert b"<script>" not in data and b"\x1b" not in data and b"\x00" not in data
    if extension == ".dot" and HAS_DOT:
        done = subprocess.run(["dot", "-Tsvg"], input=data, capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode()
        svg = ET.fromstring(done.stdout)
        assert not [el for el in svg.iter() if el.tag.endswith("script")]
        drawn = " ".join(svg.itertext())
        assert '"];' in drawn and "<script>alert(1)</script>" in drawn  # shown as text
    if extension == ".mmd":
        text = data.decode()
        assert "<script>" not in text and "\x1b" not in text
        title = text.splitlines()[1]
        # No HTML tag survives in a title a viewer renders: < and > become look-alikes (‹ ›).
        assert title.startswith("title: ") and '\u2039b\u203ax\u2039/b\u203a "quoted"' in json.loads(title[len("title: ") :])
        for line in text.splitlines():
            assert not line.strip().startswith(("click", "%%{")), line
            if '["' in line:
                inner = line.split('["', 1)[1].rsplit('"]', 1)[0]
                assert '"' not in inner


def test_hostile_layout_has_no_overlaps() -> None:
    _assert_no_overlap(hostile_case())
