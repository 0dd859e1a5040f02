"""The Ishikawa editor: bones (categories) and their causes as a tree, with dot voting and a drawing.

The tree shows the problem, its bones, and the causes under each bone to any depth. Every edit is one
saved transaction through the session (``rca.causes`` does the work); rejected causes stay, struck and
marked "rejected". In voting mode (the step option ``("mode", "vote")``, or ``m``) ``+`` and ``-``
place and take back the current participant's dots, and the side panel shows each person's dots and
the ranking.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from methods.base import StepDef
from methods.ishikawa import CATEGORY_SETS, apply_category_set, category_label
from rca import causes
from rca.errors import RcaError
from rca.i18n import _
from rca.model import PROBLEM_NODE, Case, Cause, NodeKind
from rca.textout import inert
from rca.tui.dialogs.action_dialogs import (
    ChoiceDialog,
    Form,
    evidence_dialog,
    quoted,
    save_or_notify,
    submit_change,
)
from rca.tui.dialogs.cause_dialog import CauseDialog
from rca.tui.dialogs.form import ConfirmDialog, FieldSpec
from rca.tui.session import CaseSession
from rca.tui.widgets.base import ToolWidget
from rca.tui.widgets.fishbone_art import (
    FishboneArt,
    bone_label,
    cause_label,
    detail_text,
    status_text,
    vote_text,
)

DRAWING_MIN_HEIGHT = 40
"""Terminals at least this tall show the drawing from the start; smaller ones toggle it with ``d``."""

MAX_DOTS = 20
"""Most dots a participant can get (the model's limit)."""
STACKED_WIDTH = 90
"""Narrower than this, the side panel (details, votes) goes under the tree instead of beside it."""
NEEDS_CAUSE = frozenset({"verify", "reject", "reopen", "toggle_root", "vote_up", "vote_down", "add_sub"})
"""Actions that work on the selected cause (the footer dims them on a bone or the problem)."""


class FishboneEditor(ToolWidget):
    """Bones and causes, any depth; verify / reject with evidence, root causes, dot voting, a drawing."""

    DEFAULT_CSS = """
    FishboneEditor { height: auto; min-height: 14; }
    FishboneEditor #fishbone-status { height: auto; padding: 0 1; background: $boost; }
    FishboneEditor #fishbone-status.-voting { background: $accent 30%; text-style: bold; }
    FishboneEditor #fishbone-art { margin: 1 0; border: round $primary 30%; }
    FishboneEditor #fishbone-main { height: auto; }
    FishboneEditor Tree {
        width: 1fr; height: auto; min-height: 10; max-height: 40; border: round $primary 40%;
    }
    FishboneEditor Tree:focus { border: round $primary; }
    FishboneEditor #fishbone-side {
        width: 36; height: auto; min-height: 10; padding: 0 1; border: round $secondary 40%;
    }
    FishboneEditor.-stacked #fishbone-main { layout: vertical; }
    FishboneEditor.-stacked #fishbone-side { width: 1fr; min-height: 3; }
    """

    BINDINGS = [
        Binding("plus,equals_sign", "vote_up", _("Dot"), id="fishbone.vote_up", key_display="+",
                tooltip=_("Give one of the voter's dots to the selected cause")),
        Binding("minus", "vote_down", _("Undot"), id="fishbone.vote_down", key_display="-",
                tooltip=_("Take one of the voter's dots back from the selected cause")),
        Binding("a", "add_cause", _("Add cause"), id="fishbone.add_cause",
                tooltip=_("Add a cause on the selected bone (or on the bone of the selected cause)")),
        Binding("w", "add_sub", _("Why?"), id="fishbone.add_sub",
                tooltip=_("Add a sub-cause under the selected cause: why does it happen?")),
        Binding("e", "edit", _("Edit"), id="fishbone.edit", tooltip=_("Change the selected cause's or bone's text")),
        Binding("v", "verify", _("Verify"), id="fishbone.verify", tooltip=_("Mark verified, with the evidence")),
        Binding("x", "reject", _("Reject"), id="fishbone.reject",
                tooltip=_("Mark rejected, with the evidence (it stays on the diagram, struck)")),
        Binding("o", "reopen", _("Re-open"), id="fishbone.reopen", show=False,
                tooltip=_("Back to hypothesis (the evidence stays on record)")),
        Binding("r", "toggle_root", _("Root"), id="fishbone.root",
                tooltip=_("Mark or unmark the selected cause as a root cause")),
        Binding("c", "category_set", _("Bone set"), id="fishbone.category_set",
                tooltip=_("Add the bones of a standard set: 6M, 8M, 4S or 8P")),
        Binding("n", "add_category", _("New bone"), id="fishbone.add_category",
                tooltip=_("Add a custom bone (category)")),
        Binding("m", "toggle_voting", _("Vote"), id="fishbone.toggle_voting",
                tooltip=_("Turn dot voting on or off")),
        Binding("p", "pick_participant", _("Voter"), id="fishbone.participant",
                tooltip=_("Choose who is voting now (a team member, or type a name)")),
        Binding("d", "toggle_drawing", _("Drawing"), id="fishbone.drawing",
                tooltip=_("Show or hide the fishbone drawing")),
        Binding("D", "dots_per_person", _("Dots each"), id="fishbone.dots_per_person", show=False,
                tooltip=_("How many dots each participant gets")),
        Binding("N", "new_round", _("New round"), id="fishbone.new_round", show=False,
                tooltip=_("Take every dot back and vote again (asks first)")),
        Binding("delete", "remove", _("Delete"), id="fishbone.delete", show=False,
                tooltip=_("Delete the selected cause (asks first; to keep it on record, reject it instead)")),
    ]

    voting: reactive[bool] = reactive(False, init=False, bindings=True)
    """Dot-voting mode: ``+`` and ``-`` place and take back the voter's dots."""
    participant: reactive[str] = reactive("", init=False)
    """Who is voting now (a team member's name, or any name typed)."""
    show_drawing: reactive[bool] = reactive(False, init=False)
    """Whether the Unicode drawing of the fishbone is shown above the tree."""

    def __init__(self, session: CaseSession, step: StepDef, *, id: str | None = None) -> None:
        super().__init__(session, step, id=id)
        self.set_reactive(FishboneEditor.voting, step.option("mode") == "vote")
        self._collapsed: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static("", id="fishbone-status")
        yield FishboneArt(id="fishbone-art")
        with Horizontal(id="fishbone-main"):
            tree: Tree[str] = Tree("", id="fishbone-tree")
            tree.show_root = True
            tree.guide_depth = 3
            yield tree
            yield Static("", id="fishbone-side")

    def on_mount(self) -> None:
        # ToolWidget.on_mount runs after this one (Textual calls each class's handler) and shows the case.
        self.set_reactive(FishboneEditor.show_drawing, self.app.size.height >= DRAWING_MIN_HEIGHT)
        self.query_one(FishboneArt).display = self.show_drawing

    def on_resize(self) -> None:
        self.set_class(self.size.width < STACKED_WIDTH, "-stacked")

    @property
    def cause_tree(self) -> Tree[str]:
        return self.query_one("#fishbone-tree", Tree)

    # ------------------------------------------------------------ showing the case

    def show_case(self, case: Case) -> None:
        tree = self.cause_tree
        selected = tree.cursor_node.data if tree.cursor_node else None
        self._collapsed = {n.data for n in self._walk(tree.root) if n.data and not n.is_expanded
                           and n.children}
        tree.clear()
        tree.root.data = PROBLEM_NODE
        tree.root.set_label(Text(" ".join(inert(causes.problem_text(case)).split()), style="bold reverse"))
        by_effect: dict[str, list[str]] = {}
        for link in case.links:
            by_effect.setdefault(link.effect, []).append(link.cause)
        by_id = {c.id: c for c in case.causes}

        def add(parent: TreeNode[str], node_id: str, trail: frozenset[str]) -> None:
            for child_id in by_effect.get(node_id, []):
                child = by_id.get(child_id)
                if child is None or child_id in trail:
                    continue
                if child.kind is NodeKind.CATEGORY:
                    label = bone_label(case, child)
                else:
                    label = cause_label(child, voting=self.voting)
                branch = parent.add(label, data=child_id, expand=child_id not in self._collapsed)
                if by_effect.get(child_id):
                    add(branch, child_id, trail | {child_id})
                else:
                    branch.allow_expand = False

        add(tree.root, PROBLEM_NODE, frozenset({PROBLEM_NODE}))
        tree.root.expand()
        if selected:
            self.select(selected)
        self.query_one(FishboneArt).show_case(case)
        self.refresh_panels()

    def refresh_panels(self) -> None:
        case = self.session.case
        self.query_one("#fishbone-status", Static).update(
            status_text(case, voting=self.voting, participant=self.participant))
        self.query_one("#fishbone-status").set_class(self.voting, "-voting")
        side = vote_text(case, self.participant) if self.voting else detail_text(case, self.selected())
        self.query_one("#fishbone-side", Static).update(side)

    def _walk(self, node: TreeNode[str]) -> list[TreeNode[str]]:
        out = [node]
        for child in node.children:
            out.extend(self._walk(child))
        return out

    def select(self, node_id: str) -> None:
        """Put the cursor on a node (the first place it appears), opening its bone if needed."""
        tree = self.cause_tree
        for node in self._walk(tree.root):
            if node.data == node_id:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                self.call_after_refresh(tree.move_cursor, node)
                return

    def selected(self) -> str | None:
        try:
            node = self.cause_tree.cursor_node
        except NoMatches:  # asked (by the footer) before the tree is composed
            return None
        return node.data if node else None

    def selected_node(self) -> Cause | None:
        node_id = self.selected()
        try:
            return self.session.case.node(node_id) if node_id else None
        except RcaError:
            return None

    def selected_cause(self) -> Cause | None:
        """The selected cause, or ``None`` with a word to the user when a bone or the problem is selected."""
        node = self.selected_node()
        if node is None or node.kind is not NodeKind.CAUSE:
            self.app.notify(_("Select a cause first (not the problem or a bone)"), timeout=3)
            return None
        return node

    @on(Tree.NodeHighlighted, "#fishbone-tree")
    def _highlighted(self) -> None:
        self.refresh_bindings()
        if not self.voting:
            self.query_one("#fishbone-side", Static).update(detail_text(self.session.case, self.selected()))

    @on(Tree.NodeSelected, "#fishbone-tree")
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        # Enter on a bone adds a cause to it: the quickest path while the room talks.
        node = self.selected_node()
        if node is not None and node.kind is NodeKind.CATEGORY:
            self.action_add_cause()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("vote_up", "vote_down", "pick_participant", "dots_per_person", "new_round") \
                and not self.voting:
            return False
        if action in NEEDS_CAUSE:
            node = self.selected_node()
            return True if node is not None and node.kind is NodeKind.CAUSE else None
        return True

    def watch_voting(self, voting: bool) -> None:
        self.show_case(self.session.case)

    def watch_participant(self) -> None:
        self.refresh_panels()

    def watch_show_drawing(self, show: bool) -> None:
        self.query_one(FishboneArt).display = show

    # ------------------------------------------------------------ adding and editing

    def _text_form(self, title: str, label: str, submit: Any, value: str = "", help: str = "",
                   intro: str = "") -> Form:
        return Form(title, [FieldSpec("text", label, value, help=help)], submit, intro=intro)

    async def _add_under(self, parent: str, intro: str) -> None:
        created: list[str] = []

        def submit(text: str) -> str | None:
            def change(case: Case, _ids: Any) -> None:
                created.append(causes.add_cause(case, parent, text, by=self.session.user).id)

            return submit_change(self, change, _("cause added: {text}", text=text.strip()[:60]))

        await self.app.push_screen_wait(CauseDialog(
            intro, submit, suggest=self.cause_suggestions(),
            label=_("One cause, in the room's words (a cause, not a solution). Enter saves.")))
        if created:
            self.select(created[0])

    @work(exclusive=True, group="fishbone-edit")
    async def action_add_cause(self) -> None:
        node = self.selected_node()
        case = self.session.case
        bone = node if node is not None and node.kind is NodeKind.CATEGORY else None
        if node is not None and node.kind is NodeKind.CAUSE:
            bone = causes.category_of(case, node.id)
        if bone is None:
            if causes.categories(case):
                self.app.notify(_("Select a bone first, then a adds a cause on it"), timeout=4)
            else:
                self.app.notify(_("No bones yet: press c for a standard set (6M, 8M...) or n for your own"),
                                timeout=5)
            return
        await self._add_under(bone.id, _("On the bone: {bone}", bone=quoted(category_label(bone))))

    @work(exclusive=True, group="fishbone-edit")
    async def action_add_sub(self) -> None:
        cause = self.selected_cause()
        if cause is not None:
            await self._add_under(cause.id, _("Why? \u2014 {text}", text=quoted(cause.text, 100)))

    @work(exclusive=True, group="fishbone-edit")
    async def action_edit(self) -> None:
        node = self.selected_node()
        if node is None or node.kind is NodeKind.PROBLEM:
            self.app.notify(_("The fish head is the problem statement: edit it in the problem step"), timeout=4)
            return
        before = node.text

        def submit(values: dict[str, str]) -> str | None:
            text = values["text"]
            return submit_change(self, lambda c, _ids: causes.edit_text(c, node.id, text, expected=before),
                                 _("{node} edited", node=node.id))

        await self.app.push_screen_wait(self._text_form(_("Edit {node}", node=node.id), _("Text"), submit,
                                                        before))

    async def _ask_evidence(self, title: str, cause: Cause, apply: Any, summary: str) -> None:
        def submit(evidence: str) -> str | None:
            return submit_change(self, lambda c, _ids: apply(c, cause.id, evidence, by=self.session.user),
                                 summary)

        await self.app.push_screen_wait(evidence_dialog(title, submit, intro=quoted(cause.text, 200)))

    @work(exclusive=True, group="fishbone-edit")
    async def action_verify(self) -> None:
        cause = self.selected_cause()
        if cause is not None:
            await self._ask_evidence(_("Verify {node}", node=cause.id), cause, causes.verify,
                                     _("cause {node} verified", node=cause.id))

    @work(exclusive=True, group="fishbone-edit")
    async def action_reject(self) -> None:
        cause = self.selected_cause()
        if cause is not None:
            await self._ask_evidence(_("Reject {node}", node=cause.id), cause, causes.reject,
                                     _("cause {node} rejected", node=cause.id))

    def action_reopen(self) -> None:
        cause = self.selected_cause()
        if cause is not None:
            self._save(lambda c, _ids: causes.reopen(c, cause.id), _("cause {node} re-opened", node=cause.id))

    def action_toggle_root(self) -> None:
        cause = self.selected_cause()
        if cause is None:
            return
        root = not cause.root
        self._save(lambda c, _ids: causes.set_root(c, cause.id, root),
                   _("{node} marked as root cause", node=cause.id) if root else
                   _("{node} no longer a root cause", node=cause.id))

    @work(exclusive=True, group="fishbone-edit")
    async def action_remove(self) -> None:
        node = self.selected_node()
        if node is None or node.kind is NodeKind.PROBLEM:
            return
        below = causes.children(self.session.case, node.id)
        question = _("Delete {node} and move its {count} cause(s) up? ctrl+z undoes it. To keep a cause on "
                     "record, reject it instead (x).", node=node.id, count=len(below)) if below else \
            _("Delete {node}? ctrl+z undoes it. To keep a cause on record, reject it instead (x).", node=node.id)
        if not await self.app.push_screen_wait(ConfirmDialog(question)):
            return
        parent = self.cause_tree.cursor_node.parent.data if self.cause_tree.cursor_node and self.cause_tree.cursor_node.parent \
            else PROBLEM_NODE
        self._save(lambda c, _ids: causes.remove(c, node.id, children_to=(parent or PROBLEM_NODE) if below
                                                 else None), _("{node} deleted", node=node.id))

    def _save(self, change: Any, summary: str) -> None:
        save_or_notify(self, change, summary)

    # ------------------------------------------------------------ bones

    @work(exclusive=True, group="fishbone-edit")
    async def action_category_set(self) -> None:
        case = self.session.case
        choices = []
        for name, entries in CATEGORY_SETS.items():
            label = Text(f"{name}  ", style="bold")
            label.append(", ".join(_(text) for _key, text in entries))
            choices.append((label, name))
        chosen = await self.app.push_screen_wait(ChoiceDialog(
            _("Add the bones of a standard set"), choices, current=case.category_set,
            help=_("Bones already on the fishbone are kept; only the missing ones are added.")))
        if chosen:
            self._save(lambda c, _ids: apply_category_set(c, chosen), _("bones of {set} added", set=chosen))

    @work(exclusive=True, group="fishbone-edit")
    async def action_add_category(self) -> None:
        created: list[str] = []

        def submit(values: dict[str, str]) -> str | None:
            text = values["text"]

            def change(case: Case, _ids: Any) -> None:
                created.append(causes.add_category(case, text).id)

            return submit_change(self, change, _("bone added: {text}", text=text.strip()[:60]))

        await self.app.push_screen_wait(self._text_form(
            _("New bone"), _("Category"), submit, help=_("A family of causes the set misses (e.g. Traffic flow).")))
        if created:
            self.select(created[0])

    # ------------------------------------------------------------ voting and drawing

    def action_toggle_voting(self) -> None:
        self.voting = not self.voting

    @work(exclusive=True, group="fishbone-edit")
    async def action_dots_per_person(self) -> None:
        def submit(values: dict[str, str]) -> str | None:
            text = values["dots"].strip()
            if not text.isdigit() or not 1 <= int(text) <= MAX_DOTS:
                return _("dots: give a whole number from 1 to {limit}", limit=MAX_DOTS)
            dots = int(text)
            used = max(causes.tally(self.session.case).values(), default=0)
            if dots < used:
                return _("dots: someone has already placed {used}; take dots back first, or start a new round",
                         used=used)

            def change(case: Case, _ids: Any) -> None:
                case.votes_per_person = dots

            return submit_change(self, change, _("{dots} dots per participant", dots=dots))

        await self.app.push_screen_wait(Form(_("Dots per participant"), [FieldSpec(
            "dots", _("Dots each"), str(self.session.case.votes_per_person),
            help=_("Usually a third of the causes on the board, 3 to 5."))], submit))

    @work(exclusive=True, group="fishbone-edit")
    async def action_new_round(self) -> None:
        if not causes.tally(self.session.case):
            self.app.notify(_("No dots placed yet"), timeout=3)
            return
        if await self.app.push_screen_wait(ConfirmDialog(
                _("Take back every dot and vote again? ctrl+z undoes it."))):
            self._save(lambda c, _ids: causes.clear_votes(c), _("votes cleared for a new round"))

    def action_toggle_drawing(self) -> None:
        self.show_drawing = not self.show_drawing

    @work(exclusive=True, group="fishbone-edit")
    async def action_pick_participant(self) -> None:
        await self._pick_participant()

    async def _pick_participant(self) -> bool:
        case = self.session.case
        used = causes.tally(case)
        names = list(dict.fromkeys([m.name for m in case.team] + list(used)))
        choices = []
        for name in names:
            label = Text(" ".join(inert(name).split()))
            label.append(f"  {used.get(name, 0)}/{case.votes_per_person}", style="dim")
            choices.append((label, name))
        chosen = await self.app.push_screen_wait(ChoiceDialog(
            _("Who is voting?"), choices, current=self.participant or None,
            typed=_("Or type a name (Enter):")))
        if chosen:
            self.participant = chosen
        return bool(chosen)

    @work(exclusive=True, group="fishbone-edit")
    async def action_vote_up(self) -> None:
        await self._vote(+1)

    @work(exclusive=True, group="fishbone-edit")
    async def action_vote_down(self) -> None:
        await self._vote(-1)

    async def _vote(self, delta: int) -> None:
        cause = self.selected_cause()
        if cause is None:
            return
        if not self.participant and not await self._pick_participant():
            return
        who = self.participant
        summary = _("{who} gave a dot to {node}", who=who, node=cause.id) if delta > 0 else \
            _("{who} took a dot back from {node}", who=who, node=cause.id)
        self._save(lambda c, _ids: causes.vote(c, cause.id, who, delta), summary)
