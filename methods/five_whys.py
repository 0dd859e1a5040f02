"""5 Whys: ask "why?" from the problem down, branching where there is more than one answer.

The chains are the case's cause graph (a chain may start from the problem or from any cause, even a
fishbone one). Besides the gates, the method gives non-blocking warnings a facilitator would give: a
chain that stops at a person or at "human error", at something outside the team's control, or that runs
past seven whys without a root cause. ``read_back`` reads a chain back with "therefore" to test its
logic, and ``three_legs`` reports on the three-legged variant (occurrence, non-detection, systemic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from methods import checks
from methods.base import Check, FieldDef, Finding, Guidance, MethodDef, StepDef, Tool
from methods.checks import advise, cause_ref, say
from methods.registry import register
from rca import causes
from rca.i18n import N_, _
from rca.model import Action, ActionKind, Case, Cause, CausePath, CauseStatus, Method, NodeKind

MAX_DEPTH = 7
"""Past this many whys without a root cause, a chain has usually left the process for generalities."""

PERMANENT = (ActionKind.CORRECTIVE, ActionKind.PREVENTIVE, ActionKind.IMPROVEMENT)
"""Actions whose effectiveness is checked (a containment is a stop-gap, not a cure)."""

# Words that put the blame on a person, in English and French.
_BLAME = re.compile(
    r"\b(?:human\s+(?:error|factor|mistake)|operator\s+(?:error|mistake)|erreur\s+humaine|facteur\s+humain"
    r"|erreur\s+(?:de\s+l['’]|d['’])?op[ée]rat\w*|forgot\w*|forget\w*|careless\w*|negligen\w*|n[ée]gligen\w*"
    r"|oubli\w*|inattenti\w*|distrait\w*|distracted|lazy|laziness|paresse\w*|not\s+paying\s+attention"
    r"|(?:did\s+not|didn['’]t)\s+(?:pay\s+attention|follow|respect|care)|lack\s+of\s+(?:attention|care|discipline)"
    r"|manque\s+(?:d['’]attention|de\s+rigueur|de\s+vigilance)|n['’]a\s+pas\s+(?:respect[ée]|suivi|fait\s+attention)"
    r"|incompetent|incomp[ée]ten\w*|mistake\s+by|faute\s+de\s+l)",
    re.IGNORECASE,
)
# A person as the subject of a failure: "the operator did not check...", "le cariste n'a pas...".
_PERSON_FAILED = re.compile(
    r"^\s*(?:the\s+|an?\s+|our\s+|l['’]\s*|le\s+|la\s+|un\s+|une\s+)?(?:operators?|technicians?|drivers?|workers?"
    r"|employees?|inspectors?|setters?|fitters?|welders?|mechanics?|op[ée]rat\w+|technicien\w*|caristes?"
    r"|conducteurs?|salari[ée]s?|ouvri\w+|r[ée]gleurs?|contr[ôo]leurs?|agents?|someone|quelqu['’]un)\b.{0,40}?"
    r"\b(?:did\s+not|didn['’]t|failed\s+to|made\s+a\s+mistake|ignored|skipped|n['’]a\s+pas|a\s+oubli[ée]"
    r"|s['’]est\s+tromp[ée]|a\s+ignor[ée])",
    re.IGNORECASE,
)
_OUTSIDE = re.compile(
    r"\b(?:suppliers?|vendors?|subcontractors?|sub-contractors?|carriers?|customers?|clients?|weather|rain"
    r"|storms?|snow|frost|heat\s*wave|fournisseurs?|sous-traitants?|transporteurs?|m[ée]t[ée]o|pluies?"
    r"|orages?|neige|gel|canicule)\b",
    re.IGNORECASE,
)


def blames_a_person(text: str) -> bool:
    """Whether a cause's wording stops at a person ("operator error", "forgot", "le cariste n'a pas...")."""
    return bool(_BLAME.search(text) or _PERSON_FAILED.search(text))


def outside_control(cause: Cause) -> bool:
    """Marked outside the team's control, or worded so (supplier, customer, weather)."""
    return cause.outside_control or bool(_OUTSIDE.search(cause.text))


def chain_ends(case: Case) -> list[Cause]:
    """The causes where a chain stops: no cause under them and not rejected (root causes included)."""
    with_children = {link.effect for link in case.links}
    return [
        c for c in causes.causes_only(case)
        if c.id not in with_children and c.status is not CauseStatus.REJECTED
    ]


# ---------------------------------------------------------------- read-back


def _clause(text: str) -> str:
    return " ".join(text.split()).rstrip(".;,!")


