"""How a fishbone reads on screen: a Unicode drawing that fits the width, the tree's labels, the panels.

``draw_fishbone(case, width)`` is pure (a list of lines, none wider than ``width`` cells) so it is unit
tested without a terminal; ``FishboneArt`` shows it and draws it again when its size changes.

    Man                 Method              Material
     ╲ ✓ worn spindle    ╲ no SOP            ╲ wrong alloy
      ╲   · no PM plan    ╲                   ╲
    ═══╪═══════════════════╪═══════════════════╪══▶┃ bore out of tolerance ┃
      ╱ probe drift       ╱                   ╱
     ╱                   ╱                   ╱
    Measurement         Machine             Environment

Bones alternate above and below the spine; causes run along their bone, sub-causes indented. Labels
that do not fit end with "…"; bones and causes that do not fit are counted ("+3 more") rather than
overflowing.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from methods.ishikawa import category_label
from rca import causes as graph
from rca.errors import RcaError
from rca.i18n import _, format_date
from rca.model import PROBLEM_NODE, Case, Cause, CauseStatus, NodeKind
from rca.textout import clip, inert
from rca.textout import width as cells

MIN_COLUMN = 18
"""Narrowest bone column; fewer bones are drawn (and the rest counted) rather than narrower ones."""
MAX_ROWS = 7
"""Most rows of causes a half of the drawing takes (more are counted as "+N more")."""
MIN_WIDTH = 24
"""Below this the drawing is not attempted; a one-line note says so."""

MARKS: dict[CauseStatus, str] = {
    CauseStatus.HYPOTHESIS: "",
    CauseStatus.VERIFIED: "✓ ",
    CauseStatus.REJECTED: "✗ ",
}
"""A mark before a cause by its status, so the drawing reads without colour."""
ROOT_MARK = "★ "


@dataclass(frozen=True)
class Bone:
    """One category and its causes, flattened in reading order with their depth."""

    label: str
    items: tuple[tuple[int, Cause], ...]


def drawn_label(cause: Cause) -> str:
    """A cause as the drawing writes it: its marks, then its text on one line."""
    mark = ROOT_MARK if cause.root else ""
    return mark + MARKS[cause.status] + " ".join(inert(cause.text).split())


def _flatten(case: Case, node_id: str, depth: int, seen: frozenset[str]) -> list[tuple[int, Cause]]:
    items: list[tuple[int, Cause]] = []
    for child in graph.children(case, node_id):
        if child.kind is not NodeKind.CAUSE or child.id in seen:
            continue
        items.append((depth, child))
        items.extend(_flatten(case, child.id, depth + 1, seen | {child.id}))
    return items


def bones(case: Case) -> list[Bone]:
    """The bones in order; causes hung straight on the problem make a last "(no category)" bone."""
    result = [Bone(inert(category_label(c)), tuple(_flatten(case, c.id, 0, frozenset({c.id}))))
              for c in graph.categories(case)]
    loose = _flatten(case, PROBLEM_NODE, 0, frozenset({PROBLEM_NODE}))
    if loose:
        result.append(Bone(_("(no category)"), tuple(loose)))
    return result


class _Canvas:
    """A grid of cells; wide characters take two cells (the second left empty)."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.rows = [[" "] * width for _ in range(height)]

    def put(self, row: int, column: int, text: str, limit: int | None = None) -> None:
        """Write ``text`` at a cell, clipped with "…" to ``limit`` cells (and to the canvas)."""
        room = self.width - column if limit is None else min(limit, self.width - column)
        if room <= 0 or not 0 <= row < len(self.rows):
            return
        x = column
        for char in _fit(text, room):
            size = cells(char)
            if x + size > column + room:
                break
            self.rows[row][x] = char
            if size == 2:
                self.rows[row][x + 1] = ""
            x += size

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.rows]


