"""The method reports (8D, DMAIC, any method step by step) in PDF, HTML and Markdown.

The realistic cases built here (``bore_case``: an 8D on a machined housing; ``dmaic_case``; ``whys_case``)
are also used by the A3 and rendering tests. PDFs are read back with ``pdftotext``.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from exports.registry import ExportContext, export
from methods.registry import get
from rca import actions, causes
from rca.model import (
    ActionKind,
    ActionStatus,
    Case,
    CausePath,
    Decision,
    Direction,
    Effectiveness,
    Indicator,
    IsIsNot,
    Measurement,
    Method,
    ProblemStatement,
    Role,
    Signoff,
    StepRecord,
    TeamMember,
)

TODAY = date(2026, 3, 20)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) is not installed; cannot read PDFs back")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    import weasyprint  # noqa: F401  (pdfinfo may be absent where pdftotext is not)

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def squash(text: str) -> str:
    """Text with all white space and hyphens removed and case folded: PDF text wraps lines where the layout
    wraps them (pdftotext joins "fine-|adjust" as "fineadjust"), and small headings are set in capitals."""
    return "".join(text.split()).replace("-", "").casefold()


# ---------------------------------------------------------------- cases


def _fields(case: Case, step: str, **fields: str) -> None:
    case.step(step).fields.update(fields)


def bore_case() -> Case:
    """An 8D a coordinator hands a customer: bore diameter out of tolerance on a machined housing."""
    case = Case(id="C-12", title="Bore Ø32 H7 oversize on housing HX-220", method=Method.EIGHT_D,
                created_on=date(2026, 1, 9), created_by="Julien Roche", version=27)
    case.team = [
        TeamMember(name="Claire Martin", role=Role.CHAMPION, function="Plant manager"),
        TeamMember(name="Julien Roche", role=Role.LEADER, function="Quality engineer"),
        TeamMember(name="Sami Benali", role=Role.MEMBER, function="Machining cell 3, team leader"),
        TeamMember(name="Inès Garnier", role=Role.MEMBER, function="Maintenance"),
        TeamMember(name="Paul Vidal", role=Role.MEMBER, function="Process engineering"),
        TeamMember(name="Laura Chen", role=Role.FACILITATOR, function="QSE coordinator"),
    ]
    case.problem = ProblemStatement(
        what="Bore Ø32 H7 measured 32.031–32.046 mm (tolerance 32.000–32.025 mm) on housing HX-220",
        where="Cell 3, machining centre HMC-2, op. 40 finish boring; found at the customer's gearbox line",
        when="First seen 2026-01-08 at the customer; lots 2601-03 to 2601-07 (weeks 1–2)",
        who="Customer incoming inspection (Axon Drives, Lyon), then our final inspection",
        how_detected="Customer complaint AX-0142: bearings too loose at assembly",
        how_many="212 of 1,450 parts delivered (14.6 %) in 3 lots; one 2-hour line stop at the customer",
        why_it_matters="Loose bearing fit gives gearbox noise and early wear: field-return risk, customer line "
                       "stop, supplier rating at risk (PPM objective 50).",
        is_is_not=[
            IsIsNot(dimension="What", is_="Ø32 bore, oversize", is_not="Ø20 and Ø47 bores of the same part",
                    distinction="Only op. 40 uses boring bar B-32 with a fine-adjust head"),
            IsIsNot(dimension="Where", is_="HMC-2, cell 3", is_not="HMC-1 running the same program",
                    distinction="HMC-2 program changed to v7 on 2026-01-04"),
            IsIsNot(dimension="When", is_="From lot 2601-03 (2026-01-05)", is_not="Before 2026-01-05",
                    distinction="Program v7 release"),
            IsIsNot(dimension="How many", is_="Oversize +6 to +21 µm, growing through each lot",
                    is_not="Random scatter", distinction="A drift: tool wear or heat"),
        ],
    )
    _fields(case, "d0", symptom="Customer found loose bearings on HX-220 housings at assembly.",
            emergency_response="Shipments stopped 2026-01-09; stock quarantined; customer informed within 24 h.",
            criteria="Customer complaint, line stop at the customer, safety-neutral but high cost.",
            decision="Yes — Claire Martin, 2026-01-09")
    _fields(case, "d1", meetings="Daily 15 min at cell 3 until D5, then weekly.")
    _fields(case, "d2", requirement="Drawing HX-220 rev. D: Ø32 H7 (32.000–32.025 mm), Cpk ≥ 1.67.",
            statement="Housings HX-220 reach the customer with the Ø32 bore up to 21 µm oversize, so bearings "
                      "sit loose.")
    _fields(case, "d3", suspect_scope="WIP 180, stock 640, in transit 0, at customer 1,450 (all sorted).",
            clean_point="Lot 2601-08 onward, marked with a green dot on the label.")
    _fields(case, "d4", verification="Tool life at 800 parts reproduced the drift (+18 µm at part 700); "
                                     "at 350 parts the bore stays within 32.004–32.012. GR&R of the bore "
                                     "gauge: 38 %.")
    _fields(case, "d5", choice="Tool-life lock chosen over in-process compensation: simpler, no new "
                               "hardware; validated on 3 lots before release.")
    _fields(case, "d6", implementation="Program v8 with tool life 350 released 2026-02-02 (lot 2602-01); air "
                                       "gauge in use since 2026-02-09.",
            containment_removed="100 % check stopped 2026-03-16 after 6 weeks with Cpk ≥ 1.8.",
            validation="0 oversize bores on 4,200 parts since week 6; Cpk 1.92 over weeks 7–9.")
    _fields(case, "d7", standards="Program change procedure PR-MET-12 rev. F: tool-life parameters need a "
                                  "second-person check.",
            fmea="PFMEA HX-220 op. 40: tool wear added as a cause, occurrence 6 → 3, detection 7 → 3.",
            control_plan="Air gauge 1 in 10, SPC X̄-R, reaction plan RP-40.",
            similar="Same tool-life lock applied to cells 1, 2 and 4 (A-7).",
            lessons="Shared at the March quality review; added to the lessons-learned base (LL-2026-04).")

    causes.ensure_problem(case)
    bones = {name: causes.add_category(case, name) for name in
             ("Machine", "Method", "Material", "Measurement", "Manpower", "Environment")}
    worn = causes.add_cause(case, bones["Method"].id, "Boring insert worn past its life")
    life = causes.add_cause(case, worn.id, "Tool life set to 800 parts instead of 400 in program v7")
    occ = causes.add_cause(case, life.id, "Program change procedure does not check tool-life parameters",
                           path=CausePath.OCCURRENCE)
    freq = causes.add_cause(case, bones["Measurement"].id, "In-process check only 1 part in 50")
    gauge = causes.add_cause(case, freq.id, "Bore gauge not capable for H7 (GR&R 38 %)",
                             path=CausePath.NON_DETECTION)
    fmea = causes.add_cause(case, bones["Method"].id, "PFMEA op. 40 rated tool wear as unlikely",
                            path=CausePath.SYSTEMIC)
    runout = causes.add_cause(case, bones["Machine"].id, "Spindle runout after the December repair")
    thermal = causes.add_cause(case, bones["Machine"].id, "Spindle thermal growth on night shift")
    hard = causes.add_cause(case, bones["Material"].id, "Casting hardness at the top of the range")
    master = causes.add_cause(case, bones["Measurement"].id, "Master ring out of calibration")
    newop = causes.add_cause(case, bones["Manpower"].id, "New setter on the night shift")
    coolant = causes.add_cause(case, bones["Environment"].id, "Coolant temperature swings")
    causes.verify(case, worn.id, "Insert wear 0.3 mm flank at part 780 (photo QA-2211)", by="Paul Vidal")
    causes.verify(case, life.id, "Program v7 history: life changed 400 → 800 on 2026-01-04", by="Paul Vidal")
    causes.verify(case, occ.id, "PR-MET-12 rev. E has no tool-life check; trial at 350 parts holds tolerance",
                  by="Julien Roche")
    causes.set_root(case, occ.id)
    causes.verify(case, freq.id, "Control plan CP-40: 1/50; drift spans 120 parts", by="Julien Roche")
    causes.verify(case, gauge.id, "GR&R study 2026-01-15: 38 % of tolerance", by="Laura Chen")
    causes.set_root(case, gauge.id)
    causes.verify(case, fmea.id, "PFMEA rev. 3: occurrence 2 for tool wear, no wear control", by="Laura Chen")
    causes.set_root(case, fmea.id)
    causes.reject(case, runout.id, "Runout measured 2 µm on 2026-01-12 (limit 5 µm)", by="Inès Garnier")
    causes.reject(case, thermal.id, "Warm-up cycle run; growth 3 µm, defects on both shifts", by="Inès Garnier")
    causes.reject(case, hard.id, "Certificates 198–212 HB, within 180–220 HB", by="Paul Vidal")
    causes.reject(case, master.id, "Calibrated 2025-12-02, certificate C-8841", by="Laura Chen")
    causes.reject(case, newop.id, "Training record complete; defects on day shift too", by="Sami Benali")
    causes.reject(case, coolant.id, "Logged 19–21 °C through the weeks concerned", by="Inès Garnier")
    for cause in case.causes:
        for evidence in cause.evidence:
            evidence.on = date(2026, 1, 16)

    sort = actions.add_action(case, "A-1", "Sort all stock, WIP and customer stock with an air gauge",
                              owner="Sami Benali", due=date(2026, 1, 12), kind=ActionKind.CONTAINMENT,
                              deliverable="Sorting record SR-0142", today=date(2026, 1, 9))
    check = actions.add_action(case, "A-2", "100 % Ø32 check before packing until D6 closes",
                               owner="Sami Benali", due=date(2026, 1, 10), kind=ActionKind.CONTAINMENT,
                               today=date(2026, 1, 9))
    life_lock = actions.add_action(case, "A-3", "Set tool life of insert B-32 to 350 parts and lock it in v8",
                                   owner="Paul Vidal", due=date(2026, 2, 2), causes=[occ.id],
                                   deliverable="Program v8 released", today=date(2026, 1, 20))
    air = actions.add_action(case, "A-4", "Replace the bore gauge by an air gauge at op. 40",
                             owner="Inès Garnier", due=date(2026, 2, 9), causes=[gauge.id],
                             deliverable="Air gauge AG-32, GR&R < 10 %", today=date(2026, 1, 20))
    proc = actions.add_action(case, "A-5", "Add tool-life parameters to the program change checklist",
                              owner="Julien Roche", due=date(2026, 2, 28), causes=[occ.id],
                              deliverable="PR-MET-12 rev. F", today=date(2026, 1, 20))
    pfmea = actions.add_action(case, "A-6", "Re-rate tool wear in the PFMEA of op. 40 and add the air gauge",
                               owner="Laura Chen", due=date(2026, 4, 15), causes=[fmea.id],
                               deliverable="PFMEA HX-220 rev. 4", today=date(2026, 1, 20))
    actions.add_action(case, "A-7", "Lock tool-life parameters in all CNC programs of cells 1, 2 and 4",
                       owner="Paul Vidal", due=date(2026, 5, 29), kind=ActionKind.PREVENTIVE, causes=[fmea.id],
                       deliverable="Parameter lock on 38 programs", today=date(2026, 2, 20))
    for done, on in ((sort, date(2026, 1, 11)), (check, date(2026, 1, 10)), (life_lock, date(2026, 2, 2)),
                     (air, date(2026, 2, 9))):
        actions.set_status(done, ActionStatus.DONE, today=on)
    actions.set_status(proc, ActionStatus.IN_PROGRESS, today=date(2026, 2, 10))
    sort.effectiveness.criterion = "No suspect part left anywhere"
    actions.record_effectiveness(sort, Effectiveness.EFFECTIVE, evidence="1,450 sorted, 212 rejected",
                                 today=date(2026, 1, 12))
    check.effectiveness.criterion = "No oversize part shipped after the clean point"
    life_lock.effectiveness.criterion = "Cpk ≥ 1.67 on Ø32 over 3 production weeks"
    life_lock.effectiveness.planned = date(2026, 3, 13)
    actions.record_effectiveness(life_lock, Effectiveness.EFFECTIVE, evidence="Cpk 1.92 on 1,200 parts, weeks 7–9",
                                 today=date(2026, 3, 13))
    air.effectiveness.criterion = "GR&R < 10 % and all 20 seeded oversize parts caught"
    air.effectiveness.planned = date(2026, 2, 20)
    actions.record_effectiveness(air, Effectiveness.EFFECTIVE, evidence="GR&R 6.8 %; 20/20 caught",
                                 today=date(2026, 2, 20))
    proc.effectiveness.criterion = "Next 5 program changes audited: tool life checked each time"
    proc.effectiveness.planned = date(2026, 4, 30)
    pfmea.effectiveness.criterion = "PFMEA reviewed and signed by process and quality"
    pfmea.effectiveness.planned = date(2026, 4, 30)

    case.indicators = [Indicator(
        id="I-1", name="Cpk of bore Ø32", target=1.67, target_date=date(2026, 3, 31), better=Direction.HIGHER,
        baseline=0.62, measurements=[
            Measurement(on=date(2026, 1, 9), value=0.62, phase="baseline"),
            Measurement(on=date(2026, 1, 16), value=0.71, phase="baseline"),
            Measurement(on=date(2026, 1, 30), value=1.21, phase="improve"),
            Measurement(on=date(2026, 2, 6), value=1.58, phase="improve"),
            Measurement(on=date(2026, 2, 13), value=1.74, phase="control"),
            Measurement(on=date(2026, 2, 20), value=1.86, phase="control"),
            Measurement(on=date(2026, 2, 27), value=1.95, phase="control"),
            Measurement(on=date(2026, 3, 6), value=1.92, phase="control"),
        ])]
    case.steps["d0"].signoff = Signoff(by="Claire Martin", on=date(2026, 1, 9), decision=Decision.PROCEED)
    return case


def dmaic_case() -> Case:
    """A DMAIC project with every phase's tollgate but the last."""
    case = Case(id="C-31", title="Reduce changeover time on press line 2", method=Method.DMAIC,
                created_on=date(2026, 1, 5))
    case.team = [TeamMember(name="Marc Dubois", role=Role.CHAMPION, function="Operations director"),
                 TeamMember(name="Nadia Haddad", role=Role.LEADER, function="Black belt")]
    definition = get(Method.DMAIC)
    for index, step in enumerate(definition.steps):
        for field in step.fields:
            case.step(step.key).fields[field.key] = f"{step.key} {field.key}: changeover 95 min, goal 45 min by " \
                                                    f"2026-06-30"
        if index < len(definition.steps) - 1:
            case.step(step.key).signoff = Signoff(by="Marc Dubois", on=date(2026, 1, 20 + index),
                                                  decision=Decision.PROCEED, note=f"Tollgate {step.key} passed")
    case.indicators = [Indicator(id="I-1", name="Changeover time", unit="min", target=45,
                                 target_date=date(2026, 6, 30), measurements=[
                                     Measurement(on=date(2026, 1, 10), value=95, phase="baseline"),
                                     Measurement(on=date(2026, 3, 10), value=58, phase="improve")])]
    causes.ensure_problem(case)
    root = causes.add_cause(case, "P", "Dies prepared while the press waits")
    causes.verify(case, root.id, "Video of 5 changeovers: 40 min of internal die preparation")
    causes.set_root(case, root.id)
    actions.add_action(case, "A-1", "Prepare dies outside the press (SMED external tasks)", owner="Nadia Haddad",
                       due=date(2026, 4, 1), causes=[root.id], today=date(2026, 2, 1))
    return case


