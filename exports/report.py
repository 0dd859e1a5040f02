"""Method reports (kind ``report``: ``.pdf``, ``.html``, ``.md``) and the parts of a case they show.

An 8D case gives the D0–D8 report, a DMAIC case the phase-by-phase report with its tollgates, any other
method its own steps one by one (fields, then the step's tool: team, problem, cause tree, fishbone,
action plan, indicator, sign-off). A cover opens every report: the case, a summary a customer can read,
and each step's gate (passed, or what blocks it).

The *parts* (team table, 5W2H, root causes with their chains and evidence, the drawing, action tables,
indicator charts, sign-offs) are public: the A3 sheet (``exports.a3``) is made of the same parts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from exports.document import (
    Block,
    Bullets,
    Cell,
    Facts,
    Fields,
    Figure,
    Group,
    Heading,
    Inline,
    Notice,
    Paragraph,
    Pill,
    Quiet,
    Section,
    Stack,
    Table,
    Tree,
    TreeItem,
    checked_svg,
    css_string,
    has_text,
    html_page,
    indicator_chart_svg,
    md_plain,
    pdf_document,
    to_html,
    to_markdown,
)
from exports.registry import ExportContext, Format, dot_available, install_dot_hint, register
from exports.safe import atomic_write_bytes, atomic_write_text, html_text, one_line, shorten
from methods.base import CaseProgress, MethodDef, StepDef, Tool
from rca import actions as plan
from rca import causes
from rca.errors import RcaError
from rca.i18n import N_, _, format_date, format_number
from rca.model import (
    PROBLEM_NODE,
    Action,
    ActionKind,
    ActionStatus,
    Case,
    CaseStatus,
    Cause,
    CausePath,
    CauseStatus,
    Decision,
    Direction,
    Effectiveness,
    Indicator,
    Method,
    NodeKind,
    Role,
    Signoff,
)

PROBLEM_LABELS: dict[str, str] = {
    "what": N_("What"),
    "where": N_("Where"),
    "when": N_("When"),
    "who": N_("Who"),
    "how_detected": N_("How detected"),
    "how_many": N_("How many"),
    "why_it_matters": N_("Why it matters"),
}
"""The 5W2H fields of the problem statement, in reading order."""

TONES: dict[str, str] = {
    ActionStatus.PLANNED: "muted", ActionStatus.IN_PROGRESS: "info", ActionStatus.DONE: "ok",
    ActionStatus.CANCELLED: "muted",
    CauseStatus.HYPOTHESIS: "warn", CauseStatus.VERIFIED: "ok", CauseStatus.REJECTED: "muted",
    Effectiveness.PENDING: "muted", Effectiveness.EFFECTIVE: "ok", Effectiveness.NOT_EFFECTIVE: "bad",
    Decision.PROCEED: "ok", Decision.REVISE: "warn",
    CaseStatus.OPEN: "info", CaseStatus.CLOSED: "ok",
}
"""The pill colour of each status value (enum values are plain strings; ``cancelled`` is shared)."""


def pill(value: ActionStatus | CauseStatus | Effectiveness | Decision | CaseStatus) -> Pill:
    return Pill(value.label, TONES.get(value.value, "muted"))


# ---------------------------------------------------------------- the method's definition


def definition(case: Case) -> MethodDef | None:
    """The case's method definition; ``None`` if the method cannot be loaded (the report still shows the
    recorded steps under their keys, so nothing typed is left out)."""
    from methods import registry

    try:
        return registry.get(case.method)
    except (RcaError, ImportError):
        return None


def step_defs(case: Case) -> list[StepDef]:
    """The method's steps, then any recorded step the definition does not know (shown under its key)."""
    found = definition(case)
    known = list(found.steps) if found else []
    keys = {s.key for s in known}
    extra = [StepDef(key=k, title=k, purpose="") for k in case.steps if k not in keys]
    return known + extra


def step_def(case: Case, key: str) -> StepDef | None:
    return next((s for s in step_defs(case) if s.key == key), None)


def step_title(case: Case, key: str) -> str:
    found = step_def(case, key)
    return _(found.title) if found else key


