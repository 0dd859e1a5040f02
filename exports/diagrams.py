"""Cause diagrams: the Ishikawa fishbone and the why-tree, as SVG, PNG, PDF, DOT and Mermaid.

Fishbone: laid out by ``exports.fishbone_layout`` and written as SVG directly (no Graphviz needed); PDF is
that SVG printed by WeasyPrint (no Graphviz either); DOT is the same drawing with every position pinned
(``layout=neato``), which Graphviz turns into the PNG; Mermaid has no fishbone, so ``.mmd`` is a
right-to-left flowchart with the problem on the right.
Why-tree: Graphviz ``dot``, problem at the top (see ``exports.whytree``).

For other exporters (the A3 sheet, the reports): ``fishbone_svg(case)`` and ``whytree_svg(case)`` return an
``<svg>`` element to put in a page; ``whytree_svg`` raises ``GraphvizMissing`` without Graphviz.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path

from exports.fishbone_layout import (
    BADGE,
    MAX_LABEL_CHARS,
    PAD,
    FishboneLayout,
    Label,
    Segment,
    cause_style,
    layout,
    text_width,
)
from exports.graphviz import GraphvizMissing, render
from exports.registry import ExportContext, Format, Writer, register
from exports.safe import atomic_write_bytes, dot_html, dot_label, html_attr, html_text, one_line
from exports.whytree import (
    MERMAID_CLASSES,
    mermaid_label,
    mermaid_node_ids,
    mermaid_title,
    whytree_dot,
    whytree_mermaid,
    whytree_svg,
)
from rca.causes import children, problem_text
from rca.i18n import N_, _
from rca.model import PROBLEM_NODE, Case, NodeKind

__all__ = [
    "GraphvizMissing",
    "fishbone_svg",
    "fishbone_dot",
    "fishbone_mermaid",
    "whytree_svg",
    "whytree_dot",
]

FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif"
PRINT_FONT_FAMILY = "'DejaVu Sans', Arial, 'Liberation Sans', Helvetica, sans-serif"

INK = "#1F2933"
STYLES: dict[str, dict[str, str]] = {
    "hypothesis": {"text": INK, "tick": "#52606D", "width": "1.3"},
    "verified": {"text": "#1B6E33", "tick": "#2E7D32", "width": "2"},
    "rejected": {"text": "#8A8F98", "tick": "#A3A9B1", "width": "1.2", "dash": "5 3"},
    "root": {"text": "#7A1F00", "tick": "#E8590C", "width": "2.4", "frame": "#E8590C", "fill": "#FFF4E6"},
    "ref": {"text": "#5A6472", "tick": "#9AA5B1", "width": "1.1", "dash": "2 3"},
}
"""How each kind of cause is drawn (colours also tell apart in grey print: weight, dashes, ✓, strike)."""

VOTE_COLOUR = "#3B5BDB"
CATEGORY_FILL = "#1F3A5F"
PROBLEM_FILL, PROBLEM_STROKE, PROBLEM_TEXT = "#FDECEA", "#C0392B", "#7B1D1D"


def diagram_title(case: Case, kind: str) -> str:
    return _("{diagram} — {case} {title}", diagram=kind, case=case.id, title=case.title)


# ---------------------------------------------------------------- fishbone as SVG


def _baseline(label: Label, index: int) -> float:
    return label.box.y0 + PAD + label.size * 0.98 + index * label.line_height


def _text_x(label: Label) -> float:
    if label.anchor == "middle":
        return (label.box.x0 + label.box.x1) / 2
    if label.anchor == "start":
        return label.box.x0 + PAD
    return label.box.x1 - PAD


def _svg_text(
    label: Label, fill: str, *, italic: bool = False, struck: bool = False, strike_lines: bool = False
) -> str:
    attrs = [
        f'x="{_text_x(label):.1f}"',
        f'font-size="{label.size:g}"',
        f'fill="{fill}"',
        f'text-anchor="{label.anchor}"',
    ]
    if label.bold:
        attrs.append('font-weight="bold"')
    if italic:
        attrs.append('font-style="italic"')
    if struck and not strike_lines:
        attrs.append('text-decoration="line-through"')
    spans = "".join(
        f'<tspan x="{_text_x(label):.1f}" y="{_baseline(label, i):.1f}">{html_text(line)}</tspan>'
        for i, line in enumerate(label.lines)
    )
    text = f"<text {' '.join(attrs)}>{spans}</text>"
    if struck and strike_lines:
        # Renderers without text-decoration in SVG (WeasyPrint): strike each line with a drawn line.
        for i, line in enumerate(label.lines):
            right = _text_x(label)
            y = _baseline(label, i) - label.size * 0.3
            width = text_width(line, label.size, label.bold)
            text += (
                f'<line x1="{right - width:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="{fill}" '
                f'stroke-width="1"/>'
            )
    return text


def _svg_badge(label: Label) -> str:
    cx = label.box.x0 + PAD + BADGE / 2 - 1
    cy = _baseline(label, len(label.lines) - 1) - label.size * 0.35
    return (
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="8" fill="{VOTE_COLOUR}"/>'
        f'<text x="{cx:.1f}" y="{cy + 3.5:.1f}" font-size="10" font-weight="bold" fill="#FFFFFF" '
        f'text-anchor="middle">{label.votes}</text>'
    )


def _svg_cause(label: Label, strike_lines: bool) -> str:
    style = STYLES.get(label.style, STYLES["hypothesis"])
    parts = ["<g>"]
    if label.full_text and label.role != "legend":
        parts.append(f"<title>{html_text(label.full_text)}</title>")
    if "frame" in style:
        b = label.box
        parts.append(
            f'<rect x="{b.x0:.1f}" y="{b.y0:.1f}" width="{b.x1 - b.x0:.1f}" height="{b.y1 - b.y0:.1f}" '
            f'rx="3" fill="{style["fill"]}" stroke="{style["frame"]}" stroke-width="1.6"/>'
        )
    if label.role == "legend":
        dash = f' stroke-dasharray="{style["dash"]}"' if "dash" in style else ""
        parts.append(
            f'<line x1="{label.box.x0:.1f}" y1="{label.box.y1:.1f}" x2="{label.box.x1:.1f}" '
            f'y2="{label.box.y1:.1f}" stroke="{style["tick"]}" stroke-width="{style["width"]}"{dash}/>'
        )
    parts.append(
        _svg_text(
            label,
            style["text"],
            italic=label.style == "ref",
            struck=label.style == "rejected",
            strike_lines=strike_lines,
        )
    )
    if label.votes:
        parts.append(_svg_badge(label))
    parts.append("</g>")
    return "".join(parts)


def _svg_boxed(label: Label, fill: str, stroke: str, text: str, radius: int) -> str:
    b = label.box
    stroke_attr = f' stroke="{stroke}" stroke-width="2"' if stroke else ""
    return (
        f"<g><title>{html_text(label.full_text)}</title>"
        f'<rect x="{b.x0:.1f}" y="{b.y0:.1f}" width="{b.x1 - b.x0:.1f}" height="{b.y1 - b.y0:.1f}" '
        f'rx="{radius}" fill="{fill}"{stroke_attr}/>' + _svg_text(_centred(label), text) + "</g>"
    )


def _centred(label: Label) -> Label:
    """The label with its lines centred vertically in its box (boxes have more padding than causes)."""
    inner = len(label.lines) * label.line_height
    offset = (label.box.y1 - label.box.y0 - inner) / 2 - PAD
    return Label(**{**label.__dict__, "box": label.box.moved(0, offset)})


def _svg_segment(seg: Segment) -> str:
    if seg.role == "spine":
        return (
            f'<line x1="{seg.x1:.1f}" y1="{seg.y1:.1f}" x2="{seg.x2 - 12:.1f}" y2="{seg.y2:.1f}" '
            f'stroke="{INK}" stroke-width="4" stroke-linecap="round"/>'
            f'<polygon points="{seg.x2 - 16:.1f},{seg.y2 - 8:.1f} {seg.x2:.1f},{seg.y2:.1f} '
            f'{seg.x2 - 16:.1f},{seg.y2 + 8:.1f}" fill="{INK}"/>'
        )
    if seg.role == "bone":
        colour, width, dash = "#34495E", "2.6", ""
    elif seg.role == "branch":
        colour, width, dash = "#7B8794", "1.3", ""
    else:
        style = STYLES.get(seg.style, STYLES["hypothesis"])
        colour, width = style["tick"], style["width"]
        dash = f' stroke-dasharray="{style["dash"]}"' if "dash" in style else ""
    return (
        f'<line x1="{seg.x1:.1f}" y1="{seg.y1:.1f}" x2="{seg.x2:.1f}" y2="{seg.y2:.1f}" '
        f'stroke="{colour}" stroke-width="{width}" stroke-linecap="round"{dash}/>'
    )


def fishbone_layout(case: Case) -> FishboneLayout:
    return layout(case, diagram_title(case, _("Ishikawa diagram")))


def fishbone_svg(case: Case, drawing: FishboneLayout | None = None, *, for_print: bool = False) -> str:
    """The fishbone as an ``<svg>`` element (no XML prolog): for a file, or to put inside an HTML page.

    It uses presentation attributes only (no ``<style>``, no ids), so it cannot restyle the page around it.
    ``for_print=True`` is for WeasyPrint (PDF, and the A3 sheet's PDF): the font the layout was measured with
    comes first, and rejected causes are struck with drawn lines (WeasyPrint ignores SVG text-decoration).
    """
    drawing = drawing or fishbone_layout(case)
    w, h = drawing.width, drawing.height
    fonts = PRINT_FONT_FAMILY if for_print else FONT_FAMILY
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0f}" height="{h:.0f}" '
        f'viewBox="0 0 {w:.0f} {h:.0f}" '
        f'font-family="{html_attr(fonts)}" role="img" aria-label="{html_attr(drawing.title)}">',
        f"<title>{html_text(drawing.title)}</title>",
        f'<rect x="0" y="0" width="{w:.0f}" height="{h:.0f}" fill="#FFFFFF"/>',
    ]
    out += [_svg_segment(seg) for seg in drawing.segments]
    for label in drawing.labels:
        if label.role == "category":
            out.append(_svg_boxed(label, CATEGORY_FILL, "", "#FFFFFF", 4))
        elif label.role == "problem":
            out.append(_svg_boxed(label, PROBLEM_FILL, PROBLEM_STROKE, PROBLEM_TEXT, 6))
        elif label.role == "title" or label.style == "title":
            out.append(_svg_text(label, INK))
        else:
            out.append(_svg_cause(label, strike_lines=for_print))
    out.append("</svg>")
    return "\n".join(out)


def fishbone_svg_document(case: Case) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + fishbone_svg(case) + "\n").encode("utf-8")


# ---------------------------------------------------------------- fishbone as pinned DOT (Graphviz draws PNG)


def _pt(value: float) -> str:
    return f"{value:.1f}"


def _dot_label_html(label: Label, colour: str, *, struck: bool = False, italic: bool = False) -> str:
    align = {"end": "RIGHT", "middle": "CENTER", "start": "LEFT"}[label.anchor]
    lines = []
    for line in label.lines:
        text = dot_html(line)
        if struck:
            text = f"<S>{text}</S>"
        if italic:
            text = f"<I>{text}</I>"
        if label.bold:
            text = f"<B>{text}</B>"
        lines.append(text)
    body = f'<BR ALIGN="{align}"/>'.join(lines) + f'<BR ALIGN="{align}"/>'
    room = BADGE if label.votes else 0
    width = max(1, round(label.box.x1 - label.box.x0 - room))
    height = max(1, round(label.box.y1 - label.box.y0))
    badge_room = f'<TD FIXEDSIZE="TRUE" WIDTH="{room:.0f}" HEIGHT="{height}"> </TD>' if label.votes else ""
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>{badge_room}'
        f'<TD FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}" ALIGN="{align}" BALIGN="{align}">'
        f'<FONT POINT-SIZE="{label.size:g}" COLOR="{colour}">{body}</FONT></TD></TR></TABLE>>'
    )


def fishbone_dot(case: Case, drawing: FishboneLayout | None = None) -> str:
    """The fishbone as DOT text with every position pinned: ``dot -Tpng fishbone.dot`` draws it as laid out
    (the file asks for the ``neato`` engine, which keeps pinned positions)."""
    drawing = drawing or fishbone_layout(case)
    height = drawing.height

    def pos(x: float, y: float) -> str:
        return f'"{_pt(x)},{_pt(height - y)}!"'

    out = [
        "// " + one_line(_("Ishikawa diagram laid out by rca: every position is pinned.")),
        "// " + one_line(_("Draw it with: dot -Tpng fishbone.dot -o fishbone.png")),
        "graph fishbone {",
        f"  graph [layout=neato, inputscale=72, splines=line, overlap=true, outputorder=edgesfirst, "
        f'bgcolor="#FFFFFF", pad=0.25, comment={dot_label(drawing.title)}];',
        '  node [shape=plaintext, fixedsize=true, fontname="Helvetica", label="", margin=0];',
        "  edge [penwidth=1.3];",
    ]
    points = 0

    def line(x1: float, y1: float, x2: float, y2: float, attrs: str) -> None:
        nonlocal points
        a, b = f"p{points}", f"p{points + 1}"
        points += 2
        for name, x, y in ((a, x1, y1), (b, x2, y2)):
            out.append(f"  {name} [shape=point, width=0.01, height=0.01, style=invis, pos={pos(x, y)}];")
        out.append(f"  {a} -- {b} [{attrs}];")

    for seg in drawing.segments:
        if seg.role == "spine":
            line(seg.x1, seg.y1, seg.x2, seg.y2, f'color="{INK}", penwidth=4')
            continue
        if seg.role == "bone":
            attrs = 'color="#34495E", penwidth=2.6'
        elif seg.role == "branch":
            attrs = 'color="#7B8794", penwidth=1.3'
        else:
            style = STYLES.get(seg.style, STYLES["hypothesis"])
            attrs = f'color="{style["tick"]}", penwidth={style["width"]}'
            if "dash" in style:
                attrs += ", style=dashed"
        line(seg.x1, seg.y1, seg.x2, seg.y2, attrs)
    for index, label in enumerate(drawing.labels):
        b = label.box
        cx, cy = (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2
        size = f"width={(b.x1 - b.x0) / 72:.3f}, height={(b.y1 - b.y0) / 72:.3f}"
        name = f"t{index}"
        if label.role in ("category", "problem"):
            fill, stroke, colour = (
                (CATEGORY_FILL, CATEGORY_FILL, "#FFFFFF")
                if label.role == "category"
                else (PROBLEM_FILL, PROBLEM_STROKE, PROBLEM_TEXT)
            )
            body = "<BR/>".join(f"<B>{dot_html(text)}</B>" for text in label.lines)
            out.append(
                f'  {name} [shape=box, style="filled,rounded", fillcolor="{fill}", color="{stroke}", '
                f'penwidth=2, {size}, pos={pos(cx, cy)}, fontsize={label.size:g}, fontcolor="{colour}", '
                f"label=<{body}>];"
            )
            continue
        style = STYLES.get(label.style, STYLES["hypothesis"])
        colour = INK if label.role == "title" or label.style == "title" else style["text"]
        html = _dot_label_html(label, colour, struck=label.style == "rejected", italic=label.style == "ref")
        extra = ""
        if "frame" in style and label.role != "title":
            extra = (
                f', shape=box, style="rounded,filled", color="{style["frame"]}", fillcolor="{style["fill"]}"'
            )
        out.append(f"  {name} [{size}, pos={pos(cx, cy)}, label={html}{extra}];")
        if label.role == "legend" and label.style != "title":
            attrs = f'color="{style["tick"]}", penwidth={style["width"]}' + (
                ", style=dashed" if "dash" in style else ""
            )
            line(b.x0, b.y1, b.x1, b.y1, attrs)
        if label.votes:
            bx = b.x0 + BADGE / 2 - 2
            by = (
                b.y0
                + PAD
                + label.size * 0.98
                + (len(label.lines) - 1) * label.line_height
                - label.size * 0.35
            )
            out.append(
                f'  v{index} [shape=circle, style=filled, fillcolor="{VOTE_COLOUR}", color="{VOTE_COLOUR}", '
                f'width=0.22, height=0.22, fontsize=8, fontcolor="#FFFFFF", fontname="Helvetica-Bold", '
                f'label="{label.votes}", pos={pos(bx, by)}];'
            )
    out.append("}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- fishbone as Mermaid


def fishbone_mermaid(case: Case) -> str:
    """A Mermaid flowchart, right to left: the problem on the right, the categories, then their causes."""
    ids = mermaid_node_ids(case)
    lines = [
        "---",
        mermaid_title(diagram_title(case, _("Ishikawa diagram"))),
        "---",
        "flowchart RL",
    ]
    lines.append(f'  {ids[PROBLEM_NODE]}["{mermaid_label(problem_text(case))}"]:::problem')
    seen: set[tuple[str, str]] = set()
    order = [PROBLEM_NODE]
    visited = {PROBLEM_NODE}
    while order:
        parent = order.pop(0)
        for node in children(case, parent):
            if (parent, node.id) in seen or node.id not in ids:
                continue
            seen.add((parent, node.id))
            if node.id not in visited:
                visited.add(node.id)
                order.append(node.id)
                klass = "category" if node.kind is NodeKind.CATEGORY else cause_style(node)
                lines.append(f'  {ids[node.id]}["{mermaid_label(node.text)}"]:::{klass}')
            lines.append(f"  {ids[parent]} --- {ids[node.id]}")
    lines += MERMAID_CLASSES
    return "\n".join(lines) + "\n"


# ------------------------------------------------------- PDF through WeasyPrint, PNG through Graphviz


def svg_to_pdf(svg: str, width: float, height: float) -> bytes:
    """A one-page PDF, the size of the drawing, of an SVG (WeasyPrint: no Graphviz needed)."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><style>"
        f"@page {{ size: {width:.0f}px {height:.0f}px; "
        f"margin: 0 }} html, body {{ margin: 0; padding: 0 }} img {{ display: block; width: {width:.0f}px; "
        f"height: {height:.0f}px }}</style></head><body><img src='data:image/svg+xml;base64,{data}' alt=''>"
        f"</body></html>"
    )
    return bytes(HTML(string=page).write_pdf())