def whys_case() -> Case:
    """A small 5 Whys (no Ishikawa bones: its drawing is a why-tree)."""
    case = Case(id="C-4", title="Forklift battery flat at shift start", method=Method.FIVE_WHYS,
                created_on=date(2026, 2, 2))
    case.problem.what = "Forklift FL-3 battery flat at 06:00 three times in February"
    _fields(case, "define", standard="Batteries charged to 100 % at every shift start",
            facts="Charger C-2 showed a fault light; cable worn at the plug")
    _fields(case, "check", result="No flat battery since 2026-02-20")
    causes.ensure_problem(case)
    one = causes.add_cause(case, "P", "Battery not charged overnight")
    two = causes.add_cause(case, one.id, "Charger C-2 stops on a fault")
    three = causes.add_cause(case, two.id, "Plug cable worn: no inspection of chargers in the PM plan")
    causes.verify(case, three.id, "PM plan PM-07 lists no charger item")
    causes.set_root(case, three.id)
    actions.add_action(case, "A-9", "Add chargers to the monthly PM plan", owner="Inès Garnier",
                       due=date(2026, 3, 1), causes=[three.id], today=date(2026, 2, 5))
    return case


def a3_case() -> Case:
    """A typical A3 (the A3 method itself): changeover time on a press, one page at a comfortable size."""
    case = Case(id="C-8", title="Changeover time on press P-4", method=Method.A3, created_on=date(2026, 1, 12),
                version=9)
    case.team = [TeamMember(name="Hélène Morel", role=Role.LEADER, function="Production supervisor"),
                 TeamMember(name="Marc Dubois", role=Role.CHAMPION, function="Operations director"),
                 TeamMember(name="Yanis Kaci", role=Role.MEMBER, function="Setter")]
    _fields(case, "theme", theme="Changeover time on press P-4", owner="Hélène Morel", mentor="Marc Dubois",
            date="2026-03-18", revision="rev. 3")
    _fields(case, "background", background="P-4 runs 14 references in small lots; changeovers eat 22 % of its "
                                           "available time and the order book grows 15 % this year.",
            business_goal="Plant objective 2026: OEE of bottleneck presses from 61 % to 70 %.")
    _fields(case, "current", current_condition="Changeover averages 47 min (20 observed, range 38–71 min); "
                                               "60 % of it is done while the press is stopped.",
            problem_breakdown="Die search and pre-heating: 19 min; clamping: 11 min; first-part approval: 9 min.")
    _fields(case, "target", target="Changeover from 47 to 20 min by 2026-06-30, without more scrap at restart.")
    _fields(case, "analysis", analysis="Video of 5 changeovers, spaghetti diagram, time study by element.")
    _fields(case, "followup", followup="Week 11: 24 min on average (8 changeovers). Next: quick clamps on P-5.")
    causes.ensure_problem(case)
    internal = causes.add_cause(case, "P", "Dies prepared while the press is stopped")
    search = causes.add_cause(case, internal.id, "Die location not known: no die rack plan")
    heat = causes.add_cause(case, internal.id, "Dies pre-heated on the press, not beforehand")
    clamp = causes.add_cause(case, "P", "Clamping with 8 bolts of 3 different sizes")
    for node, proof in ((search, "Die search 9 min on average (video)"), (heat, "Pre-heat 10 min on the press"),
                        (clamp, "Clamping 11 min, 3 tool changes")):
        causes.verify(case, node.id, proof, by="Yanis Kaci")
        causes.set_root(case, node.id)
    rack = actions.add_action(case, "A-21", "Die rack with numbered places and a location board",
                              owner="Yanis Kaci", due=date(2026, 2, 20), causes=[search.id], today=date(2026, 2, 1))
    oven = actions.add_action(case, "A-22", "Pre-heat the next die in the oven during the run",
                              owner="Hélène Morel", due=date(2026, 3, 6), causes=[heat.id], today=date(2026, 2, 1))
    actions.add_action(case, "A-23", "Quick clamps, one size", owner="Marc Dubois", due=date(2026, 4, 30),
                       causes=[clamp.id], today=date(2026, 2, 1))
    for action in (rack, oven):
        actions.set_status(action, ActionStatus.DONE, today=action.due)
        action.effectiveness.criterion = "Changeover ≤ 30 min on 8 consecutive changeovers"
        action.effectiveness.planned = date(2026, 3, 27)
    case.indicators = [Indicator(id="I-1", name="Changeover time", unit="min", target=20,
                                 target_date=date(2026, 6, 30), baseline=47, measurements=[
                                     Measurement(on=date(2026, 1, 16), value=47),
                                     Measurement(on=date(2026, 2, 13), value=41),
                                     Measurement(on=date(2026, 2, 27), value=33),
                                     Measurement(on=date(2026, 3, 13), value=24)])]
    case.step("approval").signoff = Signoff(by="Marc Dubois", on=date(2026, 3, 18), decision=Decision.PROCEED,
                                            note="Go for quick clamps on P-5")
    return case


