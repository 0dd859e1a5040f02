"""Hostile text through every export format the registry has: nothing runs, no file breaks, nothing is
written outside the target folder.

The formats are asked from ``exports.registry`` (it grows as exporters land). A case holds the corpus of
``hostile.py`` in every field an export shows (titles, problem, steps, causes, actions, owners, evidence,
indicators): terminal escapes, every kind of Unicode, markup, HTML and script, DOT and Mermaid syntax,
Markdown, spreadsheet formulas, iCalendar line breaks, paths. Each file is then read back by what would
open it:

    .html .svg   parsed; no script, event handler, javascript:/data: link, frame or foreign object
    .md          rendered by markdown-it with raw HTML on: the same checks on the HTML
    .dot         drawn by ``dot -Tsvg`` (it must parse) and its node names checked; then the SVG checks
    .mmd         no directive, click callback or line that user text created
    .csv .xlsx   no cell a spreadsheet would run as a formula
    .ics         parsed by icalendar; no event or property that user text created
    .json        read back by ``rca import``'s reader: the same case
    .pdf .png    pdftotext / the PNG signature; no JavaScript, launch or URI action in the PDF
and no raw ESC or C1 control in any text format. ``rca export KIND --all -o DIR`` with cases whose titles
are paths (``../../x``, ``/etc/passwd``, ``CON``, 400 characters...) writes only inside DIR.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from exports import registry
from exports.case_json import read_case_file
from rca.store import Workspace
from tests.reliability.conftest import figures, rca_here
from tests.reliability.hostile import ALL, HTML, PATHS, SPREADSHEET, TERMINAL, hostile_case, mix

pytestmark = pytest.mark.slow

TODAY = date(2026, 11, 26)
TEXT_FORMATS = {".html", ".svg", ".md", ".dot", ".mmd", ".csv", ".ics", ".json"}
RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
C0_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
LIVE_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "foreignobject", "form"}
LIVE_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data|livescript)\s*:", re.IGNORECASE)
LINK_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "srcdoc", "background", "poster"}


def _formats() -> list[tuple[str, str]]:
    """Every (kind, extension) the registry has today (it grows as exporters land)."""
    return [(kind, extension) for kind in registry.KINDS for extension in registry.extensions(kind)]


class LiveFinder(HTMLParser):
    """Everything in an HTML or SVG document that could run or fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in LIVE_TAGS:
            self.live.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            self.live.append("<meta refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"{tag} {name}={value!r}"[:120])
            if name in LINK_ATTRIBUTES and value and LIVE_SCHEMES.match(value):
                self.live.append(f"{tag} {name}={value!r}"[:120])
            if name == "style" and value and re.search(r"expression\(|javascript:|url\(", value, re.IGNORECASE):
                self.live.append(f"{tag} style={value!r}"[:120])

    handle_startendtag = handle_starttag


def live_in_html(text: str) -> list[str]:
    finder = LiveFinder()
    finder.feed(text)
    finder.close()
    return finder.live


def live_in_svg(text: str) -> list[str]:
    """The SVG must be well-formed XML; then what is live in it."""
    root = ET.fromstring(text.encode())
    live = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in LIVE_TAGS:
            live.append(f"<{tag}>")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                live.append(f"{tag} {local}")
            if local in ("href", "src") and LIVE_SCHEMES.match(value):
                live.append(f"{tag} {local}={value!r}"[:120])
    return live + live_in_html(text)


def check_markdown(text: str) -> list[str]:
    from markdown_it import MarkdownIt

    # Step fields are Markdown by design (headings, lists, emphasis are kept): only raw HTML and links count.
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    problems = live_in_html(rendered)
    for tag in ("img", "details", "style", "textarea", "svg"):
        if re.search(rf"<{tag}\b", rendered):
            problems.append(f"user text became <{tag}>")
    return problems


def check_dot(path: Path) -> list[str]:
    drawn = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, timeout=120, check=False)
    if drawn.returncode:
        return [f"dot refuses it: {drawn.stderr.decode(errors='replace')[:300]}"]
    as_json = subprocess.run(["dot", "-Tjson0", str(path)], capture_output=True, timeout=120, check=False)
    names = [obj.get("name", "") for obj in json.loads(as_json.stdout).get("objects", [])]
    odd = [name for name in names if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)]
    problems = [f"a node user text created: {name!r}"[:120] for name in odd]
    return problems + live_in_svg(drawn.stdout.decode())


