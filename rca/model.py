"""The domain as typed pydantic models: a Case and everything inside it.

A case is the unit of storage, locking and export. Its cause graph is stored as two flat lists
(``causes`` and ``links``) and worked on as a networkx graph by ``rca.causes``; its action plan is
worked on by ``rca.actions``. Computed things (late, closed, progress) are never stored.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rca.i18n import N_, _

SCHEMA_VERSION = 1
"""The version of the stored document shape; ``rca.store`` migrates older documents on open."""

CASE_ID = re.compile(r"^C-[1-9][0-9]*$")
ACTION_ID = re.compile(r"^A-[1-9][0-9]*$")
PROBLEM_NODE = "P"
"""The id of the problem node, the root of every cause graph."""


def utc_now() -> datetime:
    """Now, in UTC, to the second (audit entries and creation stamps)."""
    return datetime.now(UTC).replace(microsecond=0)


class LabelledEnum(StrEnum):
    """An enum whose values are stored as they are and shown through ``label`` in the user's language."""

    @property
    def label(self) -> str:
        return _(_LABELS.get(self.value, self.value))

    @classmethod
    def parse(cls, value: str, field: str) -> LabelledEnum:
        """The member for ``value`` (its value or its English label, any case); a clear error otherwise."""
        from rca.errors import InvalidInput

        wanted = value.strip().lower().replace("_", " ")
        for member in cls:
            if wanted in (member.value.lower().replace("_", " "), member.label.lower()):
                return member
        choices = ", ".join(member.value for member in cls)
        raise InvalidInput(
            _("{field}: '{value}' is not accepted; use one of: {choices}", field=field, value=value, choices=choices),
            field=field,
        )


class Method(LabelledEnum):
    """The problem-solving method a case follows."""

    FIVE_WHYS = "5whys"
    ISHIKAWA = "ishikawa"
    EIGHT_D = "8d"
    A3 = "a3"
    DMAIC = "dmaic"


class CaseStatus(LabelledEnum):
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class Role(LabelledEnum):
    CHAMPION = "champion"
    LEADER = "leader"
    MEMBER = "member"
    FACILITATOR = "facilitator"


class NodeKind(LabelledEnum):
    PROBLEM = "problem"
    CATEGORY = "category"
    CAUSE = "cause"


class CauseStatus(LabelledEnum):
    HYPOTHESIS = "hypothesis"
    VERIFIED = "verified"
    REJECTED = "rejected"


class CausePath(LabelledEnum):
    """The 8D path of a cause: why it happened, why it escaped, why the system allowed it."""

    OCCURRENCE = "occurrence"
    NON_DETECTION = "non-detection"
    SYSTEMIC = "systemic"


class ActionKind(LabelledEnum):
    CONTAINMENT = "containment"
    CORRECTIVE = "corrective"
    PREVENTIVE = "preventive"
    IMPROVEMENT = "improvement"


class PdcaPhase(LabelledEnum):
    PLAN = "plan"
    DO = "do"
    CHECK = "check"
    ACT = "act"


