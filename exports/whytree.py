"""The why-tree: the cause graph drawn top-down by Graphviz ``dot``, and as a Mermaid flowchart.

The problem is at the top, the Ishikawa categories are grouping nodes under it, and each cause sits under
what it explains, arrows pointing from a cause to its effect. A shared cause is drawn once, with an arrow to
each effect. Styles match the fishbone: verified green with ✓, rejected grey, dashed and struck through,
root causes bold in an orange frame; each cause shows its 8D path (occurrence, non-detection, systemic) and
its votes. A legend sits under the title.

Node names in the DOT and Mermaid text are ``n0``, ``n1``...: cause ids come from files and are not trusted
as syntax; every text goes through ``exports.safe``.
"""

from __future__ import annotations

import json

from exports.fishbone_layout import MAX_LABEL_CHARS, cause_style, wrap_text
from exports.graphviz import render, svg_element
from exports.safe import dot_html, one_line, shorten, strip_controls
from rca.causes import ensure_problem, problem_text
from rca.i18n import N_, _
from rca.model import PROBLEM_NODE, Case, Cause, CausePath, NodeKind

NODE_STYLES: dict[str, str] = {
    "problem": 'shape=box, style="rounded,filled", fillcolor="#FDECEA", color="#C0392B", penwidth=2.2',
    "category": 'shape=box, style="rounded,filled", fillcolor="#1F3A5F", color="#1F3A5F", penwidth=1',
    "hypothesis": 'fillcolor="#FFFFFF", color="#52606D"',
    "verified": 'fillcolor="#E8F5E9", color="#2E7D32", penwidth=2',
    "rejected": 'fillcolor="#F4F5F7", color="#A3A9B1", style="rounded,filled,dashed"',
    "root": 'fillcolor="#FFF4E6", color="#E8590C", penwidth=3',
}
TEXT_COLOURS = {
    "problem": "#7B1D1D",
    "category": "#FFFFFF",
    "hypothesis": "#1F2933",
    "verified": "#1B6E33",
    "rejected": "#8A8F98",
    "root": "#7A1F00",
}
PATH_COLOURS = {
    CausePath.OCCURRENCE: "#6741D9",
    CausePath.NON_DETECTION: "#0B7285",
    CausePath.SYSTEMIC: "#5C940D",
}

LEGEND = (
    ("hypothesis", N_("hypothesis")),
    ("verified", N_("✓ verified")),
    ("rejected", N_("rejected")),
    ("root", N_("root cause")),
)


def node_ids(case: Case) -> dict[str, str]:
    """Cause id → a DOT/Mermaid-safe node name (``n0`` is the problem)."""
    ids = {PROBLEM_NODE: "n0"}
    for node in case.causes:
        if node.id not in ids:
            ids[node.id] = f"n{len(ids)}"
    return ids


def _lines(text: str, size: float, width: float = 190, max_lines: int = 8, bold: bool = False) -> list[str]:
    return wrap_text(shorten(one_line(text), MAX_LABEL_CHARS), width, size, bold=bold, max_lines=max_lines)


def _cause_label(node: Cause, style: str) -> str:
    text = ("✓ " if style == "verified" else "") + node.text
    rows = []
    for line in _lines(text, 11, bold=style == "root"):
        cell = dot_html(line)
        if style == "rejected":
            cell = f"<S>{cell}</S>"
        if style == "root":
            cell = f"<B>{cell}</B>"
        rows.append(cell)
    body = f'<FONT COLOR="{TEXT_COLOURS[style]}">' + "<BR/>".join(rows) + "</FONT>"
    tags = []
    if node.path is not None:
        tags.append(f'<FONT COLOR="{PATH_COLOURS[node.path]}">[{dot_html(node.path.label)}]</FONT>')
    if style == "root":
        tags.append(f'<FONT COLOR="#E8590C"><B>{dot_html(_("root cause"))}</B></FONT>')
    if node.total_votes:
        tags.append(f'<FONT COLOR="#3B5BDB">● {node.total_votes}</FONT>')
    if tags:
        body += '<BR/><FONT POINT-SIZE="9">' + " ".join(tags) + "</FONT>"
    return f"<{body}>"


