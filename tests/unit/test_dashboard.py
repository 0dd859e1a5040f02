"""The dashboard's figures on a workspace where every number is known by hand."""

from __future__ import annotations

from datetime import date

import pytest

from rca.actions import Bucket
from rca.dashboard import render_dashboard, sparkline
from rca.followup import build_dashboard, late_on, weekly_trend
from rca.model import Action, Case, Effectiveness

TODAY = date(2026, 11, 26)  # a Thursday; its week starts on Monday 2026-11-23


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def action(n: int, **fields: object) -> Action:
    return Action(id=f"A-{n}", title=f"action {n}", **fields)  # type: ignore[arg-type]


def cases() -> list[Case]:
    """Seven actions that count, one archived, one closed case.

    ======  =====  ======  =====  ===========  ========  ===================  =====================
    action  case   owner   due    status       done on   effectiveness        bucket on 2026-11-26
    ======  =====  ======  =====  ===========  ========  ===================  =====================
    A-1     C-1    Ana     11-10  done         11-09     effective            closed (on time)
    A-2     C-1    Ana     11-20  done         11-24     not effective        in progress (done late)
    A-3     C-1    Ben     11-18  in progress                                 late
    A-4     C-1    Ben     12-10  planned                                     not started
    A-5     C-2    Ana     11-15  done         11-12     pending, check 11-25 in progress, check overdue
    A-6     C-2    —       11-01  cancelled                                   cancelled
    A-7     C-2    Ben     11-25  planned                                     late
    A-8     C-3*   Ana     11-01  planned                                     late (*archived case)
    ======  =====  ======  =====  ===========  ========  ===================  =====================
    """
    c1 = Case(id="C-1", title="Bore out of tolerance", method="8d", actions=[
        action(1, owner="Ana", due=d(11, 10), status="done", done_on=d(11, 9), created_on=d(10, 30),
               effectiveness={"result": "effective", "evidence": "0 returns"}),
        action(2, owner="Ana", due=d(11, 20), status="done", done_on=d(11, 24), created_on=d(11, 2),
               effectiveness={"result": "not effective", "evidence": "returns again"}),
        action(3, owner="Ben", due=d(11, 18), status="in progress", created_on=d(11, 3)),
        action(4, owner="Ben", due=d(12, 10), created_on=d(11, 24)),
    ])
    c2 = Case(id="C-2", title="Label smudges", method="5whys", actions=[
        action(5, owner="Ana", due=d(11, 15), status="done", done_on=d(11, 12), created_on=d(11, 5),
               effectiveness={"planned": d(11, 25), "indicator": "I-1"}),
        action(6, due=d(11, 1), status="cancelled", created_on=d(10, 20)),
        action(7, owner="Ben", due=d(11, 25), created_on=d(11, 10)),
    ], indicators=[{"id": "I-1", "name": "Smudged labels", "target": 10, "better": "lower",
                    "measurements": [{"on": d(11, 20), "value": 8}]}])
    c3 = Case(id="C-3", title="Old archived case", method="ishikawa", archived=True, actions=[
        action(8, owner="Ana", due=d(11, 1), created_on=d(10, 1)),
    ])
    c4 = Case(id="C-4", title="Solved last year", method="a3", status="closed")
    return [c1, c2, c3, c4]


STEPS = {"C-1": ("d4", "D4 Root causes"), "C-2": ("why", "Ask why"), "C-3": ("x", "X"), "C-4": ("done", "done")}


def step_of(case: Case) -> tuple[str, str]:
    return STEPS[case.id]


@pytest.fixture
def board():  # type: ignore[no-untyped-def]
    return build_dashboard(cases(), TODAY, step_of=step_of, weeks=4)


def test_overall_counts_shares_and_rates(board) -> None:  # type: ignore[no-untyped-def]
    p = board.overall
    assert board.cases == 3  # the archived case is left out
    assert (p.total, p.cancelled, p.counted) == (7, 1, 6)
    assert (p.closed, p.in_progress, p.late, p.not_started) == (1, 2, 2, 1)
    assert p.share(Bucket.CLOSED) == pytest.approx(1 / 6)
    assert p.share(Bucket.IN_PROGRESS) == pytest.approx(2 / 6)
    assert p.share(Bucket.LATE) == pytest.approx(2 / 6)
    assert p.share(Bucket.NOT_STARTED) == pytest.approx(1 / 6)
    assert (p.done_on_time, p.done_with_due) == (2, 3)  # on time, A-2 late
    assert p.on_time_rate == pytest.approx(2 / 3)
    assert (p.effective, p.checked) == (1, 2)
    assert p.effectiveness_rate == pytest.approx(0.5)
    assert p.checks_overdue == 1


