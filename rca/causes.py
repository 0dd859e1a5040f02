"""The cause graph of a case: one networkx ``DiGraph``, edges from an effect to what causes it.

The case stores the graph as two flat lists (``Case.causes`` and ``Case.links``, sibling order kept);
``graph(case)`` builds the ``DiGraph`` and the operations below change the lists in place, checking the
graph's rules: one problem node ``P`` at the top, any depth and branching, a cause may have several
parents (a shared cause, not a copy), no cycles, no orphans. Every method (5 Whys, Ishikawa, 8D, A3,
DMAIC) is a view of this one graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from rca.errors import ConflictError, GraphError, InvalidInput
from rca.i18n import _
from rca.model import (
    PROBLEM_NODE,
    ActionStatus,
    Case,
    Cause,
    CauseLink,
    CausePath,
    CauseStatus,
    Evidence,
    NodeKind,
)

MAX_TEXT = 2000
"""Longest cause text accepted (a cause is a sentence, not a report)."""


# ---------------------------------------------------------------- building and reading the graph


def graph(case: Case) -> nx.DiGraph:
    """The case's cause graph; each node carries its ``Cause`` under the attribute ``cause``."""
    g: nx.DiGraph = nx.DiGraph()
    for node in case.causes:
        g.add_node(node.id, cause=node)
    for link in case.links:
        g.add_edge(link.effect, link.cause)
    return g


def to_data(g: nx.DiGraph) -> dict[str, Any]:
    """A graph back to JSON data (``{"causes": [...], "links": [...]}``), lossless."""
    return {
        "causes": [g.nodes[n]["cause"].model_dump(mode="json") for n in g.nodes],
        "links": [{"effect": effect, "cause": cause} for effect, cause in g.edges],
    }


def from_data(data: dict[str, Any]) -> nx.DiGraph:
    """A graph from ``to_data`` output."""
    g: nx.DiGraph = nx.DiGraph()
    for item in data.get("causes", []):
        cause = Cause.model_validate(item)
        g.add_node(cause.id, cause=cause)
    for item in data.get("links", []):
        g.add_edge(item["effect"], item["cause"])
    return g


def ensure_problem(case: Case) -> Cause:
    """The problem node, created (with the case title) the first time it is needed."""
    for node in case.causes:
        if node.id == PROBLEM_NODE:
            return node
    problem = Cause(id=PROBLEM_NODE, kind=NodeKind.PROBLEM, text=case.title)
    case.causes.insert(0, problem)
    return problem


def problem_text(case: Case) -> str:
    """What the problem node stands for: the problem statement's ``what``, else the title."""
    return case.problem.summary() or case.title


def children(case: Case, node_id: str) -> list[Cause]:
    """The direct causes of a node, in the order the team gave them."""
    ids = [link.cause for link in case.links if link.effect == node_id]
    by_id = {c.id: c for c in case.causes}
    return [by_id[i] for i in ids if i in by_id]


def parents(case: Case, node_id: str) -> list[Cause]:
    """The effects a node explains (several for a shared cause)."""
    ids = [link.effect for link in case.links if link.cause == node_id]
    by_id = {c.id: c for c in case.causes}
    return [by_id[i] for i in ids if i in by_id]


def causes_only(case: Case) -> list[Cause]:
    """Every node of kind ``cause`` (not the problem, not the categories)."""
    return [c for c in case.causes if c.kind is NodeKind.CAUSE]


def categories(case: Case) -> list[Cause]:
    """The Ishikawa bones, in order."""
    return [c for c in case.causes if c.kind is NodeKind.CATEGORY]


def why_chain(case: Case, node_id: str) -> list[Cause]:
    """The chain from the problem down to ``node_id``, following each node's first parent (the one it
    was added under; a shared cause's other parents are extra links)."""
    by_id = {c.id: c for c in case.causes}
    first_parent: dict[str, str] = {}
    for lk in case.links:
        first_parent.setdefault(lk.cause, lk.effect)
    chain = [case.node(node_id)]
    seen = {node_id}
    current = node_id
    while current in first_parent and first_parent[current] not in seen:
        current = first_parent[current]
        seen.add(current)
        if current in by_id:
            chain.append(by_id[current])
    return list(reversed(chain))