def _legend_table(title: str) -> str:
    cells = []
    for style, text in LEGEND:
        shown = dot_html(_(text))
        if style == "rejected":
            shown = f"<S>{shown}</S>"
        if style == "root":
            shown = f"<B>{shown}</B>"
        colours = {
            "hypothesis": ("#FFFFFF", "#52606D"),
            "verified": ("#E8F5E9", "#2E7D32"),
            "rejected": ("#F4F5F7", "#A3A9B1"),
            "root": ("#FFF4E6", "#E8590C"),
        }[style]
        cells.append(
            f'<TD BGCOLOR="{colours[0]}" COLOR="{colours[1]}" BORDER="1" CELLPADDING="4">'
            f'<FONT COLOR="{TEXT_COLOURS[style]}" POINT-SIZE="10">{shown}</FONT></TD>'
        )
    paths = " ".join(
        f'<FONT COLOR="{PATH_COLOURS[path]}">[{dot_html(path.label)}]</FONT>' for path in CausePath
    )
    cells.append(
        f'<TD BORDER="0" CELLPADDING="4"><FONT POINT-SIZE="10">{dot_html(_("8D path:"))} {paths}   '
        f'<FONT COLOR="#3B5BDB">●</FONT> {dot_html(_("votes"))}   '
        f"{dot_html(_('arrows point from a cause to its effect'))}</FONT></TD>"
    )
    title_lines = "<BR/>".join(dot_html(line) for line in wrap_text(title, 900, 16, bold=True, max_lines=3))
    return (
        f'<<TABLE BORDER="0" CELLSPACING="6"><TR><TD COLSPAN="{len(cells)}" ALIGN="LEFT">'
        f'<FONT POINT-SIZE="16"><B>{title_lines}</B></FONT></TD></TR><TR>{"".join(cells)}</TR></TABLE>>'
    )


def whytree_dot(case: Case) -> str:
    """The why-tree as DOT text (``dot -Tsvg``)."""
    work = case.model_copy(deep=True)
    ensure_problem(work)
    ids = node_ids(work)
    title = _("{diagram} — {case} {title}", diagram=_("Why-tree"), case=case.id, title=case.title)
    out = [
        "digraph whys {",
        f'  graph [id="rca_whys", rankdir=TB, bgcolor="#FFFFFF", fontname="Helvetica", nodesep=0.25, '
        f"ranksep=0.45, "
        f"pad=0.3, labelloc=t, labeljust=l, label={_legend_table(title)}];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.12,0.06"];',
        '  edge [dir=back, arrowtail=normal, arrowsize=0.6, color="#7B8794", penwidth=1.2];',
    ]
    for node in work.causes:
        name = ids[node.id]
        if node.kind is NodeKind.PROBLEM:
            text = "<BR/>".join(
                f"<B>{dot_html(line)}</B>" for line in _lines(problem_text(case), 14, 260, bold=True)
            )
            out.append(
                f"  {name} [{NODE_STYLES['problem']}, fontsize=14, "
                f'label=<<FONT COLOR="{TEXT_COLOURS["problem"]}">'
                f"{text}</FONT>>];"
            )
        elif node.kind is NodeKind.CATEGORY:
            text = "<BR/>".join(
                f"<B>{dot_html(line)}</B>" for line in _lines(node.text, 12, 200, 3, bold=True)
            )
            out.append(
                f"  {name} [{NODE_STYLES['category']}, fontsize=12, "
                f'label=<<FONT COLOR="#FFFFFF">{text}</FONT>>];'
            )
        else:
            style = cause_style(node)
            out.append(f"  {name} [{NODE_STYLES[style]}, label={_cause_label(node, style)}];")
    known = set(ids)
    lengths = _staggered_lengths(work)
    for link in work.links:
        if link.effect in known and link.cause in known:
            minlen = lengths.get((link.effect, link.cause), 1)
            out.append(
                f"  {ids[link.effect]} -> {ids[link.cause]}"
                + (f" [minlen={minlen}]" if minlen > 1 else "")
                + ";"
            )
    out.append("}")
    return "\n".join(out) + "\n"


STAGGER = 3
"""The causes of a node with more than this many are spread over this many rows (as Graphviz's
``unflatten -l`` does with leaves)."""


