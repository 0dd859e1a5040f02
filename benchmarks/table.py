"""Samples, medians, ratios against a floor, verdicts, and the printed table (no ``rca`` imports here)."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

Sample = tuple[float, float]
"""(wall seconds, cpu seconds) of one run."""


@dataclass
class Stat:
    """The median wall and CPU time of several runs."""

    wall: float
    cpu: float
    runs: int

    @classmethod
    def of(cls, samples: Iterable[Sample]) -> Stat:
        items = list(samples)
        return cls(statistics.median(s[0] for s in items), statistics.median(s[1] for s in items), len(items))


@dataclass
class Target:
    """What a row must meet: a ratio against its floor, or an absolute limit (seconds or MB)."""

    text: str
    ratio: float | None = None
    limit: float | None = None
    on_cpu: bool = False
    """The limit is on CPU time (app work), not wall time."""


@dataclass
class Row:
    measure: str
    value: Stat | None = None
    floor: Stat | None = None
    floor_name: str = ""
    target: Target | None = None
    unit: str = "s"
    note: str = ""
    missing: str = ""
    """Why the row could not be measured ("not available: ...")."""
    checks: list[tuple[str, bool]] = field(default_factory=list)
    """Extra pass/fail facts shown with the verdict (e.g. "no Textual import")."""

    def ratio(self, cpu: bool = False) -> float | None:
        if self.value is None or self.floor is None:
            return None
        top, bottom = (self.value.cpu, self.floor.cpu) if cpu else (self.value.wall, self.floor.wall)
        return top / bottom if bottom > 0 else None

    def verdict(self, cpu: bool = False) -> bool | None:
        """Whether the target is met, judged on wall time (or CPU time); None without a target."""
        if self.value is None or self.target is None:
            return None if not self.checks else all(ok for _name, ok in self.checks)
        target, ok = self.target, True
        if target.ratio is not None:
            ratio = self.ratio(cpu)
            ok = ratio is not None and ratio <= target.ratio
        if target.limit is not None:
            amount = self.value.cpu if (cpu or target.on_cpu) and self.unit == "s" else self.value.wall
            ok = ok and amount <= target.limit
        return ok and all(ok for _name, ok in self.checks)


def _amount(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def _stat(stat: Stat | None, unit: str) -> str:
    if stat is None:
        return "—"
    if unit == "MB":
        return _amount(stat.wall, unit)
    return f"{_amount(stat.wall, unit)} ({_amount(stat.cpu, unit)}) ×{stat.runs}"


def _mark(ok: bool | None) -> str:
    return "—" if ok is None else ("✓" if ok else "✗")


def render(rows: list[Row]) -> str:
    """The table: median wall (cpu) ×runs, the floor, the ratio (cpu ratio), the target, the verdict."""
    headers = ["measure", "median wall (cpu) ×runs", "floor", "floor: median wall (cpu)", "ratio (cpu)", "target",
               "ok"]
    lines = []
    for row in rows:
        if row.missing:
            lines.append([row.measure, row.missing, row.floor_name or "—", "—", "—",
                          row.target.text if row.target else "—", "—"])
            continue
        ratio, ratio_cpu = row.ratio(), row.ratio(cpu=True)
        ratio_text = "—" if ratio is None else f"{ratio:.2f}×" + ("" if ratio_cpu is None or row.unit == "MB"
                                                                  else f" ({ratio_cpu:.2f}×)")
        wall_ok, cpu_ok = row.verdict(), row.verdict(cpu=True)
        mark = _mark(wall_ok)
        if row.unit == "s" and wall_ok is not None and cpu_ok != wall_ok:
            mark += f" (cpu {_mark(cpu_ok)})"
        extra = "; ".join(f"{name} {_mark(ok)}" for name, ok in row.checks)
        lines.append([row.measure, _stat(row.value, row.unit), row.floor_name or "—", _stat(row.floor, row.unit),
                      ratio_text, row.target.text if row.target else "—", mark + (f" · {extra}" if extra else "")])
    widths = [max(len(str(line[i])) for line in [headers, *lines]) for i in range(len(headers))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in lines]
    notes = [f"- {row.measure}: {row.note}" for row in rows if row.note]
    return "\n".join(out + ([""] + notes if notes else []))


def machine() -> str:
    """CPU model, cores, load, Python and Textual versions, Graphviz."""
    from importlib.metadata import PackageNotFoundError, version

    model = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), model)
    except OSError:
        pass
    try:
        textual = version("textual")
    except PackageNotFoundError:
        textual = "not installed"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"machine: {model}, {os.cpu_count()} cores, load average {load}\n"
            f"python {platform.python_version()} ({platform.python_implementation()}), textual {textual}, "
            f"{platform.system()} {platform.release()}")
