"""Running Graphviz (``dot``): a system program that may be missing, slow, or unhappy with its input.

``render(dot_text, "svg")`` returns the output bytes. Without Graphviz it raises ``GraphvizMissing`` (an
``RcaError`` whose message says how to install it): the A3 sheet and the report catch it and draw a
placeholder; the CLI shows it. Whether Graphviz is installed is asked through ``registry.dot_available``,
so tests can pretend it is missing.
"""

from __future__ import annotations

import shutil
import subprocess

from exports import registry
from rca.errors import RcaError
from rca.i18n import _

TIMEOUT_SECONDS = 120
"""A diagram that takes longer than this to lay out is given up (a layout bug, or a pathological graph)."""


class GraphvizMissing(RcaError):
    """Graphviz's ``dot`` is not installed; the message says how to install it."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or registry.install_dot_hint())


class GraphvizFailed(RcaError):
    """``dot`` ran but could not draw the diagram (the message carries its first complaint)."""


def require_dot() -> str:
    """The path of ``dot``, or ``GraphvizMissing``."""
    if not registry.dot_available():
        raise GraphvizMissing()
    found = shutil.which("dot")
    if found is None:
        raise GraphvizMissing()
    return found


def render(dot_text: str, fmt: str, *, engine: str | None = None) -> bytes:
    """``dot_text`` drawn as ``fmt`` (svg, png, pdf...) by ``dot`` (or ``engine``, e.g. ``neato``)."""
    program = require_dot()
    command = [program, f"-T{fmt}"]
    if engine:
        command.append(f"-K{engine}")
    try:
        done = subprocess.run(
            command, input=dot_text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except FileNotFoundError as error:
        raise GraphvizMissing() from error
    except subprocess.TimeoutExpired as error:
        raise GraphvizFailed(
            _(
                "Graphviz took more than {seconds} s to draw the diagram; export it as .dot or .mmd instead",
                seconds=TIMEOUT_SECONDS,
            )
        ) from error
    if done.returncode != 0 or not done.stdout:
        complaint = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = complaint[0] if complaint else _("exit status {code}", code=done.returncode)
        raise GraphvizFailed(_("Graphviz could not draw the diagram: {reason}", reason=reason[:300]))
    return done.stdout


def svg_element(svg: bytes | str) -> str:
    """The ``<svg>...</svg>`` element of an SVG document, without the XML prolog, DOCTYPE and comments
    (ready to put inside an HTML page)."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    start = text.find("<svg")
    return text[start:].strip() if start >= 0 else text.strip()
