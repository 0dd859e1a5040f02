"""The registry of step tools: which ``ToolWidget`` the case screen embeds for each ``methods.base.Tool``.

Paths are dotted strings imported on first use, so opening the app does not import every tool (the
indicator chart pulls in plotext) and a tool module may import the case screen's helpers freely.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from methods.base import Tool
from rca.errors import NotFound
from rca.i18n import _

if TYPE_CHECKING:
    from rca.tui.widgets.base import ToolWidget

TOOL_WIDGETS: dict[Tool, str] = {
    Tool.TEXT: "rca.tui.widgets.base:ToolWidget",
    Tool.TEAM: "rca.tui.widgets.team:TeamEditor",
    Tool.PROBLEM: "rca.tui.widgets.problem:ProblemEditor",
    Tool.CAUSE_TREE: "rca.tui.widgets.why_tree:WhyTree",
    Tool.FISHBONE: "rca.tui.widgets.fishbone:FishboneEditor",
    Tool.ACTION_PLAN: "rca.tui.widgets.action_plan:ActionPlan",
    Tool.INDICATOR: "rca.tui.widgets.indicators:IndicatorPanel",
    Tool.SIGNOFF: "rca.tui.widgets.signoff:SignoffEditor",
}
"""Each tool's widget as ``"module:Class"`` (``Tool.TEXT`` is the bare base: no tool below the fields)."""


def tool_widget(tool: Tool | str) -> type[ToolWidget]:
    """The widget class for a tool, imported now; ``NotFound`` lists the tools that exist."""
    from rca.tui.widgets.base import ToolWidget

    try:
        target = TOOL_WIDGETS[Tool(tool)]
    except (ValueError, KeyError):
        raise NotFound(
            _("unknown tool '{tool}'; try one of: {choices}", tool=tool,
              choices=", ".join(t.value for t in TOOL_WIDGETS))
        ) from None
    module_name, _sep, class_name = target.partition(":")
    widget = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(widget, type) and issubclass(widget, ToolWidget)):
        raise TypeError(f"{target} is not a ToolWidget subclass")
    return widget
