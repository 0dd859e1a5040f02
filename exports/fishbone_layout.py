"""The geometry of an Ishikawa (fishbone) diagram, computed by our code so it stays readable at any size.

The head (the problem) is a box on the right, the spine a horizontal line into it, and each category a bone
slanting into the spine, alternately above and below. A cause is a label sitting on a horizontal tick that
meets its bone; a cause's own causes hang from a smaller branch, parallel to the bone, that leaves the
parent's tick - to any depth.

How overlaps are avoided: on one bone, every label has its own horizontal band (children below their parent,
siblings one after the other), so labels of a bone never share a height; branches are parallel, so working
in coordinates sheared along the bone (``u`` = horizontal distance to the bone) every branch is a vertical
line and every label sits left of its own branch. Bones of one row are then placed from the head leftwards,
each as close to its right-hand neighbour as their height-by-height profiles allow. The canvas grows to fit.

Text widths are estimated with DejaVu Sans metrics (wider than Arial or Helvetica), so text set in any of
the fonts listed for the SVG fits the space laid out for it.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

from exports.safe import one_line, shorten, strip_controls
from rca.causes import children, problem_text
from rca.i18n import N_, _
from rca.model import PROBLEM_NODE, Case, Cause, CauseStatus, NodeKind

# ---------------------------------------------------------------- text metrics

_ASCII_WIDTHS = (
    32,
    40,
    46,
    84,
    64,
    95,
    78,
    27,
    39,
    39,
    50,
    84,
    32,
    36,
    32,
    34,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    34,
    34,
    84,
    84,
    84,
    53,
    100,
    68,
    69,
    70,
    77,
    63,
    58,
    77,
    75,
    29,
    29,
    66,
    56,
    86,
    75,
    79,
    60,
    79,
    69,
    63,
    61,
    73,
    68,
    99,
    69,
    61,
    69,
    39,
    34,
    39,
    84,
    50,
    50,
    61,
    63,
    55,
    63,
    62,
    35,
    63,
    63,
    28,
    28,
    58,
    28,
    97,
    63,
    61,
    63,
    63,
    41,
    52,
    39,
    63,
    59,
    82,
    59,
    59,
    52,
    64,
    34,
    64,
    84,
)
"""DejaVu Sans advance widths of the printable ASCII characters, in hundredths of an em."""

BOLD_FACTOR = 1.13
"""DejaVu Sans Bold is about this much wider than the regular weight."""


def char_width(ch: str) -> float:
    """Estimated width of one character, in ems."""
    code = ord(ch)
    if 32 <= code < 127:
        return _ASCII_WIDTHS[code - 32] / 100
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F") or code >= 0x1F000:
        return 1.05
    return 0.68


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width of a one-line text at ``size`` pixels."""
    width = sum(char_width(ch) for ch in text) * size
    return width * BOLD_FACTOR if bold else width


def wrap_text(text: str, max_width: float, size: float, bold: bool = False, max_lines: int = 8) -> list[str]:
    """Words of ``text`` in lines no wider than ``max_width`` (a longer word is cut); the last line of a text
    that does not fit in ``max_lines`` ends with an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in one_line(text).split(" "):
        while text_width(word, size, bold) > max_width:
            cut = len(word)
            while cut > 1 and text_width(word[:cut], size, bold) > max_width:
                cut -= 1
            head, word = word[:cut], word[cut:]
            if current:
                lines.append(current)
                current = ""
            lines.append(head)
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= max_width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last + " …", size, bold) > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " …"
    return lines


# ---------------------------------------------------------------- the result


@dataclass
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)


@dataclass
class Label:
    """A text block of the diagram, placed: the box is what it occupies (badge and frame included)."""

    role: str
    """problem, category, cause, ref (a shared cause shown again under another parent), title."""
    lines: list[str]
    box: Box
    size: float
    bold: bool = False
    anchor: str = "end"
    """Where the lines are aligned: ``end`` (right edge, causes), ``middle`` (categories, problem)."""
    node: Cause | None = None
    full_text: str = ""
    """The text before wrapping and shortening (an SVG tooltip)."""
    votes: int = 0
    style: str = ""
    """How a cause is drawn: hypothesis, verified, rejected, root or ref (also for legend samples)."""

    @property
    def line_height(self) -> float:
        return self.size * LINE_FACTOR


@dataclass
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float
    role: str
    """spine, bone, branch or tick."""
    status: CauseStatus | None = None
    depth: int = 0
    ref: bool = False
    style: str = ""
    """For ticks: how the cause is drawn (see ``cause_style``)."""


@dataclass
class FishboneLayout:
    width: float
    height: float
    labels: list[Label] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    spine_y: float = 0.0
    legend_y: float = 0.0
    """The top of the legend's line."""
    title: str = ""

    def label_boxes(self) -> list[Box]:
        return [label.box for label in self.labels]