def _staggered_lengths(case: Case) -> dict[tuple[str, str], int]:
    """Edge lengths that put the causes of a crowded node on alternating rows, so a wide tree grows down
    instead of sideways (a why-tree with many causes per bone otherwise becomes a very long strip)."""
    kinds = {node.id: node.kind for node in case.causes}
    leaves_of: dict[str, list[str]] = {}
    for link in case.links:
        if kinds.get(link.cause) is NodeKind.CAUSE:
            leaves_of.setdefault(link.effect, []).append(link.cause)
    lengths: dict[tuple[str, str], int] = {}
    for effect, leaves in leaves_of.items():
        if len(leaves) > STAGGER:
            for index, leaf in enumerate(leaves):
                lengths[(effect, leaf)] = 1 + index % STAGGER
    return lengths


def whytree_svg(case: Case) -> str:
    """The why-tree as an ``<svg>`` element (no XML prolog), drawn by Graphviz; ``GraphvizMissing``
    without it."""
    return svg_element(render(whytree_dot(case), "svg"))


# ---------------------------------------------------------------- Mermaid

_MERMAID_CODES = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}


def mermaid_label(text: str, *, limit: int = 400) -> str:
    """User text for a quoted Mermaid label: one line, entity codes for what Mermaid or HTML would read."""
    flat = shorten(one_line(strip_controls(text)), limit)
    return "".join(_MERMAID_CODES.get(ch, ch) for ch in flat)


def mermaid_title(text: str) -> str:
    """The ``title:`` line of a Mermaid front matter: a YAML double-quoted string (JSON's escaping is YAML's)."""
    # No HTML tag may survive in a title a viewer renders: < and > become look-alikes.
    flat = shorten(one_line(strip_controls(text)), 200).replace("<", "\u2039").replace(">", "\u203a")
    return "title: " + json.dumps(flat, ensure_ascii=False)


MERMAID_CLASSES = [
    "  classDef problem fill:#FDECEA,stroke:#C0392B,stroke-width:2px,color:#7B1D1D,font-weight:bold",
    "  classDef category fill:#1F3A5F,stroke:#1F3A5F,color:#FFFFFF,font-weight:bold",
    "  classDef hypothesis fill:#FFFFFF,stroke:#52606D,color:#1F2933",
    "  classDef verified fill:#E8F5E9,stroke:#2E7D32,stroke-width:2px,color:#1B6E33",
    "  classDef rejected fill:#F4F5F7,stroke:#A3A9B1,stroke-dasharray:5 3,color:#8A8F98",
    "  classDef root fill:#FFF4E6,stroke:#E8590C,stroke-width:3px,color:#7A1F00,font-weight:bold",
]
"""Mermaid classes shared by the fishbone and the why-tree flowcharts."""


def mermaid_node_ids(case: Case) -> dict[str, str]:
    return node_ids(case)


def whytree_mermaid(case: Case) -> str:
    """The why-tree as a Mermaid flowchart, top-down; arrows from each cause to its effect."""
    work = case.model_copy(deep=True)
    ensure_problem(work)
    ids = node_ids(work)
    title = _("{diagram} — {case} {title}", diagram=_("Why-tree"), case=case.id, title=case.title)
    lines = ["---", mermaid_title(title), "---", "flowchart BT"]
    for node in work.causes:
        if node.kind is NodeKind.PROBLEM:
            lines.append(f'  {ids[node.id]}["{mermaid_label(problem_text(case))}"]:::problem')
        elif node.kind is NodeKind.CATEGORY:
            lines.append(f'  {ids[node.id]}["{mermaid_label(node.text)}"]:::category')
        else:
            prefix = "✓ " if cause_style(node) == "verified" else ""
            text = mermaid_label(prefix + node.text)
            if node.path is not None:
                text += f" [{mermaid_label(node.path.label)}]"
            if node.total_votes:
                text += f" ● {node.total_votes}"
            lines.append(f'  {ids[node.id]}["{text}"]:::{cause_style(node)}')
    for link in work.links:
        if link.effect in ids and link.cause in ids:
            lines.append(f"  {ids[link.cause]} --> {ids[link.effect]}")
    lines += MERMAID_CLASSES
    return "\n".join(lines) + "\n"
