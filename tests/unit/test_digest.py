"""The weekly digest: per owner, due soon, late, effectiveness checks due or overdue; escaped output."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rca.digest import format_for, render_html, render_markdown
from rca.errors import NotFound
from rca.followup import build_digest
from rca.model import Action, Case

TODAY = date(2026, 11, 26)
EVIL = '<script>alert("x")</script> & *bold* [link](http://x)'


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def action(n: int, **fields: object) -> Action:
    fields.setdefault("title", f"action {n}")
    return Action(id=f"A-{n}", **fields)  # type: ignore[arg-type]


def cases() -> list[Case]:
    c1 = Case(id="C-1", title="Bore out of tolerance", method="8d", actions=[
        action(1, owner="Ana", due=d(11, 30)),                                         # due soon
        action(2, owner="Ana", due=d(11, 20), status="in progress"),                   # late, 6 days
        action(3, owner="Ana", due=d(11, 10), status="done", done_on=d(11, 10),        # check due 11-29
               effectiveness={"planned": d(11, 29), "criterion": "no returns for 2 weeks", "indicator": "I-1"}),
        action(4, owner="ana ", due=d(11, 1), status="done", done_on=d(11, 1),         # check overdue
               effectiveness={"planned": d(11, 20)}),
        action(5, owner="Ana", title=EVIL, due=d(12, 3)),                               # due soon (last day)
        action(6, owner="Ana", due=d(12, 4)),                                          # outside the window
        action(7, owner="Ana", due=d(11, 2), status="done", done_on=d(11, 2),          # checked: nothing to say
               effectiveness={"planned": d(11, 20), "result": "effective", "evidence": "ok"}),
    ], indicators=[{"id": "I-1", "name": "Returns", "target": 0, "better": "lower",
                    "measurements": [{"on": d(11, 25), "value": 0}]}])
    c2 = Case(id="C-2", title="Label smudges", method="5whys", actions=[
        action(8, owner="Ben", due=d(12, 20)),                                         # nothing this week
        action(9, owner="Cleo", due=TODAY),                                            # due today
        action(10, owner="Cleo", due=d(11, 25), status="cancelled"),                   # cancelled: never late
    ])
    archived = Case(id="C-3", title="Old", method="a3", archived=True, actions=[
        action(11, owner="Cleo", due=d(11, 1))])
    return [c1, c2, archived]


def test_each_owner_hears_what_is_due_late_and_to_check() -> None:
    digests = build_digest(cases(), TODAY, days=7)
    assert [x.owner for x in digests] == ["Ana", "Cleo"]  # Ben has nothing this week; C-3 is archived
    ana, cleo = digests
    assert [i.action.id for i in ana.due_soon] == ["A-1", "A-5"]
    assert [i.action.id for i in ana.late] == ["A-2"]
    assert [i.action.id for i in ana.checks_due] == ["A-3"]
    assert [i.action.id for i in ana.checks_overdue] == ["A-4"]  # " ana " is Ana
    assert [i.action.id for i in cleo.due_soon] == ["A-9"] and not cleo.late


def test_one_owner_even_with_nothing_to_hear() -> None:
    only = build_digest(cases(), TODAY, owner="ben")
    assert [(x.owner, x.empty) for x in only] == [("Ben", True)]
    assert build_digest(cases(), TODAY, owner="nobody")[0].empty
    assert "Nothing due, late or to check." in render_markdown(only, TODAY, 7)


def test_a_wider_window_and_archived_cases() -> None:
    wide = build_digest(cases(), TODAY, days=30, include_archived=True)
    by_owner = {x.owner: x for x in wide}
    assert [i.action.id for i in by_owner["Ana"].due_soon] == ["A-1", "A-5", "A-6"]
    assert [i.action.id for i in by_owner["Ben"].due_soon] == ["A-8"]
    assert [i.action.id for i in by_owner["Cleo"].late] == ["A-11"]


def test_markdown_lists_sections_and_escapes_user_text() -> None:
    text = render_markdown(build_digest(cases(), TODAY), TODAY, 7)
    assert "# Weekly follow-up — 2026-11-26 (next 7 days)" in text
    assert "## Ana" in text and "### Late (1)" in text and "### Due within 7 days (2)" in text
    assert "- C-1 · A-2 action 2 — due 2026-11-20, 6 days late" in text
    assert "### Effectiveness checks overdue (1)" in text and "### Effectiveness checks due within 7 days (1)" in text
    assert "check planned 2026-11-29 — criterion: no returns for 2 weeks" in text
    assert "A-3: indicator says effective — confirm with rca action check A-3" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*bold\\*" in text and "\\[link\\]\\(http\\://x\\)" in text


def test_html_escapes_user_text() -> None:
    html = render_html(build_digest(cases(), TODAY), TODAY, 7)
    assert html.startswith("<!DOCTYPE html>")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold*" in html
    assert "<h2>Ana</h2>" in html and '<h3 class="late">Late (1)</h3>' in html


def test_the_format_follows_the_file_name() -> None:
    assert format_for("weekly.md") == "md" and format_for("weekly.HTML") == "html" and format_for("html") == "html"
    with pytest.raises(NotFound, match=r"\.md, \.html"):
        format_for("weekly.docx")


def test_rca_digest_writes_the_file(workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from rca.cli import main

    def build(case: Case, ids: object) -> None:
        case.actions.append(Action(id=ids.next_action_id(), title=EVIL, owner="Ana",  # type: ignore[attr-defined]
                                   due=date(2000, 1, 1)))

    workspace.create_case(title="Spindle noise", method="5whys", build=build)
    target = tmp_path / "digest.html"
    assert main(["--workspace", str(workspace.path), "digest", "-o", str(target)]) == 0
    html = target.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html and "<script>" not in html and "Late (1)" in html
    assert main(["--workspace", str(workspace.path), "digest", "--owner", "nobody"]) == 0
    assert "Nothing due, late or to check." in capsys.readouterr().out
    assert main(["--workspace", str(workspace.path), "digest", "-o", str(tmp_path / "x.docx")]) == 1
    assert "unknown digest format" in capsys.readouterr().err