# ---------------------------------------------------------------- sizes (pixels)

LINE_FACTOR = 1.28
SLOPE = 0.5
"""Horizontal run of a bone per pixel of height (about 63 degrees from the spine)."""
INDENT = 26.0
"""How far left of its parent's branch a child branch starts."""
LABEL_GAP = 6.0
"""Space between a label and the branch it is attached to."""
SIBLING_GAP = 6.0
BONE_GAP = 26.0
"""Least horizontal space between two bones' contents at the same height."""
SPINE_MARGIN = 18.0
"""Space between the spine and the nearest cause."""
MARGIN = 24.0
BADGE = 20.0
"""Room for the vote badge left of a label."""
PAD = 3.0
"""Padding inside a label's box (room for the root-cause frame)."""
MAX_LABEL_CHARS = 240
"""Longer cause texts are shortened on the diagram (the full text is in the tooltip and the case file)."""


def font_size(depth: int) -> float:
    return {1: 13.0, 2: 12.0}.get(depth, 11.0)


def wrap_width(depth: int) -> float:
    return 230.0 if depth <= 1 else 200.0


# ---------------------------------------------------------------- the cause tree under each bone


@dataclass
class _Item:
    node: Cause
    depth: int
    ref: bool
    kids: list[_Item]
    lines: list[str] = field(default_factory=list)
    label_w: float = 0.0
    label_h: float = 0.0
    height: float = 0.0
    """The whole block: label, then children."""


def _first_parents(case: Case) -> dict[str, str]:
    first: dict[str, str] = {}
    for link in case.links:
        first.setdefault(link.cause, link.effect)
    return first


def _items(case: Case, parent: str, depth: int, first: dict[str, str], path: frozenset[str]) -> list[_Item]:
    found = []
    for node in children(case, parent):
        if node.id in path or node.kind is NodeKind.PROBLEM:
            continue
        if first.get(node.id) != parent:
            found.append(_Item(node, depth, True, []))
            continue
        kids = _items(case, node.id, depth + 1, first, path | {node.id})
        found.append(_Item(node, depth, False, kids))
    return found


def cause_style(node: Cause, ref: bool = False) -> str:
    """hypothesis, verified, rejected, root (a root cause that is not rejected) or ref."""
    if ref:
        return "ref"
    if node.root and node.status is not CauseStatus.REJECTED:
        return "root"
    return node.status.value


def _label_text(node: Cause, ref: bool) -> str:
    text = shorten(one_line(node.text), MAX_LABEL_CHARS) or "…"
    if ref:
        return "↗ " + text
    if node.status is CauseStatus.VERIFIED:
        return "✓ " + text
    return text


def _measure(item: _Item, wrap_factor: float) -> None:
    size = font_size(item.depth)
    bold = item.node.root and not item.ref
    item.lines = wrap_text(_label_text(item.node, item.ref), wrap_width(item.depth) * wrap_factor, size, bold)
    width = max(text_width(line, size, bold) for line in item.lines) + 2 * PAD
    if item.node.total_votes and not item.ref:
        width += BADGE
    item.label_w = width
    item.label_h = len(item.lines) * size * LINE_FACTOR + 2 * PAD
    for kid in item.kids:
        _measure(kid, wrap_factor)
    item.height = item.label_h + sum(SIBLING_GAP + kid.height for kid in item.kids)


@dataclass
class _Bone:
    title: str
    node: Cause | None
    items: list[_Item]
    above: bool
    cat_lines: list[str] = field(default_factory=list)
    cat_w: float = 0.0
    cat_h: float = 0.0
    labels: list[Label] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    @property
    def items_height(self) -> float:
        return sum(item.height for item in self.items) + SIBLING_GAP * max(0, len(self.items) - 1)


