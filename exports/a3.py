"""The A3 sheet (kind ``a3``: ``.pdf``, ``.html``, ``.md``): one landscape A3 page, Toyota's layout.

A header band (theme, case, owner, mentor/approver, date, revision, status); on the left 1 Background,
2 Current condition, 3 Target condition, 4 Cause analysis; on the right 5 Countermeasures,
6 Implementation plan, 7 Follow-up. Any method's case can be printed as an A3: ``BOX_STEPS`` says which
steps fill which box, goal fields (``FieldDef.smart``) go to the target box wherever they are, and the
case's own records (problem statement, cause graph, action plan, indicators, sign-offs) fill the rest.

Long text is never clipped: the sheet is laid out at 10 pt, then smaller, down to 7.5 pt, until it fits
one page (``exports.document.fit_to_pages``); still too long, it flows onto a second page marked
"continued". The ``.html`` is the same page at the same size, for a browser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exports import report as parts
from exports.document import (
    Block,
    Bullets,
    Cell,
    Facts,
    Fields,
    Fitted,
    Group,
    Heading,
    Section,
    Stack,
    cell_html,
    css_string,
    fit_to_pages,
    has_text,
    html_page,
    md_plain,
    pdf_document,
    to_html,
    to_markdown,
)
from exports.registry import ExportContext, Format, register
from exports.safe import atomic_write_bytes, atomic_write_text, html_lines, html_text, one_line
from rca import causes
from rca.i18n import N_, _, format_date, format_number
from rca.model import ActionKind, ActionStatus, Case, Method, Role

SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5)
"""Base font sizes tried, in points: 7.5 pt is the smallest still readable on a printed A3."""

BOXES: tuple[tuple[str, str, str], ...] = (
    ("background", N_("Background"), "left"),
    ("current", N_("Current condition"), "left"),
    ("target", N_("Target condition"), "left"),
    ("analysis", N_("Cause analysis"), "left"),
    ("countermeasures", N_("Countermeasures"), "right"),
    ("plan", N_("Implementation plan"), "right"),
    ("followup", N_("Follow-up"), "right"),
)
"""The seven boxes: key, heading, column."""

BOX_STEPS: dict[Method, dict[str, tuple[str, ...]]] = {
    Method.A3: {"background": ("background",), "current": ("current",), "target": ("target",),
                "analysis": ("analysis",), "countermeasures": ("countermeasures",), "plan": ("plan",),
                "followup": ("followup", "approval")},
    Method.EIGHT_D: {"background": ("d2.statement",), "target": ("d2.requirement",),
                     "analysis": ("d4",), "countermeasures": ("d5",), "plan": ("d6.implementation",),
                     "followup": ("d6.validation", "d6.containment_removed", "d7", "d8.closure")},
    Method.DMAIC: {"background": ("define.problem", "define.business_case", "define.ctq"),
                   "current": ("measure.y", "measure.msa"), "analysis": ("analyze",),
                   "countermeasures": ("improve.solutions",), "plan": ("improve.pilot", "improve.risk"),
                   "followup": ("control.control_plan", "control.standard_work", "control.handoff")},
    Method.FIVE_WHYS: {"current": ("define.facts",), "target": ("define.standard",),
                       "analysis": ("whys", "verify"), "countermeasures": ("act",), "followup": ("check",)},
    Method.ISHIKAWA: {"background": ("define",), "analysis": ("categories", "brainstorm", "vote", "verify"),
                      "countermeasures": ("act",)},
}
"""Which steps' text fields fill which box, per method: ``step`` for all its fields, ``step.field`` for one
(the A3 method's steps map one to one). Goal fields (``FieldDef.smart``) go to the target box instead."""

CURRENT_FACTS = ("where", "when", "who", "how_detected", "how_many")
"""The 5W2H answers shown as the current condition (what and why it matters are the background)."""

@dataclass(frozen=True)
class Header:
    theme: str
    case: str
    method: str
    owner: str
    mentor: str
    date: str
    revision: str
    status: Cell
    team: str


@dataclass(frozen=True)
class Sheet:
    """An A3 sheet, format-neutral: the header and the seven boxes' blocks."""

    header: Header
    boxes: dict[str, tuple[Block, ...]]


# ---------------------------------------------------------------- building the sheet from a case


def _theme(case: Case, key: str) -> str:
    """A field of an A3 case's theme step (theme, owner, mentor, date, revision), on one line."""
    return one_line(case.field("theme", key)) if case.method is Method.A3 else ""


def build_header(case: Case, ctx: ExportContext) -> Header:
    """The header band: an A3 case's theme step, else the case's own title, leader and champion."""
    progress = parts.gate_progress(case)
    passed = sum(g.passed for g in progress.gates) if progress else 0
    steps = _("{passed} of {total} steps", passed=passed, total=len(progress.gates)) if progress else ""
    return Header(
        theme=_theme(case, "theme") or one_line(case.title),
        case=case.id,
        method=case.method.label,
        owner=_theme(case, "owner") or one_line(case.leader()) or "—",
        mentor=_theme(case, "mentor") or one_line(parts.names_with_role(case, Role.CHAMPION)) or "—",
        date=_theme(case, "date") or format_date(ctx.today),
        revision=_theme(case, "revision") or str(case.version),
        status=Stack((parts.pill(case.status), steps)),
        team=", ".join(m.name for m in case.team),
    )


@dataclass(frozen=True)
class _Source:
    """What a box is made from: the case, the export's context, where the method's texts go."""

    case: Case
    ctx: ExportContext
    steps: dict[str, tuple[str, ...]]
    goals: tuple[tuple[str, str], ...]
    """Goal fields (step, field) that go to the target box rather than to their step's box."""

    def fields(self, box: str) -> list[Block]:
        """The texts ``BOX_STEPS`` sends to ``box`` (``step`` or ``step.field``), goal fields left out."""
        items: list[tuple[str, str]] = []
        for source in self.steps.get(box, ()):
            step, _dot, only = source.partition(".")
            skip = {f for s, f in self.goals if s == step}
            items += [(label, text) for key, label, text in parts.field_items(self.case, step, skip=skip)
                      if not only or key == only]
        return [Fields(tuple(items))] if items else []


def _background(src: _Source) -> list[Block | None]:
    return [*src.fields("background"), parts.problem_facts(src.case, ("what", "why_it_matters"))]


def _current(src: _Source) -> list[Block | None]:
    """The current condition's texts, with the indicator charts beside them (side by side they take half
    the height; a chart alone keeps to half the width, so its lettering stays in scale), then IS / IS NOT."""
    texts = parts.present(*src.fields("current"), parts.problem_facts(src.case, CURRENT_FACTS))
    charts = parts.indicator_figures(src.case, width=360, height=145)
    beside = [Group((Group(tuple(texts)), Group(tuple(charts))), "split")] if charts else texts
    return [*beside, parts.is_is_not(src.case)]


def _target(src: _Source) -> list[Block | None]:
    """Goal fields and indicator targets; without either, the effectiveness criteria of the actions."""
    labels = {(s.key, f.key): _(f.label) for s in parts.step_defs(src.case) for f in s.fields}
    goals = tuple((labels[g], src.case.field(*g)) for g in src.goals if has_text(src.case.field(*g)))
    targets = tuple((i.name, parts.indicator_summary(i)) for i in src.case.indicators if i.target is not None)
    found = parts.present(Fields(goals) if goals else None, *src.fields("target"),
                          Facts(targets, "targets") if targets else None)
    if found:
        return list(found)
    criteria = tuple(a.effectiveness.criterion for a in src.case.actions
                     if a.kind is not ActionKind.CONTAINMENT and has_text(a.effectiveness.criterion))
    return [_part(_("Success criteria"), Bullets(criteria) if criteria else None)]


def _analysis(src: _Source) -> list[Block | None]:
    roots = parts.root_causes_block(src.case, causes.root_causes(src.case), chain=False)
    return [parts.cause_drawing(src.case, src.ctx), *src.fields("analysis"), _part(_("Root causes"), roots)]


def _countermeasures(src: _Source) -> list[Block | None]:
    return [*src.fields("countermeasures"), parts.countermeasure_table(src.case, src.ctx.today)]


def _plan(src: _Source) -> list[Block | None]:
    table = parts.action_table(src.case, src.case.actions, src.ctx.today, ("action", "owner", "due", "status"))
    return [*src.fields("plan"), table]


def _followup(src: _Source) -> list[Block | None]:
    checked = [a for a in src.case.actions
               if a.kind is not ActionKind.CONTAINMENT and a.status is not ActionStatus.CANCELLED]
    checks = parts.action_table(src.case, checked, src.ctx.today, ("title", "criterion", "check", "result"))
    return [*src.fields("followup"), _part(_("Effectiveness checks"), checks),
            _part(_("Indicators against target"), parts.indicator_status(src.case)),
            _part(_("Approval and sign-offs"), parts.signoff_table(src.case))]


BOX_CONTENT: dict[str, Callable[[_Source], list[Block | None]]] = {
    "background": _background, "current": _current, "target": _target, "analysis": _analysis,
    "countermeasures": _countermeasures, "plan": _plan, "followup": _followup,
}
"""What fills each box, for any method."""


def _part(title: str, block: Block | None) -> Block | None:
    return Group((Heading(title, 4), block), "part") if block is not None else None


def build_sheet(case: Case, ctx: ExportContext) -> Sheet:
    """The A3 sheet of any case: its method's steps and its records mapped onto the seven boxes."""
    steps = BOX_STEPS.get(case.method, {})
    # The A3 method's own target step already fills the target box.
    goals = tuple(g for g in parts.smart_fields(case) if not (case.method is Method.A3 and g[0] == "target"))
    src = _Source(case, ctx, steps, goals)
    boxes = {key: tuple(parts.present(*BOX_CONTENT[key](src))) for key, _title, _side in BOXES}
    return Sheet(build_header(case, ctx), boxes)


# ---------------------------------------------------------------- HTML and Markdown


def _meta(label: str, value: Cell) -> str:
    return f'<div class="meta-item"><dt>{html_text(label)}</dt><dd>{cell_html(value)}</dd></div>'


def header_html(header: Header) -> str:
    kicker = f"{_('A3')} · {header.case} · {header.method}"
    team = (f'<div class="team"><span class="label">{html_text(_("Team"))}</span> {html_lines(header.team)}</div>'
            if header.team else "")
    meta = "".join((
        _meta(_("Owner"), header.owner), _meta(_("Mentor / approver"), header.mentor),
        _meta(_("Date"), header.date), _meta(_("Revision"), header.revision), _meta(_("Status"), header.status),
    ))
    return (f'<header class="band"><div class="theme"><div class="kicker">{html_text(kicker)}</div>'
            f'<h1 class="doc-title">{html_text(header.theme)}</h1>{team}</div><dl class="meta">{meta}</dl></header>')


def _sections(sheet: Sheet, column: str) -> list[Section]:
    return [Section(_(title), sheet.boxes.get(key, ()), number=str(number), cls=f"box-{key}")
            for number, (key, title, side) in enumerate(BOXES, 1) if side == column]


PAGE_MARGIN_MM = (10, 10, 11, 10)
"""The A3 page's margins (top, right, bottom, left); the bottom one holds the footer line."""
PX_PER_MM = 96 / 25.4


def sheet_html(sheet: Sheet, size: float = SIZES[0], overflow: bool = False,
               stretch: tuple[float, float] = (0.0, 0.0)) -> str:
    """The sheet as a standalone HTML page at a base font size. ``overflow`` lets it flow onto more pages;
    ``stretch`` adds that many CSS pixels to the last box of the left and right columns."""
    body = (f'<div class="sheet{" overflow" if overflow else ""}">{header_html(sheet.header)}'
            f'<div class="columns"><div class="col left">{to_html(_sections(sheet, "left"))}'
            f'<div class="col-end" id="a3-end-left"></div></div>'
            f'<div class="col right">{to_html(_sections(sheet, "right"))}'
            f'<div class="col-end" id="a3-end-right"></div></div></div></div>')
    footer = css_string(f"{sheet.header.case} · {_('A3')} · {_('printed {date}', date=sheet.header.date)}")
    margins = " ".join(f"{m}mm" for m in PAGE_MARGIN_MM)
    page_css = [f":root {{ font-size: {size:.2f}pt; }}",
                f"@page {{ margin: {margins}; @bottom-left {{ content: {footer}; }} }}"]
    for side, extra in zip(("left", "right"), stretch, strict=True):
        if extra > 0:
            page_css.append(f".col.{side} > .box:last-of-type > .body {{ padding-bottom: calc(1mm + {extra:.1f}px); }}")
    if overflow:
        page_css.append(
            f"@page {{ @top-right {{ content: {css_string(_('A3 continued'))} \" — \" "
            f"{css_string(_('page'))} \" \" counter(page) \" \" {css_string(_('of'))} \" \" counter(pages); }} }}"
            f"@page :first {{ @top-right {{ content: none; }} "
            f"@bottom-right {{ content: {css_string(_('continued on the next page'))} \" →\"; }} }}"
        )
    return html_page(title=f"{sheet.header.case} {sheet.header.theme} — A3", styles=("base.css", "a3.css"),
                     body=body, body_class="a3", extra_css="\n".join(page_css))


def sheet_markdown(sheet: Sheet) -> str:
    h = sheet.header
    facts = Facts(((_("Case"), h.case), (_("Method"), h.method), (_("Owner"), h.owner),
                   (_("Mentor / approver"), h.mentor), (_("Date"), h.date), (_("Revision"), h.revision),
                   (_("Status"), h.status), (_("Team"), h.team or "—")))
    title = "# " + md_plain(_("{kind} — {case}: {title}", kind=_("A3"), case=h.case, title=h.theme))
    sections = [Section(_(t), sheet.boxes.get(k, ()), number=str(n)) for n, (k, t, _s) in enumerate(BOXES, 1)]
    return "\n\n".join((title, facts.markdown(), to_markdown(sections))) + "\n"


# ---------------------------------------------------------------- fitting to one page


def estimate_start(sheet: Sheet) -> int:
    """Where to start in ``SIZES``: a rough weight of the text (characters, table rows, drawings) says
    how far down a long sheet will have to go, which saves layouts that could never fit."""
    text = len(sheet_markdown(sheet))
    weight = text + 900 * sum(1 for blocks in sheet.boxes.values() for b in blocks if "<svg" in b.html())
    for index, limit in enumerate((7000, 9000, 11000, 13500, 16500)):
        if weight <= limit:
            return index
    return len(SIZES) - 1


def fit(sheet: Sheet) -> Fitted:
    """The sheet laid out on one A3 page at the largest size that fits (or flowing, marked continued),
    its columns then stretched to the foot of the page."""
    fitted = fit_to_pages(lambda size, overflow: sheet_html(sheet, size, overflow), SIZES,
                          start=estimate_start(sheet))
    return fitted if fitted.overflow else balance(sheet, fitted)


def balance(sheet: Sheet, fitted: Fitted) -> Fitted:
    """Both columns' last boxes stretched down to the page's foot, so the sheet reads as a form.

    WeasyPrint's anchors (``Page.anchors``, CSS pixels) give where each column ends; the stretched sheet
    is laid out again and kept only if it still fits one page."""
    page = fitted.document.pages[0]
    ends = [page.anchors.get(f"a3-end-{side}") for side in ("left", "right")]
    if any(end is None for end in ends):
        return fitted
    bottom = page.height - PAGE_MARGIN_MM[2] * PX_PER_MM - 2  # two pixels of safety against rounding
    stretch = (max(0.0, bottom - ends[0][1]), max(0.0, bottom - ends[1][1]))
    if max(stretch) < 3:
        return fitted
    html = sheet_html(sheet, fitted.size, False, stretch)
    document = pdf_document(html)
    return Fitted(html, document, fitted.size, False) if len(document.pages) == 1 else fitted


def fitted_sheet(case: Case, ctx: ExportContext) -> Fitted:
    """A case's A3 sheet laid out (see ``fit``); a sheet that needs more than one page warns in ``ctx``."""
    result = fit(build_sheet(case, ctx))
    if result.overflow:
        ctx.warn(_("{case}: the A3 holds too much text for one page even at {size} pt; it continues on a "
                   "second page", case=case.id, size=format_number(result.size, 1)))
    return result


def write_pdf(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(path, fitted_sheet(case, ctx).document.write_pdf())


def write_html(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_text(path, fitted_sheet(case, ctx).html)


def write_markdown(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_text(path, sheet_markdown(build_sheet(case, ctx)))


register(Format("a3", ".pdf", N_("A3 sheet, PDF (one landscape A3 page)"), write_pdf))
register(Format("a3", ".html", N_("A3 sheet, web page"), write_html))
register(Format("a3", ".md", N_("A3 sheet, Markdown"), write_markdown))

