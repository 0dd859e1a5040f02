"""Gate checks shared by the methods: small factories that return a ``Check`` (``Case -> list[Finding]``).

Each factory takes the step's short name (marked with ``N_``, e.g. "D4") and returns a function that
reads the case and says, in the user's language at check time, exactly what is missing and what to do
("D3: A-2 'Sort stock' is not done yet..."). A check returns only what it has to say: an empty list
means the condition holds. Method modules compose these; a check specific to one method lives in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from methods.base import Check, FieldDef, Finding, blocked, warn
from methods.smart import smart_problems
from rca import causes
from rca.actions import parse_date
from rca.errors import InvalidInput
from rca.i18n import N_, _, format_date
from rca.model import (
    Action,
    ActionKind,
    ActionStatus,
    Case,
    Cause,
    CausePath,
    CauseStatus,
    Decision,
    Effectiveness,
    Role,
)

Kinds = tuple[ActionKind, ...] | None
"""Which action kinds a check looks at (``None``: every kind)."""

PROBLEM_FIELDS: dict[str, tuple[str, str]] = {
    "what": (N_("What"), N_("what exactly is wrong: the defect, the deviation, the event?")),
    "where": (N_("Where"), N_("where was it seen: line, machine, site, customer?")),
    "when": (N_("When"), N_("when was it first seen, and how often since?")),
    "who": (N_("Who"), N_("who found it, who is affected?")),
    "how_detected": (N_("How detected"), N_("how was it detected: customer complaint, inspection, audit?")),
    "how_many": (N_("How many"), N_("how many parts, what rate, what cost?")),
    "why_it_matters": (N_("Why it matters"), N_("why does it matter: customer, safety, cost, compliance?")),
}
"""The 5W2H fields of ``ProblemStatement``: their label and the question that fills them."""


# ---------------------------------------------------------------- wording


def shorten(text: str, limit: int = 72) -> str:
    """A long text cut to ``limit`` characters on one line, for messages."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def cause_ref(cause: Cause) -> str:
    """``K-4 'Bearing not greased'``: how a message names a cause."""
    return f"{cause.id} '{shorten(cause.text)}'"


def action_ref(action: Action) -> str:
    """``A-7 'Update the move checklist'``: how a message names an action."""
    return f"{action.id} '{shorten(action.title)}'"


def say(step: str, message: str) -> Finding:
    """A blocking finding, prefixed with the step's short name (``step`` marked with ``N_``)."""
    return blocked(_("{step}: {message}", step=_(step), message=message))


def advise(step: str, message: str) -> Finding:
    """A non-blocking warning, prefixed with the step's short name."""
    return warn(_("{step}: {message}", step=_(step), message=message))


def kinds_label(kinds: Kinds) -> str:
    """"containment", "corrective or preventive"... for messages."""
    if not kinds:
        return ""
    return _(" or ").join(kind.label for kind in kinds)


def actions_of(case: Case, kinds: Kinds = None) -> list[Action]:
    """The case's actions that are not cancelled, of the given kinds."""
    return [
        a for a in case.actions
        if a.status is not ActionStatus.CANCELLED and (kinds is None or a.kind in kinds)
    ]


# ---------------------------------------------------------------- text fields


