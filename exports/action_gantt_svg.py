"""The action plan as an SVG Gantt chart: one row per action, grouped by kind, with effectiveness checks.

Bars run from the day an action was added to its due date (or the day it was done): green when done, blue
in progress, grey not started, red when late - with a pale red stretch from the due date to today. A diamond
marks the effectiveness check (filled green when effective, red when not, hollow while pending); a dashed
line marks today. Written directly (no Graphviz).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from exports.action_gantt import bar_span
from exports.action_rows import PlanRows, plan_title
from exports.fishbone_layout import text_width
from exports.registry import ExportContext
from exports.safe import atomic_write_bytes, html_attr, html_text, one_line, shorten
from rca import actions as plan
from rca.i18n import _, format_date, language
from rca.model import Action, ActionKind, ActionStatus, Case, Effectiveness

FONT = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif"
ROW = 24.0
NAME_WIDTH = 360.0
OWNER_WIDTH = 120.0
MARGIN = 24.0
COLOURS = {"done": "#2E7D32", "progress": "#1565C0", "planned": "#9AA5B1", "late": "#C62828"}
CHECK = {
    Effectiveness.EFFECTIVE: "#2E7D32",
    Effectiveness.NOT_EFFECTIVE: "#C62828",
    Effectiveness.PENDING: "#FFFFFF",
}


def _colour(action: Action, today: date) -> str:
    if action.status is ActionStatus.DONE:
        return COLOURS["done"]
    if plan.is_late(action, today):
        return COLOURS["late"]
    if action.status is ActionStatus.IN_PROGRESS:
        return COLOURS["progress"]
    return COLOURS["planned"]


def _range(pairs: PlanRows, today: date) -> tuple[date, date]:
    days = [today]
    for _case, action in pairs:
        span = bar_span(action, today)
        if span:
            days += list(span)
        if action.effectiveness.planned:
            days.append(action.effectiveness.planned)
    start, end = min(days), max(days)
    start -= timedelta(days=start.weekday() + 7)
    end += timedelta(days=7)
    return start, end


def _fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` on one line, cut with an ellipsis to fit ``width``."""
    text = shorten(one_line(text), int(width / (size * 0.25)) + 1)  # no character is narrower than 0.25 em
    while len(text) > 1 and text_width(text, size, bold) > width:
        text = shorten(text, len(text) - 1)
    return text


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _axis(out: list[str], x0: float, scale: float, start: date, end: date, top: float, bottom: float) -> None:
    """Month lines and names, week lines (Mondays) and, where there is room, their dates."""
    day = start
    while day <= end:
        x = x0 + (day - start).days * scale
        room_to_month = (_next_month(day) - day).days * scale
        if day.day == 1 or (day == start and room_to_month > 70):
            out.append(
                f'<line x1="{x:.1f}" y1="{top - 30:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="#9AA5B1"/>'
            )
            out.append(
                f'<text x="{x + 4:.1f}" y="{top - 18:.1f}" font-size="12" font-weight="bold" fill="#1F2933">'
                f"{day.year}-{day.month:02d}</text>"
            )
        if day.weekday() == 0:
            out.append(
                f'<line x1="{x:.1f}" y1="{top - 12:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="#E4E7EB"/>'
            )
            if scale * 7 >= 34 and room_to_month >= 34 and day.day != 1:
                label = format_date(day)
                label = label[:5] if language() == "fr" else label[5:]
                out.append(
                    f'<text x="{x + 3:.1f}" y="{top - 3:.1f}" font-size="10" fill="#52606D">'
                    f"{html_text(label)}</text>"
                )
        day += timedelta(days=1)


def actions_gantt_svg(pairs: PlanRows, ctx: ExportContext, *, title: str | None = None) -> str:
    today = ctx.today
    start, end = _range(pairs, today)
    days = (end - start).days + 1
    scale = max(4.0, min(36.0, 900.0 / days))
    x_chart = MARGIN + NAME_WIDTH + OWNER_WIDTH
    chart_w = days * scale
    rows: list[tuple[str, Case | None, Action | None]] = []
    for kind in ActionKind:
        section = [(case, action) for case, action in pairs if action.kind is kind]
        if section:
            rows.append((kind.label, None, None))
            rows += [("", case, action) for case, action in section]
    top = MARGIN + 34 + 40
    height = top + max(1, len(rows)) * ROW + 70
    width = x_chart + chart_w + MARGIN
    shown_title = title or plan_title(pairs)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{html_attr(FONT)}" role="img" '
        f'aria-label="{html_attr(shown_title)}">',
        f"<title>{html_text(shown_title)}</title>",
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#FFFFFF"/>',
        f'<text x="{MARGIN}" y="{MARGIN + 16}" font-size="17" font-weight="bold" fill="#1F2933">'
        f"{html_text(_fit(shown_title, width - 2 * MARGIN, 17, True))}</text>",
        f'<text x="{MARGIN}" y="{MARGIN + 34}" font-size="12" fill="#52606D">'
        f"{html_text(_('As of {date}', date=format_date(today)))}</text>",
    ]
    bottom = top + len(rows) * ROW
    _axis(out, x_chart, scale, start, end, top, bottom)
    for index, (heading, case, action) in enumerate(rows):
        y = top + index * ROW
        if case is None or action is None:
            out.append(
                f'<rect x="{MARGIN}" y="{y:.1f}" width="{width - 2 * MARGIN:.1f}" height="{ROW}" '
                f'fill="#EEF2F6"/>'
            )
            out.append(
                f'<text x="{MARGIN + 4}" y="{y + 16:.1f}" font-size="12" font-weight="bold" '
                f'fill="#1F3A5F">{html_text(_fit(heading, NAME_WIDTH, 12, True))}</text>'
            )
            continue
        out.append(
            _row(case, action, y, x_chart, scale, start, today, multi=len({c.id for c, _a in pairs}) > 1)
        )
    x_today = x_chart + (today - start).days * scale
    out.append(
        f'<line x1="{x_today:.1f}" y1="{top - 30:.1f}" x2="{x_today:.1f}" y2="{bottom:.1f}" '
        f'stroke="#C62828" stroke-width="1.5" stroke-dasharray="5 3"/>'
    )
    out.append(
        f'<text x="{x_today + 3:.1f}" y="{bottom + 14:.1f}" font-size="11" fill="#C62828">'
        f"{html_text(_('today'))}</text>"
    )
    out.append(_legend(MARGIN, bottom + 40))
    out.append("</svg>")
    return "\n".join(out)


