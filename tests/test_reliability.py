"""Issue #18's repros, each a regression test: pathological pages answered or refused
quickly, caps without holes, lone surrogates, one output line per input, workers that
end with their parent, a hard limit without a budget, and resumable text output.

The timings asserted are loose (CPU seconds, far above the <= 1 s the benchmark
`python -m benchmarks.pathological` reports) so that a shared machine cannot make
them flaky, yet tight enough to catch a pattern that turns quadratic again.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import cleannews
from cleannews import Cleaner, Source
from cleannews.batch import (
    NO_BUDGET_TIMEOUT,
    done_sources,
    extract_many,
    iter_sources,
)
from cleannews.cli import main, read_input
from cleannews.errors import (
    CleannewsError,
    InputError,
    PageTooLarge,
    TimeBudgetExceeded,
)
from cleannews.load import Limits, count_lines, gunzip, load, read_page_file

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
try:  # the table of cases lives with the benchmark that times them
    from benchmarks.pathological import CASES
except ImportError:  # a tree without benchmarks/ (an sdist that leaves it out)
    CASES = {}

SENTENCE = "The council said on Tuesday that the ferry would run every hour, starting next spring. "
ARTICLE = "<html><head><title>T</title></head><body><article>" + f"<p>{SENTENCE * 3}</p>" * 4 + "</article></body></html>"
#: CPU seconds a listed case may take here (the benchmark's target is 1 s; before the
#: fixes each took from 17 s to minutes).
CPU_CEILING = 5.0


@pytest.mark.parametrize("name", list(CASES))
def test_pathological_case_is_answered_or_refused_fast(name):
    factory, kw = CASES[name]
    data = factory()
    t = time.process_time()
    try:
        article = cleannews.extract(data, budget=None, **kw)
        article.to_json().encode("utf-8")  # a lone surrogate must not survive into the JSON
    except CleannewsError:
        pass
    assert time.process_time() - t < CPU_CEILING


def test_lone_surrogates_become_replacement_characters():
    a = cleannews.extract(ARTICLE.replace("ferry", "fer\ud800ry"))
    assert a.body.count("fer\ufffdry") == 12  # nothing after the surrogate is lost
    assert "\ud800" not in a.to_json()
    b = cleannews.extract(SENTENCE * 3 + "a pair \ud83d\ude00 and a lone \udfff.", kind="text")
    assert "\U0001f600" in b.body and "\ufffd" in b.body
    b.to_json().encode("utf-8")


def test_lines_are_counted_as_splitlines_does():
    for text in ["a\r\nb\rc\nd", "x\u2028y\x0cz\x85", "no break", "end\n", "\v\x1c\x1d\x1e\u2029"]:
        breaks = [ln for ln in text.splitlines(keepends=True) if ln.splitlines()[0] != ln]
        assert count_lines(text) == len(breaks), text
    with pytest.raises(PageTooLarge):
        load("word\r" * 100, kind="text", limits=Limits(max_lines=50))


def test_gzip_members_are_walked_linearly_and_capped():
    assert gunzip(gzip.compress(b"ab") + gzip.compress(b"cd"), 100) == b"abcd"
    t = time.process_time()
    with pytest.raises(InputError):
        load(gzip.compress(b"") * 200_000)
    assert time.process_time() - t < 1.0
    with pytest.raises(PageTooLarge):  # compressed bytes over the cap
        load(b"\x1f\x8b" + b"x" * 200, limits=Limits(max_size=100))


def test_file_readers_use_the_capped_gunzip(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 3_000_000))
    with pytest.raises(PageTooLarge):
        read_page_file(bomb, Limits(max_size=1_000_000))
    with pytest.raises(PageTooLarge):
        read_input(str(bomb), Limits(max_size=1_000_000))
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress(ARTICLE.encode()))
    assert read_input(str(page)) == ARTICLE.encode()


def test_jsonl_lines_are_capped_as_they_are_read(tmp_path):
    rows = tmp_path / "rows.jsonl.gz"
    big = json.dumps({"html": "x" * 5000})
    rows.write_bytes(gzip.compress((json.dumps({"html": ARTICLE}) + "\n" + big + "\n" + json.dumps({"text": SENTENCE}) + "\n").encode()))
    srcs = list(iter_sources([rows], limits=Limits(max_size=1000)))
    assert [s.source.rsplit(":", 1)[1] for s in srcs] == ["1", "2", "3"]
    assert srcs[1].error is not None and srcs[1].error.type == "PageTooLarge"
    assert srcs[0].data == ARTICLE and srcs[2].data == SENTENCE


def test_content_deeper_than_the_parser_limit_is_kept():
    deep = "<html><body>" + "<div>" * 3000 + f"<p>{SENTENCE * 3}</p>" * 3 + "</div>" * 3000 + "<p>after</p></body></html>"
    a = cleannews.extract(deep)
    assert a.body.count("ferry") == 9


def test_script_urls_are_never_images():
    page = ARTICLE.replace("<article>", "<article><figure><img src=' JaVa\tscript:alert(1)' alt='a'><figcaption>"
                           "A ferry in the harbour.</figcaption></figure>")
    page = page.replace("<head>", "<head><meta property='og:image' content='javascript:alert(2)'>")
    a = cleannews.extract(page)
    assert all("script" not in (i.src or "").lower() for i in a.images)
    md = cleannews.extract("# T\n\n![a ferry](javascript:alert(1))\n\n" + SENTENCE * 3, kind="markdown")
    assert all(i.src is None or "script" not in i.src for i in md.images)


def test_hard_budget_stops_a_stage_in_process(monkeypatch):
    import cleannews.pipeline as pl

    real = pl.select_blocks

    def stuck(*a, **k):
        end = time.monotonic() + 30
        while time.monotonic() < end:
            pass
        return real(*a, **k)

    monkeypatch.setattr(pl, "select_blocks", stuck)
    t = time.monotonic()
    with pytest.raises(TimeBudgetExceeded):
        cleannews.extract(ARTICLE, budget=0.3, hard_budget=True)
    assert time.monotonic() - t < 5
    monkeypatch.setattr(pl, "select_blocks", real)
    assert cleannews.extract(ARTICLE, budget=5, hard_budget=True).is_article
    time.sleep(0.4)  # no late exception from the timer


# ------------------------------------------------------------------ batch

class Slow(Cleaner):
    """Sleeps on pages marked SLOW (importable, so workers load it)."""

    name = "test-reliability-slow"

    def clean(self, doc, removed):
        if any("SLOW" in b.text for b in doc.blocks):
            time.sleep(3)
        return []


def _children(pid: int) -> list[int]:
    """Live child processes of `pid` (from /proc)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(d.name))
    return out