def required_fields(step_key: str, step: str, fields: Sequence[FieldDef]) -> Check:
    """Every required field is filled; every filled ``smart`` field has a measurable target and a date."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for definition in fields:
            text = case.field(step_key, definition.key).strip()
            if not text:
                if definition.required:
                    hint = _(definition.help) if definition.help else _("fill it in before moving on")
                    findings.append(say(step, _("'{label}' is empty: {hint}", label=_(definition.label),
                                                hint=hint)))
                continue
            if definition.smart:
                for problem in smart_problems(text):
                    findings.append(say(step, _("'{label}' is not SMART yet: {problem}",
                                                label=_(definition.label), problem=problem)))
        return findings

    return check


def date_field(step_key: str, step: str, key: str, label: str) -> Check:
    """A field that must hold a date (2026-03-01, 01/03/2026...), when it is filled."""

    def check(case: Case) -> list[Finding]:
        text = case.field(step_key, key)
        try:
            parse_date(text, _(label))
        except InvalidInput as error:
            return [say(step, str(error))]
        return []

    return check


# ---------------------------------------------------------------- problem statement and team


def problem_described(step: str, keys: Iterable[str] = tuple(PROBLEM_FIELDS)) -> Check:
    """The 5W2H fields named in ``keys`` are filled."""
    wanted = tuple(keys)

    def check(case: Case) -> list[Finding]:
        findings = []
        for key in wanted:
            if not getattr(case.problem, key).strip():
                label, question = PROBLEM_FIELDS[key]
                findings.append(say(step, _("the problem statement has no '{label}' yet: {question}",
                                            label=_(label), question=_(question))))
        return findings

    return check


def problem_quantified(step: str, *, blocking: bool = True) -> Check:
    """'How many' holds a number (parts, ppm, %, euros, hours)."""

    def check(case: Case) -> list[Finding]:
        text = case.problem.how_many.strip()
        if any(ch.isdigit() for ch in text):
            return []
        if text:
            message = _("'How many' says '{text}': put a number on it (parts, ppm, %, euros, hours)",
                        text=shorten(text))
        else:
            message = _("the problem is not quantified: how many parts, what rate, what cost?")
        return [say(step, message) if blocking else advise(step, message)]

    return check


def is_is_not_rows(step: str, minimum: int = 1) -> Check:
    """At least ``minimum`` IS / IS NOT rows with both sides filled."""

    def check(case: Case) -> list[Finding]:
        rows = [r for r in case.problem.is_is_not if r.is_.strip() and r.is_not.strip()]
        if len(rows) >= minimum:
            return []
        return [say(step, _("no IS / IS NOT row with both sides filled: where could the problem be but is "
                            "not (other lines, shifts, products, customers)? The difference is the clue"))]

    return check


def team_has_roles(step: str, *, champion: bool = True, leader: bool = True, advised_size: int = 3) -> Check:
    """A champion and a leader are named; fewer than ``advised_size`` people is a warning."""

    def check(case: Case) -> list[Finding]:
        roles = {member.role for member in case.team}
        findings = []
        if champion and Role.CHAMPION not in roles:
            findings.append(say(step, _("no champion: name the manager who sponsors the work, removes "
                                        "obstacles and signs the closure")))
        if leader and Role.LEADER not in roles:
            findings.append(say(step, _("no leader: name the person who drives the case day to day")))
        if len(case.team) < advised_size:
            findings.append(advise(step, _("{count} person(s) on the team: bring the people who know the "
                                           "process (production, quality, maintenance...), {size} or more",
                                           count=len(case.team), size=advised_size)))
        return findings

    return check


# ---------------------------------------------------------------- causes


def has_verified_root(step: str, message: str, path: CausePath | None = None, *, blocking: bool = True) -> Check:
    """At least one verified root cause (on ``path``, if given); ``message`` (``N_``) says what to ask."""

    def check(case: Case) -> list[Finding]:
        if causes.verified_root_causes(case, path):
            return []
        return [say(step, _(message)) if blocking else advise(step, _(message))]

    return check


def root_causes_proven(step: str) -> Check:
    """Every cause marked as a root cause is verified, with evidence on record."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for cause in causes.root_causes(case):
            if cause.status is CauseStatus.HYPOTHESIS:
                findings.append(say(step, _("{cause} is marked as a root cause but is still a hypothesis: "
                                            "verify it with facts, or unmark it", cause=cause_ref(cause))))
            elif not cause.evidence:
                findings.append(say(step, _("{cause} is verified without evidence: record what showed it "
                                            "(a measurement, a test, a record)", cause=cause_ref(cause))))
        return findings

    return check


def rejections_have_evidence(step: str) -> Check:
    """Every rejected cause says what ruled it out (it stays in the graph, shown rejected)."""

    def check(case: Case) -> list[Finding]:
        return [
            say(step, _("{cause} was rejected without evidence: say what ruled it out, so nobody "
                        "investigates it again", cause=cause_ref(cause)))
            for cause in causes.causes_only(case)
            if cause.status is CauseStatus.REJECTED and not cause.evidence
        ]

    return check


def root_causes_treated(step: str, kinds: Kinds = None) -> Check:
    """Every root cause has at least one (non-cancelled) action of ``kinds``."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for cause in causes.root_causes(case):
            if any(cause.id in a.causes for a in actions_of(case, kinds)):
                continue
            if kinds:
                message = _("{cause} has no {kind} action yet: what change in the process removes it? "
                            "Link the action to the cause", cause=cause_ref(cause), kind=kinds_label(kinds))
            else:
                message = _("{cause} has no action yet: what change in the process removes it? Link the "
                            "action to the cause", cause=cause_ref(cause))
            findings.append(say(step, message))
        return findings

    return check


# ---------------------------------------------------------------- actions


def actions_exist(step: str, kinds: Kinds, message: str, minimum: int = 1) -> Check:
    """At least ``minimum`` non-cancelled actions of ``kinds``; ``message`` (``N_``) says what to do."""

    def check(case: Case) -> list[Finding]:
        return [] if len(actions_of(case, kinds)) >= minimum else [say(step, _(message))]

    return check


def actions_defined(step: str, kinds: Kinds = None, *, deliverable: bool = True) -> Check:
    """Every action has an owner, a due date and (if asked) a deliverable."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for action in actions_of(case, kinds):
            missing = []
            if not action.owner.strip():
                missing.append(_("owner"))
            if deliverable and not action.deliverable.strip():
                missing.append(_("deliverable"))
            if action.due is None:
                missing.append(_("due date"))
            if missing:
                findings.append(say(step, _("{action} has no {missing}: every action needs an owner, a "
                                            "deliverable and a due date", action=action_ref(action),
                                            missing=_(", no ").join(missing))))
        return findings

    return check