INJECTION = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    "\x1b[31mred\x1b[0m NUL:\x00: RTL: مرحبا بالعالم emoji: 🔧✅ <a href=\"javascript:alert(2)\">y</a> "
    "<svg onload=alert(3)> ![i](http://evil.example/i.png) <javascript:alert(4)>"
)
"""What users (or pasted text) can put in any field: must come out as text, never as markup."""


def injected_case(method: Method = Method.EIGHT_D) -> Case:
    """Every kind of text field of a case holds the injection corpus."""
    case = bore_case() if method is Method.EIGHT_D else whys_case()
    case.title = "T " + INJECTION[:200]
    for field in ("what", "where", "when", "who", "how_detected", "how_many", "why_it_matters"):
        setattr(case.problem, field, INJECTION)
    case.problem.is_is_not.append(IsIsNot(dimension=INJECTION, is_=INJECTION, is_not=INJECTION,
                                          distinction=INJECTION))
    case.team.append(TeamMember(name=INJECTION, function=INJECTION))
    for record in case.steps.values():
        for key in record.fields:
            record.fields[key] = INJECTION
    for step in get(method).steps:
        for field in step.fields:
            case.step(step.key).fields[field.key] = INJECTION
    case.steps.setdefault("unknown_step", StepRecord()).fields["odd"] = INJECTION
    for cause in case.causes:
        if cause.kind.value != "problem":
            cause.text = INJECTION
    for action in case.actions:
        action.title = INJECTION
        action.owner = INJECTION
        action.deliverable = INJECTION
        action.effectiveness.criterion = INJECTION
        action.effectiveness.evidence = INJECTION
    for indicator in case.indicators:
        indicator.name = INJECTION
        indicator.unit = "<b>u</b>"
        for measurement in indicator.measurements:
            measurement.phase = "<i>p</i>"
    for record in case.steps.values():
        if record.signoff:
            record.signoff.by = INJECTION
            record.signoff.note = INJECTION
    return case


