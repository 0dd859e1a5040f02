"""The i18n mechanism: language resolution, fallback, formats."""

from __future__ import annotations

from datetime import date

import pytest

from rca import i18n


def test_language_from_option_then_env_then_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RCA_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert i18n.resolve_language() == "fr"
    assert i18n.resolve_language("en") == "en"
    monkeypatch.setenv("RCA_LANG", "en")
    assert i18n.resolve_language() == "en"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.delenv("RCA_LANG")
    assert i18n.resolve_language() == "en"  # a locale we do not speak falls back to English
    with pytest.raises(ValueError, match="use one of: en, fr"):
        i18n.resolve_language("de")


def test_missing_entries_fall_back_to_english_and_placeholders_fill() -> None:
    i18n.set_language("fr")
    try:
        assert i18n._("no such string {x}", x=1) == "no such string 1"
        assert i18n.format_date(date(2026, 11, 26)) == "26/11/2026"
        assert i18n.format_number(2.5) == "2,5"
        assert i18n.format_percent(0.75) == "75\u00a0%"
    finally:
        i18n.set_language("en")
    assert i18n.format_date(date(2026, 11, 26)) == "2026-11-26"
    assert i18n.format_percent(0.75) == "75%"
