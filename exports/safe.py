"""Escaping user text for each export target, safe file names, and atomic writes.

Everything a user typed reaches files that other programs open: browsers (HTML, SVG), Graphviz (DOT),
Markdown renderers, Excel and LibreOffice (CSV, XLSX), calendars (ICS), the file system. Each target has
its own dangerous characters, so each has one function here, and every exporter uses them:

    strip_controls(s)      C0/C1 controls (except newline and tab) and ANSI escapes out; CR/CRLF → LF
    html_text(s)           text for HTML and SVG/XML (escaped, controls and XML-invalid code points out);
                           ``html_attr`` keeps newlines in attributes, ``html_lines`` shows them as <br>
    dot_label(s)           a complete quoted DOT string (``"..."``); ``dot_html(s)`` for HTML-like labels
    md_text(s)             Markdown that renders literally; ``md_cell(s)`` for a table cell (pipes, newlines)
    spreadsheet_cell(s)    a cell that Excel will not run as a formula (``'`` before = + - @ tab CR)
    ics_text(s)            text for an iCalendar property (the icalendar library escapes and folds it)
    safe_filename(s)       a file name with no path in it, never empty
    atomic_write_bytes / atomic_write_text   temp file in the same folder, fsync, ``os.replace``
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from rca.errors import RcaError
from rca.i18n import _

# ---------------------------------------------------------------- control characters

_ANSI = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]               # CSI: colours, cursor moves (ESC [ ... final)
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?    # OSC: window titles, hyperlinks (ESC ] ... BEL or ST)
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?         # DCS, SOS, PM, APC strings
    | \x1b[@-Z\\-_]                         # other two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]                 # the 8-bit CSI
    """,
    re.VERBOSE,
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except \t \n, DEL, C1
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates ("Trojan Source" spoofing)
    "\ud800-\udfff"  # lone surrogates (cannot be encoded; invalid in XML)
    "\ufffe\uffff]"  # non-characters (invalid in XML)
)


def strip_controls(s: str) -> str:
    """``s`` without C0/C1 control characters (newline and tab kept) and without ANSI escape sequences.

    Line ends are normalised first (CRLF and CR become LF), so a line break typed on Windows stays a line
    break instead of vanishing. Lone surrogates and the non-characters U+FFFE/U+FFFF go too: they cannot be
    written as UTF-8 or XML. So do the bidi overrides, embeddings and isolates (U+202A-U+202E,
    U+2066-U+2069), which can make text show something else than it says; right-to-left text itself, and the
    left-to-right and right-to-left marks, are kept.
    """
    if not s:
        return ""
    text = s.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    return _CONTROLS.sub("", text)


def one_line(s: str) -> str:
    """``s`` cleaned of controls, with its lines joined by spaces and runs of spaces collapsed."""
    return " ".join(strip_controls(s).split())


def shorten(s: str, limit: int) -> str:
    """At most ``limit`` characters, ending with an ellipsis when cut (for diagram labels, not for data)."""
    if len(s) <= limit:
        return s
    return s[: max(1, limit - 1)].rstrip() + "…"


# ---------------------------------------------------------------- HTML, SVG, XML


def html_text(s: str) -> str:
    """Text safe inside HTML or XML element content and attribute values (``<>&"'`` escaped, controls out).

    Newlines stay newlines: use ``html_lines`` to show them as ``<br>``, ``html_attr`` in an attribute.
    """
    return html.escape(strip_controls(s), quote=True)


def html_attr(s: str) -> str:
    """``html_text`` for an attribute value: newlines and tabs as character references, so they survive
    (an XML parser turns a literal newline inside an attribute into a space)."""
    return html_text(s).replace("\n", "&#10;").replace("\t", "&#9;")


def html_lines(s: str) -> str:
    """``html_text`` with each line break shown as ``<br>`` (HTML element content)."""
    return html_text(s).replace("\n", "<br>")


# ---------------------------------------------------------------- Graphviz DOT


def dot_label(s: str) -> str:
    """A complete, quoted DOT string for ``label="..."``: quotes and backslashes escaped, newlines as ``\\n``.

    Graphviz reads ``\\n``, ``\\l``, ``\\N``, ``\\G``... inside labels as escapes, so every backslash the user
    typed is doubled and shows as itself. ``<>{}|`` need no escaping in a quoted (non-record) label; use
    plain ``shape=box`` nodes, never ``shape=record``, with this function.
    """
    text = strip_controls(s).replace("\\", "\\\\").replace('"', '\\"').replace("\t", " ")
    return '"' + text.replace("\n", "\\n") + '"'


