"""Shared machinery of the printed exports (A3 sheet, reports): one document, three formats.

An export builds a small format-neutral document once — ``Section``s holding blocks (``Rich`` user text,
``Fields``, ``Table``, ``Figure``, ``Notice``...) — and ``to_html`` / ``to_markdown`` render those same
blocks, so the HTML, the PDF (WeasyPrint over the HTML) and the Markdown always say the same thing.

Safety, in one place:

- user text reaches HTML escaped (``exports.safe.html_text``) or through markdown-it with raw HTML off,
  images off and only ``http(s):`` / ``mailto:`` links (``markdown_html``);
- it reaches Markdown escaped (``md_cell``) or as Markdown whose raw HTML, images and unsafe links are
  neutralised (``markdown_source``);
- SVG drawings from ``exports.diagrams`` are checked before they are inlined (``checked_svg``);
- WeasyPrint fetches nothing but ``data:`` URLs, so a document never reaches the network or the disk;
- the HTML carries a Content-Security-Policy that forbids scripts, a second fence behind the escaping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from string import Template
from typing import Any, Protocol

from markdown_it import MarkdownIt

from exports.safe import html_lines, html_text, one_line, strip_controls
from rca.i18n import _, format_date, format_number, language
from rca.model import Indicator

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
       "script-src 'none'; form-action 'none'; base-uri 'none'")
"""The HTML exports' Content-Security-Policy: no script, no fetch, whatever slipped through."""

# ---------------------------------------------------------------- user text


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://", "mailto:"))


@cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.disable("image")  # an A3 never pulls pictures from elsewhere; the link text stays
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


def markdown_html(text: str) -> str:
    """User Markdown as HTML: raw HTML shown as text, no images, only http(s) and mailto links."""
    return _markdown().render(strip_controls(text)).strip()


_UNSAFE_INLINE_LINK = re.compile(r"\]\((?!\s*<?\s*(?:https?:|mailto:))", re.IGNORECASE)
_UNSAFE_REFERENCE = re.compile(r"^( {0,3})\[(?=[^\]\n]*\]:(?!\s*<?\s*(?:https?:|mailto:)))", re.IGNORECASE | re.MULTILINE)


def markdown_source(text: str) -> str:
    """User Markdown for a Markdown file: its lists and emphasis kept, raw HTML and autolinks shown as text,
    images turned into plain links, links to anything but http(s) or mailto shown as text."""
    source = strip_controls(text).strip("\n")
    source = source.replace("<", "\\<").replace("![", "!\\[")
    source = _UNSAFE_INLINE_LINK.sub("\\](", source)
    return _UNSAFE_REFERENCE.sub(r"\1\\[", source)


_MD_MARKUP = re.compile(r"([\\`*_\[\]<>#|~&])")
_MD_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def md_plain(text: str) -> str:
    """Text that a Markdown reader shows as written: only what Markdown would take for markup is escaped
    (emphasis, code, links, raw HTML, entities, tables, headings, list starts), so the file stays readable
    as plain text too ("Follow-up", "C-12", "2026-03-20" stay as they are; ``safe.md_text`` escapes all
    punctuation, which is as safe but hard to read raw)."""
    lines = strip_controls(text).replace("\t", " ").split("\n")
    escaped = (_MD_MARKUP.sub(r"\\\1", line.lstrip(" ")) for line in lines)
    return "\n".join(_MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)
                     for line in escaped)


def md_cell(text: str) -> str:
    """``md_plain`` on one line, for a table cell (a newline would end the row; pipes are escaped)."""
    return md_plain(one_line(text))


def has_text(value: str | None) -> bool:
    return bool(value and strip_controls(value).strip())


# ---------------------------------------------------------------- inline values (table cells)


@dataclass(frozen=True)
class Pill:
    """A small status label (done, late, verified...): ``tone`` is ok, warn, bad, info or muted."""

    text: str
    tone: str = "muted"

    def html(self) -> str:
        return f'<span class="pill {self.tone}">{html_text(self.text)}</span>'

    def markdown(self) -> str:
        return f"**{md_cell(self.text)}**" if self.text.strip() else ""


