"""The weekly digest as Markdown or HTML, ready to paste into an e-mail (``rca digest``).

Presentation only: what each owner must hear comes from ``rca.followup.build_digest``. Every piece of user
text is escaped for its target (``exports.safe``): Markdown renders it literally, HTML shows it as text.
The Markdown leaves rca's own words (headings, ids, dates) unescaped so the text stays readable as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from exports.safe import html_text, md_text, one_line
from rca.errors import NotFound
from rca.followup import DigestItem, OwnerDigest, owner_label
from rca.i18n import _, format_date
from rca.measurements import proposal_text

FORMATS = ("md", "html")
"""What ``rca digest`` writes: the output file's extension, or ``--format`` on stdout."""


def format_for(name: str) -> str:
    """``md`` or ``html`` for a file name or a format name; a clear error for anything else."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else name.lower()
    suffix = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    if suffix not in FORMATS:
        raise NotFound(_("unknown digest format '{name}'; try one of: .md, .html", name=name))
    return suffix


def _item_text(item: DigestItem, today: date, section: str, escape: Callable[[str], str]) -> str:
    """One line; ``escape`` is applied to what the user typed (titles, criteria)."""
    action = item.action
    head = f"{item.case_id} · {action.id} {escape(one_line(action.title))}"
    if section == "late":
        days = (today - action.due).days if action.due else 0
        tail = _("due {date}, {days} days late", date=format_date(action.due), days=days)
    elif section == "due_soon":
        tail = _("due {date}", date=format_date(action.due))
    else:
        check = action.effectiveness
        tail = _("check planned {date}", date=format_date(check.planned))
        if check.criterion.strip():
            tail += " — " + _("criterion: {text}", text=escape(one_line(check.criterion)))
    return f"{head} — {tail}"


def _sections(days: int) -> list[tuple[str, str]]:
    return [
        ("late", _("Late")),
        ("due_soon", _("Due within {days} days", days=days)),
        ("checks_overdue", _("Effectiveness checks overdue")),
        ("checks_due", _("Effectiveness checks due within {days} days", days=days)),
    ]


def _items(digest: OwnerDigest, section: str) -> Sequence[DigestItem]:
    return getattr(digest, section)  # type: ignore[no-any-return]


def _title(today: date, days: int) -> str:
    return _("Weekly follow-up — {date} (next {days} days)", date=format_date(today), days=days)


def _nothing(digests: Sequence[OwnerDigest]) -> bool:
    return all(d.empty for d in digests)


def render_markdown(digests: Sequence[OwnerDigest], today: date, days: int) -> str:
    lines = [f"# {_title(today, days)}", ""]
    if _nothing(digests):
        lines += [_("Nothing due, late or to check. Well done.")]
    for digest in digests:
        lines += [f"## {md_text(owner_label(digest.owner))}", ""]
        if digest.empty:
            lines += [_("Nothing due, late or to check."), ""]
        for key, heading in _sections(days):
            items = _items(digest, key)
            if not items:
                continue
            lines += [f"### {heading} ({len(items)})", ""]
            for item in items:
                lines.append(f"- {_item_text(item, today, key, md_text)}")
                if item.proposed is not None and key.startswith("checks"):
                    lines.append(f"  - {proposal_text(item.action, item.proposed)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_html(digests: Sequence[OwnerDigest], today: date, days: int) -> str:
    title = html_text(_title(today, days))
    parts = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8">', f"<title>{title}</title>",
             "<style>body{font-family:sans-serif;max-width:60em} .late{color:#b00020} "
             ".hint{color:#555;font-style:italic}</style>", "</head><body>", f"<h1>{title}</h1>"]
    if _nothing(digests):
        parts.append(f"<p>{html_text(_('Nothing due, late or to check. Well done.'))}</p>")
    for digest in digests:
        parts.append(f"<h2>{html_text(owner_label(digest.owner))}</h2>")
        if digest.empty:
            parts.append(f"<p>{html_text(_('Nothing due, late or to check.'))}</p>")
        for key, heading in _sections(days):
            items = _items(digest, key)
            if not items:
                continue
            css = ' class="late"' if key in ("late", "checks_overdue") else ""
            parts.append(f"<h3{css}>{html_text(heading)} ({len(items)})</h3>")
            parts.append("<ul>")
            for item in items:
                hint = ""
                if item.proposed is not None and key.startswith("checks"):
                    hint = f'<br><span class="hint">{html_text(proposal_text(item.action, item.proposed))}</span>'
                parts.append(f"<li>{html_text(_item_text(item, today, key, str))}{hint}</li>")
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


RENDERERS: dict[str, Callable[[Sequence[OwnerDigest], date, int], str]] = {
    "md": render_markdown,
    "html": render_html,
}


def render(digests: Sequence[OwnerDigest], today: date, days: int, fmt: str) -> str:
    return RENDERERS[format_for(fmt)](digests, today, days)
