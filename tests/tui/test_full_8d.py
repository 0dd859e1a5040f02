"""A facilitator runs a whole 8D on a fresh workspace from the keyboard alone (D0 to D5 and the checks).

Every edit is made with keys (focus moves with Tab, as a person would); the assertions read the workspace
file as another process would. This is the issue's "done when" for the workshop TUI.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widget import Widget

from methods.registry import evaluate
from rca import causes
from rca.model import ActionKind, ActionStatus, CausePath, CauseStatus, Effectiveness
from rca.store import Workspace
from rca.tui.app import make_app
from rca.tui.config import Config
from rca.tui.screens.case import CaseScreen

TODAY = date(2026, 11, 26)


async def tab_to(pilot: Any, wanted: str, limit: int = 40) -> Widget:
    """Press Tab until the focused widget matches the CSS selector ``wanted``."""
    app = pilot.app
    for _ in range(limit):
        focused = app.focused
        if focused is not None and focused in list(app.screen.query(wanted)):
            return focused
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"Tab never reached {wanted}; focus is on {app.focused}")


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*text)


async def save_dialog(pilot: Any) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


async def select_option(pilot: Any, moves: list[str]) -> None:
    """On a focused Select: open it, move, choose."""
    await pilot.press("enter", *moves, "enter")
    await pilot.pause()


async def cursor_to(pilot: Any, tree: Any, node_id: str, limit: int = 200) -> None:
    """Move a Tree's cursor down (then up) until it is on ``node_id``."""
    await pilot.pause()
    for key in ("down", "up"):
        for _ in range(limit):
            if tree.cursor_node is not None and tree.cursor_node.data == node_id:
                return
            await pilot.press(key)
    raise AssertionError(f"the cursor never reached {node_id}")