def _lower_first(text: str) -> str:
    """'The spindle wore' → 'the spindle wore'; acronyms stay ('PM plan...')."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def read_back(case: Case, node_id: str) -> list[str]:
    """The chain from ``node_id`` back up to the problem, each effect introduced by "therefore".

    ["The PM plan does not cover the spindle", "therefore the spindle wore", ..., "therefore <problem>"];
    Ishikawa bones on the way are skipped. If a line does not follow from the one before, a why is wrong.
    """
    chain = [n for n in causes.why_chain(case, node_id) if n.kind is not NodeKind.CATEGORY]
    lines: list[str] = []
    for node in reversed(chain):
        text = _clause(causes.problem_text(case) if node.kind is NodeKind.PROBLEM else node.text)
        lines.append(text if not lines else _("therefore {effect}", effect=_lower_first(text)))
    return lines


def read_back_text(case: Case, node_id: str) -> str:
    """``read_back`` as one sentence."""
    return _(", ").join(read_back(case, node_id)) + "."


# ---------------------------------------------------------------- the three-legged 5 Whys


@dataclass(frozen=True)
class Leg:
    """One leg of the three-legged 5 Whys: its causes, its root causes and their countermeasures."""

    path: CausePath
    causes: tuple[Cause, ...]
    roots: tuple[Cause, ...]
    countermeasures: tuple[Action, ...]

    @property
    def ends_in_root(self) -> bool:
        """The leg ends in a root cause of its own."""
        return bool(self.roots)

    @property
    def has_countermeasure(self) -> bool:
        """An action is linked to one of the leg's root causes."""
        return bool(self.countermeasures)


def three_legs(case: Case) -> list[Leg]:
    """Occurrence, non-detection and systemic legs, in that order."""
    legs = []
    for path in CausePath:
        members = tuple(c for c in causes.causes_only(case) if c.path is path)
        roots = tuple(causes.root_causes(case, path))
        root_ids = {c.id for c in roots}
        linked = tuple(a for a in checks.actions_of(case) if root_ids.intersection(a.causes))
        legs.append(Leg(path=path, causes=members, roots=roots, countermeasures=linked))
    return legs


def legs_advice(step: str) -> Check:
    """Warnings for the three-legged variant, once the team has given any cause a path."""

    def check(case: Case) -> list[Finding]:
        legs = three_legs(case)
        if not any(leg.causes for leg in legs):
            return []
        findings = []
        for leg in legs:
            if not leg.causes:
                findings.append(advise(step, _("the {path} leg is empty: ask the why-chain for it too",
                                               path=leg.path.label)))
            elif not leg.ends_in_root:
                findings.append(advise(step, _("the {path} leg has no root cause of its own yet",
                                               path=leg.path.label)))
            elif not leg.has_countermeasure:
                findings.append(advise(step, _("the {path} leg has a root cause but no countermeasure",
                                               path=leg.path.label)))
        return findings

    return check


# ---------------------------------------------------------------- gates


def _chains_started(case: Case) -> list[Finding]:
    if not causes.causes_only(case):
        return [say(STEP_WHYS, _("no cause yet: ask the room 'why did this happen?' and write the first "
                                 "answer under the problem"))]
    if not causes.root_causes(case):
        return [say(STEP_WHYS, _("no root cause marked: when a 'why' reaches a cause in your process that "
                                 "you can act on, mark it as the root cause"))]
    return []


def _open_chains(case: Case) -> list[Finding]:
    return [
        say(STEP_WHYS, _("{cause} ends a chain without a root cause: ask 'why?' again, mark it as a root "
                         "cause, or reject it with evidence", cause=cause_ref(cause)))
        for cause in causes.open_leaves(case)
    ]


def _chain_warnings(case: Case) -> list[Finding]:
    findings = []
    for cause in chain_ends(case):
        if blames_a_person(cause.text):
            findings.append(advise(STEP_WHYS, _(
                "{cause} stops at a person: ask why the process let a trained person make this mistake "
                "(no poka-yoke? unclear standard? time pressure? a trap in the design?)", cause=cause_ref(cause))))
        if outside_control(cause):
            findings.append(advise(STEP_WHYS, _(
                "{cause} stops at something outside your control: ask why our process let it through "
                "(specification, incoming inspection, supplier selection, protection)", cause=cause_ref(cause))))
        chain = causes.why_chain(case, cause.id)
        level = causes.depth(case, cause.id)
        if level > MAX_DEPTH and not any(node.root for node in chain):
            findings.append(advise(STEP_WHYS, _(
                "the chain down to {cause} is {depth} whys deep without a root cause: past {limit} you are "
                "usually in generalities (budget, human nature); step back to the last cause you can act on",
                cause=cause_ref(cause), depth=level, limit=MAX_DEPTH)))
    return findings


