"""A3: Toyota's one-page problem solving, from the theme to the mentor's approval.

The left of the sheet tells the story (background, current condition with an indicator, a measurable
target, the cause analysis from the cause graph); the right carries the countermeasures, the plan
(owner, deliverable, due date for every action), the follow-up against the target, and the approval.
"""

from __future__ import annotations

from methods import checks
from methods.base import FieldDef, Finding, Guidance, MethodDef, StepDef, Tool
from methods.checks import advise, say
from methods.registry import register
from rca.i18n import N_, _, format_number
from rca.model import ActionKind, Case, Method

PERMANENT = (ActionKind.CORRECTIVE, ActionKind.PREVENTIVE, ActionKind.IMPROVEMENT)

STEP_THEME = N_("Theme")
STEP_BACKGROUND = N_("Background")
STEP_CURRENT = N_("Current condition")
STEP_TARGET = N_("Target")
STEP_ANALYSIS = N_("Analysis")
STEP_COUNTERMEASURES = N_("Countermeasures")
STEP_PLAN = N_("Plan")
STEP_FOLLOWUP = N_("Follow-up")
STEP_APPROVAL = N_("Approval")

THEME_FIELDS = (
    FieldDef("theme", N_("Theme"), N_("the problem in a few words, not a solution ('Changeover time on press "
                                       "line 3', not 'SMED on press line 3')"), multiline=False, required=True),
    FieldDef("owner", N_("Owner"), N_("who writes the A3 and owns the problem"), multiline=False, required=True),
    FieldDef("mentor", N_("Mentor / approver"), N_("who coaches the owner and approves the A3"), multiline=False,
             required=True),
    FieldDef("date", N_("Date"), N_("when this version was written (YYYY-MM-DD)"), multiline=False,
             required=True),
    FieldDef("revision", N_("Revision"), N_("the version of the sheet, e.g. 'rev. 2'"), multiline=False),
)
BACKGROUND_FIELDS = (
    FieldDef("background", N_("Background"), N_("why this matters now: customer, safety, cost, delivery; what "
                                                 "happens if nothing is done"), required=True),
    FieldDef("business_goal", N_("Link to the company's goals"), N_("the objective or policy this serves")),
)
CURRENT_FIELDS = (
    FieldDef("current_condition", N_("Current condition"),
             N_("the facts from the gemba: how the work is done today, where the problem shows, with numbers"),
             required=True),
    FieldDef("problem_breakdown", N_("Where the problem concentrates"),
             N_("Pareto by line, shift, product or step: the point of cause to attack first")),
)
TARGET_FIELDS = (
    FieldDef("target", N_("Target"), N_("how much, by when (e.g. 'changeover from 47 to 20 min by "
                                        "week 40')"), required=True, smart=True),
)
ANALYSIS_FIELDS = (
    FieldDef("analysis", N_("Analysis notes"), N_("how the causes were found and verified: observations, "
                                                   "time studies, trials")),
)
FOLLOWUP_FIELDS = (
    FieldDef("followup", N_("Follow-up"), N_("results against the target, what is left, the next PDCA turn"),
             required=True),
)


def _results_against_target(case: Case) -> list[Finding]:
    findings = []
    for indicator in (i for i in case.indicators if i.target is not None):
        latest = indicator.latest()
        unit = f" {indicator.unit}" if indicator.unit else ""
        if latest is None:
            findings.append(say(STEP_FOLLOWUP, _("{name}: no result measured yet; measure it after the "
                                                 "countermeasures", name=indicator.name)))
        elif not indicator.meets_target(latest.value):
            findings.append(say(STEP_FOLLOWUP, _(
                "{name} is at {value}{unit}, the target is {target}{unit}: find out why, revise the "
                "countermeasures, and start another PDCA turn", name=indicator.name,
                value=format_number(latest.value), target=format_number(indicator.target), unit=unit)))
    return findings


def _approved_by_mentor(case: Case) -> list[Finding]:
    record = case.steps.get("approval")
    mentor = case.field("theme", "mentor").strip()
    if record is None or record.signoff is None or not mentor:
        return []
    if record.signoff.by.strip().casefold() != mentor.casefold():
        return [advise(STEP_APPROVAL, _("signed by {who}, but the mentor named on the sheet is {mentor}",
                                        who=record.signoff.by, mentor=mentor))]
    return []