def _png_dpi(width: float, height: float) -> int:
    """Sharp on screens, but never a picture more than about 9,000 pixels wide or tall."""
    return max(36, min(144, int(9000 * 72 / max(width, height, 1))))


def write_fishbone_svg(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(path, fishbone_svg_document(case))


def write_fishbone_pdf(case: Case, path: Path, ctx: ExportContext) -> None:
    drawing = fishbone_layout(case)
    atomic_write_bytes(
        path, svg_to_pdf(fishbone_svg(case, drawing, for_print=True), drawing.width, drawing.height)
    )


def write_fishbone_png(case: Case, path: Path, ctx: ExportContext) -> None:
    drawing = fishbone_layout(case)
    dot = fishbone_dot(case, drawing).replace(
        "graph [", f"graph [dpi={_png_dpi(drawing.width, drawing.height)}, ", 1
    )
    atomic_write_bytes(path, render(dot, "png"))


def write_fishbone_dot(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(path, fishbone_dot(case).encode("utf-8"))


def write_fishbone_mmd(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(path, fishbone_mermaid(case).encode("utf-8"))


# ---------------------------------------------------------------- why-tree writers


def _whys_rendered(fmt: str) -> Writer:
    def write(case: Case, path: Path, ctx: ExportContext) -> None:
        atomic_write_bytes(path, render(whytree_dot(case), fmt))

    return write


def write_whys_svg(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(
        path, ('<?xml version="1.0" encoding="UTF-8"?>\n' + whytree_svg(case) + "\n").encode("utf-8")
    )


def write_whys_dot(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(path, whytree_dot(case).encode("utf-8"))


def write_whys_mmd(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(path, whytree_mermaid(case).encode("utf-8"))


def _needs_dot(writer: Writer) -> Writer:
    """Check for Graphviz before any work, so the message is the install hint and nothing is written."""

    def write(case: Case, path: Path, ctx: ExportContext) -> None:
        from exports import registry

        if not registry.dot_available():
            raise GraphvizMissing()
        writer(case, path, ctx)

    write.__doc__ = writer.__doc__
    return write


def _noting_long_texts(writer: Writer) -> Writer:
    """Pictures shorten very long cause texts (the full text stays in the case and in SVG tooltips):
    say so."""

    def write(case: Case, path: Path, ctx: ExportContext) -> None:
        writer(case, path, ctx)
        if any(
            len(one_line(node.text)) > MAX_LABEL_CHARS for node in case.causes if node.kind is NodeKind.CAUSE
        ):
            ctx.warn(
                _(
                    "some cause texts are longer than {limit} characters and were shortened on the diagram; "
                    "the full texts are in the case",
                    limit=MAX_LABEL_CHARS,
                )
            )

    write.__doc__ = writer.__doc__
    return write


def _picture(writer: Writer, *, dot: bool = False) -> Writer:
    return _noting_long_texts(_needs_dot(writer) if dot else writer)


for _fmt in (
    Format("fishbone", ".svg", N_("Ishikawa diagram (SVG picture)"), _picture(write_fishbone_svg)),
    Format("fishbone", ".pdf", N_("Ishikawa diagram (PDF)"), _picture(write_fishbone_pdf)),
    Format(
        "fishbone",
        ".png",
        N_("Ishikawa diagram (PNG picture)"),
        _picture(write_fishbone_png, dot=True),
        needs_dot=True,
    ),
    Format("fishbone", ".dot", N_("Ishikawa diagram (Graphviz DOT, positions pinned)"), write_fishbone_dot),
    Format("fishbone", ".mmd", N_("Ishikawa diagram as a Mermaid flowchart"), write_fishbone_mmd),
    Format("whys", ".svg", N_("why-tree (SVG picture)"), _picture(write_whys_svg, dot=True), needs_dot=True),
    Format(
        "whys",
        ".png",
        N_("why-tree (PNG picture)"),
        _picture(_whys_rendered("png"), dot=True),
        needs_dot=True,
    ),
    Format("whys", ".pdf", N_("why-tree (PDF)"), _picture(_whys_rendered("pdf"), dot=True), needs_dot=True),
    Format("whys", ".dot", N_("why-tree (Graphviz DOT)"), write_whys_dot),
    Format("whys", ".mmd", N_("why-tree as a Mermaid flowchart"), write_whys_mmd),
):
    register(_fmt)