def field_items(case: Case, key: str, *, skip: Iterable[str] = ()) -> list[tuple[str, str, str]]:
    """A step's filled fields as (field key, label, text), labelled and ordered as the method defines
    them; fields the definition does not know come last, under their key."""
    record = case.steps.get(key)
    if record is None:
        return []
    skipped = set(skip)
    found = step_def(case, key)
    labels = {f.key: _(f.label) for f in found.fields} if found else {}
    order = [k for k in labels if k in record.fields] + [k for k in record.fields if k not in labels]
    return [(k, labels.get(k, k), record.fields[k]) for k in order
            if k not in skipped and has_text(record.fields[k])]


def step_fields(case: Case, key: str, *, skip: Iterable[str] = ()) -> Fields | None:
    """A step's filled fields as a ``Fields`` block; ``None`` when nothing is filled."""
    items = tuple((label, text) for _k, label, text in field_items(case, key, skip=skip))
    return Fields(items) if items else None


def smart_fields(case: Case) -> list[tuple[str, str]]:
    """(step, field) of every goal field (``FieldDef.smart``): where a method states its target."""
    return [(s.key, f.key) for s in step_defs(case) for f in s.fields if f.smart]


# ---------------------------------------------------------------- team and problem


def team_table(case: Case) -> Table | None:
    if not case.team:
        return None
    rows = tuple((m.name, m.role.label, m.function) for m in case.team)
    return Table((_("Name"), _("Role"), _("Function")), rows, (38, 22, 40), "team")


def names_with_role(case: Case, role: Role) -> str:
    return ", ".join(m.name for m in case.team if m.role is role)


def problem_facts(case: Case, keys: Iterable[str] = tuple(PROBLEM_LABELS)) -> Facts | None:
    """The 5W2H answers that were given, labelled."""
    items = tuple((_(PROBLEM_LABELS[k]), getattr(case.problem, k)) for k in keys
                  if has_text(getattr(case.problem, k)))
    return Facts(items, "w5h2") if items else None


def is_is_not(case: Case) -> Table | None:
    rows = tuple((r.dimension, r.is_, r.is_not, r.distinction) for r in case.problem.is_is_not)
    if not rows:
        return None
    return Table((_("Dimension"), _("Is"), _("Is not"), _("Distinction")), rows, (13, 29, 29, 29), "isnot")


# ---------------------------------------------------------------- causes


def cause_label(cause: Cause, *, status: bool = True) -> Cell:
    """A cause's text with its pills: path, root cause, status."""
    pills: list[Cell] = []
    if cause.path is not None:
        pills.append(Pill(cause.path.label, "info"))
    if cause.root:
        pills.append(Pill(_("root cause"), "warn" if cause.status is not CauseStatus.VERIFIED else "ok"))
    if status and not (cause.root and cause.status is CauseStatus.VERIFIED):
        pills.append(pill(cause.status))
    return Inline((cause.text, *pills))


def evidence_lines(cause: Cause) -> list[Cell]:
    out: list[Cell] = []
    for item in cause.evidence:
        who = ", ".join(x for x in (item.by, format_date(item.on) if item.on else "") if x)
        out.append(Inline((_("Evidence:"), item.text, Quiet(f"({who})") if who else "")))
    return out


def chain_text(case: Case, cause: Cause) -> str:
    """The why-chain from the problem down to ``cause`` (categories named as bones), one line."""
    parts = []
    for node in causes.why_chain(case, cause.id)[:-1]:
        if node.kind is NodeKind.PROBLEM:
            parts.append(causes.problem_text(case))
        else:
            parts.append(f"[{node.text}]" if node.kind is NodeKind.CATEGORY else node.text)
    return " → ".join(one_line(p) for p in parts)


def root_cause_item(case: Case, cause: Cause, *, chain: bool = True) -> Cell:
    lines: list[Cell] = [cause_label(cause)]
    if chain and (text := chain_text(case, cause)):
        lines.append(Quiet(_("Why-chain: {chain}", chain=text)))
    lines += evidence_lines(cause)
    return Stack(tuple(lines))


def root_causes_block(case: Case, roots: list[Cause] | None = None, *, chain: bool = True) -> Block | None:
    """The root causes (verified first) with their chains and evidence."""
    found = causes.root_causes(case) if roots is None else roots
    if not found:
        return None
    ordered = sorted(found, key=lambda c: c.status is not CauseStatus.VERIFIED)
    return Bullets(tuple(root_cause_item(case, c, chain=chain) for c in ordered), "plain causes")


def rejected_causes_block(case: Case) -> Block | None:
    """The causes ruled out, with what ruled them out (auditors ask for them)."""
    rejected = [c for c in causes.causes_only(case) if c.status is CauseStatus.REJECTED]
    if not rejected:
        return None
    return Bullets(tuple(Stack((Inline((c.text, pill(c.status))), *evidence_lines(c))) for c in rejected), "plain causes")