def test_by_case_owner_and_method(board) -> None:  # type: ignore[no-untyped-def]
    by_case = {g.key: g.progress for g in board.by_case}
    assert set(by_case) == {"C-1", "C-2", "C-4"}
    assert (by_case["C-1"].closed, by_case["C-1"].in_progress, by_case["C-1"].late, by_case["C-1"].not_started) \
        == (1, 1, 1, 1)
    assert (by_case["C-2"].in_progress, by_case["C-2"].late, by_case["C-2"].cancelled) == (1, 1, 1)
    assert by_case["C-4"].total == 0

    assert [g.key for g in board.by_owner] == ["Ana", "Ben", ""]  # no owner last
    ana, ben, nobody = (g.progress for g in board.by_owner)
    assert (ana.closed, ana.in_progress, ana.late, ana.not_started) == (1, 2, 0, 0)
    assert ana.on_time_rate == pytest.approx(2 / 3) and ana.effectiveness_rate == pytest.approx(0.5)
    assert ana.checks_overdue == 1
    assert (ben.late, ben.not_started, ben.share(Bucket.LATE)) == (2, 1, pytest.approx(2 / 3))
    assert ben.on_time_rate is None and ben.effectiveness_rate is None
    assert (nobody.total, nobody.counted, nobody.share(Bucket.LATE)) == (1, 0, None)
    assert board.by_owner[2].label == "(no owner)"

    by_method = {g.key: g.progress for g in board.by_method}
    assert set(by_method) == {"8d", "5whys", "a3"}
    assert by_method["8d"].counted == 4 and by_method["5whys"].counted == 2 and by_method["a3"].total == 0


def test_cases_per_step_count_open_cases_only(board) -> None:  # type: ignore[no-untyped-def]
    assert [(s.method, s.step, s.cases) for s in board.steps] == [("5whys", "why", 1), ("8d", "d4", 1)]
    assert board.steps[1].label == "8D · D4 Root causes"
    assert board.cases_closed == 1


def test_overdue_checks_and_what_the_indicator_says(board) -> None:  # type: ignore[no-untyped-def]
    assert [c.action_id for c in board.overdue_checks] == ["A-5"]
    assert [(c.action_id, c.proposed) for c in board.proposals] == [("A-5", Effectiveness.EFFECTIVE)]


def test_weekly_trend(board) -> None:  # type: ignore[no-untyped-def]
    weeks = board.weeks
    assert [w.start for w in weeks] == [d(11, 2), d(11, 9), d(11, 16), d(11, 23)]
    assert weeks[-1].end == d(11, 29)
    assert [w.opened for w in weeks] == [3, 1, 0, 1]  # A-2 A-3 A-5 · A-7 · — · A-4
    assert [w.done for w in weeks] == [0, 2, 0, 1]  # — · A-1 A-5 · — · A-2
    # late on 11-08: none; 11-15: none (A-5 due 11-15 is not late that day); 11-22: A-2 (done 11-24) and A-3;
    # today: A-3 and A-7 (A-2 is done by now)
    assert [w.late for w in weeks] == [0, 0, 2, 2]
    assert weeks[-1].late == board.overall.late


def test_archived_cases_included_when_asked() -> None:
    board = build_dashboard(cases(), TODAY, weeks=2, include_archived=True)
    assert board.cases == 4 and board.overall.late == 3
    assert board.steps == []  # no step_of given: no per-step counts


def test_late_on_follows_the_dates() -> None:
    a = action(1, due=d(11, 10), status="done", done_on=d(11, 12), created_on=d(11, 1))
    assert not late_on(a, d(11, 10)) and late_on(a, d(11, 11)) and not late_on(a, d(11, 12))
    assert not late_on(action(2, due=d(11, 10), created_on=d(11, 20)), d(11, 15))  # did not exist yet
    assert not late_on(action(3, due=d(11, 10), status="cancelled"), d(11, 15))
    assert [w.late for w in weekly_trend([action(4, due=d(11, 2))], TODAY, 1)] == [1]


def test_text_rendering_shows_the_figures(board) -> None:  # type: ignore[no-untyped-def]
    text = render_dashboard(board)
    assert "closed 1 (17%) · in progress 2 (33%) · late 2 (33%) · not started 1 (17%)" in text
    assert "on-time closure 67% (2 of 3 done with a due date)" in text
    assert "effectiveness 50% (1 of 2 checked) · checks overdue 1" in text
    assert "8D · D4 Root causes" in text
    assert "A-5: indicator says effective — confirm with rca action check A-5" in text
    assert sparkline([0, 1, 2, 4]) == " ▂▄█"
    assert sparkline([0, 0]) == "  "


def test_rca_dashboard_text_and_json(workspace, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    import json

    from rca.cli import main

    def build(case: Case, ids: object) -> None:
        case.actions.append(Action(id=ids.next_action_id(), title="Late one", owner="Ana",  # type: ignore[attr-defined]
                                   due=date(2000, 1, 1), created_on=date(1999, 12, 1)))
        case.actions.append(Action(id=ids.next_action_id(), title="Later", owner="Ben",  # type: ignore[attr-defined]
                                   due=date(2999, 1, 1), created_on=date(1999, 12, 1)))

    workspace.create_case(title="Spindle noise", method="5whys", build=build)
    hidden = workspace.create_case(title="Old", method="8d", build=build)
    workspace.update_case(hidden.id, lambda case, _ids: setattr(case, "archived", True), summary="archive")
    ws = ["--workspace", str(workspace.path)]
    assert main([*ws, "dashboard"]) == 0
    text = capsys.readouterr().out
    assert "1 cases, 2 actions" in text and "late 1 (50%)" in text and "By owner" in text
    assert main([*ws, "dashboard", "--json", "--archived", "--weeks", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cases"] == 2 and data["overall"]["late"] == 2 and data["overall"]["shares"]["late"] == 0.5
    assert [o["key"] for o in data["by_owner"]] == ["Ana", "Ben"] and len(data["weeks"]) == 3
    assert {s["method"] for s in data["cases_per_step"]} == {"5whys", "8d"}
