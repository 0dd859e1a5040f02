"""Ishikawa (fishbone): brainstorm causes bone by bone, vote, verify the most likely, act on the roots.

The bones are categories of the case's cause graph (a standard set, 6M, 8M, 4S or 8P, plus any custom
bone); causes hang under them and may be taken deeper with "why?". Dot voting (``rca.causes.vote``)
orders the verification; voting is never a proof: the gate asks for the top-voted causes to be verified
or rejected with evidence, and rejected causes stay on the diagram.
"""

from __future__ import annotations

import re

from methods import checks
from methods.base import FieldDef, Finding, Guidance, MethodDef, StepDef, Tool
from methods.checks import advise, cause_ref, say, shorten
from methods.registry import register
from rca import causes
from rca.errors import NotFound
from rca.i18n import N_, _
from rca.model import PROBLEM_NODE, Case, Cause, CauseStatus, Method, NodeKind

SIX_M: list[tuple[str, str]] = [
    ("manpower", N_("Manpower")),
    ("machine", N_("Machine")),
    ("method", N_("Method")),
    ("material", N_("Material")),
    ("measurement", N_("Measurement")),
    ("environment", N_("Environment (Mother Nature)")),
]
"""The 6M, which the 8M extends."""

CATEGORY_SETS: dict[str, list[tuple[str, str]]] = {
    "6M": SIX_M,
    # The manufacturing 8M: 6M plus Management and Maintenance (the service-sector variant has Money
    # instead of Maintenance; a team that wants it adds it as a custom bone).
    "8M": [
        *SIX_M,
        ("management", N_("Management")),
        ("maintenance", N_("Maintenance")),
    ],
    "4S": [
        ("surroundings", N_("Surroundings")),
        ("suppliers", N_("Suppliers")),
        ("systems", N_("Systems")),
        ("skills", N_("Skills")),
    ],
    "8P": [
        ("product", N_("Product")),
        ("price", N_("Price")),
        ("place", N_("Place")),
        ("promotion", N_("Promotion")),
        ("people", N_("People")),
        ("process", N_("Process")),
        ("physical_evidence", N_("Physical evidence")),
        ("productivity", N_("Productivity and quality")),
    ],
}
"""The standard category sets: (key, label) in the order the bones are drawn."""

_LABELS = {key: label for entries in CATEGORY_SETS.values() for key, label in entries}

MIN_CATEGORIES = 4
"""Fewer bones than this and the brainstorm tunnels into one family of causes."""
MIN_CAUSES = 5
"""Fewer causes than this is not a brainstorm yet."""
MIN_CATEGORIES_WITH_CAUSES = 2
TOP_VOTED = 3
"""How many of the top-voted causes must be verified or rejected (ties with the last one included)."""


def category_label(category: Cause) -> str:
    """A bone's label in the current language (a standard bone follows the language, a custom one not)."""
    if category.key and category.key in _LABELS:
        return _(_LABELS[category.key])
    return category.text


def apply_category_set(case: Case, name: str) -> list[Cause]:
    """Add the bones of a standard set that the fishbone does not have yet; returns those added.

    Bones already there (by key, or a custom bone with the same label) are kept as they are, so
    applying 8M over 6M adds Management and Maintenance only.
    """
    wanted = name.strip().upper()
    if wanted not in CATEGORY_SETS:
        raise NotFound(_("unknown category set '{name}'; try one of: {choices}, or add your own categories",
                         name=name, choices=", ".join(CATEGORY_SETS)))
    existing = causes.categories(case)
    keys = {c.key for c in existing if c.key}
    texts = {c.text.strip().casefold() for c in existing}
    added = []
    for key, label in CATEGORY_SETS[wanted]:
        if key in keys or _(label).casefold() in texts or label.casefold() in texts:
            continue
        added.append(causes.add_category(case, _(label), key=key))
    case.category_set = wanted
    return added