async def test_a_whole_8d_from_the_keyboard(workspace: Workspace) -> None:
    app = make_app(workspace, today=TODAY, config=Config())
    async with app.run_test(size=(160, 45)) as pilot:
        # ---- new case (the method select defaults to 8D)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "Bore out of tolerance on housing H-220")
        await pilot.press("tab")
        await type_text(pilot, "Bore 52.041 mm, max 52.030 mm")
        await save_dialog(pilot)
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen.step_key == "d0"

        # ---- D0: four fields, Tab between them
        for field, text in (("symptom", "Customer line stopped on 3 housings"),
                            ("emergency_response", "Shipments stopped, stock quarantined"),
                            ("criteria", "Customer requires an 8D; safety part"),
                            ("decision", "yes, decided by the plant manager")):
            await tab_to(pilot, f"#field-{field}")
            await type_text(pilot, text)
        await pilot.press("f8")
        await pilot.pause()
        assert screen.step_key == "d1"

        # ---- D1: the team (role select: champion, leader, member, facilitator; member is the default)
        await tab_to(pilot, "#team-table")
        for name, moves in (("Paul Girard", ["up", "up"]), ("Claire Martin", ["up"]), ("Karim Benali", []),
                            ("Sophie Laurent", [])):
            await pilot.press("a")
            await pilot.pause()
            await type_text(pilot, name)
            await pilot.press("tab")
            await select_option(pilot, moves)
            await save_dialog(pilot)
        await pilot.press("f8")
        await pilot.pause()

        # ---- D2: requirement, 5W2H, one IS / IS NOT row
        await tab_to(pilot, "#field-requirement")
        await type_text(pilot, "Drawing H-220 rev C: bore 52 H7")
        for key, text in (("where", "Lathe L2"), ("when", "Night shift, weeks 40-41"),
                          ("who", "Customer incoming inspection"), ("how_detected", "Customer complaint"),
                          ("how_many", "37 parts out of 1200"), ("why_it_matters", "Line stop at the customer")):
            await tab_to(pilot, f"#problem-{key}")
            await type_text(pilot, text)
        await tab_to(pilot, "#isnot-table")
        await pilot.press("a")
        await pilot.pause()
        for text in ("where", "Lathe L2", "Lathe L1", "L2 got a new gauge"):
            await type_text(pilot, text)
            await pilot.press("tab")
        await save_dialog(pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert screen.step_key == "d3"

        # ---- D3: where suspect parts are; a containment action, done and checked effective
        await tab_to(pilot, "#field-suspect_scope")
        await type_text(pilot, "Customer 1200, stock 800, WIP 60")
        await tab_to(pilot, "ActionPlan DataTable")
        await pilot.press("n")
        await pilot.pause()
        for text in ("Sort 100 % at the customer", "Marc Dubois", "+1d", "Sorting report"):
            await type_text(pilot, text)
            await pilot.press("tab")
        await save_dialog(pilot)
        await pilot.press("s", "s")  # planned → in progress → done
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "No suspect part reaches the customer")
        await pilot.press("tab", "tab")
        await select_option(pilot, ["down"])  # pending → effective
        await tab_to(pilot, "#f-evidence")
        await type_text(pilot, "0 NOK found at the customer after sorting")
        await save_dialog(pilot)

        # ---- D4: the fishbone (ctrl+t), 6M bones, 21 causes, dot voting, then two why-chains
        await pilot.press("f8")
        await pilot.pause()
        assert screen.step_key == "d4"
        await pilot.press("ctrl+t")
        await pilot.pause()
        await tab_to(pilot, "FishboneEditor Tree")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # 6M is highlighted
        await pilot.pause()
        await pilot.press("down")  # the first bone
        for n in range(21):
            await pilot.press("a")
            await pilot.pause()
            await type_text(pilot, f"Cause number {n + 1}")
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("m", "p")  # voting mode, pick who votes (the first of the team)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("plus", "plus", "plus")
        await pilot.pause()
        case = workspace.get_case("C-1")
        voted = causes.ranked_by_votes(case)
        assert len(causes.causes_only(case)) == 21 and voted and voted[0].total_votes == 3

        await pilot.press("ctrl+t")  # back to the why-tree
        await pilot.pause()
        tree = await tab_to(pilot, "WhyTree Tree")
        first, second = causes.causes_only(workspace.get_case("C-1"))[:2]
        for start, root_text, path_presses in ((first, "Offset not updated after an insert change", 1),
                                               (second, "Caliper cannot see 0.01 mm", 2)):
            await cursor_to(pilot, tree, start.id)
            await pilot.press("a")
            await pilot.pause()
            await type_text(pilot, root_text)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("v")
            await pilot.pause()
            await type_text(pilot, "Reproduced on L2 on purpose")
            await save_dialog(pilot)
            await pilot.press("r", *["p"] * path_presses)
            await pilot.pause()

        # ---- D5: one corrective action on each root cause, with an effectiveness criterion
        await pilot.press("f8")
        await pilot.pause()
        assert screen.step_key == "d5"
        roots = causes.root_causes(workspace.get_case("C-1"))
        assert {r.path for r in roots} == {CausePath.OCCURRENCE, CausePath.NON_DETECTION}
        await tab_to(pilot, "ActionPlan DataTable")
        for index, title in enumerate(("Tool-life counter that stops the cycle", "In-process air gauge")):
            await pilot.press("n")
            await pilot.pause()
            for text in (title, "Karim Benali", "+14d", "Installed and validated"):
                await type_text(pilot, text)
                await pilot.press("tab")
            await tab_to(pilot, "#f-causes")
            await pilot.press(*["down"] * index, "space")  # root causes are listed first
            await save_dialog(pilot)
            await pilot.press("c")
            await pilot.pause()
            await type_text(pilot, "Cpk of the bore >= 1.67 on 125 parts")
            await pilot.press("tab")
            await type_text(pilot, "+60d")
            await save_dialog(pilot)

    case = Workspace(workspace.path, user="auditor").open().get_case("C-1")
    assert case.field("d0", "decision").startswith("yes")
    assert {m.role.value for m in case.team} >= {"champion", "leader", "member"}
    assert case.problem.how_many == "37 parts out of 1200" and case.problem.is_is_not[0].is_not == "Lathe L1"
    containment = [a for a in case.actions if a.kind is ActionKind.CONTAINMENT]
    assert containment[0].status is ActionStatus.DONE
    assert containment[0].effectiveness.result is Effectiveness.EFFECTIVE
    roots = causes.verified_root_causes(case)
    assert {r.path for r in roots} == {CausePath.OCCURRENCE, CausePath.NON_DETECTION}
    assert all(r.status is CauseStatus.VERIFIED and r.evidence for r in roots)
    corrective = [a for a in case.actions if a.kind is ActionKind.CORRECTIVE]
    assert {c for a in corrective for c in a.causes} == {r.id for r in roots}
    assert all(a.owner == "Karim Benali" and a.due and a.effectiveness.criterion for a in corrective)
    gates = {g.step.key: g for g in evaluate(case).gates}
    for key in ("d0", "d1", "d2", "d3", "d4", "d5"):
        assert gates[key].passed, (key, gates[key].blockers)