def _fit(text: str, room: int) -> str:
    """``text`` cut to ``room`` cells with "…" (spaces kept as they are, unlike ``clip``)."""
    if cells(text) <= room:
        return text
    out = ""
    for char in text:
        if cells(out + char) > room - 1:
            break
        out += char
    return out + "…"


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Words into at most ``max_lines`` lines of ``width`` cells; the last line ends with "…" if cut."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if cells(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == max_lines:
            lines[-1] = clip(lines[-1] + " " + " ".join(words[index:]), width)
            return lines
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [clip(" ".join(lines[max_lines - 1:]), width)]
    return [clip(line, width) for line in lines] or [""]


def _bone_rows(bone: Bone, rows: int) -> list[tuple[int, str]]:
    """What a bone shows on each of its ``rows``: (indent, text), the last one "+N more" if needed."""
    items = [(depth, drawn_label(cause)) for depth, cause in bone.items]
    if len(items) <= rows:
        return items
    shown = items[: rows - 1]
    return [*shown, (0, _("+{count} more", count=len(items) - len(shown)))]


def _head(problem: str, width: int, height: int) -> list[str]:
    """The fish's head: the problem in a box ``width`` cells wide, at most ``height`` lines tall."""
    inner = width - 4
    text = _wrap(" ".join(inert(problem).split()) or "?", inner, max(1, min(3, height - 2)))
    top = "┏" + "━" * (width - 2) + "┓"
    bottom = "┗" + "━" * (width - 2) + "┛"
    middle = ["┃ " + line + " " * (inner - cells(line)) + " ┃" for line in text]
    return [top, *middle, bottom]


