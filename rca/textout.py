"""Plain-text output for the CLI: aligned tables and a JSON printer (no rich: ``rca`` must start fast)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """User text made safe for a terminal: escape sequences and control characters removed."""
    return _CONTROL.sub("", text)


def width(text: str) -> int:
    """Cells a string takes in a terminal (wide East Asian characters and emoji count two)."""
    if text.isascii():
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def clip(text: str, limit: int) -> str:
    text = " ".join(inert(text).split())
    if width(text) <= limit:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        cells = width(char)
        if used + cells > limit - 1:
            break
        out.append(char)
        used += cells
    return "".join(out) + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], limits: Sequence[int] | None = None) -> str:
    """An aligned text table; each column clipped to its limit (with …)."""
    limits = limits or [60] * len(headers)
    cells = [[clip(str(v), lim) for v, lim in zip(row, limits, strict=False)] for row in rows]
    heads = [inert(h) for h in headers]  # headers are ours and short: never clipped (French ones are longer)
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(heads)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=False)).rstrip()

    out = [line(heads), line(["─" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