def causes_by_category(case: Case) -> dict[str, list[Cause]]:
    """The causes under each bone (through their first chain), by bone id; every bone is listed."""
    found: dict[str, list[Cause]] = {c.id: [] for c in causes.categories(case)}
    bones = causes.categories_by_cause(case)
    for cause in causes.causes_only(case):
        bone = bones.get(cause.id)
        if bone is not None:
            found[bone.id].append(cause)
    return found


def top_voted(case: Case, count: int = TOP_VOTED) -> list[Cause]:
    """The causes with the most votes, rejected ones included (they were voted, then ruled out).

    The first ``count`` of the ranking, plus any cause tied with the last of them.
    """
    voted = sorted((c for c in causes.causes_only(case) if c.total_votes > 0), key=lambda c: -c.total_votes)
    if len(voted) <= count:
        return voted
    floor = voted[count - 1].total_votes
    return [c for c in voted if c.total_votes >= floor]


# ---------------------------------------------------------------- gates

STEP_DEFINE = N_("Define")
STEP_CATEGORIES = N_("Categories")
STEP_BRAINSTORM = N_("Brainstorm")
STEP_VOTE = N_("Vote")
STEP_VERIFY = N_("Verify")
STEP_ACT = N_("Act")

_MISSING_SOLUTION = re.compile(
    r"^\s*(?:lack\s+of|no\s|not\s+enough|insufficient|need\s+(?:to|for)|missing|manque|absence|pas\s+(?:de|d['’]"
    r"|assez)|insuffisan)",
    re.IGNORECASE,
)


def _effect_not_solution(case: Case) -> list[Finding]:
    what = case.problem.what.strip()
    if what and _MISSING_SOLUTION.search(what):
        return [advise(STEP_DEFINE, _("'{text}' reads like a missing solution: put at the fish head the effect "
                                      "you observe (what, where, how much); the causes go on the bones",
                                      text=shorten(what)))]
    return []


def _enough_bones(case: Case) -> list[Finding]:
    count = len(causes.categories(case))
    if count >= MIN_CATEGORIES:
        return []
    return [say(STEP_CATEGORIES, _("the fishbone has {count} bone(s): apply a set (6M, 8M, 4S, 8P) or add "
                                   "your own, at least {minimum}, so no family of causes is forgotten",
                                   count=count, minimum=MIN_CATEGORIES))]


def _enough_causes(case: Case) -> list[Finding]:
    by_bone = causes_by_category(case)
    bones = {c.id: c for c in causes.categories(case)}
    total = len(causes.causes_only(case))
    filled = [bone for bone, found in by_bone.items() if found]
    findings = []
    if total < MIN_CAUSES:
        findings.append(say(STEP_BRAINSTORM, _("{count} cause(s) so far: go round the bones again, at least "
                                               "{minimum} before judging any", count=total, minimum=MIN_CAUSES)))
    if len(filled) < MIN_CATEGORIES_WITH_CAUSES:
        findings.append(say(STEP_BRAINSTORM, _("causes on {count} bone(s) only: ask about the other bones "
                                               "(method, machine, measurement...) before narrowing down",
                                               count=len(filled))))
    for bone_id, found in by_bone.items():
        if not found:
            findings.append(advise(STEP_BRAINSTORM, _("{bone} has no cause yet: ask the room once more",
                                                      bone=category_label(bones[bone_id]))))
    loose = [c for c in causes.children(case, PROBLEM_NODE) if c.kind is NodeKind.CAUSE]
    if loose and bones:
        findings.append(advise(STEP_BRAINSTORM, _("{count} cause(s) hang directly from the problem: put them on "
                                                  "a bone", count=len(loose))))
    return findings


def _votes_placed(case: Case) -> list[Finding]:
    counts = causes.tally(case)
    if not counts:
        return [say(STEP_VOTE, _("no votes yet: give each participant {count} dots to place on the causes they "
                                 "think most likely", count=case.votes_per_person))]
    findings = []
    if len(counts) == 1:
        findings.append(advise(STEP_VOTE, _("only {who} voted: a vote is the team's view, let everyone vote",
                                            who=next(iter(counts)))))
    for who, used in counts.items():
        if used < case.votes_per_person:
            findings.append(advise(STEP_VOTE, _("{who} placed {used} of {limit} dots", who=who, used=used,
                                                limit=case.votes_per_person)))
    return findings