def cause_tree(case: Case) -> Tree | None:
    """The cause graph as a nested list (the Markdown stand-in for the drawing)."""
    seen: set[str] = set()

    def items(node_id: str) -> tuple[TreeItem, ...]:
        out = []
        for child in causes.children(case, node_id):
            if child.id in seen:
                out.append(TreeItem(Inline((child.text, Quiet(_("(shared, see above)"))))))
                continue
            seen.add(child.id)
            value: Cell = Inline((child.text,)) if child.kind is NodeKind.CATEGORY else cause_label(child)
            out.append(TreeItem(value, items(child.id)))
        return tuple(out)

    tree = items(PROBLEM_NODE)
    return Tree(tree) if tree else None


def cause_drawing(case: Case, ctx: ExportContext) -> Block | None:
    """The fishbone (drawn directly, no Graphviz needed) when the case has Ishikawa bones, else the
    why-tree (drawn by Graphviz); without Graphviz a marked placeholder and a warning in ``ctx``."""
    if not causes.causes_only(case):
        return None
    fishbone = bool(causes.categories(case))
    caption = _("Ishikawa (fishbone) diagram") if fishbone else _("Why-tree")
    tree = cause_tree(case)
    alt: tuple[Block, ...] = (Paragraph(caption, "muted"), tree) if tree else ()
    try:
        from exports import diagrams
    except ImportError:
        return _placeholder(caption, alt, _("The drawing module is not installed."), "")
    if not fishbone and not dot_available():
        ctx.warn(install_dot_hint())
        return _placeholder(caption, alt, _("Diagram not drawn: Graphviz is not installed."), install_dot_hint())
    try:
        svg = diagrams.fishbone_svg(case) if fishbone else diagrams.whytree_svg(case)
    except diagrams.GraphvizMissing:
        ctx.warn(install_dot_hint())
        return _placeholder(caption, alt, _("Diagram not drawn: Graphviz is not installed."), install_dot_hint())
    element = checked_svg(svg)
    if element is None:
        ctx.warn(_("the cause diagram held something that is not a drawing; it was left out"))
        return _placeholder(caption, alt, _("Diagram left out: it did not pass the safety check."), "")
    # The drawing carries its own title: no caption under it (the Markdown names it above the tree).
    return Figure(element, "", alt, "diagram fishbone" if fishbone else "diagram whytree")


def _placeholder(caption: str, alt: tuple[Block, ...], text: str, detail: str) -> Block:
    """A placeholder for a drawing that could not be made: the notice, and the cause tree as a list."""
    return Group((Notice(f"{caption} — {text}", "warn", detail), *alt), "diagram-placeholder")


# ---------------------------------------------------------------- actions


def _due(action: Action, today: date) -> Cell:
    if plan.is_late(action, today):
        return Stack((format_date(action.due), Pill(_("late {days} d", days=plan.days_late(action, today)), "bad")))
    return format_date(action.due) if action.due else "—"


def _status(action: Action, today: date) -> Cell:
    done = Quiet(format_date(action.done_on)) if action.done_on else ""
    return Stack((pill(action.status), done))


def _check(action: Action, today: date) -> Cell:
    check = action.effectiveness
    when = check.checked_on or check.planned
    overdue = Pill(_("check overdue"), "bad") if plan.check_overdue(action, today) else ""
    return Stack((pill(check.result), Quiet(format_date(when)) if when else "", overdue))


def _treats(case: Case, action: Action, today: date) -> Cell:
    by_id = {c.id: c for c in case.causes}
    return Stack(tuple(by_id[c].text for c in action.causes if c in by_id)) if action.causes else "—"


def _action(action: Action, today: date) -> Cell:
    deliverable = Quiet(_("Deliverable: {text}", text=action.deliverable)) if action.deliverable else ""
    return Stack((Inline((Quiet(action.id), action.title)), deliverable))