def _chains_hold(case: Case) -> list[Finding]:
    findings = []
    for root in causes.root_causes(case):
        broken = [n for n in causes.why_chain(case, root.id)[:-1] if n.status is CauseStatus.REJECTED]
        if broken:
            findings.append(say(STEP_VERIFY, _(
                "{cause} hangs under {rejected}, which was rejected: the chain no longer holds; move the root "
                "cause under what really happened, or reject it", cause=cause_ref(root),
                rejected=cause_ref(broken[0]))))
    return findings


STEP_DEFINE = N_("Define")
STEP_WHYS = N_("Whys")
STEP_VERIFY = N_("Verify")
STEP_ACT = N_("Act")
STEP_CHECK = N_("Check")

DEFINE_FIELDS = (
    FieldDef("standard", N_("The standard: what should happen"),
             N_("the requirement, target or normal condition the problem departs from")),
    FieldDef("facts", N_("What we saw on the spot"),
             N_("what the team saw at the gemba: the part, the machine, the records")),
)
VERIFY_FIELDS = (
    FieldDef("readback", N_("Read-back"),
             N_("each chain read back from the root cause with 'therefore': what did not follow?")),
)
CHECK_FIELDS = (
    FieldDef("result", N_("Result since the actions"),
             N_("what the data show since the actions: has the problem come back?"), required=True),
    FieldDef("spread", N_("Where else it applies"),
             N_("other lines, machines, sites where the same cause could act (read-across)")),
)