class ActionStatus(LabelledEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Effectiveness(LabelledEnum):
    PENDING = "pending"
    EFFECTIVE = "effective"
    NOT_EFFECTIVE = "not effective"


class Direction(LabelledEnum):
    """Which way an indicator gets better."""

    HIGHER = "higher"
    LOWER = "lower"


class Decision(LabelledEnum):
    """A tollgate or approval decision."""

    PROCEED = "proceed"
    REVISE = "revise"


_LABELS: dict[str, str] = {
    "5whys": N_("5 Whys"),
    "ishikawa": N_("Ishikawa"),
    "8d": N_("8D"),
    "a3": N_("A3"),
    "dmaic": N_("DMAIC"),
    "open": N_("open"),
    "closed": N_("closed"),
    "cancelled": N_("cancelled"),
    "champion": N_("champion"),
    "leader": N_("leader"),
    "member": N_("member"),
    "facilitator": N_("facilitator"),
    "problem": N_("problem"),
    "category": N_("category"),
    "cause": N_("cause"),
    "hypothesis": N_("hypothesis"),
    "verified": N_("verified"),
    "rejected": N_("rejected"),
    "occurrence": N_("occurrence"),
    "non-detection": N_("non-detection"),
    "systemic": N_("systemic"),
    "containment": N_("containment"),
    "corrective": N_("corrective"),
    "preventive": N_("preventive"),
    "improvement": N_("improvement"),
    "plan": N_("plan"),
    "do": N_("do"),
    "check": N_("check"),
    "act": N_("act"),
    "planned": N_("planned"),
    "in progress": N_("in progress"),
    "done": N_("done"),
    "pending": N_("pending"),
    "effective": N_("effective"),
    "not effective": N_("not effective"),
    "higher": N_("higher is better"),
    "lower": N_("lower is better"),
    "proceed": N_("proceed"),
    "revise": N_("revise"),
}


class Model(BaseModel):
    """Base of every domain model: unknown keys are refused, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_attribute_docstrings=True)


def _clean_text(value: Any) -> Any:
    """Strip NUL characters (they break files and terminals); keep everything else the user typed."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    return value


class Evidence(Model):
    """A fact that supports a decision: a measurement, a photo reference, a test result."""

    text: str = Field(min_length=1)
    """What was observed or measured, and where it is recorded."""
    by: str = ""
    """Who recorded it."""
    on: date | None = None
    """When it was recorded."""

    _clean = field_validator("text", "by", mode="before")(_clean_text)


class TeamMember(Model):
    """A person on the case's team."""

    name: str = Field(min_length=1)
    """The person's name, as the team calls them."""
    role: Role = Role.MEMBER
    """champion (sponsor), leader (owns the case), member or facilitator."""
    function: str = ""
    """Their job or department (quality, production, maintenance...)."""

    _clean = field_validator("name", "function", mode="before")(_clean_text)


class IsIsNot(Model):
    """One row of the IS / IS NOT analysis: where the problem is, where it could be but is not."""

    dimension: str = Field(min_length=1)
    """What, where, when or how many."""
    is_: str = Field(default="", alias="is")
    """Where / when / what the problem is observed."""
    is_not: str = ""
    """Where it could be observed but is not."""
    distinction: str = ""
    """What is different between the two: the clue to the cause."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True,
                              use_attribute_docstrings=True, serialize_by_alias=True)


class ProblemStatement(Model):
    """The problem described with 5W2H and IS / IS NOT."""

    what: str = ""
    """What is wrong: the defect, the deviation, the event."""
    where: str = ""
    """Where it was seen: line, machine, site, customer."""
    when: str = ""
    """When it was seen first, how often since."""
    who: str = ""
    """Who found it, who is affected."""
    how_detected: str = ""
    """How it was detected (customer complaint, audit, inspection...)."""
    how_many: str = ""
    """How many: parts, rate, cost (quantified)."""
    why_it_matters: str = ""
    """Why it matters: customer, safety, cost, compliance."""
    is_is_not: list[IsIsNot] = Field(default_factory=list)
    """The IS / IS NOT rows."""

    _clean = field_validator("what", "where", "when", "who", "how_detected", "how_many", "why_it_matters",
                             mode="before")(_clean_text)

    def summary(self) -> str:
        """One line: the ``what``, else the first filled field."""
        for value in (self.what, self.where, self.how_many):
            if value.strip():
                return value.strip().splitlines()[0]
        return ""


class Signoff(Model):
    """A tollgate or approval: who decided, when, and what."""

    by: str = Field(min_length=1)
    """Who signed."""
    on: date
    """When."""
    decision: Decision = Decision.PROCEED
    """proceed or revise."""
    note: str = ""
    """What was asked for, if anything."""


class StepRecord(Model):
    """What the team recorded in one step of the method."""

    fields: dict[str, str] = Field(default_factory=dict)
    """The step's text fields, by field key (see the method's definition)."""
    signoff: Signoff | None = None
    """The tollgate or approval of the step, where the method asks for one."""
    timebox_minutes: int | None = Field(default=None, ge=1, le=600)
    """How long the facilitator gave the room for this step."""

    @field_validator("fields", mode="before")
    @classmethod
    def _clean_fields(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {key: _clean_text(text) for key, text in value.items()}
        return value


class Cause(Model):
    """A node of the cause graph: the problem, an Ishikawa category, or a cause the team named."""

    id: str = Field(min_length=1, max_length=20)
    """``P`` for the problem, ``K-n`` for categories and causes (unique within the case)."""
    kind: NodeKind = NodeKind.CAUSE
    """problem, category (an Ishikawa bone) or cause."""
    text: str = ""
    """What the team said, in their words."""
    key: str | None = None
    """For a category from a standard set (6M, 8M...): its key, so its label follows the language."""
    status: CauseStatus = CauseStatus.HYPOTHESIS
    """Every cause is a hypothesis until verified or rejected with evidence."""
    root: bool = False
    """The team marked this cause as a root cause."""
    path: CausePath | None = None
    """The 8D path: occurrence, non-detection or systemic."""
    evidence: list[Evidence] = Field(default_factory=list)
    """What verified or rejected it."""
    votes: dict[str, int] = Field(default_factory=dict)
    """Dot votes by participant."""
    outside_control: bool = False
    """The team judged this cause outside its control (supplier, weather...): a 5-Whys warning."""
    created_by: str = ""
    """Who added it."""

    _clean = field_validator("text", mode="before")(_clean_text)

    @property
    def total_votes(self) -> int:
        return sum(self.votes.values())


class CauseLink(Model):
    """An edge of the cause graph: ``cause`` is a cause of ``effect``."""

    effect: str
    """The node being explained (the problem, a category or a cause)."""
    cause: str
    """The node that explains it."""


class EffectivenessCheck(Model):
    """How the team will know the action worked, and whether it did."""

    criterion: str = ""
    """What must be true (e.g. 'zero returns for 3 months')."""
    planned: date | None = None
    """When the check is due."""
    result: Effectiveness = Effectiveness.PENDING
    """pending, effective or not effective."""
    checked_on: date | None = None
    """When the result was recorded."""
    evidence: str = ""
    """What showed the result."""
    indicator: str | None = None
    """An indicator (its id) whose reaching its target by the planned date proposes the result."""

    _clean = field_validator("criterion", "evidence", mode="before")(_clean_text)


class Action(Model):
    """One action of the PDCA plan."""

    id: str
    """``A-n``, unique across the workspace."""
    title: str = Field(min_length=1)
    """What will be done (a verb and an object)."""
    owner: str = ""
    """Who is accountable."""
    deliverable: str = ""
    """What will exist when it is done (a procedure, a poka-yoke, a trained team...)."""
    due: date | None = None
    """When it is due."""
    kind: ActionKind = ActionKind.CORRECTIVE
    """containment, corrective, preventive or improvement."""
    causes: list[str] = Field(default_factory=list)
    """The causes (node ids) this action treats."""
    phase: PdcaPhase = PdcaPhase.PLAN
    """Where the action stands in the PDCA cycle."""
    status: ActionStatus = ActionStatus.PLANNED
    """planned, in progress, done or cancelled."""
    done_on: date | None = None
    """When it was done."""
    evidence: list[Evidence] = Field(default_factory=list)
    """What shows it was done."""
    effectiveness: EffectivenessCheck = Field(default_factory=EffectivenessCheck)
    """How and when the team checks it worked."""
    created_on: date | None = None
    """When the action was added to the plan."""

    _clean = field_validator("title", "owner", "deliverable", mode="before")(_clean_text)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not ACTION_ID.match(value):
            raise ValueError(f"'{value}' is not an action id; use A- followed by a number, like A-12")
        return value


class Measurement(Model):
    """One dated value of an indicator."""

    on: date
    """When it was measured."""
    value: float
    """The value, in the indicator's unit."""
    note: str = ""
    """Where it comes from, or what was special."""
    phase: str = ""
    """baseline, improve, control... (free, shown on charts)."""