def depth(case: Case, node_id: str) -> int:
    """How many whys below the problem the node is (categories do not count)."""
    return sum(1 for node in why_chain(case, node_id) if node.kind is NodeKind.CAUSE)


def category_of(case: Case, node_id: str) -> Cause | None:
    """The Ishikawa bone a cause hangs from, if any (through its first chain)."""
    for node in reversed(why_chain(case, node_id)):
        if node.kind is NodeKind.CATEGORY:
            return node
    return None


def categories_by_cause(case: Case) -> dict[str, Cause | None]:
    """Every node's Ishikawa bone (through its first chain) in one pass over the graph.

    ``category_of`` for every cause, without walking the chain again for each one (quadratic at 1,000 causes).
    """
    by_id = {c.id: c for c in case.causes}
    first_parent: dict[str, str] = {}
    for lk in case.links:
        first_parent.setdefault(lk.cause, lk.effect)
    found: dict[str, Cause | None] = {}
    for cause in case.causes:
        if cause.kind is not NodeKind.CAUSE or cause.id in found:
            continue
        chain: list[str] = []
        current: str | None = cause.id
        bone: Cause | None = None
        while current is not None and current not in chain:  # iterative: chains can be deep
            if current in found:
                bone = found[current]
                break
            node = by_id.get(current)
            if node is not None and node.kind is NodeKind.CATEGORY:
                bone = node
                break
            chain.append(current)
            current = first_parent.get(current)
        for node_id in chain:
            found[node_id] = bone
    return found


def descendants(case: Case, node_id: str) -> list[Cause]:
    """Every cause below a node."""
    g = graph(case)
    return [g.nodes[n]["cause"] for n in nx.descendants(g, node_id)]


def root_causes(case: Case, path: CausePath | None = None) -> list[Cause]:
    """Causes marked as root causes and not rejected (optionally on one 8D path)."""
    return [
        c
        for c in causes_only(case)
        if c.root and c.status is not CauseStatus.REJECTED and (path is None or c.path is path)
    ]


def verified_root_causes(case: Case, path: CausePath | None = None) -> list[Cause]:
    """Root causes that were verified with evidence."""
    return [c for c in root_causes(case, path) if c.status is CauseStatus.VERIFIED]


def treated_causes(case: Case) -> set[str]:
    """Ids of causes linked to at least one action that is not cancelled."""
    return {
        cause_id
        for action in case.actions
        if action.status is not ActionStatus.CANCELLED
        for cause_id in action.causes
    }


def causes_without_action(case: Case) -> list[Cause]:
    """Root causes no (non-cancelled) action treats yet."""
    treated = treated_causes(case)
    return [c for c in root_causes(case) if c.id not in treated]


def open_leaves(case: Case) -> list[Cause]:
    """Causes at the end of a chain, not rejected and not yet root causes: ask "why?" again."""
    with_children = {link.effect for link in case.links}
    return [
        c
        for c in causes_only(case)
        if c.id not in with_children and not c.root and c.status is not CauseStatus.REJECTED
    ]


def ranked_by_votes(case: Case) -> list[Cause]:
    """Causes with votes, most votes first (ties keep the team's order): which to verify first."""
    voted = [c for c in causes_only(case) if c.total_votes > 0 and c.status is not CauseStatus.REJECTED]
    return sorted(voted, key=lambda c: -c.total_votes)


def votes_used(case: Case, participant: str) -> int:
    """How many dots a participant has placed."""
    return sum(c.votes.get(participant, 0) for c in case.causes)


def tally(case: Case) -> dict[str, int]:
    """Votes placed per participant."""
    totals: dict[str, int] = {}
    for cause in case.causes:
        for who, count in cause.votes.items():
            totals[who] = totals.get(who, 0) + count
    return totals


