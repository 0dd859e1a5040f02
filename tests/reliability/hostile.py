"""Hostile text: what people, customers and imported files can put in a case, and a case full of it.

Used by the TUI and export tests: every string below must be shown or written as inert text.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rca import causes
from rca.model import (
    Action,
    ActionKind,
    CausePath,
    CauseStatus,
    Evidence,
    Indicator,
    Measurement,
    Role,
    TeamMember,
)
from rca.store import Workspace

TERMINAL = [
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b]0;pwned title\x07",  # window title
    "\x1b]8;;https://evil.example/x\x1b\\click me\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x9b31mC1 red",  # 8-bit CSI
    "\x1bP+q544e\x1b\\",  # DCS request
    "bell\x07 back\x08\x08 cr\r lf",
    "\x00nul\x7fdel",
]
UNICODE = [
    "\u202etxt.exe\u202c",  # right-to-left override
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",  # Hebrew, Arabic
    "👩\u200d🔧👨\u200d👩\u200d👧\u200d👦🏳️\u200d🌈",  # zero-width joiners
    "Z\u0351\u0352\u0353a\u0301\u0302\u0303l\u0304\u0305g\u0306\u0307o",  # combining marks
    "zero\u200bwidth\u200c\ufeff",
    "𝕳𝖔𝖘𝖙𝖎𝖑𝖊 \U0001f4a5",
]
MARKUP = [
    "[bold red]not bold[/bold red]",  # Rich / Textual markup
    "[@click=app.quit]quit on click[/]",  # Textual action markup: must never become an action
    "[link=https://evil.example]link[/link]",
    "$foo ${bar} {0} %s",
]
HTML = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">js link</a>",
    "<svg onload=alert(1)><![CDATA[ x ]]>",
    "</textarea><iframe src=//evil></iframe>",
    "&lt;already&gt; &amp; &#60;script&#62;",
    "\"'><style>*{display:none}</style>",
]
DIAGRAM = [
    '"]; x [label="injected',  # DOT
    "}\ndigraph { evil }",
    "<<b>html label</b>>",
    "a -> b; b --> c; click A call alert()",  # Mermaid
    "%%{init: {'theme':'dark'}}%%",
    "node[label=<<TABLE>>]",
    "\\l\\N\\G\\E \\\\",
]
MARKDOWN = [
    "# heading\n- list\n> quote\n```\ncode\n```",
    "[click](javascript:alert(1)) ![img](http://evil/x.png)",
    "| a | b |\n|---|---|",
    "<details open><summary>raw html</summary></details>",
    "*emph* _u_ ~~s~~ `tick`",
]
SPREADSHEET = [
    "=HYPERLINK(\"http://evil\",\"x\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|'/c calc'!'A1'",
]
CALENDAR = [
    "line\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT",
    "x\nATTENDEE:mailto:evil@example.com",
    "a;b,c\\d:e",
]
PATHS = ["../../escaped", "/etc/passwd", "C:\\Windows\\x", "CON", "nul.txt", "..", ".", "a/b\\c", "~root",
         "x" * 400, "-rf", ".hidden", "name\x00nul"]
ALL = TERMINAL + UNICODE + MARKUP + HTML + DIAGRAM + MARKDOWN + SPREADSHEET + CALENDAR + PATHS


def mix(*parts: str, limit: int = 290) -> str:
    """Several hostile strings in one (at most ``limit`` characters: titles have a limit)."""
    return " | ".join(parts)[:limit]


def hostile_case(ws: Workspace, title: str, today: date, *, method: str = "8d") -> str:
    """A case with hostile text in every field an export or a screen shows; its id."""

    def build(case: Any, ids: Any) -> None:
        problem = case.problem
        problem.what = "\n".join(ALL)
        for name, text in zip(("where", "when", "who", "how_detected", "how_many", "why_it_matters"),
                              HTML + DIAGRAM, strict=False):
            setattr(problem, name, text)
        case.team = [TeamMember(name=mix(*HTML[:2]), role=Role.LEADER),
                     TeamMember(name=mix(*TERMINAL[:3]), role=Role.MEMBER)]
        for step, key in (("d0", "symptom"), ("d4", "verification"), ("d6", "implementation"),
                          ("define", "charter"), ("whys", "notes")):
            case.step(step).fields = {key: "\n".join(ALL)}
        previous = "P"
        for index, text in enumerate(ALL):
            parent = previous if index % 3 else "P"
            cause = causes.add_cause(case, parent, text.replace("\x00", "") or "x", by=mix(*HTML[:1]))
            previous = cause.id
            if index % 4 == 0:
                cause.status = CauseStatus.VERIFIED
                cause.root = True
                cause.path = (CausePath.OCCURRENCE, CausePath.NON_DETECTION, CausePath.SYSTEMIC)[index % 3]
                cause.evidence = [Evidence(text=mix(*SPREADSHEET[:2], *HTML[:1]), by="x")]
        kinds = list(ActionKind)
        targets = [c.id for c in causes.causes_only(case)][:4]
        for index, text in enumerate(HTML + SPREADSHEET + CALENDAR + TERMINAL[:3] + MARKDOWN[:2]):
            case.actions.append(Action(
                id=ids.next_action_id(), title=text.replace("\x00", "") or "x", owner=mix(SPREADSHEET[index % 7]),
                deliverable=mix(CALENDAR[index % 3], DIAGRAM[index % 7]), kind=kinds[index % len(kinds)],
                due=today + timedelta(days=index - 5), causes=targets[: index % 3],
                evidence=[Evidence(text=mix(TERMINAL[index % 7], MARKUP[index % 4]), by="x")],
            ))
        case.indicators = [Indicator(id="I-1", name=mix(*HTML[:2], limit=80), unit="<b>mm</b>",
                                     measurements=[Measurement(on=today - timedelta(days=3), value=1.5,
                                                               note=mix(*SPREADSHEET[:2]))])]

    return ws.create_case(title=title, method=method, build=build).id
