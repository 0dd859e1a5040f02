"""8D: the eight disciplines, from the emergency response to the team's recognition.

D0 decides whether an 8D is warranted; D1 forms the team; D2 describes the problem (5W2H, IS / IS NOT,
quantified); D3 contains it; D4 finds and verifies the occurrence and non-detection root causes (the
systemic one is advised); D5 chooses permanent corrective actions with an effectiveness criterion; D6
implements them, lifts the containment and validates; D7 prevents recurrence (standards, FMEA, control
plan, similar products, lessons learned); D8 closes with the champion's sign-off.
"""

from __future__ import annotations

import re

from methods import checks
from methods.base import FieldDef, Finding, Guidance, MethodDef, StepDef, Tool
from methods.checks import advise, cause_ref, say
from methods.registry import register
from rca import causes
from rca.i18n import N_, _
from rca.model import ActionKind, ActionStatus, Case, CausePath, Method, Role

CONTAINMENT = (ActionKind.CONTAINMENT,)
CORRECTIVE = (ActionKind.CORRECTIVE,)
PREVENTIVE = (ActionKind.PREVENTIVE,)

STEP_D0, STEP_D1, STEP_D2, STEP_D3, STEP_D4 = N_("D0"), N_("D1"), N_("D2"), N_("D3"), N_("D4")
STEP_D5, STEP_D6, STEP_D7, STEP_D8 = N_("D5"), N_("D6"), N_("D7"), N_("D8")

_YES = re.compile(r"^\s*(?:yes|oui|y|o|go)\b", re.IGNORECASE)
_NO = re.compile(r"^\s*(?:no|non|n|no-go)\b", re.IGNORECASE)

D0_FIELDS = (
    FieldDef("symptom", N_("Symptom"), N_("what was seen, by whom, and who is affected (customer, line, people)"),
             required=True),
    FieldDef("emergency_response", N_("Emergency response"),
             N_("what was done at once to protect the customer and people: stop shipments, quarantine, inform"),
             required=True),
    FieldDef("criteria", N_("Why an 8D"),
             N_("severity, customer requirement, recurrence, cost, safety or regulatory impact"), required=True),
    FieldDef("decision", N_("Is an 8D warranted?"), N_("yes or no, and who decided"), multiline=False,
             required=True),
)
D1_FIELDS = (
    FieldDef("meetings", N_("Meetings"), N_("when and where the team meets, how long")),
)
D2_FIELDS = (
    FieldDef("requirement", N_("Requirement not met"),
             N_("the drawing, specification, contract clause or regulation the problem departs from"),
             required=True),
    FieldDef("statement", N_("Problem statement"), N_("the problem in one sentence, from the customer's view")),
)
D3_FIELDS = (
    FieldDef("suspect_scope", N_("Where suspect product can be"),
             N_("in process, in stock, in transit, at the customer, in spare parts: quantities at each place"),
             required=True),
    FieldDef("clean_point", N_("Clean point"), N_("the first good part or lot after containment, and how it is "
                                                   "marked")),
)
D4_FIELDS = (
    FieldDef("verification", N_("How the root causes were verified"),
             N_("tests, trials, data: how each root cause was turned on and off")),
)
D5_FIELDS = (
    FieldDef("choice", N_("Why these actions"), N_("alternatives considered, risks of the change, validation "
                                                    "planned before going live")),
)
D6_FIELDS = (
    FieldDef("implementation", N_("Implementation"), N_("what was changed, when, from which part or lot")),
    FieldDef("containment_removed", N_("Containment removed"),
             N_("when the sorting or extra checks were stopped, and on what evidence"), required=True),
    FieldDef("validation", N_("Validation"),
             N_("the data that show the problem is gone (e.g. '0 defects on 4,200 parts since week 12')"),
             required=True),
)
D7_FIELDS = (
    FieldDef("standards", N_("Standards and procedures updated"), N_("work instructions, procedures, drawings: "
                                                                      "reference and revision"), required=True),
    FieldDef("fmea", N_("FMEA updated"), N_("the failure mode, its causes and controls, new ratings"),
             required=True),
    FieldDef("control_plan", N_("Control plan updated"), N_("the new or changed controls, frequency, reaction "
                                                             "plan"), required=True),
    FieldDef("similar", N_("Similar products and processes"),
             N_("where else the same cause can act (other parts, lines, sites) and what was done there"),
             required=True),
    FieldDef("lessons", N_("Lessons learned"), N_("what the organisation learned, where it is recorded and who "
                                                   "was told"), required=True),
)
D8_FIELDS = (
    FieldDef("recognition", N_("Team recognition"), N_("how the team's work was recognised, and by whom"),
             required=True),
    FieldDef("closure", N_("Closure summary"), N_("what was achieved, what is left to watch"), required=True),
)


