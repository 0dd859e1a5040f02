"""The demo workspace: five cases from a metal machining plant, one per method, at different stages.

Dates are relative to ``today`` so the plan always has something done, something late and an
effectiveness check overdue. The cases are built with the core's own operations (``rca.causes``,
``rca.actions``), never by writing documents by hand, so they are valid by construction. This module is
core: it knows the methods' step and field keys only as plain strings (it must not import ``methods``).

    C-1  8D     Housing H-220: bore out of tolerance (customer complaint)   at D6
    C-2  A3     Reduce changeover time on press line 3                      at the implementation plan
    C-3  DMAIC  Reduce the scrap rate of paint line 2                       at Analyze
    C-4  5 Whys Conveyor C2 stopped: fuse F3 blew                           done, closed
    C-5  Ishikawa  Forklift near-miss at shipping dock 4                    at Act
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from rca import actions, causes
from rca.i18n import _
from rca.model import (
    Action,
    ActionKind,
    ActionStatus,
    Case,
    CaseStatus,
    Cause,
    CausePath,
    Effectiveness,
    Evidence,
    Indicator,
    IsIsNot,
    Measurement,
    Method,
    Role,
    Signoff,
    TeamMember,
)

if TYPE_CHECKING:
    from rca.store import Workspace

DEMO_USER = "demo"
"""The user the demo opens as: owner of a few actions, so "my actions" is not empty."""

SIX_M = (("manpower", "Manpower"), ("machine", "Machine"), ("method", "Method"), ("material", "Material"),
         ("measurement", "Measurement"), ("environment", "Environment (Mother Nature)"))
"""The 6M bones (the same keys as ``methods.ishikawa.CATEGORY_SETS['6M']``)."""


class ActionIds(Protocol):
    """Where new action ids come from (``rca.store.IdSource`` inside a transaction)."""

    def next_action_id(self) -> str: ...


class _Counter:
    """Action ids for cases built outside a workspace (tests)."""

    def __init__(self, next_action_id: Callable[[], str]) -> None:
        self.next_action_id = next_action_id


# ---------------------------------------------------------------- small builders


class _Plant:
    """Building helpers bound to one case, one id source and one day."""

    def __init__(self, case: Case, ids: ActionIds, today: date) -> None:
        self.case, self.ids, self.today = case, ids, today

    def day(self, offset: int) -> date:
        """``today`` plus ``offset`` days (negative: in the past)."""
        return self.today + timedelta(days=offset)

    def opened(self, offset: int, by: str) -> None:
        self.case.created_on, self.case.created_by = self.day(offset), by

    def team(self, *members: tuple[str, Role, str]) -> None:
        self.case.team = [TeamMember(name=name, role=role, function=function) for name, role, function in members]

    def fields(self, step: str, **values: str) -> None:
        self.case.step(step).fields.update(values)

    def sign(self, step: str, by: str, offset: int, note: str = "") -> None:
        self.case.step(step).signoff = Signoff(by=by, on=self.day(offset), note=note)

    def cause(self, parent: str, text: str, *, by: str = "", path: CausePath | None = None) -> Cause:
        return causes.add_cause(self.case, parent, text, by=by, path=path)

    def verified(self, parent: str, text: str, evidence: str, by: str, offset: int, *, root: bool = False,
                 path: CausePath | None = None) -> Cause:
        cause = self.cause(parent, text, by=by, path=path)
        causes.verify(self.case, cause.id, Evidence(text=evidence, by=by, on=self.day(offset)))
        if root:
            causes.set_root(self.case, cause.id)
        return cause

    def rejected(self, parent: str, text: str, evidence: str, by: str, offset: int) -> Cause:
        cause = self.cause(parent, text, by=by)
        causes.reject(self.case, cause.id, Evidence(text=evidence, by=by, on=self.day(offset)))
        return cause

    def bones(self, entries: Iterable[tuple[str, str]]) -> dict[str, str]:
        """Fishbone categories; their ids by key."""
        return {key: causes.add_category(self.case, label, key=key).id for key, label in entries}

    def action(self, title: str, *, owner: str, deliverable: str, due: int | None, created: int,
               kind: ActionKind = ActionKind.CORRECTIVE, treats: Iterable[Cause] = ()) -> Action:
        return actions.add_action(
            self.case, self.ids.next_action_id(), title, owner=owner, deliverable=deliverable,
            due=None if due is None else self.day(due), kind=kind, causes=[c.id for c in treats],
            today=self.day(created),
        )

    def check_planned(self, action: Action, criterion: str, offset: int) -> None:
        action.effectiveness.criterion = criterion
        action.effectiveness.planned = self.day(offset)

    def started(self, action: Action, offset: int) -> None:
        actions.set_status(action, ActionStatus.IN_PROGRESS, today=self.day(offset))

    def done(self, action: Action, offset: int, evidence: str) -> None:
        actions.set_status(action, ActionStatus.DONE, today=self.day(offset), evidence=evidence,
                           by=action.owner)

    def effective(self, action: Action, offset: int, evidence: str) -> None:
        actions.record_effectiveness(action, Effectiveness.EFFECTIVE, evidence=evidence, today=self.day(offset))


# ---------------------------------------------------------------- C-1: 8D on a customer complaint


def _bore_8d(case: Case, ids: ActionIds, today: date) -> None:
    plant = _Plant(case, ids, today)
    plant.opened(-42, "Claire Martin")
    plant.team(("Julie Moreau", Role.CHAMPION, "Plant manager"),
               ("Claire Martin", Role.LEADER, "Quality engineer"),
               ("Marc Dubois", Role.MEMBER, "Machining team leader"),
               ("Sophie Laurent", Role.MEMBER, "Methods engineer"),
               ("Karim Benali", Role.MEMBER, "Maintenance technician"))
    plant.fields("d0",
                 symptom="Customer assembly line (Axon Drives, Lyon) stopped: 3 housings H-220 would not take "
                         "the bearing.",
                 emergency_response="Shipments of H-220 stopped the same day; 800 parts quarantined in our "
                                    "stock; customer quality informed at 16:00; sorting team sent to Lyon.",
                 criteria="Customer complaint with line stop; customer requires an 8D (D3 in 24 h, D4-D5 in 10 "
                          "days); safety-relevant fit.",
                 decision="Yes: decided by Julie Moreau, plant manager")
    plant.fields("d1", meetings="Daily 15 min at the L2 board at 8:30 until D3 is closed, then weekly.")
    _bore_problem(plant)
    _bore_containment(plant)
    roots = _bore_causes(plant)
    _bore_corrective(plant, roots)
    case.current_step = "d6"


def _bore_problem(plant: _Plant) -> None:
    p = plant.case.problem
    p.what = "Bore Ø52 H7 of housing H-220 oversize: measured up to 52.041 mm (max 52.030 mm)"
    p.where = "Machined on lathe L2 (cell 4); found at the customer's bearing press-fit station"
    p.when = f"Lots shipped in weeks {plant.day(-56).isocalendar().week}-{plant.day(-49).isocalendar().week}; " \
             "first seen by the customer on the day the case was opened"
    p.who = "Found by the customer's assembly operator; affects Axon Drives' line 2"
    p.how_detected = "Customer complaint: bearing would not press in, customer CMM check of the bore"
    p.how_many = "37 parts out of 1,200 delivered (3.1 %); 0 in the 4,800 parts of the previous 2 months"
    p.why_it_matters = "Customer line stop (4 h), risk of bearing failure in the field, 8D required by contract"
    p.is_is_not = [
        IsIsNot(dimension="What", is_="Bore Ø52 H7 oversize", is_not="Other diameters and faces of H-220",
                distinction="Only the bore finished with the CCMT insert"),
        IsIsNot(dimension="Where", is_="Lathe L2", is_not="Lathe L1, running the same program",
                distinction="L2 changed to a new insert grade in February"),
        IsIsNot(dimension="When", is_="Night shift, after an insert change", is_not="Day shift",
                distinction="Night-shift setters change inserts without the metrology lab open"),
        IsIsNot(dimension="How many", is_="37 parts in 3 lots", is_not="Lots before 2411-03"),
    ]
    plant.fields("d2", requirement="Drawing H-220 rev. C, bore Ø52 H7 (52.000 / 52.030 mm); customer "
                                   "specification AX-Q-12 § 4.2",
                 statement="Housings H-220 from lathe L2 reach the customer with the Ø52 H7 bore oversize, "
                           "which stops their bearing press-fit.")


def _bore_containment(plant: _Plant) -> None:
    plant.fields("d3", suspect_scope="At the customer: 1,200 parts (lots 2411-03 to 2412-06). In our stock: "
                                     "800 parts. In process on L2: 60 parts. In transit: none (shipments "
                                     "stopped). Spare parts: none for this reference.",
                 clean_point="Lot 2412-07 onwards, labels marked with a green dot 'bore 100 % checked'")
    sort_customer = plant.action("Sort the bores 100 % at the customer with a go/no-go plug gauge",
                                 owner="Marc Dubois", deliverable="Sorting report: parts checked, rejected",
                                 due=-40, created=-42, kind=ActionKind.CONTAINMENT)
    sort_stock = plant.action("Sort stock and WIP 100 %, mark good parts with a green dot",
                              owner="Sophie Laurent", deliverable="Sorting report and clean point lot",
                              due=-41, created=-42, kind=ActionKind.CONTAINMENT)
    for action, found in ((sort_customer, "1,200 parts checked, 37 rejected"),
                          (sort_stock, "860 parts checked, 0 rejected")):
        plant.check_planned(action, "No oversize bore reported by the customer after sorting", -30)
        plant.done(action, -40, found)
        plant.effective(action, -30, "No complaint from the customer in 10 days of production after sorting")


def _bore_causes(plant: _Plant) -> dict[CausePath, Cause]:
    bone = plant.bones(SIX_M)
    q = "Claire Martin"
    plant.rejected(bone["manpower"], "Night-shift setter new on L2", "Setter trained and signed off on L2 "
                   "(training record TR-118); the same setter made good parts on day shift", q, -36)
    plant.cause(bone["manpower"], "Offset corrected by eye, not from a measurement", by="Marc Dubois")
    plant.rejected(bone["machine"], "Spindle bearing play on L2", "Spindle runout measured 0.003 mm "
                   "(limit 0.010), maintenance report MR-2291", "Karim Benali", -37)
    plant.rejected(bone["machine"], "Thermal drift of L2 at night", "Bores measured every hour over 8 h: drift "
                   "4 µm, within tolerance", "Sophie Laurent", -35)
    offset = plant.verified(bone["method"], "Tool wear offset not updated after an insert change",
                            "Reproduced on L2: new insert without offset update gives 52.036-52.042 mm", q, -36,
                            path=CausePath.OCCURRENCE)
    occurrence = plant.verified(offset.id, "Work instruction WI-L2-07 does not ask to re-measure the bore after "
                                "an insert change", "WI-L2-07 rev. D read with the setters: no step after insert "
                                "change", q, -35, root=True, path=CausePath.OCCURRENCE)
    plant.rejected(bone["material"], "Casting hardness varies between lots", "Certificates and 10 hardness "
                   "tests per lot: 210-225 HB, within specification", q, -37)
    plant.rejected(bone["material"], "Foundry changed the casting alloy", "Foundry confirms no change; "
                   "spectrometry of 2 parts matches EN-GJS-500-7", q, -34)
    plant.cause(bone["measurement"], "Air gauge on L2 out of calibration", by="Marc Dubois")
    caliper = plant.verified(bone["measurement"], "Bore checked 1 part in 50 with a caliper (resolution "
                             "0.02 mm)", "Control plan CP-220 rev. C and inspection sheets; a caliper cannot "
                             "see an 0.011 mm excess", q, -35, root=True, path=CausePath.NON_DETECTION)
    systemic = plant.verified(caliper.id, "PFMEA rated the bore detection 3 without a gauge study",
                              "PFMEA rev. E line 42: detection 3 for 'caliper 1/50', no MSA on file", q, -34,
                              root=True, path=CausePath.SYSTEMIC)
    plant.cause(bone["environment"], "Coolant concentration low on L2", by="Karim Benali")
    plant.fields("d4", verification="Occurrence reproduced on L2 on purpose (insert change without offset update); "
                                    "non-detection shown by measuring 10 oversize parts with the caliper: 9 "
                                    "passed.")
    return {CausePath.OCCURRENCE: occurrence, CausePath.NON_DETECTION: caliper, CausePath.SYSTEMIC: systemic}


def _bore_corrective(plant: _Plant, roots: dict[CausePath, Cause]) -> None:
    plant.fields("d5", choice="Air gauge preferred to a CMM check: 100 % in-process, 8 s per part. Validated by "
                              "a gauge R&R before release.")
    instruction = plant.action("Add 'measure the bore after every insert change' to WI-L2-07",
                               owner="Sophie Laurent", deliverable="WI-L2-07 rev. E published, 12 setters trained",
                               due=-20, created=-33, treats=[roots[CausePath.OCCURRENCE]])
    plant.check_planned(instruction, "0 oversize bores on 3 consecutive insert changes, audited", -5)
    plant.done(instruction, -22, "WI-L2-07 rev. E in the document system; training list signed")
    plant.effective(instruction, -5, "Audit of 3 insert changes on both shifts: bore re-measured, all in "
                                     "tolerance")
    counter = plant.action("Tool-life counter on L2 that stops the cycle at the insert's life limit",
                           owner="Karim Benali", deliverable="Counter active on L2, limit 350 parts",
                           due=-3, created=-33, treats=[roots[CausePath.OCCURRENCE]])
    plant.check_planned(counter, "No insert used past 350 parts for 1 month (counter log)", 30)
    gauge = plant.action("Install an in-process air gauge on L2 with 100 % bore check", owner=DEMO_USER,
                         deliverable="Air gauge installed, gauge R&R below 10 %", due=-6, created=-33,
                         treats=[roots[CausePath.NON_DETECTION]])
    plant.check_planned(gauge, "Zero customer returns for bore diameter for 3 months", 80)
    plant.started(gauge, -15)
    fmea = plant.action("Update PFMEA and control plan CP-220: bore checked by air gauge, MSA required",
                        owner="Claire Martin", deliverable="PFMEA rev. F and CP-220 rev. D released", due=-10,
                        created=-33, treats=[roots[CausePath.SYSTEMIC]])
    plant.check_planned(fmea, "Layered audit finds CP-220 rev. D applied at L2 on both shifts", -3)
    plant.done(fmea, -12, "PFMEA rev. F and CP-220 rev. D in the document system")


# ---------------------------------------------------------------- C-2: A3 on changeover time


def _changeover_a3(case: Case, ids: ActionIds, today: date) -> None:
    plant = _Plant(case, ids, today)
    plant.opened(-70, "Sophie Laurent")
    plant.team(("Julie Moreau", Role.CHAMPION, "Plant manager"), ("Sophie Laurent", Role.LEADER, "Methods"),
               ("Marc Dubois", Role.MEMBER, "Press line team leader"), (DEMO_USER, Role.MEMBER, "Maintenance"))
    plant.fields("theme", theme="Changeover time on press line 3", owner="Sophie Laurent", mentor="Julie Moreau",
                 date=plant.day(-35).isoformat(), revision="rev. 2")
    plant.fields("background",
                 background="Press line 3 runs 14 changeovers a week. At 47 min each we lose 11 h of capacity a "
                            "week and keep 3 days of stamped parts to protect deliveries.",
                 business_goal="Plant objective this year: inventory -20 %, OEE of the press shop from 64 to 72 %.")
    plant.fields("current",
                 current_condition="5 changeovers filmed: 47 min on average (45-49). 28 min are internal work that "
                                   "could be done while the press runs: fetching dies, finding clamps, adjusting "
                                   "the first part.",
                 problem_breakdown="Fetching dies 12 min, clamping 9 min, first-piece adjustment 14 min, other "
                                   "12 min.")
    target = plant.day(120)
    plant.fields("target", target=f"Changeover on press line 3 from 47 to 20 min by {target.isoformat()}")
    baseline = [48.0, 46.0, 49.0, 45.0, 47.0]
    measurements = [Measurement(on=plant.day(-70 + 7 * week), value=value, phase="baseline",
                                note="filmed changeover") for week, value in enumerate(baseline)]
    measurements += [Measurement(on=plant.day(-14), value=41.0, note="die cart in use"),
                     Measurement(on=plant.day(-7), value=38.0, note="die cart in use")]
    case.indicators.append(Indicator(id="I-1", name="Changeover time, press line 3", unit="min", target=20.0,
                                     target_date=target, baseline=47.0, measurements=measurements))
    _changeover_analysis(plant)
    case.current_step = "plan"


def _changeover_analysis(plant: _Plant) -> None:
    s = "Sophie Laurent"
    fetch = plant.verified("P", "Dies fetched from the die store after the press stops", "12 of 47 min on "
                           "5 filmed changeovers", s, -40)
    cart = plant.verified(fetch.id, "No die cart or staging area at press line 3", "Die store layout: nearest "
                          "staging 60 m away, no cart", s, -40, root=True)
    clamp = plant.verified("P", "Clamping takes 9 min: bolts tightened one by one", "Time study, 5 changeovers",
                           s, -39)
    sizes = plant.verified(clamp.id, "Clamp heights differ between dies (4 sizes)", "6 dies measured: 4 "
                           "clamping heights", "Marc Dubois", -38, root=True)
    adjust = plant.verified("P", "First-piece adjustment takes 14 min", "Time study, 5 changeovers", s, -39)
    shut = plant.verified(adjust.id, "Die shut heights not standardised: the ram is re-set at every change",
                          "Shut heights of 6 dies range from 412 to 431 mm", "Marc Dubois", -37, root=True)
    plant.rejected("P", "Operators wait for the forklift to bring the coil", "Coil staged before the stop in 5 of "
                   "5 observed changeovers", s, -39)
    plant.fields("analysis", analysis="Why-chains from the 5 filmed changeovers (spaghetti diagram and time "
                                      "study), checked on the floor with the press team.")
    die_cart = plant.action("Die cart at press line 3, die prepared during the previous run", owner="Marc Dubois",
                            deliverable="1 die cart in use at press line 3", due=-10, created=-30, treats=[cart],
                            kind=ActionKind.IMPROVEMENT)
    plant.check_planned(die_cart, "Fetching under 2 min on 5 changeovers", 14)
    plant.done(die_cart, -12, "Cart in use since the changeover of week " + str(plant.day(-12).isocalendar().week))
    clamps = plant.action("Standard clamping height with spacer blocks, quick clamps", owner=DEMO_USER,
                          deliverable="Quick clamps fitted on 6 dies", due=21, created=-30, treats=[sizes],
                          kind=ActionKind.IMPROVEMENT)
    plant.started(clamps, -5)
    # Still being discussed with the toolroom: no owner, no date yet. This is what the plan step catches.
    plant.action("Equalise die shut heights with parallels", owner="", deliverable="Shut heights equal on 6 dies",
                 due=None, created=-8, treats=[shut], kind=ActionKind.IMPROVEMENT)


# ---------------------------------------------------------------- C-3: DMAIC on paint scrap


def _paint_dmaic(case: Case, ids: ActionIds, today: date) -> None:
    plant = _Plant(case, ids, today)
    plant.opened(-90, "Karim Benali")
    plant.team(("Julie Moreau", Role.CHAMPION, "Plant manager"),
               ("Karim Benali", Role.LEADER, "Process engineer, green belt"),
               ("Marc Dubois", Role.MEMBER, "Paint line team leader"),
               ("Claire Martin", Role.MEMBER, "Quality engineer"),
               (DEMO_USER, Role.MEMBER, "Maintenance"))
    goal_date = plant.day(150)
    plant.fields("define",
                 problem="Scrap rate of paint line 2 has been 4.2 % on average for 6 months (target of the "
                         "plant: 2 %); 61 % of scrap is craters in the top coat.",
                 goal=f"Scrap rate of paint line 2 from 4.2 % to 2 % by {goal_date.isoformat()}",
                 business_case="180 k€ a year of scrap and rework, and 2 late deliveries a month to the "
                               "agricultural customer.",
                 scope_in="Paint line 2, from pre-treatment to curing oven exit; all colours.",
                 scope_out="Powder supplier change; paint line 1; packaging.",
                 sipoc="Suppliers: powder supplier, pre-treatment chemicals, machining. Inputs: machined parts, "
                       "powder, compressed air. Process: load, pre-treat, dry, powder coat, cure, unload, inspect. "
                       "Outputs: painted parts. Customers: assembly, agricultural customer.",
                 voc="'Craters show through on the bonnet panels', 'we reject whole racks at final inspection'.",
                 ctq="No visible crater > 0.5 mm on class A faces; coating thickness 60-90 µm.")
    plant.sign("define", "Julie Moreau", -60)
    plant.fields("measure",
                 y="Scrap rate of paint line 2 (%)",
                 operational_definition="Parts rejected at final inspection ÷ parts painted, per day, from the "
                                        "inspection log; a part reworked and accepted is not scrap.",
                 data_plan="Daily scrap by defect type, colour, rack position and shift for 8 weeks; oven and "
                           "air data logged every 10 min.",
                 msa="Attribute agreement on the crater defect catalogue: 92 % between 4 inspectors (target "
                     "90 %) after the catalogue was updated with photos.")
    values = [4.4, 4.0, 4.6, 4.1, 3.9, 4.3, 4.2, 4.1]
    case.indicators.append(Indicator(
        id="I-1", name="Scrap rate, paint line 2", unit="%", target=2.0, target_date=goal_date, baseline=4.2,
        measurements=[Measurement(on=plant.day(-80 + 7 * week), value=value, phase="baseline")
                      for week, value in enumerate(values)]))
    plant.sign("measure", "Julie Moreau", -20)
    _paint_analysis(plant)
    case.current_step = "analyze"


def _paint_analysis(plant: _Plant) -> None:
    k = "Karim Benali"
    craters = plant.verified("P", "Craters in the top coat (61 % of scrap)", "Pareto of 8 weeks of scrap by "
                             "defect type", k, -18)
    plant.cause(craters.id, "Humid compressed air at the oven zone-2 blower", by=k)
    plant.cause(craters.id, "Powder contamination at colour change", by="Marc Dubois")
    plant.rejected(craters.id, "Pre-treatment rinse conductivity too high", "8 weeks of rinse logs: 18-24 µS/cm, "
                   "limit 30", "Claire Martin", -10)
    plant.cause("P", "Coating too thin on rack edges", by="Claire Martin")
    humidity = plant.action("Log the dew point of the compressed air at zone 2 for 4 weeks", owner=DEMO_USER,
                            deliverable="4 weeks of dew point data, every 10 min", due=7, created=-12,
                            kind=ActionKind.IMPROVEMENT)
    plant.started(humidity, -10)


# ---------------------------------------------------------------- C-4: a quick 5 Whys, done


def _conveyor_5whys(case: Case, ids: ActionIds, today: date) -> None:
    plant = _Plant(case, ids, today)
    plant.opened(-75, "Karim Benali")
    plant.team(("Karim Benali", Role.LEADER, "Maintenance technician"),
               ("Marc Dubois", Role.MEMBER, "Packing team leader"))
    p = case.problem
    p.what = "Conveyor C2 stopped 3 times on the night shift: fuse F3 blew each time"
    p.where = "Packing line 1, conveyor C2"
    p.when = f"Night shift of {plant.day(-76).isoformat()}"
    p.how_many = "3 stops, 95 min of downtime, 2 trucks loaded late"
    plant.fields("define", standard="C2 runs a whole shift without a stop.",
                 facts="Fuse F3 (16 A) blown 3 times; motor hot; drive roller hard to turn by hand.")
    k = "Karim Benali"
    current = plant.verified("P", "The motor drew twice its rated current", "Clamp meter: 7.8 A for 3.9 A rated",
                             k, -75)
    current = plant.verified(current.id, "The drive roller bearing had seized", "Bearing dismantled: dry and "
                             "blue", k, -75)
    current = plant.verified(current.id, "The bearing had not been greased for 8 months", "Lubrication log: last "
                             "entry for C2 eight months ago", k, -74)
    current = plant.verified(current.id, "C2 is not on the lubrication route since it was moved in January",
                             "Lubrication route rev. 12 lists C1 and C3 only", k, -74)
    root = plant.verified(current.id, "Moving equipment does not trigger an update of the maintenance plan",
                          "Move checklist MOV-02 rev. B: no maintenance step", k, -73, root=True)
    plant.fields("verify", readback="Read back with 'therefore' with the packing team: every step follows.")
    repair = plant.action("Replace bearing and fuse F3, grease C2", owner="Karim Benali",
                          deliverable="C2 running", due=-75, created=-75, kind=ActionKind.CONTAINMENT)
    plant.done(repair, -75, "Work order WO-4471 closed")
    checklist = plant.action("Add 'update maintenance routes' to the equipment move checklist",
                             owner="Karim Benali", deliverable="Checklist MOV-02 rev. C published", due=-60,
                             created=-73, treats=[root])
    plant.check_planned(checklist, "No stop of C2 on F3 for 8 weeks, and C2 on the lubrication route", -5)
    plant.done(checklist, -62, "MOV-02 rev. C in the document system; C2 added to the route")
    plant.effective(checklist, -5, "Downtime log: 0 stops on F3 in 8 weeks; route audited")
    plant.fields("check", result="No stop of C2 on fuse F3 in 8 weeks (downtime log).",
                 spread="The 4 other conveyors moved this year were checked: all on the route.")
    case.status = CaseStatus.CLOSED
    case.current_step = "check"


# ---------------------------------------------------------------- C-5: Ishikawa on a safety near-miss


def _forklift_ishikawa(case: Case, ids: ActionIds, today: date) -> None:
    plant = _Plant(case, ids, today)
    plant.opened(-20, "Claire Martin")
    plant.team(("Claire Martin", Role.LEADER, "QSE coordinator"),
               ("Marc Dubois", Role.MEMBER, "Logistics team leader"),
               ("Paul Girard", Role.MEMBER, "Forklift driver"),
               ("Nadia Haddad", Role.MEMBER, "Picker"),
               ("Karim Benali", Role.MEMBER, "Maintenance technician"))
    p = case.problem
    p.what = "Forklift FL-02, reversing out of aisle C, passed 1 m from a picker crossing on foot; no injury"
    p.where = "Shipping area, dock 4, end of aisle C"
    p.when = f"{plant.day(-21).isoformat()}, 14:20, during truck loading"
    p.who = "Reported by the picker and the driver the same day"
    p.how_many = "1 near-miss; 2 similar verbal reports in the past 3 months"
    p.why_it_matters = "Potential serious injury (pedestrian struck by a forklift)"
    plant.fields("define", effect="Forklift / pedestrian near-miss at dock 4")
    case.category_set = "6M"
    bone = plant.bones(SIX_M)
    bone["traffic"] = causes.add_category(case, "Traffic flow").id
    picked = _forklift_causes(plant, bone)
    _forklift_votes(plant, picked)
    _forklift_actions(plant, picked)
    case.current_step = "act"


def _forklift_causes(plant: _Plant, bone: dict[str, str]) -> dict[str, Cause]:
    c = "Claire Martin"
    walkway = plant.verified(bone["method"], "No marked pedestrian walkway at dock 4", "Layout drawing SHP-04 "
                             "rev. D and photos: no marking between aisle C and the dock", c, -15, root=True)
    mirror = plant.verified(bone["machine"], "No convex mirror at the end of aisle C", "Site walk: mirror removed "
                            "when the racks were extended, not replaced", c, -15, root=True)
    printer = plant.verified(bone["traffic"], "Pickers cross the lane at dock 4 to reach the label printer",
                             "Observation 1 h: 23 crossings; printer is on the far side of the lane", c, -14,
                             root=True)
    alarm = plant.rejected(bone["machine"], "FL-02 reversing alarm inaudible over the conveyor", "Alarm measured "
                           "at 92 dB(A) at 5 m with the conveyor running (background 78 dB(A))", "Karim Benali", -14)
    speed = plant.rejected(bone["manpower"], "Forklift driving too fast in shipping", "Telematics of FL-02: 6 "
                           "km/h at the time, limit 8 km/h", "Marc Dubois", -14)
    plant.rejected(bone["manpower"], "Driver not licensed for this forklift", "HR records: all 4 drivers hold a "
                   "valid licence and authorisation", c, -16)
    plant.cause(bone["material"], "Overhanging loads on pallets block the driver's view", by="Paul Girard")
    plant.cause(bone["measurement"], "Near-misses in shipping were not reported before", by=c)
    plant.cause(bone["environment"], "Glare from the open dock door in the afternoon", by="Paul Girard")
    plant.cause(bone["method"], "Loading rush at 14:00: trucks loaded in parallel", by="Marc Dubois")
    plant.fields("verify", verification_plan="Top 5 voted causes checked by Claire Martin and Karim Benali "
                                             "within 1 week: site walk, telematics, noise measurement, HR records.")
    return {"walkway": walkway, "mirror": mirror, "printer": printer, "alarm": alarm, "speed": speed}


def _forklift_votes(plant: _Plant, picked: dict[str, Cause]) -> None:
    ballots = {
        "Claire Martin": ("walkway", "mirror", "printer"),
        "Marc Dubois": ("walkway", "printer", "speed"),
        "Paul Girard": ("walkway", "mirror", "alarm"),
        "Nadia Haddad": ("walkway", "printer", "speed"),
        "Karim Benali": ("walkway", "mirror", "alarm"),
    }
    for voter, choices in ballots.items():
        for choice in choices:
            causes.vote(plant.case, picked[choice].id, voter)


def _forklift_actions(plant: _Plant, picked: dict[str, Cause]) -> None:
    barrier = plant.action("Temporary barrier and stop sign at the end of aisle C", owner="Marc Dubois",
                           deliverable="Barrier in place", due=-19, created=-20, kind=ActionKind.CONTAINMENT)
    plant.done(barrier, -20, "Photo of the barrier, posted at the shift briefing")
    walkway = plant.action("Paint a segregated pedestrian walkway and a stop line at dock 4", owner="Marc Dubois",
                           deliverable="Walkway marked and signed at dock 4", due=5, created=-10,
                           treats=[picked["walkway"]])
    plant.check_planned(walkway, "No pedestrian outside the walkway in 3 observations of 1 h", 35)
    plant.started(walkway, -3)
    mirror = plant.action("Install a convex mirror at the end of aisle C", owner=DEMO_USER,
                          deliverable="Mirror installed and checked from the forklift seat", due=10, created=-10,
                          treats=[picked["mirror"]])
    plant.check_planned(mirror, "Drivers confirm the view of the crossing (5 of 5)", 30)
    # The label printer's move is still to be decided with logistics: the Act step shows it has no action.


# ---------------------------------------------------------------- the demo


@dataclass(frozen=True)
class DemoCase:
    """One case of the demo: what the store is asked to create, and how to fill it."""

    title: str
    method: Method
    build: Callable[[Case, ActionIds, date], None]


DEMO_CASES: tuple[DemoCase, ...] = (
    DemoCase("Housing H-220: bore out of tolerance (customer complaint)", Method.EIGHT_D, _bore_8d),
    DemoCase("Reduce changeover time on press line 3", Method.A3, _changeover_a3),
    DemoCase("Reduce the scrap rate of paint line 2", Method.DMAIC, _paint_dmaic),
    DemoCase("Conveyor C2 stopped: fuse F3 blew", Method.FIVE_WHYS, _conveyor_5whys),
    DemoCase("Forklift near-miss at shipping dock 4", Method.ISHIKAWA, _forklift_ishikawa),
)


def build_demo(workspace: Workspace, today: date) -> list[str]:
    """Create the demo cases in ``workspace`` (one transaction each); returns their ids, in order."""
    created = []
    for spec in DEMO_CASES:
        def build(case: Case, ids: ActionIds, spec: DemoCase = spec) -> None:
            spec.build(case, ids, today)

        case = workspace.create_case(title=spec.title, method=spec.method, build=build,
                                     summary=_("demo case created"))
        created.append(case.id)
    return created


def demo_cases(today: date, next_action_id: Callable[[], str] | None = None) -> list[Case]:
    """The demo cases as bare ``Case`` objects (``C-1``...), without a workspace: for tests and previews."""
    if next_action_id is None:
        counter = iter(range(1, 10_000))

        def next_action_id() -> str:
            return f"A-{next(counter)}"

    ids = _Counter(next_action_id)
    built = []
    for number, spec in enumerate(DEMO_CASES, start=1):
        case = Case(id=f"C-{number}", title=spec.title, method=spec.method, created_by=DEMO_USER)
        spec.build(case, ids, today)
        built.append(Case.model_validate(case.model_dump(mode="json", by_alias=True)))
    return built