def _row(
    case: Case,
    action: Action,
    y: float,
    x_chart: float,
    scale: float,
    start: date,
    today: date,
    *,
    multi: bool,
) -> str:
    name = f"{case.id} {action.id} {action.title}" if multi else f"{action.id} {action.title}"
    parts = [
        f"<g><title>{html_text(name)}</title>",
        f'<line x1="{MARGIN}" y1="{y + ROW:.1f}" x2="{x_chart:.1f}" y2="{y + ROW:.1f}" stroke="#E4E7EB"/>',
        f'<text x="{MARGIN + 4}" y="{y + 16:.1f}" font-size="12" fill="#1F2933"'
        + (' text-decoration="line-through"' if action.status is ActionStatus.CANCELLED else "")
        + f">{html_text(_fit(name, NAME_WIDTH - 10, 12))}</text>",
        f'<text x="{MARGIN + NAME_WIDTH}" y="{y + 16:.1f}" font-size="11" fill="#52606D">'
        f"{html_text(_fit(action.owner, OWNER_WIDTH - 8, 11))}</text>",
    ]
    span = bar_span(action, today)
    if span is None:
        parts.append(
            f'<text x="{x_chart + 4:.1f}" y="{y + 16:.1f}" font-size="11" font-style="italic" '
            f'fill="#8A8F98">{html_text(_("no due date"))}</text>'
        )
    elif action.status is not ActionStatus.CANCELLED:
        x1 = x_chart + (span[0] - start).days * scale
        x2 = x_chart + (span[1] - start).days * scale
        if plan.is_late(action, today):
            x_now = x_chart + (today - start).days * scale
            parts.append(
                f'<rect x="{x2:.1f}" y="{y + 7:.1f}" width="{max(0.0, x_now - x2):.1f}" height="10" '
                f'fill="#F8C9C9"/>'
            )
        parts.append(
            f'<rect x="{x1:.1f}" y="{y + 5:.1f}" width="{max(3.0, x2 - x1):.1f}" height="14" rx="3" '
            f'fill="{_colour(action, today)}"/>'
        )
    check = action.effectiveness
    if check.planned is not None and action.status is not ActionStatus.CANCELLED:
        cx = x_chart + (check.planned - start).days * scale
        cy = y + ROW / 2
        parts.append(
            f'<polygon points="{cx:.1f},{cy - 7:.1f} {cx + 7:.1f},{cy:.1f} {cx:.1f},{cy + 7:.1f} '
            f'{cx - 7:.1f},{cy:.1f}" fill="{CHECK[check.result]}" stroke="#6741D9" stroke-width="1.8"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def _legend(x: float, y: float) -> str:
    items = [
        (COLOURS["done"], _("done")),
        (COLOURS["progress"], _("in progress")),
        (COLOURS["planned"], _("not started")),
        (COLOURS["late"], _("late")),
    ]
    parts = []
    for colour, text in items:
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="22" height="12" rx="3" fill="{colour}"/>'
            f'<text x="{x + 28:.1f}" y="{y:.1f}" font-size="11" fill="#1F2933">{html_text(text)}</text>'
        )
        x += 28 + text_width(text, 11) + 22
    parts.append(
        f'<polygon points="{x + 7:.1f},{y - 11:.1f} {x + 14:.1f},{y - 4:.1f} {x + 7:.1f},{y + 3:.1f} '
        f'{x:.1f},{y - 4:.1f}" fill="#FFFFFF" stroke="#6741D9" stroke-width="1.8"/>'
        f'<text x="{x + 20:.1f}" y="{y:.1f}" font-size="11" fill="#1F2933">'
        f"{html_text(_('effectiveness check (filled: effective / not effective)'))}</text>"
    )
    return "".join(parts)


def write_actions_svg(pairs: PlanRows, path: Path, ctx: ExportContext, *, title: str | None = None) -> None:
    document = '<?xml version="1.0" encoding="UTF-8"?>\n' + actions_gantt_svg(pairs, ctx, title=title) + "\n"
    atomic_write_bytes(path, document.encode("utf-8"))