def check_mermaid(text: str) -> list[str]:
    """Mermaid has directives (``%%{init}``), click callbacks and links: no line of them from user text."""
    return [f"a line user text made: {line.strip()[:80]!r}" for line in text.splitlines()
            if re.match(r"(click|%%\{|callback|href|digraph|BEGIN:|link)\b", line.strip(), re.IGNORECASE)]


def html_tags_in_mermaid(text: str) -> list[str]:
    """Raw HTML tags in Mermaid text: inert only while the viewer keeps Mermaid's ``securityLevel: strict``."""
    return sorted({match.group()[:40] for match in re.finditer(r"<[A-Za-z/!][^>]*>?", text)})


FORMULA = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^[-+]?\d+([.,]\d+)?%?$")


def check_csv(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=_delimiter(text)))
    return [f"a formula cell: {cell[:60]!r}" for row in rows for cell in row
            if FORMULA.match(cell) and not NUMBER.match(cell)]


def _delimiter(text: str) -> str:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def check_xlsx(path: Path) -> list[str]:
    import openpyxl

    problems = []
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")
                                             and cell.data_type != "s"):
                    problems.append(f"{sheet.title}!{cell.coordinate} is a formula: {str(cell.value)[:60]!r}")
    return problems


def check_ics(text: str) -> list[str]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    problems = []
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    if len(re.findall(r"^BEGIN:VEVENT\r?$", unfolded, re.MULTILINE)) != len(events):
        problems.append("BEGIN:VEVENT lines and parsed events differ")
    for event in events:
        if "ATTENDEE" in event:
            problems.append("an ATTENDEE user text created")
        if str(event.get("SUMMARY", "")).strip() == "injected":
            problems.append("an event user text created")
    if re.search(r"\r(?!\n)", text):
        problems.append("a bare CR ends a content line")
    return problems


def check_pdf(path: Path) -> list[str]:
    raw = path.read_bytes()
    problems = [f"PDF holds {action!r}" for action in (b"/JavaScript", b"/JS ", b"/Launch", b"/SubmitForm")
                if action in raw]
    problems += ["PDF links to javascript:" for _m in re.finditer(rb"/URI\s*\(\s*javascript", raw, re.IGNORECASE)]
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, timeout=120, check=False)
    if text.returncode:
        problems.append(f"pdftotext refuses it: {text.stderr[:200]!r}")
    elif "\x1b" in text.stdout.decode("utf-8", "replace"):
        problems.append("ESC in the PDF's text")
    return problems


def problems_of(path: Path, original: object) -> list[str]:
    extension = path.suffix
    if extension in TEXT_FORMATS:
        text = path.read_bytes().decode("utf-8")  # every text export is UTF-8
        # (C1 controls in the JSON export: see test_the_json_export_escapes_c1_controls below)
        control = (C0_CONTROLS if extension == ".json" else RAW_CONTROLS).search(text)
        if control:
            return [f"raw control {control.group()!r} in the file: {text[control.start() - 30:control.end() + 10]!r}"]
    if extension == ".html":
        return live_in_html(text)
    if extension == ".svg":
        return live_in_svg(text)
    if extension == ".md":
        return check_markdown(text)
    if extension == ".dot":
        return check_dot(path)
    if extension == ".mmd":
        return check_mermaid(text)
    if extension == ".csv":
        return check_csv(text)
    if extension == ".xlsx":
        return check_xlsx(path)
    if extension == ".ics":
        return check_ics(text)
    if extension == ".json":
        return [] if read_case_file(path) == original else ["the case read back differs"]
    if extension == ".pdf":
        return check_pdf(path)
    if extension == ".png":
        return [] if path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" else ["not a PNG"]
    return [f"no check for {extension} yet: add one"]


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def hostile_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    folder = tmp_path_factory.mktemp("hostile")
    ws = Workspace(folder / "ws" / "ws.json", user=mix(*TERMINAL[:2], *HTML[:1]))
    (folder / "ws").mkdir()
    hostile_case(ws, mix(*TERMINAL[:3], *HTML[:2], *SPREADSHEET[:1]), TODAY, method="8d")
    hostile_case(ws, mix(*HTML[2:], *PATHS[:2]), TODAY, method="ishikawa")
    hostile_case(ws, mix(*SPREADSHEET), TODAY, method="dmaic")
    return ws


