"""The explain view: every block with its fate, escaped, rendered by a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from cleannews.cleaners.base import Cleaner
from cleannews.cli import main
from cleannews.explain import block_rows, explain, render_html
from cleannews.models import Removal
from cleannews.pipeline import run

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example" / "harbour-ferry.html"
HOSTILE = (
    '<html><head><title>A "title" &lt;script&gt;</title></head><body><article>'
    "<p>The council met on Tuesday &lt;script&gt;alert(1)&lt;/script&gt; to agree the budget for next year, "
    "with a rise in spending on roads and schools that was approved by a wide margin.</p>"
    "<p>By Jo Example</p>"
    "<p>Residents will see the first repairs in the spring, the council's finance officer said after the vote.</p>"
    "</article><img src=x onerror=alert(2)></body></html>"
)


def test_rows_give_each_block_its_fate_and_reason():
    rows = {r.text: r for r in block_rows(run(EXAMPLE.read_bytes()))}
    assert rows["Related"].fate == "cleaner" and rows["Related"].label == "removed by generic.related-sections"
    assert "Related" in rows["Related"].detail
    assert rows["We use cookies to improve your experience. By continuing you accept our cookie policy."].fate == "scorer"
    kept = [t for t, r in rows.items() if r.fate == "kept"]
    assert any(t.startswith("Passengers will be able") for t in kept)
    assert all(r.detail for r in rows.values() if r.fate != "kept")  # every missing block says why


def test_a_metadata_role_is_shown_as_such():
    byline = Cleaner.from_function("test.byline", lambda d, r: [Removal(b.index, "x", "byline line", role="byline")
                                                               for b in d.blocks if b.text.startswith("By ")])
    rows = block_rows(run(HOSTILE, cleaners=[byline]))
    row = next(r for r in rows if r.text == "By Jo Example")
    assert (row.fate, row.label, row.detail) == ("role", "read as byline by test.byline", "byline line")


def test_report_is_escaped_and_self_contained():
    report = explain(HOSTILE, source='page "<b>".html')
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "<script" not in report.lower() and "onerror" not in report
    assert 'page &quot;&lt;b&gt;&quot;.html' in report
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", report)  # nothing loaded from elsewhere
    assert "default-src 'none'" in report
    for fate in ("kept", "removed by a cleaner", "read as metadata", "dropped by the scorer"):
        assert fate in report  # the legend


def test_cli_writes_the_report_and_disables_cleaners(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["explain", str(EXAMPLE), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf8")
    assert 'class="b cleaner"' in html and "removed by generic.related-sections" in html
    assert main(["explain", str(EXAMPLE), "--disable", "generic.related-sections"]) == 0
    assert "removed by generic.related-sections" not in capsys.readouterr().out
    assert main(["explain", str(tmp_path / "missing.html")]) == 1


def test_output_is_deterministic():
    data = EXAMPLE.read_bytes()
    assert render_html(run(data), "x") == render_html(run(data), "x")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="no headless browser installed")
def test_report_renders_in_a_headless_browser(tmp_path):
    report = tmp_path / "report.html"
    report.write_text(explain(EXAMPLE.read_bytes(), source="harbour-ferry.html"), encoding="utf8")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}"]
    dom = subprocess.run(flags + ["--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=60)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<h1>cleannews explain</h1>" in dom.stdout
    assert dom.stdout.count('class="b ') == len(run(EXAMPLE.read_bytes()).document.blocks)
    png = tmp_path / "shot.png"
    shot = subprocess.run(flags + [f"--screenshot={png}", "--window-size=1280,2000", report.as_uri()],
                          capture_output=True, text=True, timeout=60)
    assert shot.returncode == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # a blank page compresses to a few KB


def test_report_shows_metadata_blocks_date_candidates_and_errors():
    from cleannews.pipeline import run

    para = "<p>" + "The council met on Tuesday evening to discuss the new harbour plan at length. " * 5 + "</p>"
    html = ('<html><head><meta property="article:published_time" content="2024-05-03T09:00:00Z">'
            '<script type="application/ld+json">{"@type": </script></head><body><article>'
            '<h1>Harbour plan splits the council</h1><p class="byline">By Jane Roe</p>'
            f'{para * 3}</article></body></html>')
    trace = run(html, url="https://example.org/2024/05/03/harbour")
    rows = {r.index: r for r in block_rows(trace)}
    assert any("read as title by the metadata stage" in r.detail for r in rows.values())
    assert any("read as byline by the metadata stage" in r.detail for r in rows.values())
    report = render_html(trace)
    assert "Date candidates" in report and "2024-05-03T09:00:00+00:00" in report
    assert "Errors caught" in report and "jsonld: JSONDecodeError" in report
