"""The Unicode fishbone drawing: fits any width, counts what it cannot show, marks statuses in text."""

from __future__ import annotations

import pytest

from rca import causes
from rca.model import PROBLEM_NODE, Case, Method
from rca.textout import width as cells
from rca.tui.widgets.fishbone_art import bones, draw_fishbone, styled


def fishbone(categories: int = 6, per_bone: int = 2) -> Case:
    case = Case(id="C-1", title="Bore diameter out of tolerance", method=Method.ISHIKAWA)
    case.problem.what = "Bore diameter out of tolerance on line 3 since the March tool change"
    for index in range(categories):
        bone = causes.add_category(case, f"Bone {index}")
        for number in range(per_bone):
            causes.add_cause(case, bone.id, f"cause {index}.{number} with a fairly long description")
    return case


@pytest.mark.parametrize("width", [24, 30, 40, 60, 80, 100, 120, 160, 240])
def test_no_line_is_wider_than_the_width(width: int) -> None:
    lines = draw_fishbone(fishbone(categories=9, per_bone=12), width)
    assert lines
    assert all(cells(line) <= width for line in lines), [line for line in lines if cells(line) > width]


def test_the_head_holds_the_problem_and_the_spine_leads_to_it() -> None:
    lines = draw_fishbone(fishbone(), 120)
    spine = next(line for line in lines if "═" in line)
    assert "▶┃" in spine
    assert "╪" in spine
    assert any("Bore diameter" in line for line in lines)
    assert any("┏" in line for line in lines) and any("┗" in line for line in lines)


def test_bones_alternate_above_and_below_the_spine() -> None:
    lines = draw_fishbone(fishbone(categories=4, per_bone=1), 120)
    spine_row = next(i for i, line in enumerate(lines) if "═" in line)
    above = "\n".join(lines[:spine_row])
    below = "\n".join(lines[spine_row + 1:])
    assert "Bone 0" in above and "Bone 2" in above
    assert "Bone 1" in below and "Bone 3" in below
    assert "╲" in above and "╱" in below


def test_bones_that_do_not_fit_are_counted_not_overflowed() -> None:
    lines = draw_fishbone(fishbone(categories=10, per_bone=1), 60)
    assert any(line.startswith("+") and "more categories" in line for line in lines)
    note = next(line for line in lines if "more categories" in line)
    assert "Bone 9" in note or note.endswith("…")


def test_causes_that_do_not_fit_on_a_bone_say_how_many_more() -> None:
    lines = draw_fishbone(fishbone(categories=2, per_bone=15), 120)
    assert any("+" in line and "more" in line and "categories" not in line for line in lines)


def test_long_labels_are_cut_with_an_ellipsis() -> None:
    lines = draw_fishbone(fishbone(categories=6, per_bone=1), 80)
    assert any("…" in line for line in lines)


def test_sub_causes_are_indented_under_their_cause() -> None:
    case = fishbone(categories=1, per_bone=0)
    bone = causes.categories(case)[0]
    top = causes.add_cause(case, bone.id, "Spindle worn")
    causes.add_cause(case, top.id, "No preventive maintenance")
    lines = draw_fishbone(case, 120)
    first = next(line for line in lines if "Spindle worn" in line)
    second = next(line for line in lines if "No preventive maintenance" in line)
    assert "· No preventive maintenance" in second
    assert second.index("No preventive") > first.index("Spindle worn")


def test_status_and_root_marks_read_without_colour() -> None:
    case = fishbone(categories=2, per_bone=0)
    bone = causes.categories(case)[0]
    verified = causes.add_cause(case, bone.id, "Spindle worn")
    causes.verify(case, verified.id, "vibration 7 mm/s")
    causes.set_root(case, verified.id)
    rejected = causes.add_cause(case, bone.id, "Coolant too hot")
    causes.reject(case, rejected.id, "temperature log normal")
    text = "\n".join(draw_fishbone(case, 120))
    assert "★ ✓ Spindle worn" in text
    assert "✗ Coolant too hot" in text
    assert "verified" in text and "rejected" in text and "root cause" in text


def test_causes_hung_on_the_problem_make_a_bone_of_their_own() -> None:
    case = fishbone(categories=1, per_bone=1)
    causes.add_cause(case, PROBLEM_NODE, "Loose cause")
    assert [bone.label for bone in bones(case)][-1] == "(no category)"
    assert "Loose cause" in "\n".join(draw_fishbone(case, 120))


def test_an_empty_case_still_draws_a_head_and_says_what_to_do() -> None:
    case = Case(id="C-2", title="Leak", method=Method.ISHIKAWA)
    lines = draw_fishbone(case, 80)
    assert any("Leak" in line for line in lines)
    assert any("No categories yet" in line for line in lines)


def test_too_narrow_says_so_in_one_line() -> None:
    assert draw_fishbone(fishbone(), 10) == ["(too narr…"]


def test_wide_characters_and_markup_are_drawn_as_text() -> None:
    case = fishbone(categories=2, per_bone=0)
    bone = causes.categories(case)[0]
    causes.add_cause(case, bone.id, "温度センサーの故障 [red]hot[/red]\x1b[31m")
    for width in (40, 80, 120):
        lines = draw_fishbone(case, width)
        assert all(cells(line) <= width for line in lines)
    text = "\n".join(draw_fishbone(case, 160))
    assert "[red]hot[/red]" in text
    assert "\x1b" not in text
    assert styled("✓ [red]x[/red]").plain == "✓ [red]x[/red]"