def test_every_format_writes_hostile_text_inert(hostile_workspace: Workspace) -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is needed to draw the diagrams")
    root = hostile_workspace.path.parent.parent
    out = root / "out"
    out.mkdir(exist_ok=True)
    formats = _formats()
    found: dict[str, list[str]] = {}
    written = 0
    for case in hostile_workspace.list_cases():
        for kind, extension in formats:
            if case.number > 1 and extension in (".pdf", ".png") and kind in ("a3", "report"):
                continue  # the slow printed formats once (C-1); the others for every case
            target = out / f"{case.id}-{kind}{extension}"
            before = _tree(root)
            try:
                registry.export(kind, case, target, registry.ExportContext(today=TODAY))
            except Exception as error:  # noqa: BLE001 - any failure is a finding
                found[f"{case.id} {kind}{extension}"] = [f"export failed: {type(error).__name__}: {error}"[:300]]
                continue
            written += 1
            new = _tree(root) - before
            problems = problems_of(target, case)
            if new != {str(target.relative_to(root))}:
                problems.append(f"wrote {sorted(new)}")
            if problems:
                found[f"{case.id} {kind}{extension}"] = problems
    figures("hostile text through every export", formats=len(formats), cases=3, files_written=written,
            hostile_strings=len(ALL), live_or_broken=sum(len(v) for v in found.values()))
    assert not found, "\n".join(f"{key}: {problems}" for key, problems in found.items())


def test_export_all_writes_only_inside_the_folder(tmp_path: Path) -> None:
    """``rca export KIND --all -o DIR`` with titles that are paths, names reserved on Windows, very long."""
    root = tmp_path / "parent"
    (root / "ws").mkdir(parents=True)
    workspace = root / "ws" / "ws.json"
    ws = Workspace(workspace, user="tester")
    titles = [title.replace("\x00", "")[:290] or "x" for title in PATHS + TERMINAL[:3] + HTML[:3] + SPREADSHEET[:2]]
    for title in titles:
        ws.create_case(title=title, method="5whys")
    before = _tree(root)
    fast = {"case": "json", "actions": "csv", "whys": "dot", "fishbone": "mmd", "report": "md", "a3": "md"}
    written: dict[str, list[str]] = {}
    for kind, extension in fast.items():
        target = root / "exports" / kind
        result = rca_here("export", kind, "--all", "-o", str(target), "--format", extension, workspace=workspace)
        assert result.code == 0, (kind, result.err[-500:])
        written[kind] = sorted(p.name for p in target.iterdir())
    after = _tree(root)
    outside = sorted(name for name in after - before if not name.startswith("exports"))
    names = [name for files in written.values() for name in files]
    figures("rca export --all with hostile titles", kinds=len(fast), cases=len(titles), files=len(names),
            written_outside=len(outside), longest_name=max(len(name.encode()) for name in names))
    assert outside == []
    assert all(len(files) == len(titles) for files in written.values()), {k: len(v) for k, v in written.items()}
    for name in names:
        assert "/" not in name and "\\" not in name and ".." not in name and not RAW_CONTROLS.search(name), name
        assert len(name.encode()) <= 255 and re.match(r"^C-\d+-", name), name
    assert len(set(names)) == len(names)  # no export overwrote another


def _export_text(ws: Workspace, kind: str, extension: str, folder: Path) -> str:
    case = ws.list_cases()[0]
    target = folder / f"{case.id}-{kind}{extension}"
    registry.export(kind, case, target, registry.ExportContext(today=TODAY))
    return target.read_text(encoding="utf-8")


def test_the_json_export_escapes_c1_controls(hostile_workspace: Workspace, tmp_path: Path) -> None:
    text = _export_text(hostile_workspace, "case", ".json", tmp_path)
    assert RAW_CONTROLS.search(text) is None


@pytest.mark.parametrize("kind", ["actions", "whys", "fishbone"])
def test_mermaid_exports_hold_no_raw_html_tags(hostile_workspace: Workspace, tmp_path: Path, kind: str) -> None:
    text = _export_text(hostile_workspace, kind, ".mmd", tmp_path)
    assert html_tags_in_mermaid(text) == []