ColumnCell = Callable[[Case, Action, date], Cell]
ACTION_COLUMNS: dict[str, tuple[str, int, ColumnCell]] = {
    "action": (N_("Action"), 34, lambda c, a, t: _action(a, t)),
    "title": (N_("Action"), 30, lambda c, a, t: Inline((Quiet(a.id), a.title))),
    "kind": (N_("Kind"), 14, lambda c, a, t: a.kind.label),
    "treats": (N_("Root cause treated"), 24, _treats),
    "owner": (N_("Owner"), 13, lambda c, a, t: a.owner or "—"),
    "due": (N_("Due"), 12, lambda c, a, t: _due(a, t)),
    "status": (N_("Status"), 12, lambda c, a, t: _status(a, t)),
    "criterion": (N_("Effectiveness criterion"), 24,
                  lambda c, a, t: a.effectiveness.criterion or Pill(_("not defined"), "warn")),
    "check": (N_("Check"), 13, lambda c, a, t: _check(a, t)),
    "result": (N_("Result evidence"), 22, lambda c, a, t: a.effectiveness.evidence or "—"),
}
"""The columns an action table can show: header, relative width, cell."""


def action_table(case: Case, actions: Iterable[Action], today: date, columns: Iterable[str]) -> Table | None:
    chosen = [ACTION_COLUMNS[name] for name in columns]
    rows = tuple(tuple(cell(case, a, today) for _h, _w, cell in chosen) for a in actions)
    if not rows:
        return None
    total = sum(w for _h, w, _c in chosen)
    widths = tuple(round(100 * w / total) for _h, w, _c in chosen)
    return Table(tuple(_(h) for h, _w, _c in chosen), rows, widths, "actions")


def actions_of(case: Case, kinds: Iterable[ActionKind] | None = None) -> list[Action]:
    wanted = set(kinds) if kinds is not None else None
    return [a for a in case.actions if wanted is None or a.kind in wanted]


def countermeasure_table(case: Case, today: date) -> Table | None:
    """Each root cause and the actions that treat it; a root cause with no action is flagged."""
    rows: list[tuple[Cell, ...]] = []
    for root in causes.root_causes(case):
        treating = [a for a in case.actions if root.id in a.causes and a.status is not ActionStatus.CANCELLED]
        measures: Cell = Stack(tuple(Inline((Quiet(a.id), a.title, Quiet(a.kind.label))) for a in treating)) \
            if treating else Pill(_("no action yet"), "bad")
        rows.append((cause_label(root), measures))
    loose = [a for a in case.actions if not set(a.causes) & {r.id for r in causes.root_causes(case)}
             and a.status is not ActionStatus.CANCELLED]
    if loose:
        rows.append((Quiet(_("Other actions (containment, improvement)")),
                     Stack(tuple(Inline((Quiet(a.id), a.title, Quiet(a.kind.label))) for a in loose))))
    if not rows:
        return None
    return Table((_("Root cause"), _("Countermeasure")), tuple(rows), (45, 55), "measures")


def effectiveness_table(case: Case, today: date, actions: Iterable[Action] | None = None) -> Table | None:
    """Actions whose effectiveness is checked: criterion, check date and result, evidence."""
    chosen = [a for a in (actions if actions is not None else case.actions)
              if a.kind is not ActionKind.CONTAINMENT and a.status is not ActionStatus.CANCELLED]
    return action_table(case, chosen, today, ("action", "criterion", "check", "result"))


# ---------------------------------------------------------------- indicators and sign-offs


def indicator_summary(indicator: Indicator) -> str:
    """'baseline 0.62, latest 1.92 on 2026-03-06, target ≥ 1.67 by 2026-03-31' (what is known of it)."""
    parts = []
    if indicator.baseline is not None:
        parts.append(_("baseline {value}", value=format_number(indicator.baseline, 2)))
    latest = indicator.latest()
    if latest is not None:
        parts.append(_("latest {value} on {date}", value=format_number(latest.value, 2), date=format_date(latest.on)))
    if indicator.target is not None:
        sign = "≥" if indicator.better is Direction.HIGHER else "≤"
        target = _("target {sign} {value}", sign=sign, value=format_number(indicator.target, 2))
        if indicator.target_date:
            target += " " + _("by {date}", date=format_date(indicator.target_date))
        parts.append(target)
    return ", ".join(parts)


def indicator_line(indicator: Indicator) -> str:
    """The indicator's name and unit, then its summary."""
    unit = f" ({indicator.unit})" if indicator.unit else ""
    summary = indicator_summary(indicator)
    name = f"{indicator.name}{unit}"
    return _("{name}: {summary}", name=name, summary=summary) if summary else name