def dot_html(s: str) -> str:
    """Text for inside an HTML-like DOT label (``label=<...>``): escaped, newlines as ``<BR/>``, never empty.

    Graphviz refuses an empty element (``<B></B>``, ``<FONT></FONT>``: a text of escape sequences only is
    empty once cleaned), so nothing comes back as one space; and it refuses a line that starts with ``]``
    after a ``<BR/>``, so square brackets are written as character references.
    """
    text = html.escape(strip_controls(s).replace("\t", " "), quote=True)
    # Graphviz's HTML parser rejects a few named entities it does not know; numeric ones always work.
    text = text.replace("&#x27;", "&#39;").replace("[", "&#91;").replace("]", "&#93;")
    return text.replace("\n", '<BR ALIGN="LEFT"/>') or " "


# ---------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&^=\"$:])")
"""ASCII punctuation Markdown (CommonMark, GFM, and common extensions: math, footnotes) may read as syntax.
Escaping a character that needs none is harmless: CommonMark shows any escaped punctuation as itself."""


def md_text(s: str) -> str:
    """Markdown whose every character renders as typed: ASCII punctuation that Markdown gives a meaning to
    is backslash-escaped; leading indentation (which would make a code block) and trailing spaces (two make
    a hard line break) go."""
    lines = strip_controls(s).replace("\t", " ").split("\n")
    return "\n".join(_MD_SPECIAL.sub(r"\\\1", line.strip(" ")) for line in lines)


def md_cell(s: str) -> str:
    """Text for one cell of a Markdown table: escaped, on one line (a newline would end the row)."""
    return md_text(one_line(s))


# ---------------------------------------------------------------- spreadsheets

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP's CSV injection list)."""


def looks_like_formula(s: str) -> bool:
    return s.startswith(FORMULA_STARTS)


def spreadsheet_cell(s: str) -> str:
    """A cell value that spreadsheets show as text: ``'`` is put before a value that could start a formula.

    (In XLSX, prefer writing the raw string with a ``quote_prefix`` format: see ``exports.action_xlsx``.)
    """
    text = s.replace("\x00", "")
    return "'" + text if looks_like_formula(text) else text


# ---------------------------------------------------------------- iCalendar


def ics_text(s: str) -> str:
    """Text for an iCalendar property value. The icalendar library escapes ``, ; \\`` and newlines and folds
    long lines itself; what is left to do is dropping controls (a bare CR could end a content line)."""
    return strip_controls(s)


# ---------------------------------------------------------------- file names

_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_filename(s: str, max_len: int = 80) -> str:
    """A file name made from user text: no path separators, no ``..``, no controls, no characters Windows
    refuses, not a reserved device name, at most ``max_len`` characters (and 240 UTF-8 bytes), never empty."""
    text = unicodedata.normalize("NFC", strip_controls(s))
    text = _UNSAFE_IN_NAME.sub("_", text)
    text = re.sub(r"\.{2,}", ".", text).strip("._ ")
    if _RESERVED.match(text):
        text = "_" + text
    text = text[: max(1, max_len)].rstrip("._ ")
    while len(text.encode("utf-8")) > 240:
        text = text[:-1]
    return text or "rca-export"


# ---------------------------------------------------------------- atomic writes


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


_DEFAULT_MODE = 0o666 & ~_umask()


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: a temp file in the same folder, fsync, ``os.replace``.

    A reader never sees half a file, a crash never leaves one, and nothing is written anywhere but ``path``
    (and its temp file beside it, removed on failure). An existing file keeps its permissions.
    Raises ``RcaError`` with the reason when the folder is missing, read-only or full, or ``path`` is a
    folder.
    """
    target = Path(path)
    if target.is_dir():
        raise RcaError(_("{path} is a folder; give a file name to export to", path=target))
    folder = target.parent
    if not folder.is_dir():
        raise RcaError(
            _("cannot write {path}: the folder {folder} does not exist", path=target, folder=folder)
        )
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _DEFAULT_MODE
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name[:40]}.", suffix=".tmp")
    except OSError as error:
        raise RcaError(
            _("cannot write {path}: {reason}", path=target, reason=error.strerror or error)
        ) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise RcaError(
            _("cannot write {path}: {reason}", path=target, reason=error.strerror or error)
        ) from error
    _fsync_folder(folder)


def atomic_write_text(path: Path | str, text: str, *, encoding: str = "utf-8", newline: str = "\n") -> None:
    """``atomic_write_bytes`` for text (UTF-8; ``newline`` replaces each ``\\n``, e.g. ``\\r\\n`` for CSV)."""
    if newline != "\n":
        text = text.replace("\n", newline)
    atomic_write_bytes(path, text.encode(encoding))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); silently skipped where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