@dataclass(frozen=True)
class Quiet:
    """Secondary text (an id, a date under a title), set smaller and grey."""

    text: str

    def html(self) -> str:
        return f'<span class="quiet">{html_lines(self.text)}</span>'

    def markdown(self) -> str:
        return md_cell(self.text)


@dataclass(frozen=True)
class Rich:
    """User text written in Markdown (a block on its own, or a table cell)."""

    text: str

    def html(self) -> str:
        return f'<div class="rich" dir="auto">{markdown_html(self.text)}</div>' if has_text(self.text) else ""

    def markdown(self) -> str:
        return markdown_source(self.text)

    def cell_markdown(self) -> str:
        return md_cell(self.text)


@dataclass(frozen=True)
class Inline:
    """Values shown one after the other on a line."""

    parts: tuple[Cell, ...]


@dataclass(frozen=True)
class Stack:
    """Values shown one under the other."""

    parts: tuple[Cell, ...]


Cell = str | Pill | Quiet | Rich | Inline | Stack
"""What a table cell (or a list item) holds; a ``str`` is plain text."""


def cell_html(value: Cell) -> str:
    if isinstance(value, str):
        return html_lines(value)
    if isinstance(value, Rich):
        return markdown_html(value.text)
    if isinstance(value, Inline):
        return " ".join(cell_html(part) for part in value.parts if part)
    if isinstance(value, Stack):
        return "".join(f'<div class="line">{cell_html(part)}</div>' for part in value.parts if part)
    return value.html()


def cell_markdown(value: Cell) -> str:
    if isinstance(value, str):
        return md_cell(value)
    if isinstance(value, Rich):
        return value.cell_markdown()
    if isinstance(value, Inline):
        return " ".join(text for part in value.parts if part and (text := cell_markdown(part)))
    if isinstance(value, Stack):
        return " · ".join(text for part in value.parts if part and (text := cell_markdown(part)))
    return value.markdown()


# ---------------------------------------------------------------- blocks


class Block(Protocol):
    """Anything a section holds: it renders itself as HTML and as Markdown."""

    def html(self) -> str: ...

    def markdown(self) -> str: ...


@dataclass(frozen=True)
class Paragraph:
    """A short text of ours (not the user's), e.g. "No action yet."; ``cls`` styles it."""

    text: str
    cls: str = ""

    def html(self) -> str:
        return f'<p class="{self.cls}">{html_lines(self.text)}</p>'

    def markdown(self) -> str:
        text = md_plain(self.text)
        return f"*{text}*" if "muted" in self.cls else text


@dataclass(frozen=True)
class Notice:
    """A framed note: a placeholder, a warning, a continuation mark (``tone`` as for ``Pill``)."""

    text: str
    tone: str = "muted"
    detail: str = ""

    def html(self) -> str:
        detail = f'<div class="detail">{html_lines(self.detail)}</div>' if self.detail else ""
        return f'<div class="notice {self.tone}"><strong>{html_lines(self.text)}</strong>{detail}</div>'

    def markdown(self) -> str:
        detail = f" {md_plain(self.detail)}" if self.detail else ""
        return f"> **{md_plain(self.text)}**{detail}"


@dataclass(frozen=True)
class Fields:
    """Labelled user texts (a step's fields): the label small, the text rendered from Markdown."""

    items: tuple[tuple[str, str], ...]

    def html(self) -> str:
        rows = "".join(
            f'<div class="field"><div class="label">{html_text(label)}</div>{Rich(text).html()}</div>'
            for label, text in self.items
        )
        return f'<div class="fields">{rows}</div>'

    def markdown(self) -> str:
        return "\n\n".join(f"**{md_plain(label)}**\n\n{markdown_source(text)}" for label, text in self.items)


@dataclass(frozen=True)
class Facts:
    """Short labelled values (5W2H, a signoff): two columns, labels on the left."""

    items: tuple[tuple[str, Cell], ...]
    cls: str = ""

    def html(self) -> str:
        rows = "".join(f"<tr><th>{html_text(label)}</th><td>{cell_html(value)}</td></tr>"
                       for label, value in self.items)
        return f'<table class="facts {self.cls}"><tbody>{rows}</tbody></table>'

    def markdown(self) -> str:
        return "\n".join(f"- **{md_cell(_('{label}:', label=label))}** {cell_markdown(value)}"
                         for label, value in self.items)