# ---------------------------------------------------------------- changing the graph


def _clean_text(text: str, field: str = "text") -> str:
    cleaned = text.replace("\x00", "").strip()
    if not cleaned:
        raise InvalidInput(_("{field}: a cause needs some text; say what happened, in the team's words",
                             field=field), field=field)
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput(
            _("{field}: {length} characters is too long for a cause (at most {limit}); keep the detail in "
              "the evidence", field=field, length=len(cleaned), limit=MAX_TEXT),
            field=field,
        )
    return cleaned


def _next_id(case: Case) -> str:
    case.last_node += 1
    return f"K-{case.last_node}"


def _check_parent(case: Case, parent_id: str) -> Cause:
    if parent_id == PROBLEM_NODE:
        return ensure_problem(case)
    return case.node(parent_id)


def add_cause(
    case: Case,
    parent_id: str,
    text: str,
    *,
    by: str = "",
    path: CausePath | None = None,
    after: str | None = None,
) -> Cause:
    """Add a cause under ``parent_id`` (the problem ``P``, a category or a cause).

    ``after`` puts it just after that sibling (for "add a sibling"); by default it goes last.
    """
    _check_parent(case, parent_id)
    cause = Cause(id=_next_id(case), text=_clean_text(text), created_by=by, path=path)
    case.causes.append(cause)
    link = CauseLink(effect=parent_id, cause=cause.id)
    position = len(case.links)
    if after is not None:
        for index, existing in enumerate(case.links):
            if existing.effect == parent_id and existing.cause == after:
                position = index + 1
    case.links.insert(position, link)
    return cause


def add_category(case: Case, text: str, *, key: str | None = None) -> Cause:
    """Add an Ishikawa bone under the problem."""
    ensure_problem(case)
    category = Cause(id=_next_id(case), kind=NodeKind.CATEGORY, text=_clean_text(text, "category"), key=key)
    case.causes.append(category)
    case.links.append(CauseLink(effect=PROBLEM_NODE, cause=category.id))
    return category


def edit_text(case: Case, node_id: str, text: str, *, expected: str | None = None) -> Cause:
    """Change what a cause says. ``expected`` is the text the editor started from: when someone else
    changed it meanwhile, a ``ConflictError`` carries both texts instead of overwriting theirs."""
    node = case.node(node_id)
    new = _clean_text(text)
    if expected is not None and node.text != expected and node.text != new:
        raise ConflictError(
            _("{node}: someone else changed this cause while you were editing it; yours and theirs are "
              "both kept on screen, choose one", node=node_id),
            field=f"causes[{node_id}].text",
            mine=new,
            theirs=node.text,
        )
    node.text = new
    return node


def _would_cycle(case: Case, effect: str, cause: str) -> bool:
    if effect == cause:
        return True
    g = graph(case)
    return cause in g and effect in g and nx.has_path(g, cause, effect)


def link(case: Case, effect_id: str, cause_id: str) -> None:
    """Also make ``cause_id`` a cause of ``effect_id`` (a shared cause). A cycle is refused."""
    _check_parent(case, effect_id)
    cause = case.node(cause_id)
    if cause.kind is not NodeKind.CAUSE:
        raise GraphError(_("{node} is not a cause; only causes can be linked under another node", node=cause_id))
    if any(lk.effect == effect_id and lk.cause == cause_id for lk in case.links):
        return
    if _would_cycle(case, effect_id, cause_id):
        raise GraphError(
            _("{cause} cannot be a cause of {effect}: {effect} already explains {cause}, which would make a "
              "circle; link it to another cause instead", cause=cause_id, effect=effect_id)
        )
    case.links.append(CauseLink(effect=effect_id, cause=cause_id))