class LiveMarkup(HTMLParser):
    """Collects anything that would run or load in a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.live: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "img", "image", "foreignobject"):
            self.live.append(tag)
        for key, value in attrs:
            if key.startswith("on"):
                self.live.append(f"{tag} {key}")
            if key in ("href", "src", "xlink:href") and (value or "").strip().lower().startswith(
                    ("javascript:", "data:text", "vbscript:")):
                self.live.append(f"{tag} {key}={value}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.live


def export_to(kind: str, case: Case, path: Path) -> ExportContext:
    return export(kind, case, path, ExportContext(today=TODAY))


# ---------------------------------------------------------------- 8D report


@needs_pdftotext
def test_8d_report_pdf_holds_every_discipline_and_the_case_text(tmp_path: Path) -> None:
    case = bore_case()
    target = tmp_path / "8d.pdf"
    export_to("report", case, target)
    text = squash(pdf_text(target))
    for step in get(Method.EIGHT_D).steps:
        assert squash(step.title) in text, step.title
    for expected in ("8D report", "C-12", "Summary", "Where each step stands", "5W2H", "IS / IS NOT",
                     "Containment actions and their verification", "Occurrence: why it happened",
                     "Non-detection: why it escaped", "Systemic: why the system allowed it", "Causes ruled out",
                     "Root causes and their corrective actions", "Effectiveness", "Preventive actions",
                     "Page 1 of"):
        assert squash(expected) in text, expected
    for member in case.team:
        assert squash(member.name) in text
    for action in case.actions:
        assert squash(action.title) in text, action.title
    for cause in causes.causes_only(case):
        assert squash(cause.text) in text, cause.text
    for record in case.steps.values():
        for value in record.fields.values():
            assert squash(value) in text, value
    assert squash(case.problem.how_many) in text
    assert squash("Why-chain:") in text


def test_8d_report_markdown_holds_every_section(tmp_path: Path) -> None:
    case = bore_case()
    target = tmp_path / "8d.md"
    export_to("report", case, target)
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    for step in get(Method.EIGHT_D).steps:
        assert any(step.title in h for h in headings), step.title
    assert text.startswith("# 8D report — C-12: Bore Ø32 H7 oversize on housing HX-220")
    assert "Cpk of bore Ø32" in text
    assert "Spindle runout after the December repair" in text


def test_8d_report_html_is_standalone_and_paged_a4(tmp_path: Path) -> None:
    target = tmp_path / "8d.html"
    export_to("report", bore_case(), target)
    html = target.read_text(encoding="utf-8")
    assert "size: A4" in html
    assert "<svg" in html  # the fishbone and the indicator chart, inline
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "")
    assert not live_markup(html)


def test_dmaic_report_shows_each_phase_and_its_tollgate(tmp_path: Path) -> None:
    target = tmp_path / "dmaic.md"
    export_to("report", dmaic_case(), target)
    text = target.read_text(encoding="utf-8")
    for step in get(Method.DMAIC).steps:
        assert step.title.split()[0] in text
    assert text.count("Tollgate") >= len(get(Method.DMAIC).steps)
    assert "Tollgate define passed" in text
    assert "Not signed yet" in text  # the control phase's tollgate is still open


@needs_pdftotext
def test_other_methods_report_their_own_steps(tmp_path: Path) -> None:
    target = tmp_path / "whys.pdf"
    export_to("report", whys_case(), target)
    text = squash(pdf_text(target))
    for step in get(Method.FIVE_WHYS).steps:
        assert squash(step.title) in text, step.title
    assert squash("Plug cable worn: no inspection of chargers in the PM plan") in text


def test_without_graphviz_the_why_tree_is_a_marked_placeholder(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    target = tmp_path / "whys.html"
    context = export_to("report", whys_case(), target)
    html = target.read_text(encoding="utf-8")
    assert "Graphviz is not installed" in html
    assert any("graphviz" in w.lower() for w in context.warnings)
    assert "Charger C-2 stops on a fault" in html  # the tree is still there, as a list


# ---------------------------------------------------------------- injection


@pytest.mark.parametrize("method", [Method.EIGHT_D, Method.FIVE_WHYS])
@pytest.mark.parametrize("extension", [".html", ".md", ".pdf"])
def test_report_injection_corpus_stays_text(tmp_path: Path, method: Method, extension: str) -> None:
    case = injected_case(method)
    target = tmp_path / f"report{extension}"
    export_to("report", case, target)
    if extension == ".pdf":
        assert target.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = pdf_text(target)
            assert "<script>alert(1)</script>" in text
            assert "\x1b" not in text
        return
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x00" not in text
    assert "مرحبا" in text and "🔧" in text
    if extension == ".html":
        assert not live_markup(text)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    else:
        from markdown_it import MarkdownIt

        rendered = MarkdownIt("commonmark", {"html": True}).render(text)
        assert not live_markup(rendered), live_markup(rendered)[:5]


# ---------------------------------------------------------------- the indicator chart


@pytest.mark.parametrize("values", [[], [5.0], [5.0, 5.0], [1200.0, 800.0, 40.0], [-3.0, 2.5, 0.0]])
@pytest.mark.parametrize("phases", [False, True])
def test_indicator_chart_draws_any_series(values: list[float], phases: bool) -> None:
    from exports.document import checked_svg, indicator_chart_svg

    names = ["baseline", "baseline", "improve", "control", "control"]
    indicator = Indicator(id="I-1", name="Returns <b>", unit="ppm", target=50.0, target_date=date(2026, 6, 30),
                          measurements=[Measurement(on=date(2026, 1, 1 + 7 * i), value=v,
                                                    phase=names[i] if phases else "")
                                        for i, v in enumerate(values)])
    svg = indicator_chart_svg(indicator)
    if not values:
        assert svg is None
        return
    assert svg is not None and checked_svg(svg) == svg
    assert "Target 50" in svg and "<b>" not in svg
    assert svg.count("<circle") == len(values)
    if phases and len(values) > 2:
        assert "improve" in svg