@dataclass(frozen=True)
class Table:
    """A table with a header row; ``widths`` are percentages of the row (optional)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...] = ()
    cls: str = ""

    def html(self) -> str:
        cols = "".join(f'<col style="width:{w}%">' for w in self.widths)
        head = "".join(f"<th>{html_text(h)}</th>" for h in self.headers)
        body = "".join("<tr>" + "".join(f"<td>{cell_html(c)}</td>" for c in row) + "</tr>" for row in self.rows)
        colgroup = f"<colgroup>{cols}</colgroup>" if cols else ""
        return f'<table class="grid {self.cls}">{colgroup}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    def markdown(self) -> str:
        lines = ["| " + " | ".join(md_cell(h) for h in self.headers) + " |",
                 "|" + "|".join("---" for _h in self.headers) + "|"]
        lines += ["| " + " | ".join(cell_markdown(c) or " " for c in row) + " |" for row in self.rows]
        return "\n".join(lines)


@dataclass(frozen=True)
class Bullets:
    items: tuple[Cell, ...]
    cls: str = ""

    def html(self) -> str:
        items = "".join(f"<li>{cell_html(item)}</li>" for item in self.items)
        return f'<ul class="{self.cls}">{items}</ul>'

    def markdown(self) -> str:
        return "\n".join(f"- {cell_markdown(item)}" for item in self.items)


@dataclass(frozen=True)
class TreeItem:
    value: Cell
    children: tuple[TreeItem, ...] = ()


@dataclass(frozen=True)
class Tree:
    """A nested list (a cause tree, for the Markdown reader who has no drawing)."""

    items: tuple[TreeItem, ...]

    def html(self) -> str:
        def branch(items: tuple[TreeItem, ...]) -> str:
            return '<ul class="tree">' + "".join(
                f"<li>{cell_html(item.value)}{branch(item.children) if item.children else ''}</li>"
                for item in items) + "</ul>"

        return branch(self.items)

    def markdown(self) -> str:
        lines: list[str] = []

        def branch(items: tuple[TreeItem, ...], depth: int) -> None:
            for item in items:
                lines.append(f"{'  ' * depth}- {cell_markdown(item.value)}")
                branch(item.children, depth + 1)

        branch(self.items, 0)
        return "\n".join(lines)


@dataclass(frozen=True)
class Figure:
    """A drawing (inline SVG, already checked) with a caption; Markdown shows ``alt`` instead."""

    svg: str
    caption: str = ""
    alt: tuple[Block, ...] = ()
    cls: str = ""

    def html(self) -> str:
        caption = f"<figcaption>{html_text(self.caption)}</figcaption>" if self.caption else ""
        return f'<figure class="{self.cls}">{self.svg}{caption}</figure>'

    def markdown(self) -> str:
        head = f"*{md_plain(self.caption)}*" if self.caption else ""
        return "\n\n".join(part for part in (head, to_markdown(self.alt)) if part)


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section."""

    text: str
    level: int = 3

    def html(self) -> str:
        return f"<h{self.level}>{html_text(self.text)}</h{self.level}>"

    def markdown(self) -> str:
        return f"{'#' * self.level} {md_plain(self.text)}"


@dataclass(frozen=True)
class Group:
    """Blocks kept together in one styled ``div`` (side by side, framed...)."""

    blocks: tuple[Block, ...]
    cls: str = ""

    def html(self) -> str:
        return f'<div class="{self.cls}">{to_html(self.blocks)}</div>'

    def markdown(self) -> str:
        return to_markdown(self.blocks)