class Indicator(Model):
    """A measure the team follows: DMAIC's Y, an A3's current condition, an action's effectiveness."""

    id: str
    """``I-n`` within the case."""
    name: str = Field(min_length=1)
    """What is measured (e.g. 'Customer returns')."""
    unit: str = ""
    """Its unit (ppm, %, min...)."""
    target: float | None = None
    """The value to reach."""
    target_date: date | None = None
    """When the target must be reached."""
    better: Direction = Direction.LOWER
    """Which way is better."""
    baseline: float | None = None
    """The value before the improvement (if not given, the first measurement)."""
    measurements: list[Measurement] = Field(default_factory=list)
    """Dated values, oldest first."""

    def latest(self) -> Measurement | None:
        return max(self.measurements, key=lambda m: m.on) if self.measurements else None

    def meets_target(self, value: float) -> bool | None:
        """Whether ``value`` reaches the target; ``None`` without a target."""
        if self.target is None:
            return None
        return value >= self.target if self.better is Direction.HIGHER else value <= self.target


class AuditEntry(Model):
    """One change to the case: who, when, what."""

    at: datetime
    """When (UTC)."""
    by: str
    """Who (from ``--user``, ``RCA_USER``, else the login name)."""
    summary: str
    """What was done, in words."""
    fields: list[str] = Field(default_factory=list)
    """Which fields changed (JSON paths)."""