def deliverables_measurable(step: str, kinds: Kinds = None) -> Check:
    """Advice: each deliverable says something one can count or see (the due date is the time bound)."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for action in actions_of(case, kinds):
            if action.deliverable.strip() and smart_problems(action.deliverable, need_date=False):
                findings.append(advise(step, _("{action}: how will you know '{deliverable}' is delivered? Add "
                                               "something countable (e.g. '4 dies converted', 'rev. C "
                                               "published')", action=action.id,
                                               deliverable=shorten(action.deliverable))))
        return findings

    return check


def effectiveness_planned(step: str, kinds: Kinds = None) -> Check:
    """Every action has an effectiveness criterion and a date to check it."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for action in actions_of(case, kinds):
            check_ = action.effectiveness
            if not check_.criterion.strip():
                findings.append(say(step, _("{action} has no effectiveness criterion: what will show it "
                                            "worked (e.g. 'zero returns for 3 months')?",
                                            action=action_ref(action))))
            elif check_.planned is None:
                findings.append(say(step, _("{action}: say when the effectiveness will be checked",
                                            action=action_ref(action))))
        return findings

    return check


def actions_done(step: str, kinds: Kinds = None) -> Check:
    """Every action of ``kinds`` is done."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for action in actions_of(case, kinds):
            if action.status is ActionStatus.DONE:
                continue
            if action.due is not None:
                message = _("{action} is {status}, due {due}: finish it, or re-plan it with its owner "
                            "({owner})", action=action_ref(action), status=action.status.label,
                            due=format_date(action.due), owner=action.owner or _("nobody"))
            else:
                message = _("{action} is {status}: finish it, or re-plan it with its owner",
                            action=action_ref(action), status=action.status.label)
            findings.append(say(step, message))
        return findings

    return check


def actions_effective(step: str, kinds: Kinds = None) -> Check:
    """Every done action of ``kinds`` was checked effective (pair it with ``actions_done``)."""

    def check(case: Case) -> list[Finding]:
        findings = []
        for action in actions_of(case, kinds):
            result = action.effectiveness.result
            if result is Effectiveness.EFFECTIVE:
                continue
            if result is Effectiveness.NOT_EFFECTIVE:
                message = _("{action} was not effective: the cause or the action was wrong; go back to the "
                            "root causes and plan another action", action=action_ref(action))
            elif action.status is not ActionStatus.DONE:
                continue  # ``actions_done`` says so; one message per problem is enough
            elif action.effectiveness.planned is not None:
                message = _("{action} is done but its effectiveness is not checked yet (planned {date}): "
                            "record whether it worked, with evidence", action=action_ref(action),
                            date=format_date(action.effectiveness.planned))
            else:
                message = _("{action} is done but its effectiveness is not checked yet: record whether it "
                            "worked, with evidence", action=action_ref(action))
            findings.append(say(step, message))
        return findings

    return check


# ---------------------------------------------------------------- indicators and sign-offs


def indicator_ready(step: str, *, baseline: bool = False, target: bool = False) -> Check:
    """At least one indicator with a baseline (or a measurement) and, if asked, a target and its date."""

    def check(case: Case) -> list[Finding]:
        if not case.indicators:
            return [say(step, _("no indicator yet: what do you measure, in which unit?"))]
        findings = []
        if baseline and not any(i.baseline is not None or i.measurements for i in case.indicators):
            findings.append(say(step, _("no baseline: measure the indicator before changing anything "
                                        "(enter a baseline or the first measurements)")))
        if target and not any(i.target is not None and i.target_date is not None for i in case.indicators):
            findings.append(say(step, _("no indicator has a target and a target date: what value, by "
                                        "when?")))
        return findings

    return check


def signed_off(step_key: str, step: str, *, by_role: Role | None = None, signer: str = N_("the sponsor")) -> Check:
    """The step's record holds a sign-off with decision proceed (by a person of ``by_role``, if given).

    ``signer`` (``N_``) names who is expected to sign, for the message.
    """

    def check(case: Case) -> list[Finding]:
        record = case.steps.get(step_key)
        signoff = record.signoff if record else None
        if signoff is None:
            return [say(step, _("not signed off yet: {signer} reviews it and decides proceed or revise",
                                signer=_(signer)))]
        findings = []
        if signoff.decision is Decision.REVISE:
            asked = signoff.note.strip() or _("no note")
            findings.append(say(step, _("{who} asked to revise on {date} ({note}): rework it and sign off "
                                        "again", who=signoff.by, date=format_date(signoff.on), note=asked)))
        if by_role is not None:
            names = {m.name.strip().casefold() for m in case.team if m.role is by_role}
            if not names:
                findings.append(say(step, _("no {role} on the team to sign off: name one in the team",
                                            role=by_role.label)))
            elif signoff.by.strip().casefold() not in names:
                findings.append(say(step, _("signed by {who}, who is not the {role} of the case",
                                            who=signoff.by, role=by_role.label)))
        return findings

    return check