def indicator_verdict(indicator: Indicator) -> Pill:
    latest = indicator.latest()
    if latest is None or indicator.target is None:
        return Pill(_("no data") if latest is None else _("no target"), "muted")
    return Pill(_("target met"), "ok") if indicator.meets_target(latest.value) else Pill(_("not yet"), "warn")


def indicator_figures(case: Case, *, width: int = 640, height: int = 210) -> list[Block]:
    """One chart per indicator with measurements (Markdown: its measurements as a table)."""
    blocks: list[Block] = []
    for indicator in case.indicators:
        svg = indicator_chart_svg(indicator, width=width, height=height)
        if svg is None:
            blocks.append(Paragraph(indicator_line(indicator) + " — " + _("no measurement yet"), "muted"))
            continue
        rows = tuple((format_date(m.on), format_number(m.value, 2), m.phase, m.note) for m in indicator.measurements)
        table = Table((_("Date"), _("Value"), _("Phase"), _("Note")), rows, (20, 16, 18, 46))
        blocks.append(Figure(svg, indicator_line(indicator), (table,), "chart"))
    return blocks


def _latest(indicator: Indicator) -> Cell:
    latest = indicator.latest()
    return Stack((format_number(latest.value, 2), Quiet(format_date(latest.on)))) if latest else "—"


def indicator_status(case: Case) -> Table | None:
    """Each indicator: baseline, latest value, target, and whether the target is met."""
    rows = tuple((i.name + (f" ({i.unit})" if i.unit else ""),
                  format_number(i.baseline, 2) if i.baseline is not None else "—",
                  _latest(i),
                  Stack((format_number(i.target, 2) if i.target is not None else "—",
                         Quiet(format_date(i.target_date)) if i.target_date else "")),
                  indicator_verdict(i)) for i in case.indicators)
    if not rows:
        return None
    return Table((_("Indicator"), _("Baseline"), _("Latest"), _("Target"), _("Status")), rows,
                 (34, 14, 18, 18, 16), "indicators")


def signoff_facts(signoff: Signoff) -> Facts:
    items: list[tuple[str, Cell]] = [
        (_("Decision"), pill(signoff.decision)),
        (_("By"), signoff.by),
        (_("On"), format_date(signoff.on)),
    ]
    if has_text(signoff.note):
        items.append((_("Note"), signoff.note))
    return Facts(tuple(items), "signoff")


def signoff_table(case: Case) -> Table | None:
    """Every sign-off recorded in the case, in step order."""
    rows = tuple((step_title(case, key), pill(r.signoff.decision), r.signoff.by, format_date(r.signoff.on),
                  r.signoff.note or "")
                 for key in [s.key for s in step_defs(case)] if (r := case.steps.get(key)) and r.signoff)
    if not rows:
        return None
    return Table((_("Step"), _("Decision"), _("By"), _("On"), _("Note")), rows, (26, 14, 18, 14, 28), "signoffs")


# ---------------------------------------------------------------- the report


CAUSE_TOOLS = (Tool.CAUSE_TREE, Tool.FISHBONE)


@dataclass(frozen=True)
class _Layout:
    """Where a report shows the parts several steps share, so each appears once: the drawing and the
    charts at the first step that embeds them, the root causes and indicator status at the last, the
    votes at the voting step (``mode=vote``), else with the root causes."""

    first: dict[str, str]
    last: dict[str, str]
    votes: str

    @classmethod
    def of(cls, steps: list[StepDef]) -> _Layout:
        groups = {"causes": [s.key for s in steps if s.tool in CAUSE_TOOLS],
                  "indicators": [s.key for s in steps if s.tool is Tool.INDICATOR]}
        first = {name: keys[0] for name, keys in groups.items() if keys}
        last = {name: keys[-1] for name, keys in groups.items() if keys}
        voting = [s.key for s in steps if s.option("mode") == "vote"]
        return cls(first, last, voting[0] if voting else last.get("causes", ""))


def present(*blocks: Block | None) -> list[Block]:
    """The blocks that exist (parts return ``None`` when the case has nothing for them)."""
    return [b for b in blocks if b is not None]


def titled(title: str, block: Block | None) -> Block | None:
    """A part under a small heading; nothing when the part is empty."""
    return Group((Heading(title, 3), block), "part") if block is not None else None


def _kinds_option(step: StepDef) -> list[ActionKind] | None:
    wanted = {w.strip() for w in step.option("kinds").replace(";", ",").split(",") if w.strip()}
    return [k for k in ActionKind if k.value in wanted] or None


