"""The fishbone editor, driven with keys; every assertion that matters reads the saved workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from methods.base import StepDef
from methods.registry import get
from rca import causes
from rca.model import Case, CauseStatus, Method
from rca.store import Workspace
from rca.tui.dialogs.action_dialogs import ChoiceDialog
from rca.tui.dialogs.cause_dialog import CauseDialog
from rca.tui.dialogs.form import FormDialog
from rca.tui.messages import CaseChanged
from rca.tui.session import CaseSession
from rca.tui.widgets.fishbone import FishboneEditor
from rca.tui.widgets.fishbone_art import FishboneArt

SIZE = (120, 40)


class ToolScreen(Screen[None]):
    def __init__(self, workspace: Workspace, case_id: str, step: StepDef) -> None:
        super().__init__()
        self.session = CaseSession(workspace, case_id)
        self.step = step

    def compose(self) -> ComposeResult:
        yield FishboneEditor(self.session, self.step, id="step-tool")
        yield Footer()

    @on(CaseChanged)
    def _changed(self, event: CaseChanged) -> None:
        event.stop()


class Host(App[None]):
    """The smallest app that embeds one tool, as the case screen does."""

    def __init__(self, workspace: Workspace, case_id: str, step: StepDef) -> None:
        super().__init__()
        self.workspace = workspace
        self.today = date.today()
        self._screen_args = (workspace, case_id, step)

    def on_mount(self) -> None:
        self.push_screen(ToolScreen(*self._screen_args))


def step(key: str) -> StepDef:
    return get(Method.ISHIKAWA).step(key)


def new_case(workspace: Workspace, build: Any = None) -> str:
    def fill(case: Case, _ids: Any) -> None:
        case.problem.what = "Bore diameter out of tolerance on line 3"
        case.team = [{"name": "Alice"}, {"name": "Bob"}]  # type: ignore[list-item]
        if build is not None:
            build(case)

    return workspace.create_case(title="Bore out of tolerance", method="ishikawa", build=fill).id


def with_bones(case: Case) -> None:
    from methods.ishikawa import apply_category_set

    apply_category_set(case, "6M")


def saved(workspace: Workspace, case_id: str) -> Case:
    return Workspace(workspace.path).get_case(case_id)


def editor(app: App[Any]) -> FishboneEditor:
    return app.screen.query_one(FishboneEditor)


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*text)


async def test_apply_a_category_set_with_keys(workspace: Workspace) -> None:
    case_id = new_case(workspace)
    app = Host(workspace, case_id, step("categories"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # the list opens on 6M; the next one is 8M
        await pilot.pause()
    bones = causes.categories(saved(workspace, case_id))
    assert len(bones) == 8
    assert saved(workspace, case_id).category_set == "8M"
    assert bones[0].key == "manpower"


async def test_add_a_custom_bone(workspace: Workspace) -> None:
    case_id = new_case(workspace)
    app = Host(workspace, case_id, step("categories"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Traffic flow")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    assert [c.text for c in causes.categories(saved(workspace, case_id))] == ["Traffic flow"]


async def test_add_causes_on_a_bone_and_a_sub_cause(workspace: Workspace) -> None:
    case_id = new_case(workspace, with_bones)
    bone = causes.categories(saved(workspace, case_id))[1]  # Machine
    app = Host(workspace, case_id, step("brainstorm"))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).select(bone.id)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Spindle worn")
        await pilot.press("enter")
        await pilot.pause()
        spindle = causes.children(saved(workspace, case_id), bone.id)[0]
        assert editor(app).selected() == spindle.id  # the cursor lands on the new cause
        await pilot.press("a")  # on a cause, a adds beside it, on the same bone
        await pilot.pause()
        await type_text(pilot, "Coolant too hot")
        await pilot.press("enter")
        await pilot.pause()
        editor(app).select(spindle.id)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "No preventive maintenance")
        await pilot.press("enter")
        await pilot.pause()
    case = saved(workspace, case_id)
    assert [c.text for c in causes.children(case, bone.id)] == ["Spindle worn", "Coolant too hot"]
    assert [c.text for c in causes.children(case, spindle.id)] == ["No preventive maintenance"]
    assert causes.category_of(case, causes.children(case, spindle.id)[0].id).id == bone.id  # type: ignore[union-attr]
    assert case.node(spindle.id).created_by == "tester"


async def test_empty_cause_text_is_refused_in_the_dialog(workspace: Workspace) -> None:
    case_id = new_case(workspace, with_bones)
    bone = causes.categories(saved(workspace, case_id))[0]
    app = Host(workspace, case_id, step("brainstorm"))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).select(bone.id)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CauseDialog)  # still open: the refusal is shown in it
        assert "needs some text" in str(app.screen.query_one("#cause-error", Static).render())
    assert causes.causes_only(saved(workspace, case_id)) == []


def verified_and_rejected(case: Case) -> None:
    with_bones(case)
    machine = causes.categories(case)[1]
    causes.add_cause(case, machine.id, "Spindle worn")
    causes.add_cause(case, machine.id, "Coolant too hot")


async def test_verify_reject_with_evidence_and_mark_root(workspace: Workspace) -> None:
    case_id = new_case(workspace, verified_and_rejected)
    spindle, coolant = causes.causes_only(saved(workspace, case_id))
    app = Host(workspace, case_id, step("verify"))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).select(spindle.id)
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        await type_text(pilot, "vibration 7 mm/s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        editor(app).select(coolant.id)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await type_text(pilot, "log normal")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")  # a rejected cause cannot be a root cause: said, not saved
        await pilot.pause()
        tree_text = "\n".join(str(node.label) for node in editor(app)._walk(editor(app).cause_tree.root))
        assert "rejected" in tree_text and "ROOT CAUSE" in tree_text
    case = saved(workspace, case_id)
    assert case.node(spindle.id).status is CauseStatus.VERIFIED
    assert case.node(spindle.id).evidence[0].text == "vibration 7 mm/s"
    assert case.node(spindle.id).evidence[0].by == "tester"
    assert case.node(spindle.id).root
    assert case.node(coolant.id).status is CauseStatus.REJECTED  # kept, not deleted
    assert not case.node(coolant.id).root


async def test_edit_a_cause_text(workspace: Workspace) -> None:
    case_id = new_case(workspace, verified_and_rejected)
    spindle = causes.causes_only(saved(workspace, case_id))[0]
    app = Host(workspace, case_id, step("brainstorm"))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).select(spindle.id)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.value = ""
        await type_text(pilot, "Spindle bearing worn")
        await pilot.press("enter")
        await pilot.pause()
    assert saved(workspace, case_id).node(spindle.id).text == "Spindle bearing worn"


async def test_dot_voting_mode_tallies_and_limits(workspace: Workspace) -> None:
    case_id = new_case(workspace, verified_and_rejected)
    spindle, coolant = causes.causes_only(saved(workspace, case_id))
    app = Host(workspace, case_id, step("vote"))  # the step option ("mode", "vote") turns voting on
    async with app.run_test(size=SIZE) as pilot:
        assert editor(app).voting
        editor(app).select(spindle.id)
        await pilot.pause()
        await pilot.press("plus")  # nobody chosen yet: asks who is voting
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # Alice, the first of the team
        await pilot.pause()
        await pilot.press("plus", "plus")
        await pilot.pause()
        editor(app).select(coolant.id)
        await pilot.pause()
        await pilot.press("plus")  # a fourth dot: over the limit of 3, refused
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "Zoé")
        await pilot.press("enter")
        await pilot.pause()
        assert editor(app).participant == "Zoé"
        await pilot.press("plus")
        await pilot.pause()
        editor(app).select(spindle.id)
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("home", "enter")  # the list opens on Zoé; Alice is first
        await pilot.pause()
        await pilot.press("minus")
        await pilot.pause()
        side = str(editor(app).query_one("#fishbone-side", Static).render())
        assert "Dots placed" in side and "Ranking" in side and "Zoé" in side
    case = saved(workspace, case_id)
    assert case.node(spindle.id).votes == {"Alice": 2}
    assert case.node(coolant.id).votes == {"Zoé": 1}
    assert causes.tally(case) == {"Alice": 2, "Zoé": 1}
    assert [c.id for c in causes.ranked_by_votes(case)] == [spindle.id, coolant.id]


async def test_vote_keys_only_in_vote_mode(workspace: Workspace) -> None:
    case_id = new_case(workspace, verified_and_rejected)
    spindle = causes.causes_only(saved(workspace, case_id))[0]
    app = Host(workspace, case_id, step("brainstorm"))
    async with app.run_test(size=SIZE) as pilot:
        assert not editor(app).voting
        editor(app).select(spindle.id)
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        await pilot.press("m")
        await pilot.pause()
        assert editor(app).voting
        assert "VOTE MODE" in str(editor(app).query_one("#fishbone-status", Static).render())
    assert saved(workspace, case_id).node(spindle.id).votes == {}


async def test_the_drawing_toggles_and_fits_the_width(workspace: Workspace) -> None:
    case_id = new_case(workspace, verified_and_rejected)
    app = Host(workspace, case_id, step("brainstorm"))
    async with app.run_test(size=(80, 24)) as pilot:
        art = editor(app).query_one(FishboneArt)
        assert not art.display  # a small terminal starts without it
        await pilot.press("d")
        await pilot.pause()
        assert art.display
        lines = art.drawing()
        assert any("Spindle" in line for line in lines)
        assert all(len(line) <= art.content_size.width for line in lines)
        await pilot.press("d")
        await pilot.pause()
        assert not art.display


async def test_markup_in_causes_is_shown_as_typed(workspace: Workspace) -> None:
    def build(case: Case) -> None:
        with_bones(case)
        causes.add_cause(case, causes.categories(case)[0].id, "[red]not red[/red] [link=x]y")

    case_id = new_case(workspace, build)
    app = Host(workspace, case_id, step("brainstorm"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        labels = [node.label.plain for node in editor(app)._walk(editor(app).cause_tree.root)]
        assert any("[red]not red[/red] [link=x]y" in label for label in labels)


async def test_delete_asks_first_and_moves_sub_causes_up(workspace: Workspace, tmp_path: Path) -> None:
    def build(case: Case) -> None:
        with_bones(case)
        top = causes.add_cause(case, causes.categories(case)[0].id, "typo cause")
        causes.add_cause(case, top.id, "keep me")

    case_id = new_case(workspace, build)
    top, kept = causes.causes_only(saved(workspace, case_id))
    bone = causes.categories(saved(workspace, case_id))[0]
    app = Host(workspace, case_id, step("brainstorm"))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).select(top.id)
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    case = saved(workspace, case_id)
    assert [c.id for c in causes.causes_only(case)] == [kept.id]
    assert [c.id for c in causes.children(case, bone.id)] == [kept.id]


async def test_through_the_app_case_screen(workspace: Workspace) -> None:
    from rca.tui.app import make_app

    def build(case: Case) -> None:
        with_bones(case)
        case.current_step = "brainstorm"

    case_id = new_case(workspace, build)
    app = make_app(Workspace(workspace.path, user="tester").open(), today=date.today())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open the case from the home list
        await pilot.pause()
        await pilot.press("tab")  # from the steps to the fishbone
        await pilot.pause()
        assert app.screen.query_one(FishboneEditor).cause_tree.has_focus
        await pilot.press("down")  # the problem, then the first bone
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Operator not trained on the new gauge")
        await pilot.press("enter")
        await pilot.pause()
        assert "(1)" in str(app.screen.query_one(FishboneEditor).cause_tree.root.children[0].label)
    case = saved(workspace, case_id)
    bone = causes.categories(case)[0]
    assert [c.text for c in causes.children(case, bone.id)] == ["Operator not trained on the new gauge"]


async def test_dots_per_person_and_a_new_round(workspace: Workspace) -> None:
    def build(case: Case) -> None:
        verified_and_rejected(case)
        spindle = causes.causes_only(case)[0]
        causes.vote(case, spindle.id, "Alice")
        causes.vote(case, spindle.id, "Alice")

    case_id = new_case(workspace, build)
    app = Host(workspace, case_id, step("vote"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one(Input).value = ""
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
        assert "already placed 2" in str(app.screen.query_one("#form-error", Static).render())
        app.screen.query_one(Input).value = ""
        await type_text(pilot, "5")
        await pilot.press("enter")
        await pilot.pause()
        assert saved(workspace, case_id).votes_per_person == 5
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert causes.tally(saved(workspace, case_id)) == {}


async def test_a_voter_name_with_markup_is_harmless(workspace: Workspace) -> None:
    case_id = new_case(workspace, verified_and_rejected)
    spindle = causes.causes_only(saved(workspace, case_id))[0]
    app = Host(workspace, case_id, step("vote"))
    async with app.run_test(size=SIZE) as pilot:
        editor(app).select(spindle.id)
        await pilot.pause()
        await pilot.press("p", "tab", *"[/b]Bob", "enter")
        await pilot.pause()
        await pilot.press("plus", "plus", "plus", "plus")  # the fourth is refused, naming the voter
        await pilot.pause()
        assert "[/b]Bob" in str(editor(app).query_one("#fishbone-side", Static).render())
    assert saved(workspace, case_id).node(spindle.id).votes == {"[/b]Bob": 3}


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    from rca.tui.dialogs.action_dialogs import ChoiceDialog
    from rca.tui.screens.my_actions import MyActionsScreen
    from rca.tui.widgets.action_plan import ActionPlan
    from rca.tui.widgets.indicators import IndicatorPanel

    for owner in (FishboneEditor, ActionPlan, IndicatorPanel, MyActionsScreen, ChoiceDialog):
        ids = [binding.id for binding in owner.BINDINGS]  # type: ignore[union-attr]
        assert all(ids) and len(set(ids)) == len(ids), owner
        assert all(binding.tooltip for binding in owner.BINDINGS), owner  # type: ignore[union-attr]
