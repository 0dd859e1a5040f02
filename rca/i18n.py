"""Every user-visible string passes through here.

Source strings are written in English in the code, wrapped in ``_()`` where they are shown, or in
``N_()`` where they are only declared (method definitions, enum labels) and translated when shown.
A catalogue per language (``rca/locales/<lang>.py``, a ``MESSAGES`` dict from the English text to the
translation) is loaded on first use. A missing entry falls back to English, so a partial catalogue never
breaks the app; ``tests/unit/test_i18n.py`` keeps the catalogues complete.

The language comes from ``--lang``, then ``RCA_LANG``, then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
"""

from __future__ import annotations

import importlib
import os
from datetime import date, datetime
from functools import cache

SUPPORTED = ("en", "fr")
"""Languages with a catalogue (English is the source)."""

_current = "en"


def N_(message: str) -> str:
    """Mark a string for translation without translating it now (it is translated where shown)."""
    return message


@cache
def _catalogue(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    try:
        module = importlib.import_module(f"rca.locales.{lang}")
    except ModuleNotFoundError:
        return {}
    return dict(module.MESSAGES)


def _(message: str, /, **values: object) -> str:
    """Translate ``message`` into the current language, then fill its ``{placeholders}``."""
    text = _catalogue(_current).get(message, message) if _current != "en" else message
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return message.format(**values)
    return text


def normalise_language(value: str | None) -> str | None:
    """``fr_FR.UTF-8`` → ``fr``; ``None`` for an empty, ``C`` or ``POSIX`` value."""
    if not value:
        return None
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if code in ("", "c", "posix"):
        return None
    return code


def resolve_language(option: str | None = None) -> str:
    """The language to use: the option, then ``RCA_LANG``, then the locale, else English.

    Raises ``ValueError`` (with the accepted values) for an explicit language rca does not speak.
    """
    explicit = normalise_language(option) or normalise_language(os.environ.get("RCA_LANG"))
    if explicit:
        if explicit not in SUPPORTED:
            raise ValueError(
                _("unknown language '{lang}'; use one of: {choices}", lang=explicit, choices=", ".join(SUPPORTED))
            )
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = normalise_language(os.environ.get(name))
        if code:
            return code if code in SUPPORTED else "en"
    return "en"


def set_language(lang: str) -> None:
    """Switch the language for everything shown from now on."""
    global _current
    _current = lang if lang in SUPPORTED else "en"


def language() -> str:
    """The current language code."""
    return _current


def format_date(value: date | datetime | None) -> str:
    """A date as the current language writes it: 2026-11-26 in English, 26/11/2026 in French."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.date()
    if _current == "fr":
        return value.strftime("%d/%m/%Y")
    return value.isoformat()


def input_date(value: date | None) -> str:
    """A date pre-filled in an input box, as the user would type it (empty for none)."""
    return format_date(value) if value is not None else ""


def format_number(value: float | int | None, digits: int = 1) -> str:
    """A number with the current language's decimal separator (a comma in French)."""
    if value is None:
        return "—"
    if isinstance(value, int) or float(value).is_integer():
        text = str(int(value))
    else:
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if _current == "fr" else text


def format_percent(share: float | None) -> str:
    """A share (0..1) as a percentage: 75 % in French, 75% in English."""
    if share is None:
        return "—"
    number = format_number(round(share * 100), 0)
    return f"{number}\u00a0%" if _current == "fr" else f"{number}%"