def _fishbone_votes(case: Case) -> Block | None:
    ranked = causes.ranked_by_votes(case)
    if not ranked:
        return None
    bones = causes.categories_by_cause(case)
    rows = tuple((cause_label(c), bone.text if (bone := bones.get(c.id)) else "—", str(c.total_votes))
                 for c in ranked)
    return Table((_("Cause"), _("Category"), _("Votes")), rows, (62, 26, 12), "votes")


def _signoff_or_notice(case: Case, key: str) -> Block:
    record = case.steps.get(key)
    return signoff_facts(record.signoff) if record and record.signoff else Notice(_("Not signed yet."), "warn")


def cause_counts(case: Case) -> str:
    """'18 causes named: 5 verified, 9 rejected, 3 root causes' (what a step in between has to show)."""
    found = causes.causes_only(case)
    verified = sum(c.status is CauseStatus.VERIFIED for c in found)
    rejected = sum(c.status is CauseStatus.REJECTED for c in found)
    return _("{count} causes named: {verified} verified, {rejected} rejected, {roots} root causes",
             count=len(found), verified=verified, rejected=rejected, roots=len(causes.root_causes(case)))


def _cause_parts(case: Case, step: StepDef, ctx: ExportContext, at: _Layout) -> list[Block]:
    if step.key not in (at.first.get("causes"), at.last.get("causes"), at.votes):
        return [Paragraph(cause_counts(case))] if causes.causes_only(case) else []
    return present(cause_drawing(case, ctx) if at.first.get("causes") == step.key else None,
                   titled(_("Most voted causes"), _fishbone_votes(case)) if at.votes == step.key else None,
                   titled(_("Root causes"), root_causes_block(case)) if at.last.get("causes") == step.key else None)


def _plan_parts(case: Case, step: StepDef, ctx: ExportContext, at: _Layout) -> list[Block]:
    chosen = actions_of(case, _kinds_option(step))
    if step.option("focus") == "effectiveness":
        return present(action_table(case, chosen, ctx.today, ("title", "criterion", "check", "result")))
    return present(action_table(case, chosen, ctx.today, ("action", "kind", "treats", "owner", "due", "status")))


def _indicator_parts(case: Case, step: StepDef, ctx: ExportContext, at: _Layout) -> list[Block]:
    charts = indicator_figures(case) if at.first.get("indicators") == step.key else []
    return present(*charts, indicator_status(case) if at.last.get("indicators") == step.key else None)


ToolContent = Callable[[Case, StepDef, ExportContext, _Layout], list[Block]]
TOOL_CONTENT: dict[Tool, ToolContent] = {
    Tool.TEXT: lambda case, step, ctx, at: [],
    Tool.TEAM: lambda case, step, ctx, at: present(team_table(case)),
    Tool.PROBLEM: lambda case, step, ctx, at: present(problem_facts(case), is_is_not(case)),
    Tool.CAUSE_TREE: _cause_parts,
    Tool.FISHBONE: _cause_parts,
    Tool.ACTION_PLAN: _plan_parts,
    Tool.INDICATOR: _indicator_parts,
    Tool.SIGNOFF: lambda case, step, ctx, at: [_signoff_or_notice(case, step.key)],
}
"""What each embedded tool shows in a report, for any method."""


# -- 8D: each discipline shows what the 8D asks of it


def _d1(case: Case, ctx: ExportContext) -> list[Block | None]:
    return [team_table(case)]


def _d2(case: Case, ctx: ExportContext) -> list[Block | None]:
    return [titled(_("5W2H"), problem_facts(case)), titled(_("IS / IS NOT"), is_is_not(case))]


def _d3(case: Case, ctx: ExportContext) -> list[Block | None]:
    table = action_table(case, actions_of(case, [ActionKind.CONTAINMENT]), ctx.today,
                         ("action", "owner", "due", "status", "criterion", "check"))
    return [titled(_("Containment actions and their verification"), table)]


def _d4(case: Case, ctx: ExportContext) -> list[Block | None]:
    blocks: list[Block | None] = []
    for path, title in ((CausePath.OCCURRENCE, N_("Occurrence: why it happened")),
                        (CausePath.NON_DETECTION, N_("Non-detection: why it escaped")),
                        (CausePath.SYSTEMIC, N_("Systemic: why the system allowed it"))):
        found = causes.root_causes(case, path)
        blocks.append(titled(_(title), root_causes_block(case, found) if found
                              else Paragraph(_("No root cause on this path yet."), "muted")))
    other = [c for c in causes.root_causes(case) if c.path is None]
    blocks.append(titled(_("Other root causes"), root_causes_block(case, other) if other else None))
    drawing = cause_drawing(case, ctx)
    blocks.append(titled(_("Cause analysis"), drawing))
    blocks.append(titled(_("Causes ruled out"), rejected_causes_block(case)))
    return blocks


