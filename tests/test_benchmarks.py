"""The side-by-side benchmark harness (benchmarks/): its numbers are score.py's numbers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SCORE = SHARED / "eval" / "score.py"
FAST_SYSTEMS = "cleannews,trafilatura"

sys.path.insert(0, str(ROOT))  # `benchmarks` is a folder of the repo, not an installed package

from benchmarks import harness, pages, run_system, systems  # noqa: E402

_shared_present = pytest.mark.skipif(
    not (SCORE.is_file() and (CORPUS / "seeds").is_dir() and (CORPUS / "scrapinghub").is_dir()),
    reason="../shared (corpus and score.py) is not beside the checkout",
)


def needs_shared(test):  # reads ../shared: marked `corpus`, skipped without it
    return pytest.mark.corpus(_shared_present(test))


def bench(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "benchmarks", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def json_run(tmp_path_factory):
    if not (SCORE.is_file() and (CORPUS / "seeds").is_dir() and (CORPUS / "scrapinghub").is_dir()):
        pytest.skip("../shared is not beside the checkout")
    out = tmp_path_factory.mktemp("bench-out")
    p = bench(str(CORPUS / "seeds"), str(CORPUS / "scrapinghub"), "--limit", "10",
              "--systems", FAST_SYSTEMS, "--out", str(out), "--json")
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout)


@needs_shared
def test_metrics_equal_score_py(json_run):
    """Every metric the harness reports is what score.py prints for the same predictions file."""
    checked = 0
    for ds in json_run["datasets"]:
        assert set(ds["systems"]) == set(FAST_SYSTEMS.split(",")), ds["skipped"]
        for name, s in ds["systems"].items():
            p = subprocess.run([sys.executable, str(SCORE), ds["scored_against"], s["predictions"], "--json"],
                               capture_output=True, text=True, timeout=120)
            assert p.returncode == 0, p.stderr
            reference = json.loads(p.stdout)
            assert s["metrics"] == reference, (ds["dataset"], name)
            assert "body_f1" in reference
            checked += 1
    assert checked == 4


@needs_shared
def test_predictions_keep_every_page_with_seconds(json_run):
    for ds in json_run["datasets"]:
        for s in ds["systems"].values():
            rows = [json.loads(line) for line in open(s["predictions"], encoding="utf8")]
            assert len(rows) == ds["unique_pages"] == s["pages"]
            assert all(isinstance(r["seconds"], float) and r["seconds"] >= 0 for r in rows)
            assert all("body" in r for r in rows)
            # errors are counted, and each errored page still has its (empty) row
            assert s["errors"] == sum(1 for r in rows if "error" in r)
            assert s["peak_rss_mb"] >= s["rss_baseline_mb"] > 0
            assert s["seconds"] >= 0
        assert ds["systems"]["trafilatura"]["time_ratio"] == pytest.approx(1.0)


@needs_shared
def test_limited_run_is_scored_on_the_limited_pages(json_run):
    sh = next(ds for ds in json_run["datasets"] if ds["dataset"] == "scrapinghub")
    assert sh["pages"] == 10
    assert sh["systems"]["trafilatura"]["metrics"]["pages"] == 10
    assert sh["systems"]["trafilatura"]["metrics"]["answered"] == 10
    assert not Path(sh["scored_against"]).resolve().is_relative_to(ROOT)  # no corpus text in the project


@needs_shared
def test_markdown_table_lists_systems_and_notes_skipped(tmp_path):
    p = bench(str(CORPUS / "seeds"), "--systems", FAST_SYSTEMS, "--out", str(tmp_path))
    assert p.returncode == 0, p.stderr[-2000:]
    table = p.stdout
    assert "### seeds" in table
    for name in FAST_SYSTEMS.split(","):
        assert f"| {name} |" in table
    header = next(line for line in table.splitlines() if line.startswith("| system"))
    for col in ("body F1", "snippet F1", "title", "byline", "date", "quote F1", "speaker",
                "seconds", "pages/s", "× trafilatura", "peak RSS MB", "Δ RSS MB"):
        assert col in header
    assert "wrapped as a UTF-8 HTML page" in table  # seeds are dumps: the footnote says how peers got them
    assert (tmp_path / "seeds" / "cleannews.jsonl").is_file()


@needs_shared
def test_uninstalled_peer_is_skipped_with_a_note(monkeypatch, tmp_path, capsys):
    ghost = systems.System("ghost", "no_such_module_for_cleannews_bench", "bytes", False, lambda: None)
    monkeypatch.setitem(systems.SYSTEMS, "ghost", ghost)
    assert harness.main([str(CORPUS / "seeds"), "--systems", "ghost", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ghost skipped: not installed" in out
    assert "| ghost |" not in out


@needs_shared
def test_a_crash_on_a_page_is_caught_and_counted(monkeypatch, tmp_path):
    calls = []

    def setup():
        def run(page, row):
            calls.append(row["id"])
            if len(calls) % 2:
                raise RuntimeError("boom")
            return "ok"

        return run, lambda r: {"body": r}

    monkeypatch.setitem(systems.SYSTEMS, "flaky", systems.System("flaky", "json", "bytes", True, setup))
    monkeypatch.setattr(run_system, "block_network", lambda: None)
    monkeypatch.setattr(run_system, "quiet", lambda: None)
    preds, stats = tmp_path / "p.jsonl", tmp_path / "s.json"
    rc = run_system.main(["--system", "flaky", "--dataset", str(CORPUS / "scrapinghub"), "--limit", "4",
                          "--no-warmup", "--preds", str(preds), "--stats", str(stats)])
    assert rc == 0
    s = json.loads(stats.read_text())
    rows = [json.loads(line) for line in preds.open(encoding="utf8")]
    assert s["pages"] == 4 and s["errors"] == 2 and len(rows) == 4
    assert [r.get("error") for r in rows] == ["RuntimeError: boom", None] * 2
    assert [r["body"] for r in rows] == ["", "ok"] * 2


def test_dump_wrapping_for_peers():
    blank = b"First para\nstill first.\n\nSecond <b>&</b> para\n"
    assert pages.dump_chunks(blank.decode()) == ["First para\nstill first.", "Second <b>&</b> para"]
    html = pages.dump_as_html(blank).decode()
    assert "<p>Second &lt;b&gt;&amp;&lt;/b&gt; para</p>" in html
    assert pages.dump_chunks("one\ntwo\nthree") == ["one", "two", "three"]


def test_peer_text_has_blank_line_paragraphs():
    assert pages.paragraphs_text("a  b\n\n\nc\n d ") == "a b\n\nc\n\nd"
    frag = "<div><h2>Head</h2><p>One <i>two</i></p><ul><li>x</li><li>y</li></ul><script>z()</script></div>"
    assert pages.html_to_text(frag) == "Head\n\nOne two\n\nx\n\ny"
    assert pages.html_to_text("") == ""


def test_decode_html_falls_back_to_declared_charset():
    data = '<meta charset="iso-8859-1"><p>café</p>'.encode("latin-1")
    assert "café" in pages.decode_html(data)
    assert pages.decode_html("naïve".encode()) == "naïve"


def test_select_limit_and_repeat():
    rows = [{"id": str(i)} for i in range(3)]
    assert [r["id"] for r in pages.select(rows, limit=2)] == ["0", "1"]
    assert [r["id"] for r in pages.select(rows, repeat_to=7)] == ["0", "1", "2", "0", "1", "2", "0"]


@needs_shared
def test_a_hanging_page_times_out_and_is_counted(monkeypatch, tmp_path):
    import time

    def setup():
        def run(page, row):
            time.sleep(5)

        return run, lambda r: {"body": "never"}

    monkeypatch.setitem(systems.SYSTEMS, "sleepy", systems.System("sleepy", "json", "bytes", True, setup))
    monkeypatch.setattr(run_system, "block_network", lambda: None)
    monkeypatch.setattr(run_system, "quiet", lambda: None)
    preds, stats = tmp_path / "p.jsonl", tmp_path / "s.json"
    assert run_system.main(["--system", "sleepy", "--dataset", str(CORPUS / "seeds"), "--timeout", "0.2",
                            "--no-warmup", "--preds", str(preds), "--stats", str(stats)]) == 0
    s = json.loads(stats.read_text())
    assert s["errors"] == s["timeouts"] == 2
    assert all(json.loads(line)["error"].startswith("PageTimeout") for line in preds.open(encoding="utf8"))


# --- benchmarks.scaling: time and memory against page size ----------------------------
def test_scaled_page_grows_the_article_and_its_furniture():
    from benchmarks import scaling

    one, eight = scaling.scaled_page(1).decode(), scaling.scaled_page(8).decode()
    grown = eight.count("<p>") - one.count("<p>")  # 7 more copies of the article's paragraphs
    assert grown > 0 and grown % 7 == 0
    assert eight.count('href="/sport"') == 8 * one.count('href="/sport"')  # the nav
    assert 3 * len(one) < len(eight) < 8 * len(one)  # the page's head and footer do not grow


def test_scaling_fit_reads_linear_and_quadratic_costs():
    from benchmarks import scaling

    rows = [{"bytes": n, "seconds": 0.001 * n, "peak_mb": 2e-6 * n * n} for n in (1000, 4000, 16000)]
    assert scaling.slope(rows, "seconds") == pytest.approx(1.0)
    assert scaling.slope(rows, "peak_mb") == pytest.approx(2.0)
    assert scaling.slope(rows[:1], "seconds") is None


def test_scaling_child_measures_one_system_in_its_own_process():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    r = subprocess.run([sys.executable, "-m", "benchmarks.scaling", "--factors", "1", "2", "--calls", "1",
                        "--systems", "cleannews", "--json"], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["cleannews"]
    assert [x["factor"] for x in rows] == [1, 2]
    assert rows[1]["bytes"] > rows[0]["bytes"] and rows[1]["body_words"] > rows[0]["body_words"] > 50