FIVE_WHYS = register(MethodDef(
    method=Method.FIVE_WHYS,
    name=N_("5 Whys"),
    summary=N_("A quick, focused analysis for a well-defined problem with a likely single chain of causes."),
    steps=(
        StepDef(
            key="define",
            title=N_("Define the problem"),
            purpose=N_("Agree on one problem, stated as a fact: what happened, where, when, how much; not a "
                       "cause, not a solution."),
            guidance=Guidance(
                ask=(
                    N_("What exactly did we see, and where? Can we go and look at it: the part, the machine, "
                       "the record?"),
                    N_("What should have happened: what is the standard?"),
                    N_("When did it start, and how often since?"),
                    N_("How many, how much: parts, minutes of downtime, euros?"),
                ),
                traps=(
                    N_("Starting from a cause ('the sensor is faulty') instead of the effect ('conveyor C2 "
                       "stopped 3 times on night shift')."),
                    N_("A vague problem ('quality issues') gives vague whys."),
                    N_("Putting the solution in the problem ('we need a new supplier')."),
                    N_("Working in the meeting room when the evidence is on the shop floor."),
                ),
                example=N_("Conveyor C2 (packing line 1) stopped 3 times on the night shift of 12 March, 95 min "
                           "of downtime; fuse F3 blew each time. Standard: C2 runs a whole shift without stop."),
            ),
            fields=DEFINE_FIELDS,
            tool=Tool.PROBLEM,
            checks=(
                checks.problem_described(STEP_DEFINE, ("what", "where", "when")),
                checks.problem_quantified(STEP_DEFINE, blocking=False),
            ),
            timebox_minutes=10,
        ),
        StepDef(
            key="whys",
            title=N_("Ask why"),
            purpose=N_("Ask 'why?' from the problem down, one cause at a time, until a cause in your process "
                       "you can act on; branch wherever there is more than one answer."),
            guidance=Guidance(
                ask=(
                    N_("Why did that happen? What made it possible?"),
                    N_("Is that a fact we saw, or a guess? Guesses stay hypotheses until verified."),
                    N_("Is there another reason? Add it as a sibling branch."),
                    N_("If we removed this cause, would the problem stop? If not, ask why again."),
                    N_("Why did our checks not catch it? Why did our system allow it? (the other two legs)"),
                ),
                traps=(
                    N_("Stopping at a person ('operator error'): ask why the process let a normal person make "
                       "that mistake."),
                    N_("Stopping at something outside your control ('the supplier'): ask why our process "
                       "accepted it."),
                    N_("Writing down the answer everyone had before the meeting, without the facts."),
                    N_("Following one chain when the facts show several causes."),
                    N_("Going so deep the chain ends in 'budget' or 'human nature': stop at the last cause "
                       "you can act on."),
                ),
                example=N_("Why did F3 blow? The motor drew twice its rated current. Why? The drive roller "
                           "bearing had seized. Why? It was not greased for 8 months. Why? C2 is not on the "
                           "lubrication route since it was moved in January. Why? Moving equipment does not "
                           "trigger an update of the maintenance plan (root cause)."),
            ),
            tool=Tool.CAUSE_TREE,
            checks=(_chains_started, _open_chains, _chain_warnings),
            timebox_minutes=30,
        ),
        StepDef(
            key="verify",
            title=N_("Verify the root causes"),
            purpose=N_("Check each root cause against facts, and read each chain back with 'therefore' to "
                       "test its logic."),
            guidance=Guidance(
                ask=(
                    N_("What data or observation proves this cause? Can we switch it on and off: reproduce "
                       "the failure, remove the cause and see?"),
                    N_("Read the chain from the root back to the problem with 'therefore': does every step "
                       "follow?"),
                    N_("Does the root cause explain every occurrence, and why it did not happen elsewhere?"),
                ),
                traps=(
                    N_("Marking a cause verified because the most senior person agrees."),
                    N_("Evidence that shows the cause is possible, not that it happened."),
                    N_("Deleting the causes that were ruled out: reject them with evidence, so the next team "
                       "does not investigate them again."),
                ),
                example=N_("Verified: the maintenance plan (rev. 12) has no lubrication route for C2 since the "
                           "move on 15 January; the bearing was found dry at teardown (photo in work order "
                           "WO-4471)."),
            ),
            fields=VERIFY_FIELDS,
            tool=Tool.CAUSE_TREE,
            checks=(
                checks.has_verified_root(STEP_VERIFY, N_("no verified root cause yet: check the root causes "
                                                         "against facts before acting on them")),
                checks.root_causes_proven(STEP_VERIFY),
                _chains_hold,
                checks.rejections_have_evidence(STEP_VERIFY),
                legs_advice(STEP_VERIFY),
            ),
            timebox_minutes=20,
        ),
        StepDef(
            key="act",
            title=N_("Act on the root causes"),
            purpose=N_("Put an action on each verified root cause, with an owner, a deliverable and a due "
                       "date."),
            guidance=Guidance(
                ask=(
                    N_("What change in the process makes this cause impossible, or at least detected at "
                       "once?"),
                    N_("Who owns it? By when? What will exist when it is done?"),
                    N_("Do we need a quick fix now and a permanent fix later? Record both."),
                ),
                traps=(
                    N_("'Retrain the operator' or 'remind people' as the only action: awareness fades, change "
                       "the process."),
                    N_("Actions without an owner or a date do not happen."),
                    N_("Treating the symptom (replace the fuse) instead of the root cause."),
                ),
                example=N_("Add 'update the maintenance routes' to the equipment move checklist. Owner: Karim "
                           "Benali (maintenance); deliverable: checklist MOV-02 rev. C published; due in 2 "
                           "weeks."),
            ),
            tool=Tool.ACTION_PLAN,
            checks=(
                checks.root_causes_treated(STEP_ACT),
                checks.actions_defined(STEP_ACT),
                legs_advice(STEP_ACT),
            ),
            timebox_minutes=15,
        ),
        StepDef(
            key="check",
            title=N_("Check it worked"),
            purpose=N_("Check that the actions were done and worked: the problem does not come back."),
            guidance=Guidance(
                ask=(
                    N_("What will we measure to know it worked, and when?"),
                    N_("Has the problem come back since? Look at the data, not at impressions."),
                    N_("If it did not work: which why was wrong?"),
                ),
                traps=(
                    N_("Closing when the action is done rather than when the result is seen."),
                    N_("Checking too early: leave enough time or volume for the problem to come back."),
                    N_("An effectiveness criterion nobody can measure."),
                ),
                example=N_("Effective: no stop of C2 on fuse F3 in 8 weeks (downtime log), and the lubrication "
                           "route lists C2 (checked at the audit of 3 May)."),
            ),
            fields=CHECK_FIELDS,
            tool=Tool.ACTION_PLAN,
            tool_options=(("focus", "effectiveness"),),
            checks=(
                checks.actions_exist(STEP_CHECK, PERMANENT, N_("no corrective action to check: plan one in "
                                                               "the Act step")),
                checks.actions_done(STEP_CHECK, PERMANENT),
                checks.actions_effective(STEP_CHECK, PERMANENT),
                checks.required_fields("check", STEP_CHECK, CHECK_FIELDS),
            ),
        ),
    ),
))
