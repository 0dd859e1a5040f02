"""The French demo: the same five cases as the English demo, every text the team typed in French, and
the same gates (a translation must never move a case to another step)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from methods import registry
from rca import causes
from rca.actions import parse_date
from rca.demo import DEMO_USER, SIX_M, demo_cases
from rca.demo_fr import CONTENT, build_demo_fr, demo_cases_fr, french, user_texts
from rca.locales.fr_methods import MESSAGES
from rca.model import Case, NodeKind
from rca.store import Workspace

TODAY = date(2026, 5, 4)
EXPECTED = {  # the same as tests/unit/test_demo.py: case id → (method, the step the team is on)
    "C-1": ("8d", "d6"),
    "C-2": ("a3", "plan"),
    "C-3": ("dmaic", "analyze"),
    "C-4": ("5whys", None),
    "C-5": ("ishikawa", "act"),
}
UNCHANGED = {"Maintenance", "min", "%"}
"""Demo texts that are the same word in French (a function, units)."""
ENGLISH = re.compile(r"\b(?:the|and|of|with|from|not|was|were|is|are|after|before|at|by|for|to|in)\b")
"""Small English words that have no business in a French text ("on" is French too)."""


def names(case: Case) -> set[str]:
    return {m.name for m in case.team} | {DEMO_USER, "Claire Martin", "Karim Benali", "Marc Dubois"}


def next_step(case: Case) -> str | None:
    step = registry.evaluate(case).next_step
    return step.step.key if step else None


def pairs(today: date = TODAY) -> list[tuple[Case, Case]]:
    return list(zip(demo_cases(today), demo_cases_fr(today), strict=True))


def test_the_french_demo_builds_in_a_workspace(workspace: Workspace) -> None:
    ids = build_demo_fr(workspace, TODAY)
    assert ids == list(EXPECTED)
    cases = workspace.list_cases()
    assert [(c.id, c.method.value, next_step(c)) for c in cases] == [(k, *v) for k, v in EXPECTED.items()]
    assert [c.title for c in cases][0] == "Carter H-220 : alésage hors tolérance (réclamation client)"
    assert all(c.version == 1 and c.audit[-1].summary == "analyse de démonstration créée" for c in cases)
    every_action = [a.id for c in cases for a in c.actions]
    assert len(every_action) == len(set(every_action))


def test_no_english_text_is_left() -> None:
    for english, french_case in pairs():
        before, after = user_texts(english), user_texts(french_case)
        assert len(before) == len(after)
        for en, fr in zip(before, after, strict=True):
            if not en or en in UNCHANGED or en in names(english):
                assert fr == en
                continue
            assert fr != en, f"{english.id}: not translated: {en!r}"
            assert not ENGLISH.search(fr), f"{english.id}: English words left in {fr!r}"


def test_every_content_entry_is_used_and_french_keeps_what_it_does_not_know() -> None:
    used = {text for english, _ in pairs() for text in user_texts(english)} | {"demo case created"}
    assert set(CONTENT) <= used, sorted(set(CONTENT) - used)
    assert french("Claire Martin") == "Claire Martin" and french("") == ""


@pytest.mark.parametrize("today", [TODAY, date(2026, 1, 1), date(2031, 7, 15)])
def test_the_gates_say_the_same_as_the_english_demo(today: date) -> None:
    for english, french_case in pairs(today):
        assert next_step(french_case) == next_step(english)
        for en, fr in zip(registry.evaluate(english).gates, registry.evaluate(french_case).gates, strict=True):
            assert (fr.step.key, fr.passed, len(fr.blockers), len(fr.warnings)) == (
                en.step.key, en.passed, len(en.blockers), len(en.warnings)), (english.id, en.step.key,
                                                                               fr.blockers, fr.warnings)


def test_dates_are_written_the_french_way_and_mean_the_same_day() -> None:
    english, french_case = pairs()[1]  # the A3: its sheet carries a date, its target a date
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", french_case.field("theme", "date"))
    assert parse_date(french_case.field("theme", "date"), "date") == parse_date(english.field("theme", "date"),
                                                                                "date")
    assert re.search(r"d'ici le \d{2}/\d{2}/\d{4}$", french_case.field("target", "target"))
    conveyor = pairs()[3][1]
    assert conveyor.problem.when.startswith("Équipe de nuit du ")


def test_the_fishbones_have_the_french_6M_and_the_same_vote() -> None:
    eight_d, forklift = pairs()[0][1], pairs()[4][1]
    for case in (eight_d, forklift):
        bones = {c.key: c.text for c in case.causes if c.kind is NodeKind.CATEGORY and c.key}
        assert bones == {key: MESSAGES[label] for key, label in SIX_M}
    assert bones["manpower"] == "Main-d'œuvre" and bones["environment"] == "Milieu"
    assert causes.ranked_by_votes(forklift)[0].text == "Pas d'allée piétonne marquée au quai 4"
    assert [c.text for c in forklift.causes if c.kind is NodeKind.CATEGORY and not c.key] == ["Flux de circulation"]


def test_the_problem_node_and_the_case_title_agree() -> None:
    for _, case in pairs():
        problem = next(c for c in case.causes if c.kind is NodeKind.PROBLEM)
        assert problem.text == case.title