def _decision(case: Case) -> list[Finding]:
    text = case.field("d0", "decision")
    if not text.strip() or _YES.search(text):
        return []  # an empty decision is reported by the required fields
    if _NO.search(text):
        return [say(STEP_D0, _("the team decided an 8D is not warranted: close the case, or treat it with a "
                               "5 Whys"))]
    return [say(STEP_D0, _("'Is an 8D warranted?' says '{text}': answer yes or no, then who decided",
                           text=checks.shorten(text)))]


def _paths_given(case: Case) -> list[Finding]:
    return [
        advise(STEP_D4, _("{cause} is a root cause without a path: say whether it explains the occurrence, the "
                          "non-detection or the system", cause=cause_ref(cause)))
        for cause in causes.root_causes(case) if cause.path is None
    ]


def _open_actions(case: Case) -> list[Finding]:
    still_open = [a for a in checks.actions_of(case) if a.status is not ActionStatus.DONE]
    if not still_open:
        return []
    return [advise(STEP_D8, _("{count} action(s) still open ({ids}): close them, or hand them over with an "
                              "owner before closing the 8D", count=len(still_open),
                              ids=", ".join(a.id for a in still_open)))]


EIGHT_D = register(MethodDef(
    method=Method.EIGHT_D,
    name=N_("8D"),
    summary=N_("The eight disciplines, for a customer complaint or a serious non-conformity: contain, find the "
               "occurrence and non-detection root causes, correct, prevent recurrence."),
    steps=(
        StepDef(
            key="d0",
            title=N_("D0 Prepare"),
            purpose=N_("Protect the customer and people at once, and decide whether the problem warrants an 8D."),
            guidance=Guidance(
                ask=(
                    N_("Is anyone at risk, is product still shipping? What did we do in the first hours?"),
                    N_("Does the customer require an 8D report, and by when (often 24 h for D3, 10 days for "
                       "D4-D5)?"),
                    N_("Is it new, or has it happened before? How severe: safety, regulatory, line stop?"),
                ),
                traps=(
                    N_("Opening an 8D for every small deviation: a 5 Whys is often enough."),
                    N_("Starting the analysis before the customer is protected."),
                ),
                example=N_("Customer line stopped on 3 housings with bore out of tolerance. Shipments stopped, "
                           "stock quarantined, customer quality informed at 16:00. Customer requires an 8D: "
                           "yes, decided by the plant manager."),
            ),
            fields=D0_FIELDS,
            checks=(checks.required_fields("d0", STEP_D0, D0_FIELDS), _decision),
            timebox_minutes=15,
        ),
        StepDef(
            key="d1",
            title=N_("D1 Team"),
            purpose=N_("Form a small cross-functional team with a champion who sponsors it and a leader who "
                       "drives it."),
            guidance=Guidance(
                ask=(
                    N_("Who knows the product and the process: production, quality, engineering, maintenance?"),
                    N_("Who sponsors the work and can release resources (the champion)?"),
                    N_("Who was there when it happened? Bring the operator of the station."),
                ),
                traps=(
                    N_("A quality-only team: the people who run the process must be in it."),
                    N_("A team of ten: 4 to 6 people who can act."),
                ),
                example=N_("Champion: plant manager. Leader: quality engineer. Members: machining team leader, "
                           "CNC setter, metrology technician, methods engineer."),
            ),
            fields=D1_FIELDS,
            tool=Tool.TEAM,
            checks=(checks.team_has_roles(STEP_D1),),
            timebox_minutes=10,
        ),
        StepDef(
            key="d2",
            title=N_("D2 Describe the problem"),
            purpose=N_("Describe the problem with facts and numbers: 5W2H, and IS / IS NOT to narrow it down."),
            guidance=Guidance(
                ask=(
                    N_("What exactly is wrong, against which requirement? Show the part, the measurement."),
                    N_("Where and when is it seen, and where and when is it not, although it could be?"),
                    N_("How many: parts affected, ppm, lots, euros?"),
                    N_("What is different between IS and IS NOT? That difference points to the cause."),
                ),
                traps=(
                    N_("Describing a cause or a solution in D2."),
                    N_("Vague quantities ('several parts'): count them."),
                    N_("Skipping IS NOT: it is the cheapest way to rule causes out."),
                ),
                example=N_("Housing H-220: bore Ø52 H7 measured 52.041 mm (max 52.030) on 37 of 1,200 parts "
                           "delivered in week 12; IS: lathe L2, night shift; IS NOT: lathe L1, same program."),
            ),
            fields=D2_FIELDS,
            tool=Tool.PROBLEM,
            checks=(
                checks.required_fields("d2", STEP_D2, D2_FIELDS),
                checks.problem_described(STEP_D2),
                checks.is_is_not_rows(STEP_D2),
                checks.problem_quantified(STEP_D2),
            ),
            timebox_minutes=30,
        ),
        StepDef(
            key="d3",
            title=N_("D3 Contain"),
            purpose=N_("Protect the customer until the permanent fix is in place: find every suspect part and "
                       "make sure none gets through."),
            guidance=Guidance(
                ask=(
                    N_("Where can suspect parts be: at the customer, in transit, in our stock, in process, "
                       "in spare parts?"),
                    N_("How do we sort them, with which gauge, by whom? How do we mark good parts?"),
                    N_("How do we know the containment works? (no defect found downstream of it)"),
                ),
                traps=(
                    N_("Forgetting parts in transit or at the customer's warehouse."),
                    N_("Sorting with the same control that let the defect through."),
                    N_("Treating containment as the fix: it costs every day until D6."),
                ),
                example=N_("100 % bore check with go/no-go gauge at the customer (1,200 parts) and in our stock "
                           "(800 parts): 37 rejected, good parts marked with a green dot; clean point: lot "
                           "2412-07."),
            ),
            fields=D3_FIELDS,
            tool=Tool.ACTION_PLAN,
            tool_options=(("kinds", "containment"),),
            checks=(
                checks.required_fields("d3", STEP_D3, D3_FIELDS),
                checks.actions_exist(STEP_D3, CONTAINMENT, N_("no containment action: how do we protect the "
                                                              "customer now (sort, quarantine, 100 % check)?")),
                checks.actions_defined(STEP_D3, CONTAINMENT, deliverable=False),
                checks.actions_done(STEP_D3, CONTAINMENT),
                checks.actions_effective(STEP_D3, CONTAINMENT),
            ),
            timebox_minutes=20,
        ),
        StepDef(
            key="d4",
            title=N_("D4 Root causes"),
            purpose=N_("Find and verify why the defect occurred and why it was not detected, and why the "
                       "system allowed both."),
            guidance=Guidance(
                ask=(
                    N_("Why did it happen (occurrence)? Can we reproduce it: turn the cause on and off?"),
                    N_("Why did our controls not catch it (non-detection)? Where should it have been "
                       "detected?"),
                    N_("Why did our system allow it (systemic): FMEA, control plan, design review, training?"),
                    N_("Does each root cause explain the IS and the IS NOT of D2?"),
                ),
                traps=(
                    N_("Only one leg: a fixed occurrence without a fixed detection lets the next defect out."),
                    N_("'Operator error' as a root cause: ask why the process allowed it."),
                    N_("Root causes nobody verified with data."),
                ),
                example=N_("Occurrence: tool wear offset not updated after the insert change on night shift "
                           "(reproduced on L2). Non-detection: bore measured 1 part in 50 with a caliper, "
                           "resolution 0.02 mm. Systemic: PFMEA rated bore detection 3 without a gauge study."),
            ),
            fields=D4_FIELDS,
            tool=Tool.CAUSE_TREE,
            checks=(
                checks.has_verified_root(STEP_D4, N_("no verified occurrence root cause yet: why did the defect "
                                                     "happen? Verify it with data (reproduce it)"),
                                         CausePath.OCCURRENCE),
                checks.has_verified_root(STEP_D4, N_("no verified non-detection root cause yet: why did our "
                                                     "controls not catch it?"), CausePath.NON_DETECTION),
                checks.has_verified_root(STEP_D4, N_("no systemic root cause: why did our system (FMEA, control "
                                                     "plan, design review) allow it? Optional, but that is "
                                                     "where recurrence is prevented"),
                                         CausePath.SYSTEMIC, blocking=False),
                checks.root_causes_proven(STEP_D4),
                checks.rejections_have_evidence(STEP_D4),
                _paths_given,
            ),
            timebox_minutes=60,
        ),
        StepDef(
            key="d5",
            title=N_("D5 Choose corrective actions"),
            purpose=N_("Choose a permanent corrective action for each root cause, and decide how its "
                       "effectiveness will be checked."),
            guidance=Guidance(
                ask=(
                    N_("What change removes each root cause for good, or makes the defect detected at once?"),
                    N_("Could the action create another problem? What do we validate before going live?"),
                    N_("What result, by when, will prove it worked?"),
                ),
                traps=(
                    N_("Keeping the containment as the corrective action (100 % inspection for ever)."),
                    N_("'Retrain' or 'raise awareness' as the only action."),
                    N_("No effectiveness criterion: nobody will know whether it worked."),
                ),
                example=N_("Automatic tool-wear compensation from in-process probing on L2; criterion: Cpk of "
                           "the bore ≥ 1.67 on 125 parts and zero customer returns for 3 months."),
            ),
            fields=D5_FIELDS,
            tool=Tool.ACTION_PLAN,
            tool_options=(("kinds", "corrective"),),
            checks=(
                checks.root_causes_treated(STEP_D5, CORRECTIVE),
                checks.actions_defined(STEP_D5, CORRECTIVE),
                checks.effectiveness_planned(STEP_D5, CORRECTIVE),
            ),
            timebox_minutes=30,
        ),
        StepDef(
            key="d6",
            title=N_("D6 Implement and validate"),
            purpose=N_("Implement the corrective actions, lift the containment, and validate with data that the "
                       "problem is gone."),
            guidance=Guidance(
                ask=(
                    N_("Is every corrective action done, from which part or lot?"),
                    N_("What do the data say since: defects, Cpk, returns?"),
                    N_("When can the containment stop, and who decides?"),
                ),
                traps=(
                    N_("Lifting the containment before the effectiveness is proven."),
                    N_("Declaring success on too few parts or too short a time."),
                ),
                example=N_("Probing live on L2 from lot 2415-02; Cpk 2.1 on 125 parts; sorting at the customer "
                           "stopped on 30 April with the customer's agreement after 3 clean lots."),
            ),
            fields=D6_FIELDS,
            tool=Tool.ACTION_PLAN,
            tool_options=(("kinds", "corrective"), ("focus", "effectiveness")),
            checks=(
                checks.actions_done(STEP_D6, CORRECTIVE),
                checks.actions_effective(STEP_D6, CORRECTIVE),
                checks.required_fields("d6", STEP_D6, D6_FIELDS),
            ),
        ),
        StepDef(
            key="d7",
            title=N_("D7 Prevent recurrence"),
            purpose=N_("Make the fix part of the system: standards, FMEA, control plan, similar products and "
                       "processes, lessons learned."),
            guidance=Guidance(
                ask=(
                    N_("Which documents change: work instructions, PFMEA, control plan, drawings?"),
                    N_("Where else could the same cause act: other parts, lines, sites? (read-across)"),
                    N_("What did we learn as an organisation, and who needs to know?"),
                ),
                traps=(
                    N_("Fixing one machine and leaving the twin machine as it was."),
                    N_("Lessons learned written and filed where nobody reads them."),
                ),
                example=N_("PFMEA rev. F: detection 3 → 7 after probing; control plan CP-220 rev. D; the same "
                           "compensation rolled out to lathes L1 and L4; lesson presented at the weekly quality "
                           "meeting of both plants."),
            ),
            fields=D7_FIELDS,
            tool=Tool.ACTION_PLAN,
            tool_options=(("kinds", "preventive"),),
            checks=(
                checks.required_fields("d7", STEP_D7, D7_FIELDS),
                checks.actions_exist(STEP_D7, PREVENTIVE, N_("no preventive action: which similar products, "
                                                             "lines or sites get the same fix?")),
                checks.actions_defined(STEP_D7, PREVENTIVE),
            ),
        ),
        StepDef(
            key="d8",
            title=N_("D8 Recognise and close"),
            purpose=N_("Recognise the team's work and close the 8D with the champion's sign-off."),
            guidance=Guidance(
                ask=(
                    N_("What did the team achieve? Who should hear about it?"),
                    N_("Is anything left open, and who owns it now?"),
                ),
                traps=(
                    N_("Closing without the champion: the sign-off is the management's commitment."),
                    N_("Forgetting to thank the people on the shop floor who found the cause."),
                ),
                example=N_("Presented at the plant meeting on 12 May by the champion; customer accepted the "
                           "8D report; team lunch."),
            ),
            fields=D8_FIELDS,
            tool=Tool.SIGNOFF,
            checks=(
                checks.required_fields("d8", STEP_D8, D8_FIELDS),
                checks.signed_off("d8", STEP_D8, by_role=Role.CHAMPION, signer=N_("the champion")),
                _open_actions,
            ),
        ),
    ),
))
