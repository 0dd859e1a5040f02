"""DMAIC: Define, Measure, Analyze, Improve, Control, each phase closed by a signed tollgate.

Each phase's gate asks for its deliverables (the charter, the measurement system and baseline, root
causes verified with data, piloted solutions, the control plan and hand-off) and for a tollgate signed
with the decision proceed (``StepRecord.signoff``).
"""

from __future__ import annotations

from methods import checks
from methods.base import Check, FieldDef, Finding, Guidance, MethodDef, StepDef, Tool
from methods.checks import advise, say
from methods.registry import register
from methods.smart import numbers
from rca.i18n import N_, _, format_number
from rca.model import ActionKind, Case, Method

PERMANENT = (ActionKind.CORRECTIVE, ActionKind.PREVENTIVE, ActionKind.IMPROVEMENT)

STEP_DEFINE = N_("Define")
STEP_MEASURE = N_("Measure")
STEP_ANALYZE = N_("Analyze")
STEP_IMPROVE = N_("Improve")
STEP_CONTROL = N_("Control")

DEFINE_FIELDS = (
    FieldDef("problem", N_("Problem statement"), N_("what, where, since when, how much: no cause, no solution"),
             required=True),
    FieldDef("goal", N_("Goal"), N_("from the baseline to the target, by when (e.g. 'scrap from 4.2 % to 2 % "
                                    "by Q3')"), required=True, smart=True),
    FieldDef("business_case", N_("Business case"), N_("why now: cost, customer, capacity; the gain in euros"),
             required=True),
    FieldDef("scope_in", N_("In scope"), N_("the process, products, lines, sites included"), required=True),
    FieldDef("scope_out", N_("Out of scope"), N_("what the project will not touch"), required=True),
    FieldDef("sipoc", N_("SIPOC"), N_("suppliers, inputs, process steps (5 to 7), outputs, customers"),
             required=True),
    FieldDef("voc", N_("Voice of the customer"), N_("what the customers (internal or external) say, in their "
                                                    "words"), required=True),
    FieldDef("ctq", N_("CTQs"), N_("the measurable requirements the voice of the customer translates into"),
             required=True),
)
MEASURE_FIELDS = (
    FieldDef("y", N_("The Y"), N_("the output measure the project must move, with its unit"), multiline=False,
             required=True),
    FieldDef("operational_definition", N_("Operational definition"),
             N_("exactly how the Y is measured: what counts, where, when, with what, by whom"), required=True),
    FieldDef("data_plan", N_("Data collection plan"), N_("which data, how many, how often, stratified by what"),
             required=True),
    FieldDef("msa", N_("Measurement system"), N_("can we trust the measurement: gauge R&R, attribute agreement"),
             required=True),
)
ANALYZE_FIELDS = (
    FieldDef("data_analysis", N_("What the data showed"),
             N_("Pareto, stratification, regression, hypothesis tests: which Xs move the Y, and how much"),
             required=True),
)
IMPROVE_FIELDS = (
    FieldDef("solutions", N_("Solutions"), N_("the solutions chosen for each verified root cause, and why"),
             required=True),
    FieldDef("pilot", N_("Pilot"), N_("where and how long it was tried, and the result on the Y"), required=True),
    FieldDef("risk", N_("Risk review"), N_("what could go wrong with the change (FMEA of the solution), and the "
                                           "safeguards"), required=True),
)
CONTROL_FIELDS = (
    FieldDef("control_plan", N_("Control plan"), N_("what is monitored, how often, the reaction plan"),
             required=True),
    FieldDef("standard_work", N_("Standard work"), N_("the procedures and work instructions updated"),
             required=True),
    FieldDef("training", N_("Training"), N_("who was trained on the new way of working, and when"),
             required=True),
    FieldDef("handoff", N_("Hand-off to the process owner"), N_("who owns the process and its control plan from "
                                                                "now on"), required=True),
    FieldDef("lessons", N_("Lessons learned"), N_("what to repeat and what to avoid in the next project"),
             required=True),
)


def _goal_has_baseline_and_target(case: Case) -> list[Finding]:
    goal = case.field("define", "goal")
    if len(numbers(goal)) == 1:
        return [say(STEP_DEFINE, _("the goal gives one number: state the baseline and the target (e.g. 'scrap "
                                   "from 4.2 % to 2 % by Q3')"))]
    return []


def _y_at_target(case: Case) -> list[Finding]:
    record = case.steps.get("control")
    if record is None or not any(text.strip() for text in record.fields.values()):
        return []  # before the Control phase, a Y short of its target is the project's reason to exist
    findings = []
    for indicator in (i for i in case.indicators if i.target is not None):
        latest = indicator.latest()
        if latest is not None and not indicator.meets_target(latest.value):
            unit = f" {indicator.unit}" if indicator.unit else ""
            findings.append(advise(STEP_CONTROL, _("{name} is at {value}{unit}, short of the target "
                                                   "({target}{unit}): is the process really under control?",
                                                   name=indicator.name, value=format_number(latest.value),
                                                   target=format_number(indicator.target), unit=unit)))
    return findings


def tollgate(step_key: str, step: str) -> Check:
    """The phase's tollgate, signed proceed."""
    return checks.signed_off(step_key, step, signer=N_("the champion"))