def unlink(case: Case, effect_id: str, cause_id: str) -> None:
    """Remove one parent of a shared cause; refused when it is the cause's only parent."""
    mine = [lk for lk in case.links if lk.cause == cause_id]
    if not any(lk.effect == effect_id for lk in mine):
        raise GraphError(_("{cause} is not linked under {effect}", cause=cause_id, effect=effect_id))
    if len(mine) == 1:
        raise GraphError(
            _("{cause} has no other parent; move it or remove it instead of unlinking it", cause=cause_id)
        )
    case.links = [lk for lk in case.links if not (lk.effect == effect_id and lk.cause == cause_id)]


def move(case: Case, node_id: str, new_parent_id: str, *, from_parent: str | None = None) -> None:
    """Re-parent a cause (with its subtree) under ``new_parent_id``.

    For a shared cause, ``from_parent`` says which parent link moves (default: the first).
    """
    node = case.node(node_id)
    if node.kind is NodeKind.PROBLEM:
        raise GraphError(_("the problem is the top of the graph; it cannot be moved"))
    _check_parent(case, new_parent_id)
    if _would_cycle(case, new_parent_id, node_id):
        raise GraphError(
            _("{node} cannot go under {parent}: {parent} is one of its own causes; that would make a circle",
              node=node_id, parent=new_parent_id)
        )
    mine = [lk for lk in case.links if lk.cause == node_id]
    old = next((lk for lk in mine if from_parent is None or lk.effect == from_parent), None)
    if old is None:
        raise GraphError(_("{node} is not under {parent}", node=node_id, parent=from_parent))
    if any(lk.effect == new_parent_id for lk in mine):
        case.links.remove(old)
        return
    index = case.links.index(old)
    case.links[index] = CauseLink(effect=new_parent_id, cause=node_id)
    # Keep it last among its new siblings: that is where people expect a moved card to land.
    moved = case.links.pop(index)
    case.links.append(moved)


def remove(case: Case, node_id: str, *, children_to: str | None = None, subtree: bool = False) -> list[str]:
    """Remove a node; returns the ids removed.

    A node with children needs an explicit choice: ``children_to`` re-parents them (usually to the
    node's parent), ``subtree=True`` removes them too (a shared descendant that still has a parent
    outside the subtree stays). Actions keep their text; their links to removed causes are dropped.
    """
    node = case.node(node_id)
    if node.kind is NodeKind.PROBLEM:
        raise GraphError(_("the problem node cannot be removed"))
    kids = [lk.cause for lk in case.links if lk.effect == node_id]
    if kids and children_to is None and not subtree:
        raise GraphError(
            _("{node} has {count} cause(s) under it; say whether to move them up to its parent or to remove "
              "them with it", node=node_id, count=len(kids))
        )
    if children_to is not None and children_to == node_id:
        raise GraphError(_("the causes of {node} cannot be moved under {node} itself", node=node_id))
    removed = {node_id}
    if subtree:
        g = graph(case)
        below = nx.descendants(g, node_id)
        # Remove descendants whose every parent is being removed, top-down.
        for candidate in nx.topological_sort(g.subgraph(below | {node_id})):
            if candidate == node_id:
                continue
            if all(p in removed for p in g.predecessors(candidate)):
                removed.add(candidate)
    elif children_to is not None:
        _check_parent(case, children_to)
        for kid in kids:
            if _would_cycle(case, children_to, kid):
                raise GraphError(_("moving the causes of {node} under {parent} would make a circle",
                                   node=node_id, parent=children_to))
        for kid in kids:
            if not any(lk.effect == children_to and lk.cause == kid for lk in case.links):
                case.links.append(CauseLink(effect=children_to, cause=kid))
    case.causes = [c for c in case.causes if c.id not in removed]
    case.links = [lk for lk in case.links if lk.effect not in removed and lk.cause not in removed]
    for action in case.actions:
        if any(c in removed for c in action.causes):
            action.causes = [c for c in action.causes if c not in removed]
    return sorted(removed)


def _evidence(evidence: Evidence | str, by: str) -> Evidence:
    if isinstance(evidence, Evidence):
        return evidence
    text = evidence.replace("\x00", "").strip()
    if not text:
        raise InvalidInput(
            _("evidence: say what showed it (a measurement, a test, an observation)"), field="evidence"
        )
    from datetime import date

    return Evidence(text=text, by=by, on=date.today())