def _d5(case: Case, ctx: ExportContext) -> list[Block | None]:
    corrective = actions_of(case, [ActionKind.CORRECTIVE])
    table = action_table(case, corrective, ctx.today, ("action", "treats", "owner", "due", "criterion"))
    return [titled(_("Root causes and their corrective actions"), countermeasure_table(case, ctx.today)),
            titled(_("Corrective actions and their verification criterion"), table)]


def _d6(case: Case, ctx: ExportContext) -> list[Block | None]:
    corrective = actions_of(case, [ActionKind.CORRECTIVE])
    implementation = action_table(case, corrective, ctx.today, ("action", "owner", "due", "status"))
    return [titled(_("Implementation"), implementation),
            titled(_("Effectiveness"), effectiveness_table(case, ctx.today, corrective)),
            *indicator_figures(case), indicator_status(case)]


def _d7(case: Case, ctx: ExportContext) -> list[Block | None]:
    preventive = actions_of(case, [ActionKind.PREVENTIVE])
    return [titled(_("Preventive actions"), action_table(case, preventive, ctx.today,
                                                          ("action", "treats", "owner", "due", "status", "check")))]


def _d8(case: Case, ctx: ExportContext) -> list[Block | None]:
    return [titled(_("Closure"), _signoff_or_notice(case, "d8"))]


EIGHT_D: dict[str, Callable[[Case, ExportContext], list[Block | None]]] = {
    "d1": _d1, "d2": _d2, "d3": _d3, "d4": _d4, "d5": _d5, "d6": _d6, "d7": _d7, "d8": _d8,
}
"""What each 8D discipline shows besides its fields (D0 shows its fields and its decision)."""

FIELDS_AFTER = {"d1", "d2"}
"""Disciplines whose tables come before their free text (the team, the problem)."""


def step_section(case: Case, step: StepDef, number: str, ctx: ExportContext, at: _Layout) -> Section:
    """A step as a report section: its purpose, fields, the tool's content, the sign-off or tollgate."""
    fields = step_fields(case, step.key)
    if case.method is Method.EIGHT_D and step.key in EIGHT_D:
        content = present(*EIGHT_D[step.key](case, ctx))
    else:
        content = TOOL_CONTENT[step.tool](case, step, ctx, at)
    blocks = [*content, *present(fields)] if step.key in FIELDS_AFTER else [*present(fields), *content]
    record = case.steps.get(step.key)
    if step.tool is not Tool.SIGNOFF and step.key != "d8":
        title = _("Tollgate") if case.method is Method.DMAIC else _("Sign-off")
        if record and record.signoff:
            blocks += present(titled(title, signoff_facts(record.signoff)))
        elif case.method is Method.DMAIC:  # every DMAIC phase ends with a tollgate: say when it is missing
            blocks += present(titled(title, Notice(_("Not signed yet."), "warn")))
    purpose = [Paragraph(_(step.purpose), "purpose")] if step.purpose and blocks else []
    return Section(_(step.title), (*purpose, *blocks), number=number, cls=f"step step-{step.key}")


def _number(step: StepDef, index: int) -> str:
    return "" if _(step.title).lower().startswith(step.key.lower()) else str(index)


def report_kind(case: Case) -> str:
    return {Method.EIGHT_D: _("8D report"), Method.DMAIC: _("DMAIC report")}.get(
        case.method, _("{method} report", method=case.method.label))


# -- the cover


def summary_facts(case: Case, today: date) -> Facts:
    """What a customer reads first: the problem, containment, root causes, corrective actions, result."""
    items: list[tuple[str, Cell]] = [(_("Problem"), case.problem.summary() or case.title)]
    containment = actions_of(case, [ActionKind.CONTAINMENT])
    if containment:
        items.append((_("Containment"), Stack(tuple(Inline((a.title, pill(a.status))) for a in containment))))
    roots = causes.verified_root_causes(case)
    items.append((_("Root causes"), Stack(tuple(cause_label(c) for c in roots)) if roots
                  else Pill(_("not verified yet"), "warn")))
    permanent = [a for a in case.actions if a.kind is not ActionKind.CONTAINMENT]
    if permanent:
        items.append((_("Actions"), Stack(tuple(Inline((a.title, pill(a.status), pill(a.effectiveness.result)
                                                         if a.effectiveness.result is not Effectiveness.PENDING
                                                         else "")) for a in permanent))))
    for indicator in case.indicators:
        items.append((_("Indicator"), Inline((indicator_line(indicator), indicator_verdict(indicator)))))
    return Facts(tuple(items), "summary")