CATEGORY_SIZE = 14.0
PROBLEM_SIZE = 15.0
TITLE_SIZE = 17.0


def _bones(case: Case, wrap_factor: float) -> list[_Bone]:
    first = _first_parents(case)
    bones: list[_Bone] = []
    loose: list[_Item] = []
    for node in children(case, PROBLEM_NODE):
        if node.kind is NodeKind.CATEGORY:
            items = _items(case, node.id, 1, first, frozenset({PROBLEM_NODE, node.id}))
            bones.append(_Bone(node.text, node, items, above=True))
        elif node.kind is NodeKind.CAUSE:
            if first.get(node.id) == PROBLEM_NODE:
                kids = _items(case, node.id, 2, first, frozenset({PROBLEM_NODE, node.id}))
                loose.append(_Item(node, 1, False, kids))
            else:
                loose.append(_Item(node, 1, True, []))
    if loose:
        bones.append(_Bone(_("Other"), None, loose, above=True))
    for index, bone in enumerate(bones):
        bone.above = index % 2 == 0
        for item in bone.items:
            _measure(item, wrap_factor)
        bone.cat_lines = wrap_text(bone.title, 200, CATEGORY_SIZE, bold=True, max_lines=3)
        bone.cat_w = max(text_width(line, CATEGORY_SIZE, True) for line in bone.cat_lines) + 20
        bone.cat_h = len(bone.cat_lines) * CATEGORY_SIZE * LINE_FACTOR + 10
    return bones


# ------------------------------------------------ placing one bone (junction at x=0, spine at y=0)


def _place_items(
    bone: _Bone, items: list[_Item], top: float, branch_u: float, gap: float, slope: float
) -> float:
    """Place ``items`` stacked from ``top`` down, attached to the branch at ``u = branch_u``; returns the
    y of the last tick (where the branch may stop)."""
    y = top
    last_tick = top
    for item in items:
        tick_y = y + item.label_h
        size = font_size(item.depth)
        branch_top = branch_u + slope * y
        branch_tick = branch_u + slope * tick_y
        right = min(branch_top, branch_tick) - LABEL_GAP
        box = Box(right - item.label_w, y, right, tick_y)
        bold = item.node.root and not item.ref
        bone.labels.append(
            Label(
                role="ref" if item.ref else "cause",
                lines=item.lines,
                box=box,
                size=size,
                bold=bold,
                node=item.node,
                full_text=strip_controls(item.node.text)[:2000],
                votes=0 if item.ref else item.node.total_votes,
                style=cause_style(item.node, item.ref),
            )
        )
        tick_left = min(box.x0, branch_tick - INDENT - 12)
        bone.segments.append(
            Segment(
                branch_tick,
                tick_y,
                tick_left,
                tick_y,
                "tick",
                item.node.status,
                item.depth,
                item.ref,
                cause_style(item.node, item.ref),
            )
        )
        if item.kids:
            child_u = branch_u - INDENT
            start_y = tick_y + SIBLING_GAP
            end_y = _place_items(bone, item.kids, start_y, child_u, SIBLING_GAP, slope)
            x_start = child_u + slope * tick_y
            x_end = child_u + slope * end_y
            bone.segments.append(
                Segment(x_start, tick_y, x_end, end_y, "branch", item.node.status, item.depth + 1)
            )
        last_tick = tick_y
        y += item.height + gap
    return last_tick


def _layout_bone(bone: _Bone, row_height: float) -> None:
    """Lay out a bone in its own frame: junction with the spine at (0, 0); y grows downwards."""
    slope = SLOPE if bone.above else -SLOPE
    spare = row_height - bone.cat_h - bone.items_height - SPINE_MARGIN - 12
    gap = SIBLING_GAP + (min(60.0, spare / len(bone.items)) if bone.items and spare > 0 else 0.0)
    if bone.above:
        outer = -row_height + bone.cat_h
        items_top = outer + 12
    else:
        outer = row_height - bone.cat_h
        items_top = SPINE_MARGIN
    _place_items(bone, bone.items, items_top, 0.0, gap, slope)
    outer_x = slope * outer
    bone.segments.append(Segment(outer_x, outer, 0.0, 0.0, "bone"))
    cat_top = outer - bone.cat_h if bone.above else outer
    bone.labels.append(
        Label(
            role="category",
            lines=bone.cat_lines,
            size=CATEGORY_SIZE,
            bold=True,
            anchor="middle",
            box=Box(outer_x - bone.cat_w / 2, cat_top, outer_x + bone.cat_w / 2, cat_top + bone.cat_h),
            node=bone.node,
            full_text=strip_controls(bone.title),
        )
    )