class Case(Model):
    """One problem being solved: the unit of storage, locking and export."""

    id: str
    """``C-n``, unique in the workspace."""
    title: str = Field(min_length=1, max_length=300)
    """A short name for the problem."""
    method: Method
    """The method the team follows."""
    status: CaseStatus = CaseStatus.OPEN
    """open, closed or cancelled."""
    archived: bool = False
    """Hidden from the home list unless asked for."""
    created_on: date = Field(default_factory=date.today)
    """When the case was opened."""
    created_by: str = ""
    """Who opened it."""
    problem: ProblemStatement = Field(default_factory=ProblemStatement)
    """5W2H and IS / IS NOT."""
    team: list[TeamMember] = Field(default_factory=list)
    """The team."""
    steps: dict[str, StepRecord] = Field(default_factory=dict)
    """What was recorded in each step, by step key."""
    current_step: str | None = None
    """The step the facilitator is on."""
    category_set: str = "6M"
    """The Ishikawa category set (6M, 8M, 4S, 8P or custom)."""
    votes_per_person: int = Field(default=3, ge=1, le=20)
    """Dot votes each participant gets."""
    causes: list[Cause] = Field(default_factory=list)
    """The nodes of the cause graph (see ``rca.causes``)."""
    links: list[CauseLink] = Field(default_factory=list)
    """The edges of the cause graph, effect → cause, in sibling order."""
    actions: list[Action] = Field(default_factory=list)
    """The PDCA action plan."""
    indicators: list[Indicator] = Field(default_factory=list)
    """The indicators the case follows."""
    escalated_from: Method | None = None
    """The method the case started with, when it was escalated (5 Whys → 8D...)."""
    audit: list[AuditEntry] = Field(default_factory=list)
    """Every change: who, when, what."""
    version: int = 0
    """Incremented by every saved change; a save from a stale version is merged or refused."""
    last_node: int = 0
    """The highest ``K-n`` number given in this case (numbers are never reused)."""

    _clean = field_validator("title", mode="before")(_clean_text)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not CASE_ID.match(value):
            raise ValueError(f"'{value}' is not a case id; use C- followed by a number, like C-7")
        return value

    @property
    def number(self) -> int:
        return int(self.id.split("-")[1])

    def leader(self) -> str:
        """The team leader's name, or the creator's."""
        for member in self.team:
            if member.role is Role.LEADER:
                return member.name
        return self.created_by

    def step(self, key: str) -> StepRecord:
        """The record of a step, created empty on first use."""
        if key not in self.steps:
            self.steps[key] = StepRecord()
        return self.steps[key]

    def field(self, step: str, key: str) -> str:
        """A step's text field, empty when not filled."""
        record = self.steps.get(step)
        return record.fields.get(key, "") if record else ""

    def node(self, node_id: str) -> Cause:
        """A node of the cause graph by id (``NotFound`` lists nothing: ids are shown on screen)."""
        for cause in self.causes:
            if cause.id == node_id:
                return cause
        from rca.errors import NotFound

        raise NotFound(_("{case}: there is no cause {node}", case=self.id, node=node_id))

    def action(self, action_id: str) -> Action:
        for action in self.actions:
            if action.id == action_id:
                return action
        from rca.errors import NotFound

        raise NotFound(_("{case}: there is no action {action}", case=self.id, action=action_id))

    def indicator(self, ref: str) -> Indicator:
        """An indicator by id (``I-1``) or name (any case)."""
        for indicator in self.indicators:
            if ref in (indicator.id,) or indicator.name.lower() == ref.lower():
                return indicator
        from rca.errors import NotFound

        names = ", ".join(f"{i.id} ({i.name})" for i in self.indicators) or _("none yet")
        raise NotFound(_("{case}: no indicator '{ref}'; the case has: {names}", case=self.id, ref=ref, names=names))

    def to_json_dict(self) -> dict[str, Any]:
        """The case as plain JSON data (dates as ISO strings), lossless."""
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Case:
        """A case from JSON data; ``pydantic.ValidationError`` on bad data (see ``describe_errors``)."""
        return cls.model_validate(data)


def describe_errors(error: Any, source: str = "") -> list[str]:
    """One line per problem of a ``pydantic.ValidationError``: the JSON path, what is wrong, what is accepted."""
    lines = []
    for item in error.errors():
        path = ""
        for part in item.get("loc", ()):
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        path = path or "(top level)"
        message = item.get("msg", "invalid")
        given = item.get("input")
        kind = item.get("type", "")
        if kind == "missing":
            text = _("{path}: is required", path=path)
        elif kind == "extra_forbidden":
            text = _("{path}: is not a known field", path=path)
        elif kind.startswith("date"):
            text = _("{path}: '{given}' is not a date; use YYYY-MM-DD", path=path, given=given)
        else:
            shown = repr(given) if not isinstance(given, dict | list) else type(given).__name__
            if len(shown) > 60:
                shown = shown[:57] + "..."
            text = _("{path}: {message} (got {given})", path=path, message=message, given=shown)
        lines.append(f"{source}{text}" if source else text)
    return lines


def case_json_schema() -> dict[str, Any]:
    """The JSON Schema of a case (``rca schema``)."""
    return Case.model_json_schema(by_alias=True)
