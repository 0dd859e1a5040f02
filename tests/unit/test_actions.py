"""The PDCA plan: late, closed, buckets and rates, computed for a given day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rca import actions as plan
from rca.errors import InvalidInput
from rca.model import Action, ActionStatus, Case, Effectiveness, Method

TODAY = date(2026, 11, 26)


def make(n: int, **fields: object) -> Action:
    return Action(id=f"A-{n}", title=f"action {n}", **fields)  # type: ignore[arg-type]


def test_late_is_past_due_and_not_done() -> None:
    assert plan.is_late(make(1, due=TODAY - timedelta(days=1)), TODAY)
    assert not plan.is_late(make(2, due=TODAY), TODAY)
    assert not plan.is_late(make(3, due=TODAY - timedelta(days=5), status="done"), TODAY)
    assert not plan.is_late(make(4, due=TODAY - timedelta(days=5), status="cancelled"), TODAY)
    assert not plan.is_late(make(5), TODAY)
    assert plan.days_late(make(6, due=TODAY - timedelta(days=3)), TODAY) == 3


def test_buckets_and_rates_on_a_plan_known_by_hand() -> None:
    past, future = TODAY - timedelta(days=10), TODAY + timedelta(days=10)
    actions = [
        make(1, due=past, status="done", done_on=past - timedelta(days=1),
             effectiveness={"result": "effective", "evidence": "ok"}),                     # closed, on time
        make(2, due=past, status="done", done_on=TODAY,
             effectiveness={"result": "not effective", "evidence": "still"}),              # in progress, late done
        make(3, due=past, status="in progress"),                                           # late
        make(4, due=future),                                                               # not started
        make(5, due=future, status="in progress"),                                         # in progress
        make(6, due=past, status="cancelled"),                                             # cancelled
        make(7, due=past, status="done", done_on=past,
             effectiveness={"planned": TODAY - timedelta(days=1)}),                        # check overdue
    ]
    p = plan.progress(actions, TODAY)
    assert (p.closed, p.in_progress, p.late, p.not_started, p.cancelled) == (1, 3, 1, 1, 1)
    assert p.counted == 6
    assert p.share(plan.Bucket.CLOSED) == pytest.approx(1 / 6)
    assert p.done_with_due == 3 and p.done_on_time == 2
    assert p.on_time_rate == pytest.approx(2 / 3)
    assert p.checked == 2 and p.effectiveness_rate == pytest.approx(0.5)
    assert p.checks_overdue == 1
    assert [a.id for a in plan.late_actions(actions, TODAY)] == ["A-3"]


def test_progress_by_owner_groups_actions() -> None:
    actions = [make(1, owner="Ana"), make(2, owner="Ben", due=TODAY - timedelta(days=1)), make(3, owner="Ana")]
    by_owner = plan.progress_by_owner(actions, TODAY)
    assert by_owner["Ana"].not_started == 2 and by_owner["Ben"].late == 1
    assert [a.id for a in plan.owned_by(actions, " ana ")] == ["A-1", "A-3"]


def test_status_and_effectiveness_move_the_pdca_phase() -> None:
    action = make(1)
    plan.set_status(action, ActionStatus.IN_PROGRESS, today=TODAY)
    assert action.phase.value == "do"
    plan.set_status(action, ActionStatus.DONE, today=TODAY, evidence="photo", by="me")
    assert action.done_on == TODAY and action.phase.value == "check" and action.evidence[0].text == "photo"
    plan.record_effectiveness(action, Effectiveness.EFFECTIVE, evidence="0 defects", today=TODAY)
    assert plan.is_closed(action) and action.phase.value == "act"


def test_effectiveness_needs_a_done_action_and_evidence() -> None:
    with pytest.raises(InvalidInput, match="mark it done"):
        plan.record_effectiveness(make(1), Effectiveness.EFFECTIVE, evidence="x")
    done = make(2, status="done", done_on=TODAY)
    with pytest.raises(InvalidInput, match="evidence"):
        plan.record_effectiveness(done, Effectiveness.EFFECTIVE)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-01", date(2026, 12, 1)), ("01/12/2026", date(2026, 12, 1)), ("+7d", TODAY + timedelta(days=7)),
    ("2w", TODAY + timedelta(days=14)), ("", None), ("today", TODAY),
])
def test_dates_typed_by_people(text: str, expected: date | None) -> None:
    assert plan.parse_date(text, "due", TODAY) == expected


def test_a_bad_date_names_the_field_and_the_formats() -> None:
    with pytest.raises(InvalidInput, match=r"due: 'next friday' is not a date; use YYYY-MM-DD"):
        plan.parse_date("next friday", "due", TODAY)


def test_add_action_checks_title_and_causes() -> None:
    case = Case(id="C-1", title="t", method=Method.FIVE_WHYS)
    with pytest.raises(InvalidInput, match="title"):
        plan.add_action(case, "A-1", "  ")
    with pytest.raises(Exception, match="no cause K-9"):
        plan.add_action(case, "A-1", "Fix", causes=["K-9"])
    action = plan.add_action(case, "A-1", "Fix it", owner=" Ana ", today=TODAY)
    assert action.owner == "Ana" and action.created_on == TODAY