def _row_height(bones: list[_Bone]) -> float:
    needed = [bone.cat_h + 12 + bone.items_height + SPINE_MARGIN + 8 for bone in bones]
    return max([150.0, *needed])


# ---------------------------------------------------------------- placing bones along the spine

_BIN = 4.0


def _profile(bone: _Bone) -> dict[int, tuple[float, float]]:
    """For each 4-pixel band of height: the leftmost and rightmost x the bone's contents reach."""
    spans: dict[int, tuple[float, float]] = {}

    def add(y0: float, y1: float, x0: float, x1: float) -> None:
        for band in range(math.floor(y0 / _BIN), math.floor(y1 / _BIN) + 1):
            low, high = spans.get(band, (math.inf, -math.inf))
            spans[band] = (min(low, x0), max(high, x1))

    for label in bone.labels:
        add(label.box.y0, label.box.y1, label.box.x0, label.box.x1)
    for seg in bone.segments:
        if seg.y1 == seg.y2:
            add(seg.y1, seg.y1, min(seg.x1, seg.x2), max(seg.x1, seg.x2))
            continue
        top, bottom = sorted((seg.y1, seg.y2))
        for band in range(math.floor(top / _BIN), math.floor(bottom / _BIN) + 1):
            ya, yb = max(top, band * _BIN), min(bottom, (band + 1) * _BIN)
            xa = seg.x1 + (seg.x2 - seg.x1) * (ya - seg.y1) / (seg.y2 - seg.y1)
            xb = seg.x1 + (seg.x2 - seg.x1) * (yb - seg.y1) / (seg.y2 - seg.y1)
            add(ya, ya, min(xa, xb), max(xa, xb))
    return spans


def _junctions(bones: list[_Bone], head_left: float) -> list[float]:
    """Junction x of each bone of a row (right to left), as close as their profiles allow."""
    xs: list[float] = []
    previous: dict[int, tuple[float, float]] | None = None
    x_prev = head_left
    for bone in bones:
        profile = _profile(bone)
        if previous is None:
            right = max(high for _low, high in profile.values())
            x = head_left - max(right, 0.0) - 40.0
        else:
            room = [previous[band][0] - span[1] for band, span in profile.items() if band in previous]
            x = x_prev + min(room, default=0.0) - BONE_GAP
            x = min(x, x_prev - 90.0)
        xs.append(x)
        previous, x_prev = profile, x
    return xs


# ---------------------------------------------------------------- the whole diagram


WIDE_ENOUGH = 1.3
"""Width ÷ height below which a fishbone is redrawn with wider labels (fewer lines, shorter bones)."""


def layout(case: Case, title: str = "") -> FishboneLayout:
    """The fishbone of a case, placed on a canvas that grows to fit every label without overlap.

    A fishbone with many causes on few bones grows tall; it is then laid out again with wider labels
    (fewer lines each, so shorter bones), keeping the first that is landscape enough for a screen or a page.
    """
    best = _layout(case, title, 1.0)
    for factor in (1.4, 1.9, 2.6):
        if best.width / best.height >= WIDE_ENOUGH:
            break
        candidate = _layout(case, title, factor)
        if candidate.width / candidate.height > best.width / best.height:
            best = candidate
    return best


