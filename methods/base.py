"""What a method is: ordered steps, each with guidance, fields, an embedded tool and a gate.

Definitions are declarative (frozen dataclasses); their texts are marked with ``N_`` and translated
with ``_`` where they are shown, so a definition built at import time follows the language chosen later.
The TUI and the exports render any method from its definition: a new method is a new module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from rca.i18n import _
from rca.model import Case, Method


class Tool(StrEnum):
    """The tool a step embeds, which the TUI shows beside the step's fields."""

    TEXT = "text"
    """Only the step's text fields."""
    TEAM = "team"
    """The team editor (names and roles)."""
    PROBLEM = "problem"
    """The problem statement: 5W2H and IS / IS NOT."""
    CAUSE_TREE = "cause_tree"
    """The why-tree editor over the cause graph."""
    FISHBONE = "fishbone"
    """The Ishikawa editor over the cause graph, with dot voting."""
    ACTION_PLAN = "action_plan"
    """The PDCA action plan (optionally filtered to some action kinds)."""
    INDICATOR = "indicator"
    """Indicators and their measurements."""
    SIGNOFF = "signoff"
    """A tollgate or approval: who, when, proceed / revise."""


@dataclass(frozen=True)
class FieldDef:
    """A text field of a step."""

    key: str
    """Where its text is stored in ``StepRecord.fields``."""
    label: str
    """Shown above the input (marked with ``N_``)."""
    help: str = ""
    """One line under the label: what to write."""
    multiline: bool = True
    """A text area rather than a one-line input."""
    required: bool = False
    """The step's gate fails while it is empty."""
    smart: bool = False
    """A goal or deliverable: the SMART check asks for a measurable target and a date."""


@dataclass(frozen=True)
class Guidance:
    """What the facilitator needs at hand for a step."""

    ask: tuple[str, ...] = ()
    """Questions to put to the room."""
    traps: tuple[str, ...] = ()
    """The usual mistakes to steer away from."""
    example: str = ""
    """An example of a good answer."""


@dataclass(frozen=True)
class Finding:
    """One result of a gate check: ``ok`` or a specific, actionable message."""

    ok: bool
    message: str
    """Already translated: what is missing and what to do about it."""
    warning: bool = False
    """Advice that does not block the gate (e.g. a why-chain that stops at a person)."""


Check = Callable[[Case], list[Finding]]
"""A gate check: reads the case, returns findings (an empty list means nothing to say)."""


@dataclass(frozen=True)
class StepDef:
    """One step of a method."""

    key: str
    """Stable id, used in ``Case.steps`` and ``Case.current_step`` (e.g. ``d4``)."""
    title: str
    """Short heading (marked with ``N_``), e.g. "D4 Root causes"."""
    purpose: str
    """One sentence: why this step exists."""
    guidance: Guidance = field(default_factory=Guidance)
    fields: tuple[FieldDef, ...] = ()
    tool: Tool = Tool.TEXT
    """The tool the step embeds."""
    tool_options: tuple[tuple[str, str], ...] = ()
    """Options for the tool, e.g. (("kinds", "containment"),) for an action plan of containment only."""
    checks: tuple[Check, ...] = ()
    """The gate: every finding that is not ok (and not a warning) blocks the step."""
    timebox_minutes: int | None = None
    """A suggested time-box for the workshop timer."""

    def option(self, name: str, default: str = "") -> str:
        return dict(self.tool_options).get(name, default)


@dataclass(frozen=True)
class MethodDef:
    """A whole method."""

    method: Method
    name: str
    """Shown name (marked with ``N_``)."""
    summary: str
    """One sentence: when to use it."""
    steps: tuple[StepDef, ...]

    def step(self, key: str) -> StepDef:
        for step in self.steps:
            if step.key == key:
                return step
        from rca.errors import NotFound

        raise NotFound(
            _("{method} has no step '{step}'; its steps are: {steps}", method=_(self.name), step=key,
              steps=", ".join(s.key for s in self.steps))
        )


@dataclass(frozen=True)
class GateResult:
    """The state of one step's gate for a case."""

    step: StepDef
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        return all(f.ok or f.warning for f in self.findings)

    @property
    def blockers(self) -> list[str]:
        return [f.message for f in self.findings if not f.ok and not f.warning]

    @property
    def warnings(self) -> list[str]:
        return [f.message for f in self.findings if f.warning]


@dataclass(frozen=True)
class CaseProgress:
    """Where a case stands in its method."""

    gates: tuple[GateResult, ...]

    @property
    def share(self) -> float:
        """The share of steps whose gates pass (0..1)."""
        return sum(g.passed for g in self.gates) / len(self.gates) if self.gates else 0.0

    @property
    def next_step(self) -> GateResult | None:
        """The first step whose gate does not pass yet."""
        return next((g for g in self.gates if not g.passed), None)

    @property
    def blockers(self) -> list[str]:
        """What blocks the next gate."""
        step = self.next_step
        return step.blockers if step else []


def ok() -> Finding:
    return Finding(True, "")


def blocked(message: str) -> Finding:
    """A finding that blocks the gate (``message`` already translated)."""
    return Finding(False, message)


def warn(message: str) -> Finding:
    """Advice shown with the step that does not block its gate."""
    return Finding(False, message, warning=True)