DMAIC = register(MethodDef(
    method=Method.DMAIC,
    name=N_("DMAIC"),
    summary=N_("A data-driven improvement project in five phases with tollgates: for a chronic problem on a "
               "measurable process output."),
    steps=(
        StepDef(
            key="define",
            title=N_("Define"),
            purpose=N_("Agree the charter: the problem, a SMART goal with baseline and target, the business "
                       "case, the scope, the team, the SIPOC and the customers' CTQs."),
            guidance=Guidance(
                ask=(
                    N_("What is the problem, in numbers, and what is it worth?"),
                    N_("What is in scope and, as important, what is not?"),
                    N_("Who are the customers of the process and what do they need (CTQs)?"),
                    N_("Who sponsors the project (champion) and who leads it?"),
                ),
                traps=(
                    N_("A charter that already names the solution."),
                    N_("A scope so wide the project never ends: one process, one Y."),
                    N_("A goal without a baseline."),
                ),
                example=N_("Paint line scrap from 4.2 % to 2 % by end of Q3, worth 180 k€ a year; in scope: "
                           "pre-treatment to curing on line 2; out: powder supplier change."),
            ),
            fields=DEFINE_FIELDS,
            tool=Tool.TEAM,
            checks=(
                checks.required_fields("define", STEP_DEFINE, DEFINE_FIELDS),
                _goal_has_baseline_and_target,
                checks.team_has_roles(STEP_DEFINE),
                tollgate("define", STEP_DEFINE),
            ),
        ),
        StepDef(
            key="measure",
            title=N_("Measure"),
            purpose=N_("Define the Y precisely, check the measurement system, and measure the baseline."),
            guidance=Guidance(
                ask=(
                    N_("How exactly is the Y measured? Would two people count the same?"),
                    N_("Can we trust the gauge (R&R, attribute agreement)?"),
                    N_("What is the baseline, over how long, stratified by what?"),
                ),
                traps=(
                    N_("Analysing data from a measurement system nobody checked."),
                    N_("A baseline over a few days that hides the variation."),
                ),
                example=N_("Y: scrap rate (rejected parts ÷ parts painted, daily, final inspection); attribute "
                           "agreement 92 % after defect catalogue; baseline 4.2 % over 8 weeks."),
            ),
            fields=MEASURE_FIELDS,
            tool=Tool.INDICATOR,
            checks=(
                checks.required_fields("measure", STEP_MEASURE, MEASURE_FIELDS),
                checks.indicator_ready(STEP_MEASURE, baseline=True),
                tollgate("measure", STEP_MEASURE),
            ),
        ),
        StepDef(
            key="analyze",
            title=N_("Analyze"),
            purpose=N_("Find which causes (Xs) drive the Y, and verify them with data."),
            guidance=Guidance(
                ask=(
                    N_("Which Xs could move the Y (fishbone, process map)? Which do the data confirm?"),
                    N_("Is the effect significant, and how large?"),
                ),
                traps=(
                    N_("Confirming the team's favourite cause without testing the others."),
                    N_("Correlation taken for causation: confirm with a trial."),
                ),
                example=N_("Pareto: 61 % of scrap is craters; craters rise with the oven's zone-2 humidity "
                           "(regression, R² 0.71); verified by a trial with the dryer on."),
            ),
            fields=ANALYZE_FIELDS,
            tool=Tool.CAUSE_TREE,
            checks=(
                checks.required_fields("analyze", STEP_ANALYZE, ANALYZE_FIELDS),
                checks.has_verified_root(STEP_ANALYZE, N_("no root cause verified with data yet: which Xs do "
                                                          "the data show move the Y?")),
                checks.root_causes_proven(STEP_ANALYZE),
                checks.rejections_have_evidence(STEP_ANALYZE),
                tollgate("analyze", STEP_ANALYZE),
            ),
        ),
        StepDef(
            key="improve",
            title=N_("Improve"),
            purpose=N_("Choose solutions for the verified causes, review their risks, pilot them and measure "
                       "the result."),
            guidance=Guidance(
                ask=(
                    N_("Which solutions act on the verified Xs? Which is cheapest to try?"),
                    N_("What could go wrong with the change?"),
                    N_("What did the pilot show on the Y?"),
                ),
                traps=(
                    N_("Rolling out without a pilot."),
                    N_("Solutions for causes that were not verified."),
                ),
                example=N_("Compressed-air dryer on the zone-2 blower, piloted 3 weeks on line 2: scrap 1.8 %; "
                           "risk review: dryer failure alarm added."),
            ),
            fields=IMPROVE_FIELDS,
            tool=Tool.ACTION_PLAN,
            checks=(
                checks.required_fields("improve", STEP_IMPROVE, IMPROVE_FIELDS),
                checks.root_causes_treated(STEP_IMPROVE),
                checks.actions_defined(STEP_IMPROVE),
                tollgate("improve", STEP_IMPROVE),
            ),
        ),
        StepDef(
            key="control",
            title=N_("Control"),
            purpose=N_("Hold the gain: control plan, standard work, training, and hand-off to the process "
                       "owner."),
            guidance=Guidance(
                ask=(
                    N_("What will tell the process owner the gain is slipping, and what do they do then?"),
                    N_("Who was trained? Which documents changed?"),
                    N_("What did we learn for the next project?"),
                ),
                traps=(
                    N_("Handing off without a reaction plan."),
                    N_("Closing before the Y has held for long enough."),
                ),
                example=N_("Daily scrap chart at the line with a 2.5 % reaction limit; dryer check on the "
                           "start-up checklist; 14 painters trained; owner: paint line supervisor."),
            ),
            fields=CONTROL_FIELDS,
            tool=Tool.INDICATOR,
            checks=(
                checks.required_fields("control", STEP_CONTROL, CONTROL_FIELDS),
                checks.actions_done(STEP_CONTROL, PERMANENT),
                _y_at_target,
                tollgate("control", STEP_CONTROL),
            ),
        ),
    ),
))