@dataclass(frozen=True)
class Section:
    """A numbered box (A3) or a chapter (report): its title and blocks; empty, it says so."""

    title: str
    blocks: tuple[Block, ...]
    number: str = ""
    cls: str = ""
    level: int = 2
    empty: str = ""
    """What to say when there are no blocks (default: "Not recorded yet.")."""

    def _body(self) -> tuple[Block, ...]:
        return self.blocks or (Paragraph(self.empty or _("Not recorded yet."), "muted"),)

    def html(self) -> str:
        number = f'<span class="num">{html_text(self.number)}</span> ' if self.number else ""
        return (f'<section class="box {self.cls}"><h{self.level} class="box-title">{number}'
                f'{html_text(self.title)}</h{self.level}><div class="body">{to_html(self._body())}</div></section>')

    def markdown(self) -> str:
        number = f"{md_plain(self.number)} " if self.number else ""
        return f"{'#' * self.level} {number}{md_plain(self.title)}\n\n{to_markdown(self._body())}"


def to_html(blocks: Iterable[Block]) -> str:
    return "".join(block.html() for block in blocks)


def to_markdown(blocks: Iterable[Block]) -> str:
    return "\n\n".join(text for block in blocks if (text := block.markdown().strip("\n")))


# ---------------------------------------------------------------- drawings from elsewhere


