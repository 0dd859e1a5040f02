"""A facilitator at the TUI, for the concurrency test: types into a step field and adds causes in the
why-tree (Pilot, headless) for a bounded time, while other processes write the same case.

``python tests/reliability/tui_writer.py WORKSPACE CASE SECONDS OUT.json``

What counts as acknowledged is what the TUI's session saved: every ``CaseSession.apply`` that returned is
recorded (the field's text and the causes of the saved case). OUT.json gets::

    {"field": last saved text of D4's field, "causes": [texts the session saved], "saves": n,
     "typed": keys pressed, "not_saved": notifications of refused saves, "rounds": n}
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402
from textual.widgets import TextArea  # noqa: E402

from rca import causes  # noqa: E402
from rca.store import Workspace  # noqa: E402
from rca.tui.app import make_app  # noqa: E402
from rca.tui.config import Config  # noqa: E402
from rca.tui.screens.case import CaseScreen  # noqa: E402
from rca.tui.session import CaseSession  # noqa: E402
from rca.tui.widgets.why_tree import WhyTree  # noqa: E402

STEP, FIELD = "d4", "verification"


async def drive(path: Path, case_id: str, seconds: float) -> dict[str, Any]:
    saved_fields: list[str] = []
    saved_causes: set[str] = set()
    typed_causes: list[str] = []
    real_apply = CaseSession.apply

    def apply(self: CaseSession, change: Any, summary: str) -> Any:
        case = real_apply(self, change, summary)  # returned: the session saved it
        saved_fields.append(case.field(STEP, FIELD))
        saved_causes.update(c.text for c in causes.causes_only(case) if c.text.startswith("TUI cause"))
        return case

    CaseSession.apply = apply  # type: ignore[method-assign]
    workspace = Workspace(path, user="facilitator").open()
    app = make_app(workspace, today=date.today(), config=Config())
    refused: list[str] = []
    real_notify = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("severity") == "error":
            refused.append(message)
        real_notify(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    keys = rounds = 0
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        app.push_screen(CaseScreen(case_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        screen.step_key = STEP
        await pilot.pause()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            rounds += 1
            area = screen.query_one(f"#field-{FIELD}", TextArea)
            area.focus()
            area.move_cursor(area.document.end)
            words = f" tui-{rounds}"
            await pilot.press(*words)
            keys += len(words)
            await pilot.pause(0.3)  # the debounced save
            tree = screen.query_one(WhyTree)
            tree.cause_tree.focus()  # leaving the box saves it too
            await pilot.pause()
            text = f"TUI cause {rounds}"
            await pilot.press("home", "a")
            await pilot.pause()
            await pilot.press(*text, "enter")
            keys += len(text) + 2
            typed_causes.append(text)
            await pilot.pause()
            await app.workers.wait_for_complete()
        screen.flush()
        await pilot.pause()
    return {"field": saved_fields[-1] if saved_fields else "", "causes": sorted(saved_causes),
            "typed_causes": typed_causes, "saves": len(saved_fields), "typed": keys, "not_saved": refused,
            "rounds": rounds}


def main() -> None:
    path, case_id, seconds, out = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), Path(sys.argv[4])
    result = asyncio.run(drive(path, case_id, seconds))
    out.write_bytes(orjson.dumps(result))


if __name__ == "__main__":
    main()