def _layout(case: Case, title: str, wrap_factor: float) -> FishboneLayout:
    bones = _bones(case, wrap_factor)
    upper = [bone for bone in bones if bone.above]
    lower = [bone for bone in bones if not bone.above]
    up_h, low_h = _row_height(upper), _row_height(lower)
    for bone in upper:
        _layout_bone(bone, up_h)
    for bone in lower:
        _layout_bone(bone, low_h)

    problem_lines = wrap_text(problem_text(case), 210, PROBLEM_SIZE, bold=True, max_lines=10)
    head_w = max(text_width(line, PROBLEM_SIZE, True) for line in problem_lines) + 28
    head_h = len(problem_lines) * PROBLEM_SIZE * LINE_FACTOR + 24
    head_left = 0.0
    labels: list[Label] = []
    segments: list[Segment] = []
    for row in (upper, lower):
        for bone, x in zip(row, _junctions(row, head_left), strict=True):
            labels += [Label(**{**label.__dict__, "box": label.box.moved(x, 0)}) for label in bone.labels]
            segments += [
                Segment(s.x1 + x, s.y1, s.x2 + x, s.y2, s.role, s.status, s.depth, s.ref, s.style)
                for s in bone.segments
            ]
    labels.append(
        Label(
            role="problem",
            lines=problem_lines,
            size=PROBLEM_SIZE,
            bold=True,
            anchor="middle",
            box=Box(head_left, -head_h / 2, head_left + head_w, head_h / 2),
            full_text=strip_controls(problem_text(case)),
        )
    )
    left = min(
        [label.box.x0 for label in labels] + [s.x2 for s in segments] + [s.x1 for s in segments] + [-200.0]
    )
    segments.insert(0, Segment(left - 10, 0.0, head_left, 0.0, "spine"))

    top = min(min(label.box.y0 for label in labels), -up_h)
    bottom = max(max(label.box.y1 for label in labels), low_h if lower else head_h / 2)
    title_lines = (
        wrap_text(title, max(600.0, head_left - left), TITLE_SIZE, bold=True, max_lines=2) if title else []
    )
    title_h = len(title_lines) * TITLE_SIZE * LINE_FACTOR + (14 if title_lines else 0)
    dx = MARGIN - (left - 10)
    dy = MARGIN + title_h - top
    result = FishboneLayout(width=0, height=0, spine_y=dy, title=title)
    for label in labels:
        label.box = label.box.moved(dx, dy)
        result.labels.append(label)
    for s in segments:
        result.segments.append(
            Segment(s.x1 + dx, s.y1 + dy, s.x2 + dx, s.y2 + dy, s.role, s.status, s.depth, s.ref, s.style)
        )
    if title_lines:
        width = max(text_width(line, TITLE_SIZE, True) for line in title_lines)
        result.labels.append(
            Label(
                role="title",
                lines=title_lines,
                size=TITLE_SIZE,
                bold=True,
                anchor="start",
                box=Box(MARGIN, MARGIN, MARGIN + width, MARGIN + title_h - 14),
                full_text=title,
            )
        )
    result.legend_y = bottom + dy + 22
    legend_right = _legend(result)
    result.width = max(
        head_left + head_w + dx + MARGIN,
        legend_right + MARGIN,
        MARGIN * 2 + (max(text_width(line, TITLE_SIZE, True) for line in title_lines) if title_lines else 0),
    )
    result.height = result.legend_y + LEGEND_SIZE * LINE_FACTOR + 2 * PAD + MARGIN
    return result


LEGEND = (
    ("hypothesis", N_("hypothesis")),
    ("verified", N_("✓ verified")),
    ("rejected", N_("rejected")),
    ("root", N_("root cause")),
    ("votes", N_("votes")),
    ("ref", N_("↗ shared cause (drawn in full under its first parent)")),
)
"""The legend's samples: a style and its text."""

LEGEND_SIZE = 12.0


def _legend(result: FishboneLayout) -> float:
    """Add the legend's samples in a row under the diagram; returns its right edge."""
    x = MARGIN
    height = LEGEND_SIZE * LINE_FACTOR + 2 * PAD
    label = _("Legend:")
    width = text_width(label, LEGEND_SIZE, True) + 2 * PAD
    result.labels.append(
        Label(
            role="legend",
            lines=[label],
            size=LEGEND_SIZE,
            bold=True,
            anchor="start",
            box=Box(x, result.legend_y, x + width, result.legend_y + height),
            style="title",
        )
    )
    x += width + 14
    for style, text in LEGEND:
        shown = _(text)
        bold = style == "root"
        votes = 3 if style == "votes" else 0
        width = text_width(shown, LEGEND_SIZE, bold) + 2 * PAD + (BADGE if votes else 0)
        result.labels.append(
            Label(
                role="legend",
                lines=[shown],
                size=LEGEND_SIZE,
                bold=bold,
                anchor="end",
                box=Box(x, result.legend_y, x + width, result.legend_y + height),
                style="hypothesis" if style == "votes" else style,
                votes=votes,
            )
        )
        x += width + 22
    return x
