"""Escalation: a 5 Whys or Ishikawa case becomes an 8D or an A3 and keeps everything."""

from __future__ import annotations

from datetime import date

import pytest

from methods import registry
from methods.escalation import escalate
from rca.demo import demo_cases
from rca.errors import InvalidInput
from rca.model import Case, Method

TODAY = date(2026, 5, 4)


def demo(method: Method) -> Case:
    return next(c for c in demo_cases(TODAY) if c.method is method)


def kept(case: Case) -> dict:
    """Everything escalation must not touch."""
    data = case.to_json_dict()
    return {key: data[key] for key in ("causes", "links", "actions", "indicators", "problem", "team", "title")}


def test_five_whys_to_8d_keeps_graph_actions_and_text() -> None:
    case = demo(Method.FIVE_WHYS)
    before, old_steps = kept(case), case.to_json_dict()["steps"]
    escalate(case, Method.EIGHT_D)
    assert kept(case) == before
    assert (case.method, case.escalated_from, case.current_step) == (Method.EIGHT_D, Method.FIVE_WHYS, "d0")
    for key, record in old_steps.items():  # the old records stay under their own keys
        assert case.to_json_dict()["steps"][key] == record
    assert case.field("d2", "requirement") == case.field("define", "standard")
    assert case.field("d0", "symptom") == case.field("define", "facts")
    assert case.field("d6", "validation") == case.field("check", "result")
    assert case.field("d7", "similar") == case.field("check", "spread")
    assert case.field("d4", "verification") == case.field("verify", "readback")
    progress = registry.evaluate(case)
    assert progress.next_step is not None and progress.next_step.step.key == "d0"
    assert progress.gates[2].passed is False  # D2 asks for more than the quick 5 Whys had (IS / IS NOT)


def test_ishikawa_to_a3_keeps_the_fishbone_and_votes() -> None:
    case = demo(Method.ISHIKAWA)
    before = kept(case)
    escalate(case, Method.A3)
    assert kept(case) == before
    assert case.field("theme", "theme") == "Forklift / pedestrian near-miss at dock 4"
    assert case.field("analysis", "analysis").startswith("Top 5 voted causes checked")
    assert case.escalated_from is Method.ISHIKAWA and case.current_step == "theme"
    assert sum(c.total_votes for c in case.causes) == 15


def test_a3_theme_defaults_to_the_title() -> None:
    case = demo(Method.FIVE_WHYS)
    escalate(case, Method.A3)
    assert case.field("theme", "theme") == case.title
    assert case.field("background", "background") == "C2 runs a whole shift without a stop."


def test_text_already_in_the_target_field_is_kept() -> None:
    case = demo(Method.FIVE_WHYS)
    case.step("d2").fields["requirement"] = "Maintenance standard MS-03"
    escalate(case, Method.EIGHT_D)
    assert case.field("d2", "requirement") == "Maintenance standard MS-03\n\nC2 runs a whole shift without a stop."


@pytest.mark.parametrize(("source", "target", "message"), [
    (Method.EIGHT_D, Method.A3, "C-1 follows 8D: only a 5 Whys or an Ishikawa case can be escalated"),
    (Method.DMAIC, Method.EIGHT_D, "follows DMAIC: only a 5 Whys or an Ishikawa case can be escalated"),
    (Method.FIVE_WHYS, Method.DMAIC, "can be escalated to an 8D or an A3, not to DMAIC"),
    (Method.ISHIKAWA, Method.ISHIKAWA, "already follows Ishikawa; nothing to escalate"),
])
def test_other_directions_are_refused_clearly(source: Method, target: Method, message: str) -> None:
    case = demo(source)
    before = case.to_json_dict()
    with pytest.raises(InvalidInput, match=message):
        escalate(case, target)
    assert case.to_json_dict() == before