def verify(case: Case, node_id: str, evidence: Evidence | str, *, by: str = "") -> Cause:
    """Mark a cause verified, with the evidence that showed it."""
    node = _cause(case, node_id)
    node.evidence.append(_evidence(evidence, by))
    node.status = CauseStatus.VERIFIED
    return node


def reject(case: Case, node_id: str, evidence: Evidence | str, *, by: str = "") -> Cause:
    """Mark a cause rejected, with the evidence that ruled it out. It stays in the graph, shown rejected."""
    node = _cause(case, node_id)
    node.evidence.append(_evidence(evidence, by))
    node.status = CauseStatus.REJECTED
    node.root = False
    return node


def reopen(case: Case, node_id: str) -> Cause:
    """Back to hypothesis (the evidence stays on record)."""
    node = _cause(case, node_id)
    node.status = CauseStatus.HYPOTHESIS
    return node


def set_root(case: Case, node_id: str, root: bool = True) -> Cause:
    """Mark (or unmark) a root cause. A rejected cause cannot be a root cause."""
    node = _cause(case, node_id)
    if root and node.status is CauseStatus.REJECTED:
        raise GraphError(_("{node} was rejected; re-open it before marking it as a root cause", node=node_id))
    node.root = root
    return node


def set_path(case: Case, node_id: str, path: CausePath | None) -> Cause:
    """Set the 8D path (occurrence, non-detection, systemic) of a cause, or clear it."""
    node = _cause(case, node_id)
    node.path = path
    return node


def set_outside_control(case: Case, node_id: str, outside: bool = True) -> Cause:
    node = _cause(case, node_id)
    node.outside_control = outside
    return node


def vote(case: Case, node_id: str, participant: str, delta: int = 1) -> Cause:
    """Give (or take back, with ``delta=-1``) one of a participant's dots."""
    node = _cause(case, node_id)
    who = participant.strip()
    if not who:
        raise InvalidInput(_("participant: say who is voting"), field="participant")
    current = node.votes.get(who, 0)
    if delta > 0 and votes_used(case, who) + delta > case.votes_per_person:
        raise InvalidInput(
            _("{who} has used all {limit} votes; take one back first", who=who, limit=case.votes_per_person),
            field="votes",
        )
    new = max(0, current + delta)
    if new:
        node.votes[who] = new
    else:
        node.votes.pop(who, None)
    return node


def clear_votes(case: Case) -> None:
    """Start a new round of voting."""
    for node in case.causes:
        node.votes = {}


def _cause(case: Case, node_id: str) -> Cause:
    node = case.node(node_id)
    if node.kind is not NodeKind.CAUSE:
        raise GraphError(_("{node} is {kind}, not a cause", node=node_id, kind=node.kind.label))
    return node


def check(case: Case) -> list[str]:
    """Problems with a stored graph (for imports): dangling links, cycles, orphans, duplicate ids."""
    problems: list[str] = []
    ids = [c.id for c in case.causes]
    seen: set[str] = set()
    for node_id in ids:
        if node_id in seen:
            problems.append(_("causes: the id {node} is used twice", node=node_id))
        seen.add(node_id)
    for index, lk in enumerate(case.links):
        for end in (lk.effect, lk.cause):
            if end not in seen:
                problems.append(_("links[{index}]: {node} is not a node of the graph", index=index, node=end))
    g = graph(case)
    if not nx.is_directed_acyclic_graph(g):
        cycle = " → ".join(str(edge[0]) for edge in nx.find_cycle(g))
        problems.append(_("links: the causes form a circle ({cycle})", cycle=cycle))
    for node in case.causes:
        if node.kind is not NodeKind.PROBLEM and g.in_degree(node.id) == 0:
            problems.append(_("causes: {node} is not attached to anything", node=node.id))
    return problems


def texts(nodes: Iterable[Cause]) -> list[str]:
    return [n.text for n in nodes]