class _SvgCheck(HTMLParser):
    """Finds anything live in an SVG: scripts, foreign HTML, event handlers, links out of the drawing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "foreignobject", "iframe", "object", "embed", "image"):
            self.live.append(tag)
        for key, value in attrs:
            if key.startswith("on") or (key.endswith("href") and not (value or "").startswith("#")):
                self.live.append(f"{tag}@{key}")
            if key == "style" and "url(" in (value or "").lower():
                self.live.append(f"{tag}@style")


_SVG_START = re.compile(r"<svg[\s>]", re.IGNORECASE)


def checked_svg(svg: str) -> str | None:
    """The ``<svg>`` element of a drawing, ready to inline; ``None`` if anything in it could run or fetch."""
    start = _SVG_START.search(svg)
    end = svg.lower().rfind("</svg>")
    if start is None or end < 0:
        return None
    element = svg[start.start():end + len("</svg>")]
    check = _SvgCheck()
    check.feed(element)
    check.close()
    return None if check.live else element


# ---------------------------------------------------------------- the indicator chart


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(1, ticks)
    power = 10.0 ** _floor_log10(raw)
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _floor_log10(value: float) -> int:
    exponent = 0
    value = abs(value) or 1.0
    while value >= 10:
        value /= 10
        exponent += 1
    while value < 1:
        value *= 10
        exponent -= 1
    return exponent


def _y_range(values: Sequence[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    if high - low < 1e-9:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = _nice_step(high - low)
    low = step * (low // step)
    high = step * -(-high // step)
    if low < 0 <= min(values):
        low = 0.0
    return low, high, step


_FONT = "Liberation Sans, Arial, DejaVu Sans, sans-serif"
_LOOK = {  # presentation attributes: an inline SVG does not see the page's style sheet in WeasyPrint
    "grid": 'stroke="#e4e8ec" stroke-width="1"',
    "axis": 'stroke="#8a96a3" stroke-width="1"',
    "tick": 'fill="#52606d" font-size="10"',
    "unit": 'fill="#52606d" font-size="10" font-style="italic"',
    "series": 'fill="none" stroke="#1d3d5c" stroke-width="2" stroke-linejoin="round"',
    "pt": 'fill="#1d3d5c" stroke="#ffffff" stroke-width="1"',
    "pt-ok": 'fill="#1e8a43" stroke="#ffffff" stroke-width="1"',
    "target": 'stroke="#1e8a43" stroke-width="1.6" stroke-dasharray="6 4"',
    "goal": 'fill="#1e8a43"',
    "baseline": 'stroke="#9aa5b1" stroke-width="1.2" stroke-dasharray="2 3"',
    "ref": 'fill="#52606d" font-size="10"',
    "target-label": 'fill="#1e6b34" font-size="10" font-weight="bold"',
    "phase-rule": 'stroke="#b8c0c8" stroke-width="1" stroke-dasharray="3 3"',
    "phase": 'fill="#7b8794" font-size="9" letter-spacing="0.5"',
}


def indicator_chart_svg(indicator: Indicator, *, width: int = 640, height: int = 210) -> str | None:
    """A line chart of an indicator's measurements against its target (dates on x); ``None`` without data.

    Points that reach the target are green, the others dark; a dashed line marks the target, a dotted one
    the baseline, and a thin vertical rule each change of phase (baseline → improve → control).
    """
    points = sorted(indicator.measurements, key=lambda m: m.on)
    if not points:
        return None
    phased = any(p.phase for p in points)
    left, right, top, bottom = 54, 96, 28 if phased else 16, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    days = [p.on.toordinal() for p in points]
    if indicator.target_date is not None:
        days.append(indicator.target_date.toordinal())
    first, last = min(days), max(days)
    if last == first:
        first, last = first - 1, last + 1
    values = [p.value for p in points]
    refs = [v for v in (indicator.target, indicator.baseline) if v is not None]
    low, high, step = _y_range(values + refs)

    def x(day: int) -> float:
        return left + (day - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="{html_text(indicator.name)}" font-family="{_FONT}" font-size="11">']
    tick = low
    while tick <= high + step / 1000:
        ty = y(tick)
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" {_LOOK["grid"]}/>'
                   f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" {_LOOK["tick"]}>'
                   f"{html_text(format_number(round(tick, 6), 2))}</text>")
        tick += step
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" {_LOOK["axis"]}/>'
               f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" {_LOOK["axis"]}/>')
    out += _phase_marks(points, x, top, plot_h)
    out += _date_ticks([p.on for p in points] + ([indicator.target_date] if indicator.target_date else []),
                       x, top + plot_h)
    if indicator.baseline is not None:
        by = y(indicator.baseline)
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{by:.1f}" y2="{by:.1f}" {_LOOK["baseline"]}/>'
                   f'<text x="{left + plot_w + 6}" y="{by + 4:.1f}" {_LOOK["ref"]}>'
                   f"{html_text(_('Baseline {value}', value=format_number(indicator.baseline, 2)))}</text>")
    if indicator.target is not None:
        gy = y(indicator.target)
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{gy:.1f}" y2="{gy:.1f}" {_LOOK["target"]}/>'
                   f'<text x="{left + plot_w + 6}" y="{gy + 4:.1f}" {_LOOK["target-label"]}>'
                   f"{html_text(_('Target {value}', value=format_number(indicator.target, 2)))}</text>")
        if indicator.target_date is not None:
            tx = x(indicator.target_date.toordinal())
            out.append(f'<path d="M{tx:.1f} {gy - 6:.1f} l6 6 l-6 6 l-6 -6 z" {_LOOK["goal"]}/>')
    coords = [(x(p.on.toordinal()), y(p.value)) for p in points]
    out.append(f'<polyline {_LOOK["series"]} points="' + " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords) + '"/>')
    for (cx, cy), point in zip(coords, points, strict=True):
        good = indicator.meets_target(point.value)
        out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.2" {_LOOK["pt-ok" if good else "pt"]}/>')
    unit = f" ({html_text(indicator.unit)})" if indicator.unit else ""
    out.append(f'<text x="{left}" y="11" {_LOOK["unit"]}>{html_text(indicator.better.label)}{unit}</text>')
    out.append("</svg>")
    return "".join(out)


def _date_ticks(days: list[date], x: Callable[[int], float], axis_y: float) -> list[str]:
    unique = sorted(set(days))
    shown = max(2, min(6, len(unique)))
    picks = sorted({unique[round(i * (len(unique) - 1) / (shown - 1))] for i in range(shown)}) if len(unique) > 1 \
        else unique
    marks: list[str] = []
    last_x = -1e9
    for day in picks:
        tx = x(day.toordinal())
        if tx - last_x < 70 and day is not picks[-1]:
            continue
        if marks and tx - last_x < 70:
            marks.pop()
        last_x = tx
        marks.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{axis_y}" y2="{axis_y + 4}" {_LOOK["axis"]}/>'
                     f'<text x="{tx:.1f}" y="{axis_y + 16}" text-anchor="middle" {_LOOK["tick"]}>'
                     f"{html_text(format_date(day))}</text>")
    return marks


def _phase_marks(points: Sequence[Any], x: Callable[[int], float], top: float, plot_h: float) -> list[str]:
    """A dashed rule where the phase changes, and each phase's name above the plot from where it starts
    (a name that would run into the next one moves right, or is left out when its phase is too short)."""
    starts: list[tuple[float, str]] = []
    marks: list[str] = []
    previous = ""
    for index, point in enumerate(points):
        if not point.phase or point.phase == previous:
            continue
        if index == 0:
            start = x(point.on.toordinal())
        else:
            start = (x(points[index - 1].on.toordinal()) + x(point.on.toordinal())) / 2
            marks.append(f'<line x1="{start:.1f}" x2="{start:.1f}" y1="{top}" y2="{top + plot_h}" '
                         f'{_LOOK["phase-rule"]}/>')
        starts.append((start, one_line(point.phase)))
        previous = point.phase
    free_from = -1e9
    following_starts = [s for s, _n in starts[1:]] + [1e9]
    for (start, name), following in zip(starts, following_starts[:len(starts)], strict=True):
        at = max(start + 2, free_from)
        width = 5.6 * len(name)  # about 9-pixel capitals
        if at + width > following + width * 0.9:
            continue
        marks.append(f'<text x="{at:.1f}" y="{top - 5}" {_LOOK["phase"]}>{html_text(name)}</text>')
        free_from = at + width + 6
    return marks


# ---------------------------------------------------------------- pages: HTML, PDF, fitting


@cache
def template(name: str) -> str:
    """A file of ``exports/templates`` (HTML skeletons and style sheets)."""
    return resources.files("exports.templates").joinpath(name).read_text(encoding="utf-8")


def html_page(*, title: str, styles: Sequence[str], body: str, body_class: str = "", extra_css: str = "") -> str:
    """A complete standalone HTML document: the named style sheets inlined, no external resource."""
    css = "\n".join(template(name) for name in styles) + "\n" + extra_css
    return Template(template("page.html")).substitute(
        lang=html_text(language()), title=html_text(one_line(title)), csp=CSP, css=css,
        body_class=html_text(body_class), body=body,
    )


def css_string(text: str) -> str:
    """A quoted CSS string (``content: ...`` in page margins): everything but letters, digits and spaces
    as a hex escape, so nothing can end the string, the rule or the ``<style>`` element."""
    out = []
    for char in one_line(text):
        out.append(char if char.isalnum() and char.isascii() or char == " " else f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def pdf_document(html: str) -> Any:
    """The HTML laid out by WeasyPrint (a ``weasyprint.Document``: ``.pages``, ``.write_pdf()``)."""
    import weasyprint  # slow to import, and only the PDF exports need it
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
    return weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher).render()


@dataclass(frozen=True)
class Fitted:
    """The outcome of fitting a document to its pages."""

    html: str
    document: Any
    size: float
    """The base font size chosen, in points."""
    overflow: bool
    """Still too long at the smallest readable size: it flows onto further pages, marked "continued"."""

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def fit_to_pages(build: Callable[[float, bool], str], sizes: Sequence[float], *, start: int = 0,
                 pages: int = 1) -> Fitted:
    """The largest of ``sizes`` (largest first) at which ``build(size, False)`` fits on ``pages`` pages.

    A binary search from ``sizes[start]`` (a guess), so a sheet is laid out three or four times, not six;
    if even the smallest size is too long, ``build(smallest, True)`` flows onto more pages.
    """
    tried: dict[int, Fitted] = {}

    def attempt(index: int) -> Fitted:
        if index not in tried:
            html = build(sizes[index], False)
            tried[index] = Fitted(html, pdf_document(html), sizes[index], False)
        return tried[index]

    def fits(index: int) -> bool:
        return attempt(index).pages <= pages

    low, high = 0, len(sizes) - 1  # the answer lies in [low, high], or nothing fits
    probe = min(max(start, 0), high)
    best: int | None = None
    while low <= high:
        if fits(probe):
            best, high = probe, probe - 1
        else:
            low = probe + 1
        probe = (low + high) // 2
    if best is not None:
        return tried[best]
    html = build(sizes[-1], True)
    return Fitted(html, pdf_document(html), sizes[-1], True)
