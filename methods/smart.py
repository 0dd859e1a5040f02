"""The SMART check on goals, targets and deliverables: is there a measurable target, and a date?

A person writes "reduce changeover time on press line 3 from 47 to 20 min by week 40", or in French
"réduire le rebut à 2 % d'ici fin juin": the check looks for a time bound first (an ISO or dd/mm/yyyy
date, a month name, a week, a quarter, "within 3 months", "end of year"...), takes it out of the text,
then looks for a number in what is left, so a date alone never passes for a target. English and French
words are both understood, whatever the language shown. The check is deliberately lenient: it asks
"could anyone tell, on the day, whether this was met?", not for a perfect sentence.
"""

from __future__ import annotations

import re

from rca.i18n import _

_MONTHS = (
    "january|february|march|april|june|july|august|september|october|november|december"
    "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
    "|décembre|decembre"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|janv|févr|fevr|fév|fev|avr|juil|déc"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th|er)?"
_YEAR = r"(?:19|20)\d{2}"

# "may" is also an English verb ("we may reduce..."): it counts as a month only with a day, a year
# or a preposition of time next to it.
_DATE_PATTERNS = [
    rf"\b{_YEAR}-\d{{1,2}}-\d{{1,2}}\b",  # 2026-09-30
    r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",  # 30/09/2026, 30.09.26
    rf"\b\d{{1,2}}/{_YEAR}\b",  # 09/2026
    rf"(?:\b{_DAY}\s+)?\b(?:{_MONTHS})\b\.?(?:\s+{_DAY}\b)?(?:,?\s+{_YEAR}\b)?",  # 30 June 2026, mid-March
    rf"\b{_DAY}\s+may\b(?:,?\s+{_YEAR}\b)?",
    rf"\bmay\s+(?:{_DAY}\b(?:,?\s+{_YEAR}\b)?|{_YEAR}\b)",
    r"\b(?:by|in|end\s+of|mid|early|late|before|until)[\s-]+may\b",
    r"\b(?:week|wk|semaine|sem\.?)\s*\d{1,2}\b",  # week 12, semaine 12
    rf"\b(?:by|in|end\s+of|before|until|within|d['’]ici|fin|en|avant|courant|début|debut|mi)[\s-]+{_YEAR}\b",
    r"\b(?:within|in|over|for|after|under|sous|dans|d['’]ici|en|pendant|sur)\s+(?:the\s+next\s+|les\s+)?"
    r"\d+\s*(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?|années?|annees?)\b",
    r"\b(?:end\s+of\s+(?:the\s+)?(?:year|month|quarter)|year[\s-]end|fin\s+d['’]année|fin\s+de\s+l['’]année"
    r"|fin\s+du\s+(?:mois|trimestre))\b",
]
# Applied one after the other, most precise first, so "by 2026-09-30" is taken whole as a date.
_DATES = [re.compile(pattern, re.IGNORECASE) for pattern in _DATE_PATTERNS]
# Short codes are matched case-sensitively: W12 / S12 (semaine) / KW12, Q3 / T3 (trimestre), H1.
_CODE = re.compile(r"\b(?:KW\s?\d{1,2}|[WS]\d{1,2}|[QT][1-4]|H[12])\b(?:[\s-]*(?:19|20)\d{2}\b)?")

# A number that names a thing ("press line 3", "C2", "FL-02", "lot 4471") is not a target.
_NAMING = re.compile(
    r"\b(?:line|press|machine|cell|station|shift|lot|batch|part|drawing|rev|ligne|presse|poste|cellule|"
    r"équipe|equipe|n°|no\.|#)\s*\d+\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"(?<![\w.,\-−+])[-+−]?\d+(?:[.,]\d+)?|\b(?:zero|zéro|half|halve|halved|moitié|double|twice)\b", re.IGNORECASE
)


def _without_dates(text: str) -> tuple[str, bool]:
    """The text with its time bounds (and numbers that only name things) blanked out, and whether
    there was a time bound."""
    found = False

    def blank(match: re.Match[str]) -> str:
        nonlocal found
        found = True
        return " " * len(match.group(0))

    for pattern in (*_DATES, _CODE):
        text = pattern.sub(blank, text)
    text = _NAMING.sub(lambda match: " " * len(match.group(0)), text)
    return text, found


def numbers(text: str) -> list[str]:
    """The numbers of a text that are not part of a date ("from 4.2 % to 2 % by Q3" → 4.2, 2)."""
    rest, _found = _without_dates(text)
    return [m.group(0) for m in _NUMBER.finditer(rest)]


def has_date(text: str) -> bool:
    """Whether the text says by when (a date, a month, a week, a quarter, a duration)."""
    return _without_dates(text)[1]


def smart_problems(text: str, *, need_date: bool = True) -> list[str]:
    """What keeps ``text`` from being a SMART target, as messages to show; empty when it is fine.

    ``need_date=False`` when the date is recorded elsewhere (an action's due date).
    """
    rest, dated = _without_dates(text or "")
    problems = []
    if not _NUMBER.search(rest):
        problems.append(
            _("no measurable target: say how much, with a number and its unit "
              "(e.g. 'from 47 to 20 min', 'below 500 ppm', 'zero returns')")
        )
    if need_date and not dated:
        problems.append(_("no date: say by when (e.g. 'by 2026-09-30', 'by week 40', 'end of June', 'Q3')"))
    return problems
