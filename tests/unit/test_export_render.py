"""The A3 sheet and the report as a browser shows them: headless Chromium, a screenshot and a layout probe.

Why this way: a screenshot proves the page draws something (not blank), but not that nothing spills out of
its frame; pixel heuristics for that are fragile. So the overflow check asks the browser's own layout:
a copy of the exported HTML gets a small script (and a Content-Security-Policy that allows only it) which,
once the page has loaded, lists every element whose content is wider or taller than the element itself
(``scrollWidth > clientWidth``) and every element that sticks out of its numbered box
(``getBoundingClientRect``), then writes the list into the page. ``chromium --dump-dom`` prints the page
after the script ran; the test reads the list back. Real layout, real fonts, no timing guesses.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from test_export_report import bore_case, export_to, injected_case, whys_case

from exports.document import CSP
from rca.model import Case

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed; the browser rendering "
                                                         "checks need it (apt-get install chromium)")

A3_WINDOW = "1587,1123"
"""An A3 landscape page at 96 dpi."""

PROBE = """
<script>
window.addEventListener("load", function () {
  var bad = [];
  function name(el) {
    return el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? "." + el.className : "")
      + " «" + (el.textContent || "").trim().slice(0, 50) + "»";
  }
  function inSvg(el) { return el.tagName.toLowerCase() !== "svg" && el.closest("svg") !== null; }
  var all = document.querySelectorAll("body *");
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (inSvg(el) || el.id === "rca-probe") continue;
    var display = getComputedStyle(el).display;
    if (display === "inline" || display === "none" || display === "contents") continue;
    if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) {
      bad.push("content overflows " + name(el) + " (" + el.scrollWidth + "x" + el.scrollHeight + " in "
               + el.clientWidth + "x" + el.clientHeight + ")");
    }
  }
  var boxes = document.querySelectorAll(".box");
  for (var b = 0; b < boxes.length; b++) {
    var frame = boxes[b].getBoundingClientRect();
    var inside = boxes[b].querySelectorAll("*");
    for (var j = 0; j < inside.length; j++) {
      if (inSvg(inside[j])) continue;
      var r = inside[j].getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) {
        bad.push("outside its box " + name(inside[j]));
      }
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    bad.push("page wider than the window: " + document.documentElement.scrollWidth + " > " + window.innerWidth);
  }
  var out = document.createElement("pre");
  out.id = "rca-probe";
  out.textContent = JSON.stringify({boxes: boxes.length, bad: bad});
  document.body.appendChild(out);
});
</script>
"""


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )


def probe(html_file: Path, window: str) -> dict[str, object]:
    """Run the layout probe on a copy of ``html_file``; returns ``{"boxes": n, "bad": [...]}``."""
    html = html_file.read_text(encoding="utf-8")
    assert CSP in html, "the export is expected to carry its Content-Security-Policy"
    probed = html_file.with_name(html_file.stem + "-probe.html")
    probed.write_text(html.replace(CSP, CSP.replace("script-src 'none'", "script-src 'unsafe-inline'"))
                      .replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = chromium("--dump-dom", "--virtual-time-budget=5000", f"--window-size={window}", probed.as_uri())
    found = re.search(r'<pre id="rca-probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, f"the probe did not run:\n{result.stdout[-500:]}\n{result.stderr[-500:]}"
    import html as html_module

    return json.loads(html_module.unescape(found.group(1)))


def screenshot(html_file: Path, window: str) -> Path:
    target = html_file.with_suffix(".png")
    chromium(f"--screenshot={target}", f"--window-size={window}", html_file.as_uri())
    assert target.exists() and target.stat().st_size > 0, "Chromium wrote no screenshot"
    return target


def ink(png: Path) -> tuple[int, float]:
    """How many distinct colours the picture has, and the share of pixels that are not background."""
    from PIL import Image

    with Image.open(png) as picture:
        rgb = picture.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
        total = rgb.width * rgb.height
    background = max(colours)[1] if colours else (255, 255, 255)
    inked = sum(count for count, colour in colours if colour != background and colour != (255, 255, 255))
    return len(colours), inked / total


def long_case() -> Case:
    """Every text field of the 8D four paragraphs long, one word longer than any column."""
    case = bore_case()
    paragraph = ("The spindle of HMC-2 was inspected after the repair and the runout was measured three times by "
                 "two technicians with the same dial gauge. ") * 4
    for record in case.steps.values():
        for key in record.fields:
            record.fields[key] += " " + paragraph + " " + "X" * 160
    return case


# ---------------------------------------------------------------- the probe itself


def test_the_probe_sees_an_overflow(tmp_path: Path) -> None:
    """A page made to overflow: the probe must say so (or its silence below would prove nothing)."""
    from exports.document import html_page

    body = ('<section class="box" style="width:60mm"><div class="body"><p style="white-space:nowrap">'
            + "W" * 200 + '</p><div style="width:100mm">wide</div></div></section>')
    target = tmp_path / "bad.html"
    target.write_text(html_page(title="bad", styles=("base.css",), body=body), encoding="utf-8")
    result = probe(target, A3_WINDOW)
    assert result["boxes"] == 1
    assert any("outside its box" in line for line in result["bad"])  # type: ignore[union-attr]
    assert any("content overflows" in line for line in result["bad"])  # type: ignore[union-attr]


# ---------------------------------------------------------------- the A3 sheet


def test_a3_html_draws_a_page_that_is_not_blank(tmp_path: Path) -> None:
    target = tmp_path / "a3.html"
    export_to("a3", bore_case(), target)
    colours, share = ink(screenshot(target, A3_WINDOW))
    assert colours > 50, "the screenshot is nearly uniform: nothing was drawn"
    assert share > 0.05, f"only {share:.1%} of the page is drawn on"


@pytest.mark.parametrize("make", [bore_case, whys_case, long_case], ids=["8d", "5whys", "long-texts"])
def test_nothing_overflows_its_box_in_the_a3_html(tmp_path: Path, make: object) -> None:
    target = tmp_path / "a3.html"
    export_to("a3", make(), target)  # type: ignore[operator]
    result = probe(target, A3_WINDOW)
    assert result["boxes"] == 7
    assert result["bad"] == []


def test_injected_text_stays_in_its_boxes(tmp_path: Path) -> None:
    target = tmp_path / "a3.html"
    export_to("a3", injected_case(), target)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in target.read_text(encoding="utf-8")
    result = probe(target, A3_WINDOW)
    assert result["bad"] == []


# ---------------------------------------------------------------- the report


def test_nothing_overflows_in_the_8d_report_html(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    export_to("report", bore_case(), target)
    result = probe(target, "900,1200")
    assert result["boxes"] == 9
    assert result["bad"] == []
