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
              "--systems", FAST_SYSTEMS, "--out", str(out), "--json",
              "--oof", "")  # no precomputed out-of-fold rows: a local `cv` run leaves them
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


@pytest.mark.process
def test_scaling_child_measures_one_system_in_its_own_process():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    r = subprocess.run([sys.executable, "-m", "benchmarks.scaling", "--factors", "1", "2", "--calls", "1",
                        "--systems", "cleannews", "--json"], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["cleannews"]
    assert [x["factor"] for x in rows] == [1, 2]
    assert rows[1]["bytes"] > rows[0]["bytes"] and rows[1]["body_words"] > rows[0]["body_words"] > 50


@needs_shared
@pytest.mark.process
def test_cpu_speed_protocol_times_each_system_in_fresh_processes_in_turn():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    r = subprocess.run([sys.executable, "-m", "benchmarks.throughput", "--cpu-speed", "cleannews,trafilatura",
                        "--rounds", "2", "--dataset", str(CORPUS / "seeds")], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    pages_in_set = sum(1 for line in (CORPUS / "seeds" / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
    assert out["baseline"] == "cleannews" and out["rounds"] == 2
    first, other = out["systems"]["cleannews"], out["systems"]["trafilatura"]
    assert first["x_cleannews"] == 1.0 and len(first["rounds_cpu"]) == len(other["rounds_cpu"]) == 2
    assert first["cpu_seconds"] > 0 and other["x_cleannews"] == pytest.approx(other["cpu_seconds"] / first["cpu_seconds"], rel=0.15)  # seconds are rounded to ms
    assert first["errors"] == 0 and first["ms_a_page"] == pytest.approx(1000 * first["cpu_seconds"] / pages_in_set, rel=0.15)


# --- precomputed predictions, other interpreters, per-group tables, rounds -------------
def _score_py(corpus: str, preds: str, *extra: str) -> dict:
    p = subprocess.run([sys.executable, str(SCORE), corpus, preds, "--json", *extra],
                       capture_output=True, text=True, timeout=120, check=False)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@needs_shared
def test_precomputed_predictions_are_scored_as_their_own_rows(json_run, tmp_path, capsys):
    """An out-of-fold file in the OOF folder and a --preds file: rows scored by score.py, untimed."""
    sh = next(ds for ds in json_run["datasets"] if ds["dataset"] == "scrapinghub")
    source = Path(sh["systems"]["trafilatura"]["predictions"])
    oof = tmp_path / "oof"
    oof.mkdir()
    (oof / "scrapinghub.jsonl").write_bytes(source.read_bytes())
    args = [str(CORPUS / "scrapinghub"), "--limit", "10", "--systems", FAST_SYSTEMS, "--out", str(tmp_path / "o"),
            "--oof", str(oof), "--preds", f"mine={tmp_path / 'by-dataset'}"]
    (tmp_path / "by-dataset").mkdir()
    (tmp_path / "by-dataset" / "scrapinghub.jsonl").write_bytes(source.read_bytes())
    assert harness.main([*args, "--json"]) == 0
    ds = json.loads(capsys.readouterr().out)["datasets"][0]
    reference = _score_py(ds["scored_against"], str(source))
    for label in (harness.OOF_LABEL, "mine"):
        row = ds["systems"][label]
        assert row["metrics"] == reference == sh["systems"]["trafilatura"]["metrics"]
        assert row["time_ratio"] is None and "seconds" not in row
    assert ds["systems"]["cleannews"]["metrics"] != reference  # the extra rows are not the system's row
    # the OOF row right under cleannews (the shipped model), other precomputed rows last
    assert list(ds["systems"]) == ["cleannews", harness.OOF_LABEL, "trafilatura", "mine"]
    assert harness.main(args) == 0
    table = capsys.readouterr().out
    oof_line = next(line for line in table.splitlines() if line.startswith(f"| {harness.OOF_LABEL} |"))
    assert oof_line.rstrip(" |").endswith("– | – | – | – | – | –")  # no timing for precomputed rows
    assert "out-of-fold" in table


@needs_shared
def test_precomputed_file_of_another_dataset_is_skipped(tmp_path, capsys):
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "no-such-page", "body": "x"}) + "\n")
    assert harness.main([str(CORPUS / "seeds"), "--systems", "cleannews", "--out", str(tmp_path / "o"),
                         "--preds", f"elsewhere={other}", "--oof", ""]) == 0
    out = capsys.readouterr().out
    assert "elsewhere skipped:" in out and "| elsewhere |" not in out


@needs_shared
def test_a_system_whose_interpreter_is_missing_is_skipped(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(systems.INTERPRETERS["py312"].env, str(tmp_path / "no-python-here"))
    assert harness.main([str(CORPUS / "seeds"), "--systems", "rs-trafilatura,magic-html,cleannews",
                         "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "rs-trafilatura skipped: no Python 3.12 interpreter" in out
    assert "magic-html skipped: no Python 3.12 interpreter" in out
    assert "| cleannews |" in out and "| rs-trafilatura |" not in out


def test_a_module_missing_from_the_other_interpreter_is_reported(monkeypatch):
    monkeypatch.setenv(systems.INTERPRETERS["py312"].env, sys.executable)
    ghost = systems.System("ghost", "no_such_module_for_cleannews_bench", "str", False, lambda: None, python="py312")
    assert ghost.unavailable() == f"not installed in {sys.executable} (no module 'no_such_module_for_cleannews_bench')"
    assert not ghost.installed()
    here = systems.System("here", "json", "str", False, lambda: None, python="py312")
    assert here.unavailable() is None


def test_a_text_only_system_is_skipped_on_html(tmp_path, capsys):
    if not (SCORE.is_file() and (CORPUS / "scrapinghub").is_dir()):
        pytest.skip("../shared is not beside the checkout")
    if not systems.SYSTEMS["textacy"].installed():
        pytest.skip("textacy is not installed (benchmark extra)")
    assert harness.main([str(CORPUS / "scrapinghub"), "--limit", "2", "--systems", "textacy",
                         "--out", str(tmp_path)]) == 0
    assert "textacy skipped: takes text/markdown pages only" in capsys.readouterr().out


@pytest.mark.skipif(not systems.SYSTEMS["rs-trafilatura"].installed(),
                    reason="no .venv312 with rs-trafilatura ($CLEANNEWS_PY312; .ci/run builds it)")
@needs_shared
def test_rs_trafilatura_runs_under_its_interpreter_and_scores_as_score_py(tmp_path):
    p = bench(str(CORPUS / "scrapinghub"), "--limit", "5", "--systems", "rs-trafilatura",
              "--out", str(tmp_path), "--json")
    assert p.returncode == 0, p.stderr[-2000:]
    s = json.loads(p.stdout)["datasets"][0]["systems"]["rs-trafilatura"]
    assert s["python"] == systems.interpreter_path("py312")
    assert s["metrics"] == _score_py(json.loads(p.stdout)["datasets"][0]["scored_against"], s["predictions"])
    assert s["metrics"]["body_f1"] > 0.5 and s["errors"] == 0
    rows = [json.loads(line) for line in Path(s["predictions"]).read_text(encoding="utf8").splitlines()]
    assert all(r.get("page_type") for r in rows)  # rs-trafilatura classifies every page


@needs_shared
def test_per_page_type_tables_are_score_py_by_page_type(tmp_path):
    if not (CORPUS / "wcxb-dev").is_dir():
        pytest.skip("no wcxb-dev")
    p = bench(str(CORPUS / "wcxb-dev"), "--limit", "4", "--systems", "cleannews", "--out", str(tmp_path), "--json")
    assert p.returncode == 0, p.stderr[-2000:]
    ds = json.loads(p.stdout)["datasets"][0]
    s = ds["systems"]["cleannews"]
    reference = _score_py(ds["scored_against"], s["predictions"], "--by", "page_type")
    assert ds["by"] == "page_type"
    assert s["metrics"] == reference.pop("all")
    assert s["by"] == reference
    table = harness.markdown_table(ds, "trafilatura")
    assert "word F1 by page_type" in table
    assert "word F1" in next(line for line in table.splitlines() if line.startswith("| system"))


@needs_shared
def test_rounds_take_the_median_round_with_pages_in_memory(tmp_path):
    p = bench(str(CORPUS / "seeds"), "--systems", "cleannews", "--rounds", "3", "--out", str(tmp_path), "--json")
    assert p.returncode == 0, p.stderr[-2000:]
    ds = json.loads(p.stdout)["datasets"][0]
    s = ds["systems"]["cleannews"]
    assert len(s["round_seconds"]) == 3 and s["in_memory"] and ds["in_memory"]
    assert s["seconds"] == sorted(s["round_seconds"])[1]
    assert s["pages_per_s"] == pytest.approx(s["pages"] / s["seconds"])
    assert not list((tmp_path / "seeds").glob("*.round*.jsonl"))  # only round 1's predictions are kept
    assert "3 rounds, the median round" in harness.markdown_table(ds, "trafilatura")


def test_a_metric_whose_field_a_system_never_gives_shows_a_dash():
    res = {"dataset": "d", "pages": 1, "unique_pages": 1, "notes": [], "skipped": {}, "systems": {
        "full": {"metrics": {"body_f1": 0.5, "page_type_accuracy": 0.25}, "fields": ["body", "page_type"],
                 "errors": 0, "seconds": 1.0, "pages_per_s": 1.0, "time_ratio": None, "peak_rss_mb": 1.0,
                 "rss_increase_mb": 0.0},
        "bodyonly": {"metrics": {"body_f1": 0.75, "page_type_accuracy": 0.0}, "fields": ["body"],
                     "errors": 0, "seconds": 1.0, "pages_per_s": 1.0, "time_ratio": None, "peak_rss_mb": 1.0,
                     "rss_increase_mb": 0.0}}}
    lines = harness.markdown_table(res, "trafilatura").splitlines()
    assert next(line for line in lines if line.startswith("| full |")).startswith("| full | 0.500 | 0.250 |")
    assert next(line for line in lines if line.startswith("| bodyonly |")).startswith("| bodyonly | 0.750 | – |")
    assert harness.given_fields({"a": {"id": "a", "body": "x", "title": None, "images": []}}) == ["body", "id"]


def test_textacy_anchor_falls_back_to_paragraphs_on_unbalanced_marks():
    if not systems.SYSTEMS["textacy"].installed():
        pytest.skip("textacy is not installed (benchmark extra)")
    run, convert = systems.SYSTEMS["textacy"].setup()
    text = ('"We will open the new bridge before the winter storms arrive," said Maria Lopez.\n\n'
            'The plan drew one stray " mark in this paragraph.')
    quotes = convert(run(text, {}))["quotes"]
    assert [q["speaker"] for q in quotes] == ["Maria Lopez"]
    assert quotes[0]["text"].startswith("We will open the new bridge")


@needs_shared
@pytest.mark.process
def test_a_process_that_dies_on_a_page_is_restarted_after_it(monkeypatch, tmp_path):
    """Native code can abort the whole process: the page it died on is an error row, the rest run."""
    def setup():
        return (lambda page, row: row["id"]), (lambda r: {"body": "seen " + r})

    monkeypatch.setitem(systems.SYSTEMS, "fragile", systems.System("fragile", "json", "bytes", True, setup))
    monkeypatch.setattr(run_system, "block_network", lambda: None)
    monkeypatch.setattr(run_system, "quiet", lambda: None)
    ids = [t["id"] for t in pages.load_truth(CORPUS / "scrapinghub")[:4]]
    launches = []

    def fake_run(cmd, **kw):
        argv = cmd[cmd.index("benchmarks.run_system") + 1:]
        launches.append(argv)
        preds = Path(argv[argv.index("--preds") + 1])
        if len(launches) == 1:  # the first process writes one page, then dies on the second
            preds.write_text(json.dumps({"id": ids[0], "body": "seen", "seconds": 0.5}) + "\n")
            return subprocess.CompletedProcess(cmd, -6)
        return subprocess.CompletedProcess(cmd, run_system.main(argv))

    monkeypatch.setattr(harness.subprocess, "run", fake_run)
    args = harness.parse_args([str(CORPUS / "scrapinghub"), "--limit", "4", "--no-warmup"])
    stats = harness.run_one("fragile", CORPUS / "scrapinghub", tmp_path, args)
    assert len(launches) == 2 and "--resume" in launches[1] and "--resume" not in launches[0]
    rows = [json.loads(line) for line in Path(stats["predictions"]).read_text(encoding="utf8").splitlines()]
    assert [r["id"] for r in rows] == ids
    assert rows[1]["error"] == "process died (exit -6) on this page"
    assert [r["body"] for r in rows[2:]] == [f"seen {i}" for i in ids[2:]]
    assert stats["errors"] == 1 and stats["pages"] == 4 and stats["unique_pages"] == 4
    assert stats["seconds"] >= 0.5  # the first process's page still counts
    assert stats["process_deaths"] == [f"{ids[1]}: exit -6"]
    assert "--max-memory-mb" in launches[0]


@pytest.mark.process
def test_memory_cap_turns_a_runaway_allocation_into_an_error():
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from benchmarks import run_system\n"
            "assert run_system.cap_memory(200)\n"
            "try:\n    b = bytearray(1024 * 2**20)\nexcept MemoryError:\n    print('capped')\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert p.stdout.strip() == "capped", p.stderr


@pytest.mark.process
def test_peak_rss_is_the_system_process_own_not_the_harness():
    """ru_maxrss keeps the parent's peak across fork+exec; the stats must not inherit it."""
    if not Path("/proc/self/status").is_file():
        pytest.skip("VmHWM is Linux's")
    hold = bytearray(200 * 2**20)
    for i in range(0, len(hold), 4096):
        hold[i] = 1
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from benchmarks import run_system; print(run_system.rss_mb())"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert p.returncode == 0, p.stderr
    assert 0 < float(p.stdout) < 150
    del hold