A3 = register(MethodDef(
    method=Method.A3,
    name=N_("A3"),
    summary=N_("One page that tells the story of a problem and its countermeasures, written by its owner and "
               "coached by a mentor: for problems that need weeks of PDCA."),
    steps=(
        StepDef(
            key="theme",
            title=N_("Theme"),
            purpose=N_("Name the problem, its owner and the mentor who will approve the sheet."),
            guidance=Guidance(
                ask=(
                    N_("What problem are we solving, in a few words?"),
                    N_("Who owns it, and who coaches and approves?"),
                ),
                traps=(
                    N_("A theme that is a solution ('Install a new press')."),
                    N_("An A3 written by a staff function for the line: the owner runs the process."),
                ),
                example=N_("Changeover time on press line 3. Owner: Sophie Laurent (production). Mentor: "
                           "Julie Moreau (plant manager). Rev. 2."),
            ),
            fields=THEME_FIELDS,
            checks=(
                checks.required_fields("theme", STEP_THEME, THEME_FIELDS),
                checks.date_field("theme", STEP_THEME, "date", N_("Date")),
            ),
        ),
        StepDef(
            key="background",
            title=N_("Background"),
            purpose=N_("Say why this problem matters now, to the customer and to the business."),
            guidance=Guidance(
                ask=(
                    N_("Why does it matter: customer, safety, cost, delivery?"),
                    N_("Which company objective does it serve? What if we do nothing?"),
                ),
                traps=(N_("A history of the plant instead of the reason to act now."),),
                example=N_("Press line 3 runs 14 changeovers a week; at 47 min each we lose 11 h of capacity "
                           "and build 3 days of stock to protect deliveries. The plant goal is -20 % "
                           "inventory this year."),
            ),
            fields=BACKGROUND_FIELDS,
            checks=(checks.required_fields("background", STEP_BACKGROUND, BACKGROUND_FIELDS),),
        ),
        StepDef(
            key="current",
            title=N_("Current condition"),
            purpose=N_("Show how the work is done today, with facts from the gemba and an indicator with its "
                       "baseline."),
            guidance=Guidance(
                ask=(
                    N_("Did we go and see? What did we observe, time, count?"),
                    N_("What is the indicator, and its value today (the baseline)?"),
                    N_("Where does the problem concentrate: which product, shift, step?"),
                ),
                traps=(
                    N_("Opinions instead of observations."),
                    N_("No baseline: without it nobody can tell later whether it improved."),
                ),
                example=N_("Filmed 5 changeovers: 47 min on average, 28 min of it internal work that could be "
                           "done while running (fetching dies, finding clamps, first-piece adjustments)."),
            ),
            fields=CURRENT_FIELDS,
            tool=Tool.INDICATOR,
            checks=(
                checks.required_fields("current", STEP_CURRENT, CURRENT_FIELDS),
                checks.indicator_ready(STEP_CURRENT, baseline=True),
            ),
        ),
        StepDef(
            key="target",
            title=N_("Target"),
            purpose=N_("Set a measurable target and a date, on the indicator of the current condition."),
            guidance=Guidance(
                ask=(
                    N_("How much, by when? How will we measure it?"),
                    N_("Is it ambitious but reachable with the resources we have?"),
                ),
                traps=(
                    N_("'Improve' or 'reduce' without a number or a date."),
                    N_("A target on an indicator nobody measures."),
                ),
                example=N_("Changeover on press line 3 from 47 to 20 min by week 40."),
            ),
            fields=TARGET_FIELDS,
            tool=Tool.INDICATOR,
            checks=(
                checks.required_fields("target", STEP_TARGET, TARGET_FIELDS),
                checks.indicator_ready(STEP_TARGET, target=True),
            ),
        ),
        StepDef(
            key="analysis",
            title=N_("Analysis"),
            purpose=N_("Find the root causes of the gap between the current condition and the target, and "
                       "verify them."),
            guidance=Guidance(
                ask=(
                    N_("Why is the changeover long? Ask why until a cause you can act on."),
                    N_("What verifies each root cause: a time study, a trial, data?"),
                ),
                traps=(
                    N_("Jumping from the current condition to solutions."),
                    N_("Causes nobody checked on the floor."),
                ),
                example=N_("Dies are fetched after the press stops because there is no die cart at the line "
                           "(verified: 12 of 47 min spent fetching, on 5 filmed changeovers)."),
            ),
            fields=ANALYSIS_FIELDS,
            tool=Tool.CAUSE_TREE,
            checks=(
                checks.has_verified_root(STEP_ANALYSIS, N_("no verified root cause yet: why is there a gap? "
                                                           "Verify each root cause with facts")),
                checks.root_causes_proven(STEP_ANALYSIS),
                checks.rejections_have_evidence(STEP_ANALYSIS),
            ),
        ),
        StepDef(
            key="countermeasures",
            title=N_("Countermeasures"),
            purpose=N_("Put a countermeasure on each root cause."),
            guidance=Guidance(
                ask=(
                    N_("What removes this root cause? Which option is cheapest and quickest to try?"),
                    N_("What does the mentor think? Who else is affected (catchball)?"),
                ),
                traps=(
                    N_("Countermeasures that do not trace to a root cause."),
                    N_("One big investment where small experiments would teach more."),
                ),
                example=N_("Die cart at the line, prepared during the previous run (root cause: no die "
                           "cart)."),
            ),
            tool=Tool.ACTION_PLAN,
            checks=(checks.root_causes_treated(STEP_COUNTERMEASURES),),
        ),
        StepDef(
            key="plan",
            title=N_("Implementation plan"),
            purpose=N_("Give every action an owner, a deliverable and a due date."),
            guidance=Guidance(
                ask=(
                    N_("Who does what, by when? What will exist when it is done?"),
                    N_("What could get in the way, and who removes it?"),
                ),
                traps=(
                    N_("'Team' or 'quality' as the owner: one name per action."),
                    N_("Deliverables nobody could check ('SMED done')."),
                ),
                example=N_("Die cart: owner Marc Dubois, deliverable 'cart in use at press line 3', due "
                           "2026-06-15."),
            ),
            tool=Tool.ACTION_PLAN,
            checks=(
                checks.actions_exist(STEP_PLAN, None, N_("no action in the plan yet")),
                checks.actions_defined(STEP_PLAN),
                checks.deliverables_measurable(STEP_PLAN),
            ),
        ),
        StepDef(
            key="followup",
            title=N_("Follow-up"),
            purpose=N_("Check the results against the target, and the effectiveness of each action."),
            guidance=Guidance(
                ask=(
                    N_("Where is the indicator against the target?"),
                    N_("Did each countermeasure work? What did we learn?"),
                    N_("What is the next PDCA turn, and who shares the result with other lines?"),
                ),
                traps=(
                    N_("Reporting actions done instead of results reached."),
                    N_("Declaring victory on one good week."),
                ),
                example=N_("Changeover at 22 min over the last 4 weeks (target 20); die cart and clamps "
                           "effective; next turn: first-piece adjustment."),
            ),
            fields=FOLLOWUP_FIELDS,
            tool=Tool.INDICATOR,
            checks=(
                checks.actions_done(STEP_FOLLOWUP, PERMANENT),
                checks.actions_effective(STEP_FOLLOWUP, PERMANENT),
                _results_against_target,
                checks.required_fields("followup", STEP_FOLLOWUP, FOLLOWUP_FIELDS),
            ),
        ),
        StepDef(
            key="approval",
            title=N_("Approval"),
            purpose=N_("The mentor reviews the sheet with the owner and decides: proceed, or revise."),
            guidance=Guidance(
                ask=(N_("Does the story hold from background to follow-up? Would you sign it?"),),
                traps=(N_("Approving by e-mail without reading the sheet with its owner."),),
                example=N_("Approved by Julie Moreau on 2026-10-06: proceed, standardise on presses 1 and 2."),
            ),
            tool=Tool.SIGNOFF,
            checks=(checks.signed_off("approval", STEP_APPROVAL, signer=N_("the mentor")), _approved_by_mentor),
        ),
    ),
))