def test_every_folder_entry_named_like_a_page_gets_one_line(tmp_path, monkeypatch):
    d = tmp_path / "pages"
    d.mkdir()
    for n in range(3):
        (d / f"p{n}.html").write_text(ARTICLE)
    (d / "dir.html").mkdir()
    (d / "dir.html" / "inner.html").write_text(ARTICLE)
    os.mkfifo(d / "fifo.html")
    (d / "dangling.html").symlink_to(tmp_path / "nowhere")
    (d / "locked").mkdir()
    (d / "locked" / "x.html").write_text(ARTICLE)
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    it = iter_sources([d])
    first = next(it)
    (d / "p2.html").unlink()  # deleted after the folder was listed
    srcs = [first, *it]
    by = {Path(s.source).relative_to(d).as_posix(): s for s in srcs}
    assert sorted(by) == ["dangling.html", "dir.html", "dir.html/inner.html", "fifo.html", "locked", "p0.html",
                          "p1.html", "p2.html"]
    bad = {k for k, s in by.items() if s.error is not None}
    assert bad == {"dangling.html", "dir.html", "fifo.html", "locked", "p2.html"}
    rs = list(extract_many([d], workers=0))  # listed again: p2.html is no longer there
    assert sorted(Path(r.source).relative_to(d).as_posix() for r in rs) == sorted(set(by) - {"p2.html"})


@pytest.mark.process
def test_extract_many_from_a_plain_script_without_a_main_guard(tmp_path):
    (tmp_path / "a.html").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(ARTICLE)
    script = tmp_path / "plain.py"
    script.write_text(textwrap.dedent(f"""
        import cleannews
        rs = list(cleannews.extract_many([{str(tmp_path)!r}], workers=2))
        print(sum(r.ok for r in rs), len(rs))
    """))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    p = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env, check=False)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.split() == ["2", "2"]
    assert "Traceback" not in p.stderr


@pytest.mark.process
def test_worker_start_up_does_not_count_against_the_timeout():
    # Six interpreters importing lxml at once on a shared machine take seconds to start;
    # a page's clock starts when its worker has said it is ready.
    rs = list(extract_many([Source(f"s{i}", ARTICLE) for i in range(12)], workers=6, timeout=1.5))
    assert all(r.ok for r in rs), [r.error for r in rs if r.error]