def gate_progress(case: Case) -> CaseProgress | None:
    """Each step's gate for the case (``None`` if the method cannot be loaded)."""
    from methods.registry import evaluate

    try:
        return evaluate(case)
    except (RcaError, ImportError):
        return None


def gate_table(case: Case) -> Table | None:
    """Each step's gate: passed, or what blocks it."""
    progress = gate_progress(case)
    if progress is None:
        return None
    rows = tuple((_(g.step.title), Pill(_("passed"), "ok") if g.passed else Pill(_("open"), "warn"),
                  Stack(tuple(g.blockers)) if g.blockers else "—") for g in progress.gates)
    return Table((_("Step"), _("Gate"), _("What blocks it")), rows, (28, 12, 60), "gates")


def cover_html_and_md(case: Case, ctx: ExportContext) -> tuple[str, str, list[Block]]:
    """The cover: heading (HTML and Markdown) and the blocks under it."""
    facts = Facts(tuple((label, value) for label, value in (
        (_("Case"), case.id),
        (_("Method"), case.method.label),
        (_("Status"), pill(case.status)),
        (_("Opened"), format_date(case.created_on)),
        (_("Leader"), case.leader() or "—"),
        (_("Champion"), names_with_role(case, Role.CHAMPION) or "—"),
        (_("Report date"), format_date(ctx.today)),
    )), "cover-facts")
    kind = report_kind(case)
    head_html = (f'<header class="cover"><div class="kicker">{html_text(kind)} · {html_text(case.id)}</div>'
                 f'<h1 class="doc-title">{html_text(one_line(case.title))}</h1></header>')
    head_md = "# " + md_plain(_("{kind} — {case}: {title}", kind=kind, case=case.id, title=one_line(case.title)))
    blocks = present(Group((facts,), "cover-meta"), titled(_("Summary"), summary_facts(case, ctx.today)),
                     titled(_("Where each step stands"), gate_table(case)))
    return head_html, head_md, blocks


def report_sections(case: Case, ctx: ExportContext) -> list[Section]:
    steps = step_defs(case)
    at = _Layout.of(steps)
    return [step_section(case, step, _number(step, i), ctx, at) for i, step in enumerate(steps, 1)]


def report_html(case: Case, ctx: ExportContext) -> str:
    head, _md, cover = cover_html_and_md(case, ctx)
    body = (f'{head}<div class="cover-body">{to_html(cover)}</div>'
            f'<main>{to_html(report_sections(case, ctx))}</main>')
    kind = report_kind(case)
    labels = (f"@page {{ @top-right {{ content: {css_string(shorten(f'{case.id} · {one_line(case.title)}', 90))}; }} "
              f"@bottom-left {{ content: {css_string(f'{case.id} · {kind}')}; }} "
              f"@bottom-right {{ content: {css_string(_('Page'))} \" \" counter(page) \" \" {css_string(_('of'))} \" \" "
              f"counter(pages); }} }}")
    return html_page(title=f"{case.id} {case.title} — {report_kind(case)}", styles=("base.css", "report.css"),
                     body=body, body_class=f"report method-{case.method.value}", extra_css=labels)


def report_markdown(case: Case, ctx: ExportContext) -> str:
    _head, head, cover = cover_html_and_md(case, ctx)
    return "\n\n".join((head, to_markdown(cover), to_markdown(report_sections(case, ctx)))) + "\n"


def write_pdf(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_bytes(path, pdf_document(report_html(case, ctx)).write_pdf())


def write_html(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_text(path, report_html(case, ctx))


def write_markdown(case: Case, path: Path, ctx: ExportContext) -> None:
    atomic_write_text(path, report_markdown(case, ctx))


register(Format("report", ".pdf", N_("method report, PDF (A4)"), write_pdf))
register(Format("report", ".html", N_("method report, web page"), write_html))
register(Format("report", ".md", N_("method report, Markdown"), write_markdown))