def _top_voted_settled(case: Case) -> list[Finding]:
    findings = []
    for cause in top_voted(case):
        if cause.status is CauseStatus.HYPOTHESIS:
            findings.append(say(STEP_VERIFY, _("{cause} ({votes} votes) is not verified yet: go and check it "
                                               "with facts, then mark it verified or rejected",
                                               cause=cause_ref(cause), votes=cause.total_votes)))
        elif not cause.evidence:
            findings.append(say(STEP_VERIFY, _("{cause} is {status} without evidence: record what showed it",
                                               cause=cause_ref(cause), status=cause.status.label)))
    return findings


DEFINE_FIELDS = (
    FieldDef("effect", N_("Effect at the fish head"),
             N_("the problem in a few words, as it will be written at the head of the fish"), multiline=False),
)
VERIFY_FIELDS = (
    FieldDef("verification_plan", N_("How each cause is checked"),
             N_("for each top-voted cause: what data, test or observation, by whom")),
)

ISHIKAWA = register(MethodDef(
    method=Method.ISHIKAWA,
    name=N_("Ishikawa"),
    summary=N_("A team brainstorm of possible causes by family, then a vote and verification: for problems "
               "with many possible causes."),
    steps=(
        StepDef(
            key="define",
            title=N_("Define the effect"),
            purpose=N_("State the effect at the fish head: one specific problem, as a fact."),
            guidance=Guidance(
                ask=(
                    N_("What exactly happened, where and when? What should have happened?"),
                    N_("How big is it: how many events, parts, hours, euros?"),
                    N_("Who was there, who saw it? Are they in the room?"),
                ),
                traps=(
                    N_("Writing a missing solution at the head ('lack of training'): that is a cause, or a "
                       "guess."),
                    N_("A head so broad ('safety in shipping') that every cause fits and none is tested."),
                    N_("Starting without the people who were there."),
                ),
                example=N_("Near-miss on 3 March, 14:20, shipping dock 4: forklift FL-02, reversing out of "
                           "aisle C, passed 1 m from a picker crossing on foot. No injury."),
            ),
            fields=DEFINE_FIELDS,
            tool=Tool.PROBLEM,
            checks=(checks.problem_described(STEP_DEFINE, ("what", "where", "when")), _effect_not_solution),
            timebox_minutes=10,
        ),
        StepDef(
            key="categories",
            title=N_("Set up the bones"),
            purpose=N_("Choose the families of causes: a standard set (6M for the shop floor, 8M with "
                       "management and maintenance, 4S for services, 8P for marketing) or your own."),
            guidance=Guidance(
                ask=(
                    N_("Which set fits this problem? Shop floor: 6M or 8M; office or service: 4S or 8P."),
                    N_("Is a family of causes missing (software, traffic, regulation)? Add a bone."),
                ),
                traps=(
                    N_("Arguing about which bone a cause belongs on: what matters is that it is said."),
                    N_("Too many custom bones: they split the brainstorm into fragments."),
                ),
                example=N_("6M, plus a custom bone 'Traffic flow' for an incident between a forklift and a "
                           "pedestrian."),
            ),
            tool=Tool.FISHBONE,
            checks=(_enough_bones,),
            timebox_minutes=5,
        ),
        StepDef(
            key="brainstorm",
            title=N_("Brainstorm the causes"),
            purpose=N_("Collect every possible cause, bone by bone, without judging them yet."),
            guidance=Guidance(
                ask=(
                    N_("Bone by bone: what about the method? The machine? The measurement? The environment?"),
                    N_("What changed recently: people, material lot, setting, season, supplier?"),
                    N_("How would this cause produce the effect? Ask 'why?' once or twice to go deeper."),
                    N_("Who has not spoken yet?"),
                ),
                traps=(
                    N_("Debating or rejecting causes during the brainstorm: park the discussion, every cause "
                       "is a hypothesis for now."),
                    N_("Writing solutions ('more training') instead of causes ('new drivers do not know the "
                       "one-way route')."),
                    N_("One loud voice filling the board: go round the table, or have everyone write in "
                       "silence first."),
                    N_("Leaving a bone empty because 'nothing there': ask once more."),
                ),
                example=N_("Environment: floor wet near dock 4 when it rains under the door. Method: no one-way "
                           "traffic plan in shipping. Machine: FL-02 reversing alarm inaudible over the "
                           "conveyor."),
            ),
            tool=Tool.FISHBONE,
            checks=(_enough_causes,),
            timebox_minutes=20,
        ),
        StepDef(
            key="vote",
            title=N_("Vote"),
            purpose=N_("Each participant places their dots on the causes they think most likely; the ranking "
                       "says what to verify first."),
            guidance=Guidance(
                ask=(
                    N_("Which causes most likely produced this effect? Not the easiest to fix, the most "
                       "likely."),
                    N_("Decide on your own first, then place your dots."),
                ),
                traps=(
                    N_("Taking the vote as a proof: the top cause still has to be checked against facts."),
                    N_("The manager voting first: the others follow."),
                    N_("Voting for solutions."),
                ),
                example=N_("6 participants with 3 dots each: 'no marked walkway at dock 4' 7 dots, 'mirror "
                           "missing at the end of aisle C' 5 dots, 'reversing alarm inaudible' 4 dots."),
            ),
            tool=Tool.FISHBONE,
            tool_options=(("mode", "vote"),),
            checks=(_votes_placed,),
            timebox_minutes=5,
        ),
        StepDef(
            key="verify",
            title=N_("Verify"),
            purpose=N_("Check the top-voted causes against facts; mark each verified or rejected, with "
                       "evidence, and mark the root causes."),
            guidance=Guidance(
                ask=(
                    N_("What would we see if this cause were true? Go and look: records, measurements, a "
                       "test on site."),
                    N_("Does it explain when and where the problem happened, and where it did not?"),
                    N_("Which verified causes, if removed, would stop it from happening again? Those are the "
                       "root causes."),
                ),
                traps=(
                    N_("Deleting the rejected causes: reject them with evidence, they show the analysis was "
                       "complete and save the next team the work."),
                    N_("Verifying by opinion or by vote."),
                    N_("Stopping at the first confirmed cause when the facts show several contributors."),
                ),
                example=N_("Rejected 'driver not licensed': all 4 drivers hold a valid licence (HR records, "
                           "checked 5 March). Verified 'no marked walkway at dock 4': layout drawing and photo."),
            ),
            fields=VERIFY_FIELDS,
            tool=Tool.FISHBONE,
            checks=(
                _top_voted_settled,
                checks.has_verified_root(STEP_VERIFY, N_("no verified root cause yet: among the verified "
                                                         "causes, which ones, removed, stop it from coming "
                                                         "back? Mark them as root causes")),
                checks.root_causes_proven(STEP_VERIFY),
                checks.rejections_have_evidence(STEP_VERIFY),
            ),
            timebox_minutes=30,
        ),
        StepDef(
            key="act",
            title=N_("Act on the root causes"),
            purpose=N_("Put an action on each root cause, with an owner, a deliverable and a due date."),
            guidance=Guidance(
                ask=(
                    N_("What change removes this cause, or makes the hazard impossible?"),
                    N_("Where does it sit in the hierarchy of controls: eliminate, substitute, engineer, "
                       "organise, protect?"),
                    N_("Who owns it, by when, and what will exist when it is done?"),
                ),
                traps=(
                    N_("Only 'awareness' actions (toolbox talk, poster): they fade; change the workplace."),
                    N_("Actions without an owner or a date."),
                ),
                example=N_("Paint a segregated walkway and a stop line at dock 4. Owner: Marc Dubois; "
                           "deliverable: walkway marked and signed; due in 3 weeks."),
            ),
            tool=Tool.ACTION_PLAN,
            checks=(checks.root_causes_treated(STEP_ACT), checks.actions_defined(STEP_ACT)),
            timebox_minutes=15,
        ),
    ),
))