@pytest.mark.process
def test_a_worker_killed_from_outside_is_retried_and_no_worker_outlives_the_pool():
    me = os.getpid()
    before = set(_children(me))
    srcs = [Source("a", ARTICLE), Source("b", ARTICLE.replace("<p>", "<p>SLOW ", 1)), Source("c", ARTICLE)]
    it = extract_many(srcs, workers=1, timeout=30, cleaners=[Slow])
    assert next(it).ok
    time.sleep(1.0)  # b is sleeping in the worker now
    for pid in set(_children(me)) - before:
        os.kill(pid, signal.SIGKILL)
    rest = list(it)
    assert [r.source for r in rest] == ["b", "c"] and all(r.ok for r in rest), [r.error for r in rest]
    time.sleep(0.5)
    assert set(_children(me)) - before == set()


@pytest.mark.process
def test_workers_end_when_their_parent_is_killed(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import cleannews
        from test_reliability import Slow
        srcs = [cleannews.Source(str(i), {ARTICLE.replace("<p>", "<p>SLOW ", 1)!r}) for i in range(20)]
        for r in cleannews.extract_many(srcs, workers=2, cleaners=[Slow]):
            print(r.source, flush=True)
    """))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    p = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env)
    p.stdout.readline()  # the first page is done: both workers are busy
    kids = _children(p.pid)
    assert len(kids) == 2
    p.kill()
    p.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{k}") and _alive(k) for k in kids):
        time.sleep(0.2)
    assert not any(_alive(k) for k in kids)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False


def test_no_budget_still_has_a_hard_limit():
    assert 0 < NO_BUDGET_TIMEOUT < 3600
    from cleannews.batch import _hard_timeout

    assert _hard_timeout(None, None) == NO_BUDGET_TIMEOUT
    assert _hard_timeout(10.0, None) == 15.0
    assert _hard_timeout(None, float("inf")) is None


def test_resume_reruns_pages_whose_worker_was_killed(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"source": "a", "body": "x"}) + "\n"
                   + json.dumps({"source": "b", "error": {"type": "WorkerCrashed", "message": "killed by signal 9"}}) + "\n"
                   + json.dumps({"source": "c", "error": {"type": "TimeBudgetExceeded", "message": "killed"}}) + "\n")
    assert done_sources(out) == {"a", "c"}
    assert [json.loads(x)["source"] for x in out.read_text().splitlines()] == ["a", "c"]


# ------------------------------------------------------------------ CLI

def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"cleannews {cleannews.__version__}"


def test_a_surrogate_line_does_not_abort_a_batch(tmp_path, capsys):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": 1, "text": SENTENCE + "\ud800" + SENTENCE}) + "\n"
                    + json.dumps({"id": 2, "html": ARTICLE}) + "\n" + json.dumps({"id": 3, "text": SENTENCE * 2}) + "\n")
    out = tmp_path / "out.jsonl"
    main(["extract", "-o", str(out), str(rows)])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["1", "2", "3"]
    main(["extract", "-o", str(out), "--resume", str(rows)])
    assert out.read_text(encoding="utf-8").splitlines() == lines


@pytest.mark.parametrize("fmt,header", [("text", "==> {} <=="), ("markdown", "<!-- cleannews source: {} -->")])
def test_text_and_markdown_pages_are_separated_and_resume_does_not_repeat(tmp_path, fmt, header):
    paths = []
    for n in range(3):
        p = tmp_path / f"p{n}.html"
        p.write_text(ARTICLE.replace("ferry", f"ferry{n}"))
        paths.append(str(p))
    out = tmp_path / f"out.{fmt}"
    assert main(["extract", "--format", fmt, "-o", str(out), *paths[:2]]) == 0
    assert main(["extract", "--format", fmt, "-o", str(out), "--resume", *paths]) == 0
    text = out.read_text()
    for p in paths:
        assert text.count(header.format(p)) == 1
    assert text.index("ferry0") < text.index(header.format(paths[1])) < text.index("ferry1")


@pytest.mark.process
def test_a_faulty_batch_killed_half_way_and_resumed_has_one_line_per_input(tmp_path):
    run = pytest.importorskip("benchmarks.batch_faults").run

    summary = run(inputs=200, bad=0.05, workers=2, kills=2, seed=3, root=tmp_path)
    assert summary["ok"], summary
    assert summary["lines"] == summary["inputs"] == 200 and summary["duplicates"] == 0


def test_malformed_addresses_are_not_used_and_never_crash():
    page = ARTICLE.replace("<head>", "<head><link rel=canonical href='http://[x/'>").replace("<article>", "<article><img src='/a.jpg' alt='a'>")
    assert cleannews.extract(page).is_article  # found by the fuzzer: urlsplit raised in assemble
    for url in ("http://[x", "[x"):
        assert cleannews.extract("# T\n\n" + SENTENCE * 3, url=url, kind="text").url is None
