"""exports.safe: each escaping helper against what its target would misread, and atomic writes."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports import safe
from rca.errors import RcaError


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """An empty folder of the test's own (the shared fixtures may put a workspace in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_strip_controls_keeps_text_and_drops_escapes() -> None:
    assert safe.strip_controls("\x1b[31mred\x1b[0m") == "red"
    assert safe.strip_controls("a\x00b\x07c\x85d\x9b") == "abcd"
    assert safe.strip_controls("line1\r\nline2\rline3") == "line1\nline2\nline3"
    assert safe.strip_controls("tab\there\n") == "tab\there\n"
    assert safe.strip_controls("\x1b]0;title\x07after") == "after"
    assert safe.strip_controls("éà ✓ 😀 שלום e\u0301") == "éà ✓ 😀 שלום e\u0301"
    assert safe.strip_controls("bad\ud800surrogate\uffff") == "badsurrogate"
    assert safe.strip_controls("file\u202egnp.exe \u2067x\u2069 \u200fשלום") == "filegnp.exe x \u200fשלום"


@given(st.text())
def test_strip_controls_leaves_no_control(s: str) -> None:
    out = safe.strip_controls(s)
    assert all(ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) for ch in out)
    out.encode("utf-8")


@given(st.text())
def test_html_text_always_parses_as_xml(s: str) -> None:
    doc = ET.fromstring(f'<a title="{safe.html_attr(s)}">{safe.html_text(s)}</a>')
    assert (doc.text or "") == safe.strip_controls(s)
    assert doc.get("title") == safe.strip_controls(s)


def test_html_text_escapes_markup() -> None:
    assert safe.html_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert safe.html_text("\"'&") == "&quot;&#x27;&amp;"
    assert safe.html_lines("a\nb<") == "a<br>b&lt;"


def test_dot_label_quotes_everything() -> None:
    assert safe.dot_label('"];\ndigraph x {') == '"\\"];\\ndigraph x {"'
    assert safe.dot_label("back\\slash") == '"back\\\\slash"'
    assert safe.dot_html("a<b>\nc") == 'a&lt;b&gt;<BR ALIGN="LEFT"/>c'


@given(st.text())
def test_dot_label_is_one_quoted_string(s: str) -> None:
    label = safe.dot_label(s)
    assert label.startswith('"') and label.endswith('"')
    inner = label[1:-1]
    # Every quote inside is escaped by an odd run of backslashes.
    i = 0
    while i < len(inner):
        if inner[i] == "\\":
            i += 2
            continue
        assert inner[i] not in '"\n\r'
        i += 1


@pytest.mark.parametrize(
    "text",
    [
        "# heading",
        "*bold* _it_",
        "[link](http://x)",
        "<b>raw</b>",
        "1. item",
        "- item",
        "a | b",
        "`code`",
        "    indented code",
        "![img](x.png)",
        "&amp;",
        "~~strike~~",
        "line1\nline2",
    ],
)
def test_md_text_renders_literally(text: str) -> None:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    rendered = md.render(safe.md_text(text))
    visible = rendered.replace("<p>", "").replace("</p>", "").strip()
    for tag in ("<h1", "<em", "<strong", "<a ", "<b>", "<ol", "<ul", "<code", "<pre", "<img", "<s>", "<del"):
        assert tag not in visible
    import html as html_module

    assert html_module.unescape(visible).replace("\n", " ").strip() == " ".join(
        line.strip() for line in text.split("\n")
    )


def test_md_cell_escapes_pipes_and_newlines() -> None:
    assert safe.md_cell("a | b\nc") == "a \\| b c"


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1-1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_spreadsheet_cell_prefixes_formulas(value: str) -> None:
    assert safe.spreadsheet_cell(value) == "'" + value


def test_spreadsheet_cell_leaves_text_alone() -> None:
    assert safe.spreadsheet_cell("Torque wrench") == "Torque wrench"
    assert safe.spreadsheet_cell("") == ""


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        ".",
        "",
        "\x00\x1b[31m",
        'a/b\\c:d*e?f"g<h>i|j',
        "CON",
        "nul.txt",
        "  spaces  ",
        "x" * 500,
        "é" * 300,
        "😀" * 100,
    ],
)
def test_safe_filename_is_a_plain_name(name: str) -> None:
    out = safe.safe_filename(name)
    assert out and "/" not in out and "\\" not in out and ".." not in out
    assert out not in (".", "..")
    assert len(out) <= 80 and len(out.encode()) <= 240
    assert not any(ord(ch) < 32 for ch in out)
    assert out.lower() not in ("con", "nul", "nul.txt")


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_safe_filename_never_escapes(name: str, limit: int) -> None:
    out = safe.safe_filename(name, max_len=limit)
    assert out and os.path.basename(out) == out and ".." not in out and len(out) <= max(limit, 10)


def test_atomic_write_replaces_and_leaves_no_temp(outdir: Path) -> None:
    target = outdir / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    safe.atomic_write_text(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in outdir.iterdir()] == ["out.txt"]


def test_atomic_write_errors_are_clear(outdir: Path) -> None:
    with pytest.raises(RcaError, match="folder"):
        safe.atomic_write_bytes(outdir, b"x")
    with pytest.raises(RcaError, match="does not exist"):
        safe.atomic_write_bytes(outdir / "missing" / "x.txt", b"x")


def test_atomic_write_failure_keeps_old_file(outdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = outdir / "keep.txt"
    target.write_text("precious")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe.os, "replace", broken_replace)
    with pytest.raises(RcaError, match="No space left"):
        safe.atomic_write_text(target, "new")
    assert target.read_text() == "precious"
    assert [p.name for p in outdir.iterdir()] == ["keep.txt"]


_MD_PIECES = st.sampled_from(
    list("ab1 9.-+*_`#[]()<>!|~&=:\\\"'{}^$%/\n") + ["http://x.y", "www.x.com", "&amp;", "&#35;", "    "]
)


@given(st.lists(_MD_PIECES, max_size=30).map("".join))
def test_md_text_any_mix_of_specials_renders_as_typed(text: str) -> None:
    import html as html_module
    import re

    md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    rendered = md.render(safe.md_text(text))
    assert not re.search(r"<(?!/?p>)[a-z]", rendered), rendered
    shown = html_module.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert " ".join(shown.split()) == " ".join(" ".join(line.strip() for line in text.split("\n")).split())