def draw_fishbone(case: Case, width: int) -> list[str]:
    """The case's fishbone in at most ``width`` cells per line (head on the right, bones alternating)."""
    if width < MIN_WIDTH:
        return [clip(_("(too narrow for the fishbone drawing)"), max(width, 1))]
    all_bones = bones(case)
    head_width = max(12, min(width // 4, 34))
    body = width - head_width - 1
    columns = max(1, min((len(all_bones) + 1) // 2, body // MIN_COLUMN))
    shown = all_bones[: columns * 2]
    hidden = all_bones[columns * 2:]
    column_width = body // columns
    top, bottom = shown[0::2], shown[1::2]
    # The bone slants one cell per row: keep the last row of text at least 6 cells wide.
    rows_cap = max(1, min(MAX_ROWS, column_width - 10))
    needed = max((len(bone.items) for bone in shown), default=0)
    rows = max(2, min(rows_cap, needed))
    head_lines = _head(graph.problem_text(case), head_width, 2 * rows + 3)
    spine = rows + 1
    head_top = max(0, spine - len(head_lines) // 2)
    height = max(2 * rows + 3, head_top + len(head_lines))
    canvas = _Canvas(width, height)
    for index, bone in enumerate(top):
        _draw_top(canvas, bone, index * column_width, column_width, rows)
    for index, bone in enumerate(bottom):
        _draw_bottom(canvas, bone, index * column_width, column_width, rows, spine)
    canvas.put(spine, 0, "═" * body)
    for index in range(max(len(top), len(bottom))):
        canvas.put(spine, index * column_width + rows + 1, "╪")
    canvas.put(spine, body, "▶")
    for offset, line in enumerate(head_lines):
        canvas.put(head_top + offset, body + 1, line)
    lines = canvas.lines()
    if not all_bones:
        lines.append(clip(_("No categories yet: choose a set (6M, 8M...) or add one."), width))
    if hidden:
        names = ", ".join(bone.label for bone in hidden)
        lines.append(clip(_("+{count} more categories: {names}", count=len(hidden), names=names), width))
    lines.append(_fit(_("✓ verified   ✗ rejected   ★ root cause"), width))
    return lines


def _draw_top(canvas: _Canvas, bone: Bone, left: int, column_width: int, rows: int) -> None:
    """A bone above the spine: its label on the first line, then ╲ down to the spine with causes."""
    canvas.put(0, left, bone.label, column_width - 1)
    entries = _bone_rows(bone, rows)
    for row in range(1, rows + 1):
        x = left + row
        canvas.put(row, x, "╲")
        if row - 1 < len(entries):
            indent, text = entries[row - 1]
            start = x + 2 + 2 * indent
            prefix = "· " if indent else ""
            canvas.put(row, start, prefix + text, left + column_width - 1 - start)


def _draw_bottom(canvas: _Canvas, bone: Bone, left: int, column_width: int, rows: int, spine: int) -> None:
    """A bone below the spine: ╱ from the spine down to its label, causes beside it."""
    entries = _bone_rows(bone, rows)
    for row in range(1, rows + 1):
        x = left + rows + 1 - row
        canvas.put(spine + row, x, "╱")
        if row - 1 < len(entries):
            indent, text = entries[row - 1]
            start = x + 2 + 2 * indent
            prefix = "· " if indent else ""
            canvas.put(spine + row, start, prefix + text, left + column_width - 1 - start)
    canvas.put(spine + rows + 1, left, bone.label, column_width - 1)


STATUS_STYLES: dict[str, str] = {
    "✓ ": "green",
    "✗ ": "dim strike",
    ROOT_MARK: "bold",
}
"""How the drawing's marks are coloured on screen (the marks themselves carry the meaning)."""


def styled(line: str) -> Text:
    """A drawn line as inert ``Text`` (user text is never read as markup), marks coloured."""
    text = Text(line)
    for mark, style in STATUS_STYLES.items():
        start = line.find(mark)
        while start != -1:
            ends = [found for found in (line.find(stop, start) for stop in ("  ", " ╲", " ╱")) if found != -1]
            text.stylize(style, start, min(ends, default=len(line)))
            start = line.find(mark, start + 1)
    return text


# ---------------------------------------------------------------- how the editor reads: labels and panels

STATUS_MARKS: dict[CauseStatus, tuple[str, str]] = {
    CauseStatus.HYPOTHESIS: ("? ", "yellow"),
    CauseStatus.VERIFIED: ("✓ ", "bold green"),
    CauseStatus.REJECTED: ("✗ ", "dim"),
}
"""The mark before a cause and its style: the mark says it without colour."""

RANKING_SHOWN = 8
"""How many causes the vote ranking lists."""


def cause_label(cause: Cause, *, voting: bool) -> Text:
    """A cause as the tree reads it: status mark, text, root, votes, evidence count, id."""
    mark, style = STATUS_MARKS[cause.status]
    text = Text(mark, style=style)
    rejected = cause.status is CauseStatus.REJECTED
    body = "dim strike" if rejected else ("bold green" if cause.status is CauseStatus.VERIFIED else "")
    text.append(" ".join(inert(cause.text).split()), style="bold" if cause.root else body)
    if rejected:
        text.append("  " + _("rejected"), style="dim italic")
    if cause.root:
        text.append("  ★ " + _("ROOT CAUSE"), style="bold reverse")
    if cause.total_votes:
        dots = "●" * min(cause.total_votes, 10) if voting else "●"
        text.append(f"  {dots}{cause.total_votes}", style="bold magenta")
    if cause.evidence:
        text.append(f"  ✎{len(cause.evidence)}", style="dim")
    text.append(f"  {cause.id}", style="dim")
    return text


def bone_label(case: Case, bone: Cause) -> Text:
    """A bone: its name in capitals and how many causes hang from it."""
    count = len(graph.descendants(case, bone.id))
    text = Text(inert(category_label(bone)).upper(), style="bold")
    text.append(f"  ({count})", style="dim")
    return text


def status_text(case: Case, *, voting: bool, participant: str) -> Text:
    """The line above the tree: the bones, the causes by status and, when voting, who votes."""
    found = graph.causes_only(case)
    verified = sum(c.status is CauseStatus.VERIFIED for c in found)
    rejected = sum(c.status is CauseStatus.REJECTED for c in found)
    roots = len(graph.root_causes(case))
    text = Text(_("Bones: {set} · {bones} bones · {count} causes ({verified} verified, {rejected} "
                  "rejected, {roots} root)", set=case.category_set, bones=len(graph.categories(case)),
                  count=len(found), verified=verified, rejected=rejected, roots=roots))
    if voting:
        text.append("\n" + _("VOTE MODE") + " · ")
        if participant:
            left = case.votes_per_person - graph.votes_used(case, participant)
            text.append(_("voting: "))
            text.append(inert(participant))
            text.append(" · " + _("{left} of {limit} dots left", left=left, limit=case.votes_per_person))
        else:
            text.append(_("press p to say who is voting"))
    return text

def vote_text(case: Case, participant: str) -> Text:
    """The side panel while voting: dots placed per participant, then the ranking."""
    text = Text(_("Dots placed") + "\n", style="bold underline")
    used = graph.tally(case)
    names = list(dict.fromkeys([m.name for m in case.team] + list(used)))
    if participant and participant not in names:
        names.append(participant)
    for name in names:
        count = used.get(name, 0)
        style = "bold" if name == participant else ("dim" if count == 0 else "")
        pointer = "▶ " if name == participant else "  "
        text.append(pointer + " ".join(inert(name).split()), style=style)
        text.append(f"  {count}/{case.votes_per_person}\n", style=style)
    if not names:
        text.append(_("nobody yet") + "\n", style="dim")
    text.append("\n" + _("Ranking") + "\n", style="bold underline")
    ranking = graph.ranked_by_votes(case)
    for place, cause in enumerate(ranking[:RANKING_SHOWN], start=1):
        text.append(f"{place}. ●{cause.total_votes} ", style="bold magenta")
        text.append(" ".join(inert(cause.text).split()) + f"  {cause.id}\n")
    if len(ranking) > RANKING_SHOWN:
        text.append(_("+{count} more", count=len(ranking) - RANKING_SHOWN) + "\n", style="dim")
    if not ranking:
        text.append(_("no dots placed yet") + "\n", style="dim")
    return text

def detail_text(case: Case, node_id: str | None) -> Text:
    """The side panel otherwise: what is known of the selected cause or bone."""
    try:
        node = case.node(node_id) if node_id else None
    except RcaError:
        node = None
    if node is None or node.kind is NodeKind.PROBLEM:
        return Text(_("Select a bone to add causes to it (a), or a cause to verify (v), reject (x) or "
                      "mark as root cause (r)."), style="dim")
    if node.kind is NodeKind.CATEGORY:
        text = Text(inert(category_label(node)) + "\n", style="bold")
        text.append(_("{count} causes on this bone", count=len(graph.descendants(case, node.id))),
                    style="dim")
        return text
    text = Text(f"{node.id} · {node.status.label}", style="bold")
    if node.root:
        text.append("  ★ " + _("root cause"), style="bold")
    text.append("\n")
    bone = graph.category_of(case, node.id)
    if bone is not None:
        text.append(_("Bone") + ": ", style="dim")
        text.append(inert(category_label(bone)) + "\n")
    if node.created_by:
        text.append(_("Said by") + ": ", style="dim")
        text.append(inert(node.created_by) + "\n")
    if node.votes:
        text.append(_("Dots") + ": ", style="dim")
        text.append(", ".join(f"{inert(who)} {count}" for who, count in node.votes.items()) + "\n")
    for item in node.evidence[-3:]:
        text.append("✎ ", style="dim")
        text.append(f"{format_date(item.on)} {inert(item.text)}\n")
    return text



class FishboneArt(Widget):
    """The drawing of a case, redrawn to the widget's width whenever it is resized."""

    DEFAULT_CSS = """
    FishboneArt { height: auto; width: 1fr; padding: 0 1; }
    """

    def __init__(self, case: Case | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.case = case

    def show_case(self, case: Case) -> None:
        self.case = case
        self.refresh(layout=True)

    def drawing(self) -> list[str]:
        if self.case is None:
            return []
        return draw_fishbone(self.case, max(self.content_size.width, 1))

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        if self.case is None:
            return 1
        return len(draw_fishbone(self.case, max(width, 1)))

    def render(self) -> Text:
        lines = self.drawing()
        text = Text("\n").join(styled(line) for line in lines) if lines else Text("")
        text.no_wrap = True
        text.overflow = "crop"
        return text

    def on_resize(self) -> None:
        self.refresh(layout=True)
