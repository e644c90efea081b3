"""A third-party distribution registers a cleaner through the `cleannews.cleaners` entry point.

The example plugin is "installed" the way pip lays a wheel out: its module and a
`<name>.dist-info/` (METADATA, entry_points.txt) in a directory on sys.path. That is
offline, fast and exactly what `importlib.metadata` reads; a fresh interpreter in a
subprocess then shows the plugin is discovered and applied, and that a broken one
only warns.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

#: every test here runs pytest or the CLI in a subprocess (an integration test)
pytestmark = pytest.mark.process

PLUGIN_MODULE = '''
from cleannews.cleaners.base import Cleaner, cleaner


class Gazette(Cleaner):
    """Drops the Gazette's promo lines."""

    name = "gazette.promo"
    domains = ("gazette.example",)
    drop_lines = (r"PROMO:.*",)


@cleaner("gazette.footer", domains=("gazette.example",))
def footer(doc, removed):
    return [(b.index, "gazette footer line") for b in doc.blocks if b.text.startswith("The Gazette is")]
'''

PAGE = (
    "<html><body><article>"
    "<p>The harbour authority confirmed on Monday that the dredging of the northern channel will begin in May.</p>"
    "<p>PROMO: Subscribe to the Gazette for one pound a week and read every story on every device.</p>"
    "<p>Fishing boats will use the southern channel while the work goes on, the authority said in a statement.</p>"
    "<p>The Gazette is published by Gazette Media Limited, registered in the county of Westmoor.</p>"
    "</article></body></html>"
)

SCRIPT = r'''
import json, sys, warnings
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    from cleannews.cleaners.registry import registered_cleaners
    from cleannews.pipeline import run
    names = [c.name for c in registered_cleaners()]
page = sys.stdin.read()
on = run(page, url="https://www.gazette.example/news/1")
off = run(page, url="https://elsewhere.example/news/1")
print(json.dumps({
    "names": names,
    "warnings": [str(w.message) for w in caught],
    "removed": {str(k): [r.cleaner, r.reason] for k, r in on.removed.items()},
    "body": on.article.body,
    "off_removed": sorted({r.cleaner for r in off.removed.values()}),
}))
'''


def install_plugin(site: Path, dist: str, module: str, source: str, entry_points: str) -> None:
    """Lay a distribution out in `site` as an installer would: module + dist-info."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf8")
    info = site / f"{dist}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf8")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf8")
    (info / "RECORD").write_text("", encoding="utf8")


def run_with(site: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    r = subprocess.run([sys.executable, "-c", SCRIPT], input=PAGE, capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_entry_point_plugin_is_discovered_and_applied(tmp_path):
    install_plugin(
        tmp_path,
        "cleannews_gazette",
        "cleannews_gazette",
        PLUGIN_MODULE,
        """
        [cleannews.cleaners]
        gazette = cleannews_gazette
        """,
    )
    out = run_with(tmp_path)
    assert {"gazette.promo", "gazette.footer", "generic.furniture"} <= set(out["names"])
    assert out["names"].index("gazette.promo") < out["names"].index("generic.furniture")  # site first
    removed = {tuple(v) for v in out["removed"].values()}
    assert ("gazette.promo", "line matches 'PROMO:.*'") in removed
    assert ("gazette.footer", "gazette footer line") in removed
    assert "PROMO" not in out["body"] and "The Gazette is" not in out["body"]
    assert "dredging" in out["body"]
    assert not {"gazette.promo", "gazette.footer"} & set(out["off_removed"])  # only on its domain
    assert out["warnings"] == []


def test_a_plugin_that_fails_to_import_warns_and_is_skipped(tmp_path):
    install_plugin(
        tmp_path,
        "cleannews_gazette",
        "cleannews_gazette",
        PLUGIN_MODULE,
        """
        [cleannews.cleaners]
        gazette = cleannews_gazette:Gazette
        """,
    )
    install_plugin(
        tmp_path,
        "cleannews_broken",
        "cleannews_broken",
        "import a_module_that_is_not_installed_anywhere\n",
        """
        [cleannews.cleaners]
        broken = cleannews_broken
        """,
    )
    out = run_with(tmp_path)
    assert "gazette.promo" in out["names"] and "gazette.footer" not in out["names"]
    assert any("'broken'" in w and "ModuleNotFoundError" in w for w in out["warnings"]), out["warnings"]
    assert "PROMO" not in out["body"]
