"""The why-tree editor: the cause graph as a tree, edited as fast as the room talks."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from rca import causes
from rca.errors import RcaError
from rca.i18n import _
from rca.model import PROBLEM_NODE, Case, Cause, CausePath, CauseStatus, NodeKind
from rca.textout import inert
from rca.tui.dialogs.cause_dialog import CauseDialog
from rca.tui.dialogs.form import ConfirmDialog, FieldSpec, FormDialog
from rca.tui.widgets.base import ToolWidget

PATH_CYCLE: list[CausePath | None] = [CausePath.OCCURRENCE, CausePath.NON_DETECTION, CausePath.SYSTEMIC, None]


def node_label(case: Case, cause: Cause, shared: bool) -> Text:
    """How a node reads in the tree: status, text, root, 8D path, votes, evidence count."""
    if cause.kind is NodeKind.PROBLEM:
        return Text(inert(causes.problem_text(case)), style="bold reverse")
    if cause.kind is NodeKind.CATEGORY:
        label = _(cause.text) if cause.key else cause.text
        return Text(inert(label).upper(), style="bold")
    text = Text()
    icon, style = {
        CauseStatus.VERIFIED: ("✓ ", "bold green"),
        CauseStatus.REJECTED: ("✗ ", "dim"),
        CauseStatus.HYPOTHESIS: ("? ", "yellow"),
    }[cause.status]
    text.append(icon, style=style)
    body_style = "dim strike" if cause.status is CauseStatus.REJECTED else ""
    if cause.root:
        body_style = "bold"
    text.append(inert(cause.text), style=body_style)
    if cause.root:
        text.append("  " + _("ROOT CAUSE"), style="bold white on red")
    if cause.path is not None:
        text.append(f"  [{cause.path.label}]", style="cyan")
    if cause.total_votes:
        text.append(f"  ●{cause.total_votes}", style="magenta")
    if cause.evidence:
        text.append(f"  ✎{len(cause.evidence)}", style="dim")
    if shared:
        text.append("  " + _("(shared)"), style="italic dim")
    text.append(f"  {cause.id}", style="dim")
    return text


class WhyTree(ToolWidget):
    """Why-chains from the problem (or any cause), any depth, shared causes, verify / reject / root."""

    DEFAULT_CSS = """
    WhyTree { height: auto; min-height: 14; }
    WhyTree Tree { height: auto; min-height: 10; max-height: 40; border: round $primary 40%; }
    WhyTree Tree:focus { border: round $primary; }
    WhyTree #why-readback { height: auto; padding: 0 1; margin-top: 1; border-left: thick $success; }
    """

    BINDINGS = [
        Binding("a", "add_child", _("Why? (add under)"), id="why.add_child",
                tooltip=_("Add a cause under the selected one: why does it happen?")),
        Binding("s", "add_sibling", _("Add beside"), id="why.add_sibling",
                tooltip=_("Add another cause of the same effect")),
        Binding("e", "edit", _("Edit"), id="why.edit", tooltip=_("Change the selected cause's text")),
        Binding("v", "verify", _("Verify"), id="why.verify", tooltip=_("Mark verified, with the evidence")),
        Binding("x", "reject", _("Reject"), id="why.reject",
                tooltip=_("Mark rejected, with the evidence (it stays, shown rejected)")),
        Binding("o", "reopen", _("Re-open"), id="why.reopen", show=False,
                tooltip=_("Back to hypothesis (evidence kept)")),
        Binding("r", "toggle_root", _("Root cause"), id="why.root", tooltip=_("Mark or unmark as a root cause")),
        Binding("p", "cycle_path", _("8D path"), id="why.path",
                tooltip=_("Cycle the 8D path: occurrence, non-detection, systemic, none")),
        Binding("m", "move", _("Move"), id="why.move", tooltip=_("Move the cause (and its causes) elsewhere")),
        Binding("l", "link", _("Share"), id="why.link", show=False,
                tooltip=_("Also make it a cause of another node (a shared cause, not a copy)")),
        Binding("delete", "remove", _("Delete"), id="why.delete", tooltip=_("Delete the cause (asks first; undo)")),
        Binding("t", "read_back", _("Therefore"), id="why.read_back",
                tooltip=_("Read the chain back with 'therefore' so the room can check it")),
    ]

    def compose(self) -> ComposeResult:
        tree: Tree[str] = Tree("", id="why-tree")
        tree.show_root = True
        tree.guide_depth = 3
        yield tree
        yield Static("", id="why-readback")

    @property
    def cause_tree(self) -> Tree[str]:
        return self.query_one("#why-tree", Tree)

    def show_case(self, case: Case) -> None:
        tree = self.cause_tree
        expanded = {n.data for n in self._walk(tree.root) if n.is_expanded}
        selected = self._wanted or (tree.cursor_node.data if tree.cursor_node else None)
        self._wanted = None
        first = not tree.root.children and tree.root.data is None
        problem = next((c for c in case.causes if c.id == PROBLEM_NODE), None)
        problem = problem or Cause(id=PROBLEM_NODE, kind=NodeKind.PROBLEM, text=case.title)
        tree.clear()
        tree.root.data = PROBLEM_NODE
        tree.root.set_label(node_label(case, problem, False))
        parents_count: dict[str, int] = {}
        for link in case.links:
            parents_count[link.cause] = parents_count.get(link.cause, 0) + 1
        by_effect: dict[str, list[str]] = {}
        for link in case.links:
            by_effect.setdefault(link.effect, []).append(link.cause)
        by_id = {c.id: c for c in case.causes}

        def add(parent: TreeNode[str], node_id: str, trail: frozenset[str]) -> None:
            for child_id in by_effect.get(node_id, []):
                child = by_id.get(child_id)
                if child is None or child_id in trail:
                    continue
                has_children = bool(by_effect.get(child_id))
                # expand= at creation, not .expand() after: that posts one message per node (slow at 1,000).
                branch = parent.add(node_label(case, child, parents_count.get(child_id, 0) > 1), data=child_id,
                                    expand=has_children and (first or child_id in expanded),
                                    allow_expand=has_children)
                if has_children:
                    add(branch, child_id, trail | {child_id})

        add(tree.root, PROBLEM_NODE, frozenset({PROBLEM_NODE}))
        tree.root.expand()
        if selected:
            self._select(selected)

    def _walk(self, node: TreeNode[str]) -> list[TreeNode[str]]:
        out = [node]
        for child in node.children:
            out.extend(self._walk(child))
        return out

    _wanted: str | None = None
    """A node to select once the tree is rebuilt (a node just added is not in the tree yet)."""

    def _select(self, node_id: str) -> None:
        self._wanted = node_id
        tree = self.cause_tree
        for node in self._walk(tree.root):
            if node.data == node_id:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                self.call_after_refresh(tree.move_cursor, node)
                self._wanted = None
                return

    def selected(self) -> str | None:
        node = self.cause_tree.cursor_node
        return node.data if node else None

    def selected_parent(self) -> str:
        node = self.cause_tree.cursor_node
        if node is None or node.parent is None:
            return PROBLEM_NODE
        return node.parent.data or PROBLEM_NODE

    def _selected_cause(self) -> Cause | None:
        node_id = self.selected()
        if not node_id:
            return None
        try:
            cause = self.session.case.node(node_id)
        except RcaError:
            return None
        if cause.kind is not NodeKind.CAUSE:
            self.app.notify(_("Select a cause first (not the problem or a category)"), timeout=3)
            return None
        return cause

    # ------------------------------------------------------------ adding and editing

    def _ask_text(self, title: str, label: str, value: str = "", help: str = "") -> Any:
        return FormDialog(title, [FieldSpec("text", label, value, help=help)])

    @work(exclusive=True, group="why-edit")
    async def action_add_child(self) -> None:
        parent = self.selected() or PROBLEM_NODE
        await self._add(parent, after=None)

    @work(exclusive=True, group="why-edit")
    async def action_add_sibling(self) -> None:
        node_id = self.selected()
        if not node_id or node_id == PROBLEM_NODE:
            await self._add(PROBLEM_NODE, after=None)
            return
        await self._add(self.selected_parent(), after=node_id)

    async def _add(self, parent: str, *, after: str | None) -> None:
        case = self.session.case
        effect = causes.problem_text(case) if parent == PROBLEM_NODE else case.node(parent).text
        created: list[str] = []

        def submit(text: str) -> str | None:
            def change(c: Case, _ids: Any) -> None:
                created.append(causes.add_cause(c, parent, text, by=self.session.user, after=after).id)

            return None if self.run(change, _("cause added: {text}", text=text.strip()[:60])) else \
                _("not saved; see the message")

        title = _("Why? \u2014 {effect}", effect=inert(effect)[:120])
        await self.app.push_screen_wait(CauseDialog(title, submit, suggest=self.cause_suggestions()))
        if created:
            self._select(created[0])

    @work(exclusive=True, group="why-edit")
    async def action_edit(self) -> None:
        node_id = self.selected()
        if not node_id or node_id == PROBLEM_NODE:
            self.app.notify(_("The problem's text is the problem statement: edit it in the problem step"),
                            timeout=4)
            return
        node = self.session.case.node(node_id)
        before = node.text

        def submit(values: dict[str, str]) -> str | None:
            text = values["text"]
            ok = self.run(lambda c, _ids: causes.edit_text(c, node_id, text, expected=before),
                          _("cause {node} edited", node=node_id))
            return None if ok else _("not saved; see the message (your text is still here)")

        await self.app.push_screen_wait(FormDialog(_("Edit {node}", node=node_id),
                                                   [FieldSpec("text", _("Text"), before)], submit))

    async def _evidence(self, verb: str, cause: Cause) -> str | None:
        values = await self.app.push_screen_wait(FormDialog(
            _("{verb}: {text}", verb=verb, text=inert(cause.text)[:100]),
            [FieldSpec("evidence", _("Evidence"), kind="text",
                       help=_("What showed it: a measurement, a test, an observation, a record (where it is)."))],
            lambda v: None if v["evidence"].strip() else _("evidence: say what showed it"),
        ))
        return values["evidence"] if values else None

    @work(exclusive=True, group="why-edit")
    async def action_verify(self) -> None:
        cause = self._selected_cause()
        if cause is None:
            return
        evidence = await self._evidence(_("Verify"), cause)
        if evidence:
            self.run(lambda c, _ids: causes.verify(c, cause.id, evidence, by=self.session.user),
                     _("cause {node} verified", node=cause.id))

    @work(exclusive=True, group="why-edit")
    async def action_reject(self) -> None:
        cause = self._selected_cause()
        if cause is None:
            return
        evidence = await self._evidence(_("Reject"), cause)
        if evidence:
            self.run(lambda c, _ids: causes.reject(c, cause.id, evidence, by=self.session.user),
                     _("cause {node} rejected", node=cause.id))

    def action_reopen(self) -> None:
        cause = self._selected_cause()
        if cause is not None:
            self.run(lambda c, _ids: causes.reopen(c, cause.id), _("cause {node} re-opened", node=cause.id))

    def action_toggle_root(self) -> None:
        cause = self._selected_cause()
        if cause is not None:
            root = not cause.root
            self.run(lambda c, _ids: causes.set_root(c, cause.id, root),
                     _("{node} marked as root cause", node=cause.id) if root else
                     _("{node} no longer a root cause", node=cause.id))

    def action_cycle_path(self) -> None:
        cause = self._selected_cause()
        if cause is None:
            return
        path = PATH_CYCLE[(PATH_CYCLE.index(cause.path) + 1) % len(PATH_CYCLE)]
        self.run(lambda c, _ids: causes.set_path(c, cause.id, path),
                 _("8D path of {node}: {path}", node=cause.id, path=path.label if path else _("none")))

    # ------------------------------------------------------------ structure

    def _targets(self, exclude: str) -> list[tuple[str, str]]:
        case = self.session.case
        below = {c.id for c in causes.descendants(case, exclude)} | {exclude}
        options = [(f"{PROBLEM_NODE} — {inert(causes.problem_text(case))[:70]}", PROBLEM_NODE)]
        for node in case.causes:
            if node.kind is NodeKind.PROBLEM or node.id in below:
                continue
            options.append((f"{node.id} — {inert(node.text)[:70]}", node.id))
        return options

    async def _choose(self, title: str, node_id: str) -> str | None:
        values = await self.app.push_screen_wait(FormDialog(
            title, [FieldSpec("target", _("Under"), kind="select", options=self._targets(node_id))],
            lambda v: None if v["target"] else _("pick where it goes")))
        return values["target"] if values else None

    @work(exclusive=True, group="why-edit")
    async def action_move(self) -> None:
        cause = self._selected_cause()
        if cause is None:
            return
        parent = self.selected_parent()
        target = await self._choose(_("Move {node} (with its causes)", node=cause.id), cause.id)
        if target:
            self.run(lambda c, _ids: causes.move(c, cause.id, target, from_parent=parent),
                     _("{node} moved under {target}", node=cause.id, target=target))
            self._select(cause.id)

    @work(exclusive=True, group="why-edit")
    async def action_link(self) -> None:
        cause = self._selected_cause()
        if cause is None:
            return
        target = await self._choose(_("Also a cause of… ({node})", node=cause.id), cause.id)
        if target:
            self.run(lambda c, _ids: causes.link(c, target, cause.id),
                     _("{node} also linked under {target}", node=cause.id, target=target))

    @work(exclusive=True, group="why-edit")
    async def action_remove(self) -> None:
        cause = self._selected_cause()
        if cause is None:
            return
        kids = causes.children(self.session.case, cause.id)
        parent = self.selected_parent()
        if not kids:
            if await self.app.push_screen_wait(ConfirmDialog(
                    _("Delete {node} \u201c{text}\u201d? (ctrl+z undoes it; to keep it on record, reject it "
                      "instead with x)", node=cause.id, text=cause.text))):
                self.run(lambda c, _ids: causes.remove(c, cause.id), _("cause {node} deleted", node=cause.id))
            return
        values = await self.app.push_screen_wait(FormDialog(
            _("Delete {node}: it has {count} cause(s) under it", node=cause.id, count=len(kids)),
            [FieldSpec("mode", _("Its causes"), "up", kind="select", options=[
                (_("move them up, under {parent}", parent=parent), "up"),
                (_("delete them too"), "subtree")])],
            intro=_("ctrl+z undoes the deletion. To keep a cause on record, reject it instead (x).")))
        if not values:
            return
        if values["mode"] == "subtree":
            self.run(lambda c, _ids: causes.remove(c, cause.id, subtree=True),
                     _("cause {node} and its causes deleted", node=cause.id))
        else:
            self.run(lambda c, _ids: causes.remove(c, cause.id, children_to=parent),
                     _("cause {node} deleted, its causes moved up", node=cause.id))

    # ------------------------------------------------------------ read-back

    def action_read_back(self) -> None:
        node_id = self.selected()
        readback = self.query_one("#why-readback", Static)
        if not node_id or node_id == PROBLEM_NODE:
            readback.update(_("Select the last cause of a chain, then t reads it back."))
            return
        lines = read_back_lines(self.session.case, node_id)
        text = Text(_("Read it back: does each step follow?") + "\n", style="bold")
        for line in lines:
            text.append(inert(line) + "\n")
        readback.update(text)

    @on(Tree.NodeHighlighted)
    def _highlighted(self) -> None:
        self.query_one("#why-readback", Static).update("")


def read_back_lines(case: Case, node_id: str) -> list[str]:
    """The chain from a cause up to the problem, each link read with "therefore"."""
    try:
        from methods.five_whys import read_back

        return list(read_back(case, node_id))
    except ImportError:
        chain = [n for n in causes.why_chain(case, node_id) if n.kind is not NodeKind.CATEGORY]
        texts = [causes.problem_text(case) if n.kind is NodeKind.PROBLEM else n.text for n in reversed(chain)]
        return [texts[0]] + [_("therefore {text}", text=t) for t in texts[1:]]
