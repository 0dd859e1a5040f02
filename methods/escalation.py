"""Escalation: a quick 5 Whys or Ishikawa case becomes an 8D or an A3 when it turns out bigger.

Nothing the team wrote is lost: the cause graph, the action plan, the indicators, the problem statement
and the team stay as they are (they are the case's, not a step's); the old step records stay under
their own keys, and their text is also copied into the matching fields of the new method (the 5 Whys
"standard" becomes the 8D's "requirement not met", and so on). ``escalated_from`` records the method
the case started with.
"""

from __future__ import annotations

from methods import registry
from rca.errors import InvalidInput
from rca.i18n import _
from rca.model import Case, Method

SOURCES = (Method.FIVE_WHYS, Method.ISHIKAWA)
"""Methods a case can be escalated from."""
TARGETS = (Method.EIGHT_D, Method.A3)
"""Methods a case can be escalated to."""

FieldRef = tuple[str, str]
"""(step key, field key)."""

FIELD_MAP: dict[tuple[Method, Method], dict[FieldRef, FieldRef]] = {
    (Method.FIVE_WHYS, Method.EIGHT_D): {
        ("define", "facts"): ("d0", "symptom"),
        ("define", "standard"): ("d2", "requirement"),
        ("verify", "readback"): ("d4", "verification"),
        ("check", "result"): ("d6", "validation"),
        ("check", "spread"): ("d7", "similar"),
    },
    (Method.ISHIKAWA, Method.EIGHT_D): {
        ("define", "effect"): ("d2", "statement"),
        ("verify", "verification_plan"): ("d4", "verification"),
    },
    (Method.FIVE_WHYS, Method.A3): {
        ("define", "standard"): ("background", "background"),
        ("define", "facts"): ("current", "current_condition"),
        ("verify", "readback"): ("analysis", "analysis"),
        ("check", "result"): ("followup", "followup"),
    },
    (Method.ISHIKAWA, Method.A3): {
        ("define", "effect"): ("theme", "theme"),
        ("verify", "verification_plan"): ("analysis", "analysis"),
    },
}
"""Where each field of the old method's steps is copied in the new one."""


def _refuse(case: Case, to: Method) -> None:
    if case.method is to:
        raise InvalidInput(_("{case} already follows {method}; nothing to escalate", case=case.id,
                             method=to.label), field="method")
    if case.method not in SOURCES:
        raise InvalidInput(
            _("{case} follows {method}: only a 5 Whys or an Ishikawa case can be escalated, to an 8D or an A3",
              case=case.id, method=case.method.label),
            field="method",
        )
    if to not in TARGETS:
        raise InvalidInput(
            _("{case} can be escalated to an 8D or an A3, not to {method}; start a new {method} case and link "
              "it in the background instead", case=case.id, method=to.label),
            field="method",
        )


def _append(case: Case, target: FieldRef, text: str) -> None:
    step_key, field_key = target
    fields = case.step(step_key).fields
    existing = fields.get(field_key, "").strip()
    if not existing:
        fields[field_key] = text
    elif text.strip() not in existing:
        fields[field_key] = f"{existing}\n\n{text}"


def escalate(case: Case, to: Method) -> None:
    """Turn a 5 Whys or Ishikawa ``case`` into an 8D or an A3, in place, keeping everything.

    Raises ``InvalidInput`` for any other direction, saying which are possible.
    """
    to = Method(to)
    _refuse(case, to)
    for (step_key, field_key), target in FIELD_MAP[(case.method, to)].items():
        text = case.field(step_key, field_key)
        if text.strip():
            _append(case, target, text)
    if to is Method.A3 and not case.field("theme", "theme").strip():
        case.step("theme").fields["theme"] = case.title
    case.escalated_from = case.method
    case.method = to
    case.current_step = registry.get(to).steps[0].key
