"""Many pages at once: `extract_many`, a worker-process pool with a hard per-page timeout.

Inputs are expanded lazily, one page at a time, by `iter_sources`:

- a page file (`.html`, `.htm`, `.xhtml`, `.txt`, `.md`, `.markdown`, optionally `.gz`);
  the kind comes from the suffix, the source is the path;
- a folder: its page files, recursively, in sorted order;
- a JSON-lines file (`.jsonl`, `.ndjson`, optionally `.gz`): one page a line, an object
  with the page in `"html"`, `"text"`, `"markdown"` or `"content"` (the first present;
  `"html"` and `"markdown"` imply the kind, otherwise `"kind"` says it or it is
  detected), and optionally `"url"`, `"kind"` and `"id"`; the source is `path:LINE`;
- a WARC file (`.warc`, `.warc.gz`; the `warc` extra installs fastwarc, warcio is the
  fallback): its `response` records with an HTML payload, with the record's
  `WARC-Target-URI` as url and the HTTP `Content-Type` charset for decoding; the source
  is `path@OFFSET`, the id the `WARC-Record-ID`;
- a `Source` built by the caller (raw bytes or str of a page).

Each input gives exactly one `Result`, in input order, also when it fails: a file that
cannot be read, a JSON line that is not an object, a page that raises, a worker that
is killed past the per-page `timeout` or dies (the worker is replaced). Memory stays
bounded: inputs are read as they are dispatched, and at most `workers * WINDOW_PER_WORKER`
pages are in flight or waiting to be yielded in order.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import multiprocessing as mp
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, BinaryIO, Union

from cleannews.errors import (
    CleannewsError,
    InputError,
    PageTooLarge,
    TimeBudgetExceeded,
)
from cleannews.load import DEFAULT_LIMITS, Limits, _normalise_codec
from cleannews.models import PAGE_SUFFIXES, Article, PageKind
from cleannews.pipeline import DEFAULT_BUDGET

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".arc")
#: JSON-lines keys that hold the page, in the order they are looked for.
JSONL_CONTENT_KEYS = ("html", "text", "markdown", "content")
#: Seconds the pool waits past a page's cooperative `budget` before killing its worker.
TIMEOUT_GRACE = 5.0
#: The hard per-page limit when there is no budget (`budget=None`, `--budget 0`): far
#: above any page the caps let through (the slowest the fuzzers found takes well under
#: 2 s of CPU), so it only ever stops a worker that is stuck.
NO_BUDGET_TIMEOUT = 60.0
#: Error types `--resume` runs again instead of counting as done: the worker was killed
#: (from outside, twice), which says nothing about the page.
RETRIED_ON_RESUME = frozenset({"WorkerCrashed"})
#: Pages dispatched ahead of the next one to yield, per worker: bounds memory when one
#: slow page holds up the ordered output.
WINDOW_PER_WORKER = 4


@dataclass(frozen=True)
class Source:
    """One page to extract, or an input that could not be read (`error` set)."""

    source: str
    data: bytes | str | None = None
    url: str | None = None
    kind: PageKind | None = None
    id: str | None = None
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class ErrorInfo:
    """Why an input gave no Article: the exception's class name and message."""

    type: str
    message: str

    @classmethod
    def of(cls, exc: BaseException) -> ErrorInfo:
        return cls(type(exc).__name__, str(exc))

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


@dataclass(frozen=True)
class Result:
    """One input's outcome: `article` or `error`, never both.

    `index` is the input's position among all expanded inputs (results come in this
    order), `source` names it (path, `path:LINE`, `path@OFFSET`), `id` is the stable id
    the input gave (a JSON line's "id", a WARC-Record-ID) or None.
    """

    index: int
    source: str
    article: Article | None = None
    error: ErrorInfo | None = None
    url: str | None = None
    id: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-lines record: the Article's fields plus "source" (and "id" when
        known), or `{"source", "error": {"type", "message"}}` (plus "url", "id")."""
        if self.article is not None:
            d = self.article.to_dict()
        else:
            d = {"url": self.url, "error": (self.error or ErrorInfo("Error", "")).to_dict()}
        d["source"] = self.source
        if self.id is not None:
            d["id"] = self.id
        return d


Input = Union[str, "os.PathLike[str]", Source, bytes]


# --------------------------------------------------------------------------- inputs


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def _open_maybe_gz(path: Path) -> BinaryIO:
    f = path.open("rb")
    if f.read(2) == b"\x1f\x8b":
        f.seek(0)
        return gzip.open(f, "rb")  # type: ignore[return-value]
    f.seek(0)
    return f


def is_page_file(path: Path) -> bool:
    return Path(_strip_gz(path.name)).suffix.lower() in PAGE_SUFFIXES


def iter_sources(inputs: Iterable[Input], *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Source]:
    """Expand inputs lazily into one `Source` per page (see the module docstring)."""
    for i, item in enumerate(inputs):
        if isinstance(item, Source):
            yield item
        elif isinstance(item, (bytes, bytearray)):
            yield Source(f"<input {i}>", bytes(item))
        elif isinstance(item, (str, os.PathLike)):
            yield from _path_sources(Path(item), limits)
        else:
            yield Source(f"<input {i}>", error=ErrorInfo("InputError", f"not a path, bytes or Source: {type(item).__name__}"))


def _path_sources(path: Path, limits: Limits) -> Iterator[Source]:
    name = _strip_gz(path.name).lower()
    try:
        if path.is_dir():
            yield from _folder_sources(path, limits)
        elif name.endswith(JSONL_SUFFIXES):
            yield from _jsonl_sources(path, limits)
        elif name.endswith(WARC_SUFFIXES):
            yield from warc_sources(path, limits=limits)
        else:
            yield _file_source(path, limits, regular_only=False)
    except OSError as exc:  # a folder or archive that stops being readable half-way
        yield Source(str(path), error=ErrorInfo.of(exc))


def _folder_sources(folder: Path, limits: Limits) -> Iterator[Source]:
    """A folder's page files, recursively, in sorted order. Every entry named like a
    page gets a Source, an error one when it is no regular file (a directory, a FIFO,
    a dangling symlink) or cannot be read; a sub-folder that cannot be listed gets an
    error Source under its own name. Symlinked folders are not entered (no loops)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Source(str(folder), error=ErrorInfo.of(exc))
        return
    for e in entries:
        p = Path(e.path)
        try:
            is_dir = e.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_page_file(p):
            if is_dir:
                yield Source(str(p), error=ErrorInfo("InputError", "a folder named like a page file"))
            else:
                yield _file_source(p, limits, regular_only=True)
        if is_dir:
            yield from _folder_sources(p, limits)


def _file_source(path: Path, limits: Limits, *, regular_only: bool) -> Source:
    """One page file read under the size cap (gzip is undone by `load`, with its own
    cap). A FIFO or device named on the command line is read (a shell's `<(...)`);
    found inside a folder, only regular files are (a FIFO would block the batch)."""
    kind = PAGE_SUFFIXES.get(Path(_strip_gz(path.name)).suffix.lower())
    try:
        st = path.stat()  # follows symlinks: a dangling one raises FileNotFoundError
        if stat.S_ISDIR(st.st_mode):
            raise InputError("a folder, not a page file")
        if regular_only and not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file (a FIFO, socket or device)")
        if st.st_size > limits.max_size:
            raise PageTooLarge(f"the file is {st.st_size:,} bytes, over the cap of {limits.max_size:,}")
        with path.open("rb") as f:
            data = f.read(limits.max_size + 1)
        if len(data) > limits.max_size:
            raise PageTooLarge(f"the file is over the cap of {limits.max_size:,} bytes")
    except (OSError, CleannewsError) as exc:
        return Source(str(path), error=ErrorInfo.of(exc))
    return Source(str(path), data, kind=kind)


def _jsonl_sources(path: Path, limits: Limits) -> Iterator[Source]:
    """One Source a non-blank line; a line over twice the size cap (JSON escapes can
    double a page) is refused as it is read, without holding more of it than that."""
    limit = 2 * limits.max_size
    with _open_maybe_gz(path) as f:
        n = 0
        while True:
            raw = f.readline(limit + 1)
            if not raw:
                return
            n += 1
            src = f"{path}:{n}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = f.readline(1 << 20)
                yield Source(src, error=ErrorInfo("PageTooLarge", f"the line is over {limit:,} bytes"))
                continue
            if not raw.strip():
                continue
            try:
                yield _jsonl_source(src, raw, limits)
            except (ValueError, CleannewsError) as exc:
                yield Source(src, error=ErrorInfo("InputError", f"bad JSON line: {exc}"))


def _jsonl_source(src: str, raw: bytes, limits: Limits) -> Source:
    if len(raw) > 2 * limits.max_size:  # JSON escapes can double a page's size
        raise PageTooLarge(f"the line is {len(raw):,} bytes")
    row = json.loads(raw)
    if not isinstance(row, dict):
        raise InputError("a line must be a JSON object")
    key = next((k for k in JSONL_CONTENT_KEYS if isinstance(row.get(k), str)), None)
    if key is None:
        raise InputError(f"no page under any of {', '.join(JSONL_CONTENT_KEYS)}")
    kind = row.get("kind")
    if kind is None and key in ("html", "markdown"):
        kind = key
    url, rid = row.get("url"), row.get("id")
    return Source(
        src,
        row[key],
        url=url if isinstance(url, str) else None,
        kind=kind,
        id=None if rid is None else str(rid),
    )


def _is_html_type(content_type: str | None) -> bool:
    ct = (content_type or "").split(";", 1)[0].strip().lower()
    return ct in ("text/html", "application/xhtml+xml") or ct == ""


def _decode_http(payload: bytes, charset: str | None) -> bytes | str:
    """Decode with the HTTP charset when it is a real codec and fits the bytes (the
    header outranks a <meta> declaration); otherwise leave the bytes to `load`."""
    if not charset or payload[:3] == b"\xef\xbb\xbf" or payload[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return payload
    enc = _normalise_codec(charset)
    if enc is None or enc in ("utf-7", "undefined", "unicode_escape", "raw_unicode_escape", "idna", "punycode"):
        return payload
    try:
        return payload.decode(enc)
    except (UnicodeError, LookupError):
        return payload


def warc_sources(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Source]:
    """The HTML response records of a WARC file, streamed (fastwarc, else warcio)."""
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        yield from _warcio_sources(path, limits)
        return
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as f:
        for rec in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            if not _is_html_type(rec.http_content_type):
                continue
            src = f"{path}@{rec.stream_pos}"
            url = rec.headers.get("WARC-Target-URI")
            payload = rec.reader.read(limits.max_size + 1)
            if len(payload) > limits.max_size:
                yield Source(src, url=url, id=rec.record_id, error=ErrorInfo("PageTooLarge", f"the record is over {limits.max_size:,} bytes"))
                continue
            yield Source(src, _decode_http(payload, rec.http_charset), url=url, kind="html", id=rec.record_id)


def _warcio_sources(path: Path, limits: Limits) -> Iterator[Source]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise InputError("reading WARC files needs fastwarc (pip install 'cleannews[warc]') or warcio") from exc
    with path.open("rb") as f:
        it = ArchiveIterator(f)
        for rec in it:
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = rec.http_headers.get_header("Content-Type")
            if not _is_html_type(ctype):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            rid = rec.rec_headers.get_header("WARC-Record-ID")
            payload = rec.content_stream().read(limits.max_size + 1)
            src = f"{path}@{it.get_record_offset()}"  # after reading: this call skips the rest
            if len(payload) > limits.max_size:
                yield Source(src, url=url, id=rid, error=ErrorInfo("PageTooLarge", f"the record is over {limits.max_size:,} bytes"))
                continue
            charset = None
            for part in (ctype or "").split(";")[1:]:
                k, _, v = part.partition("=")
                if k.strip().lower() == "charset":
                    charset = v.strip().strip("\"'")
            yield Source(src, _decode_http(payload, charset), url=url, kind="html", id=rid)


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class _Options:
    budget: float | None
    limits: Limits
    cleaners: tuple[Any, ...] | None = None  # sent to workers: names or importable classes


def _run_one(index: int, src: Source, opts: _Options) -> Result:
    """Extract one source in this process; every exception becomes an error record."""
    if src.error is not None or src.data is None:
        err = src.error or ErrorInfo("EmptyInputError", "no page")
        return Result(index, src.source, error=err, url=src.url, id=src.id)
    from cleannews.api import extract

    t = time.perf_counter()
    try:
        article = extract(
            src.data, url=src.url, kind=src.kind, cleaners=opts.cleaners, budget=opts.budget, limits=opts.limits,
            hard_budget=True,
        )
    except Exception as exc:  # noqa: BLE001 - one page must never stop the batch
        return Result(index, src.source, error=ErrorInfo.of(exc), url=src.url, id=src.id, seconds=time.perf_counter() - t)
    return Result(index, src.source, article=article, url=src.url, id=src.id, seconds=time.perf_counter() - t)


#: Seconds between a worker's checks that its parent is still alive (where the
#: kernel cannot kill it with its parent: PR_SET_PDEATHSIG is Linux only).
PARENT_WATCH_SECONDS = 1.0
#: Attempts for a page whose worker was killed by a signal it did not get from us (an
#: OOM killer, an operator's kill): one retry on a fresh worker, then the page is
#: recorded as WorkerCrashed (and `--resume` tries it again).
MAX_ATTEMPTS = 2
#: Workers in a row that die before they are ready: then starting them is what fails
#: (an environment without cleannews, a broken interpreter), and the batch stops.
MAX_START_FAILURES = 3
_PR_SET_PDEATHSIG = 1
#: A page a worker extracts before it says it is ready: the lazy imports and first-call
#: set-up (htmldate, charset detection, the registries) then happen in its start-up.
_WARM_UP = "<html><head><title>Warm up</title></head><body><article><p>A first page, to load what pages need.</p></article></body></html>"
#: The child's bootstrap: the parent's import path, then the worker loop. A fresh
#: interpreter, not multiprocessing's spawn, which re-runs the caller's main script
#: (and with it the caller's extract_many call, from a script without a
#: `if __name__ == "__main__":` guard).
_BOOT = (
    "import json, os, sys; sys.path[:] = json.loads(os.environ.pop('CLEANNEWS_WORKER_PATH', '[]')) or sys.path; "
    "from cleannews.batch import _worker_entry; _worker_entry(int(sys.argv[1]), int(sys.argv[2]))"
)


def _die_with_parent(parent: int) -> None:
    """Make this worker end when its parent does, also while it is stuck in C code:
    the kernel's parent-death signal on Linux, a watching thread everywhere."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc prctl: the thread below still watches
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    import threading

    threading.Thread(target=watch, name="cleannews-parent-watch", daemon=True).start()


def _worker_entry(fd: int, parent: int) -> None:
    """A pool worker started by `_Pool` (see `_BOOT`): options first, then tasks."""
    import socket

    _die_with_parent(parent)
    conn = Connection(socket.socket(fileno=fd).detach())
    _worker_main(conn, None)


def _worker_main(conn: Connection, opts: _Options | None) -> None:
    """A pool worker: say it is ready (imports done), then extract what the parent
    sends until it sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    try:
        if opts is None:
            opts = conn.recv()
        from cleannews.api import extract

        extract(_WARM_UP)  # imports and first-call set-up are start-up, not a page's time
        conn.send("ready")
    except (EOFError, OSError):
        return
    assert opts is not None
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, src = task
        try:
            conn.send(_run_one(index, src, opts))
        except (OSError, ValueError):
            return


class _Proc:
    """A worker started with `subprocess`, behind the few `multiprocessing.Process`
    methods the pool uses."""

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        self._p = popen

    def is_alive(self) -> bool:
        return self._p.poll() is None

    def terminate(self) -> None:
        self._p.terminate()

    def kill(self) -> None:
        self._p.kill()

    def join(self, timeout: float | None = None) -> None:
        try:
            self._p.wait(timeout)
        except subprocess.TimeoutExpired:
            pass

    @property
    def exitcode(self) -> int | None:
        return self._p.poll()


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: tuple[int, Source] | None = None
    started: float = 0.0
    ready: bool = False


@dataclass
class _Pool:
    """N worker processes, one task each at a time. A worker gets tasks once it says
    it is ready, so its start-up (an interpreter and the imports, seconds when many
    start on few cores) never counts against a page's `timeout`. A worker past its
    task's timeout is killed and replaced; one that dies is replaced, and its page is
    tried once more when a signal killed it from outside."""

    size: int
    opts: _Options
    timeout: float | None
    workers: list[_Worker] = field(default_factory=list)
    retry: list[tuple[int, Source]] = field(default_factory=list)
    attempts: dict[int, int] = field(default_factory=dict)
    start_failures: int = 0

    def __post_init__(self) -> None:
        self.workers = [self._spawn() for _ in range(self.size)]

    def _spawn(self) -> _Worker:
        if os.name != "posix":  # no fd passing: multiprocessing's spawn (needs a __main__ guard)
            ctx = mp.get_context("spawn")
            parent, child = ctx.Pipe(duplex=True)
            p = ctx.Process(target=_worker_main, args=(child, self.opts), daemon=True)
            p.start()
            child.close()
            return _Worker(p, parent)
        import socket

        ours, theirs = socket.socketpair()
        env = dict(os.environ, CLEANNEWS_WORKER_PATH=json.dumps(sys.path))
        popen = subprocess.Popen(
            [sys.executable, "-c", _BOOT, str(theirs.fileno()), str(os.getpid())],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env,
        )
        theirs.close()
        conn = Connection(ours.detach())
        conn.send(self.opts)
        return _Worker(_Proc(popen), conn)

    def idle(self) -> _Worker | None:
        return next((w for w in self.workers if w.ready and w.task is None), None)

    def busy(self) -> bool:
        return any(w.task is not None or not w.ready for w in self.workers)

    def submit(self, w: _Worker, index: int, src: Source) -> None:
        w.task = (index, src)
        w.started = time.monotonic()
        self.attempts[index] = self.attempts.get(index, 0) + 1
        try:
            w.conn.send(w.task)
        except (OSError, ValueError):
            pass  # a dead worker: `collect` sees EOF and records the failure

    def _replace(self, w: _Worker) -> None:
        _stop(w)
        self.workers[self.workers.index(w)] = self._spawn()

    def collect(self) -> list[Result]:
        """Wait for a worker to finish a task, get ready or die; the results that came."""
        busy = [w for w in self.workers if w.task is not None]
        wait_for = None
        if self.timeout is not None and busy:
            now = time.monotonic()
            wait_for = max(0.0, min(w.started + self.timeout - now for w in busy))
        watched = [w for w in self.workers if w.task is not None or not w.ready]
        ready = wait([w.conn for w in watched], timeout=wait_for)
        out: list[Result] = []
        for w in watched:
            if w.task is None:  # starting
                if w.conn in ready:
                    try:
                        w.ready = w.conn.recv() == "ready"
                        self.start_failures = 0
                    except (EOFError, OSError):
                        self._start_failed(w)
                continue
            index, src = w.task
            if w.conn in ready:
                try:
                    out.append(w.conn.recv())
                    w.task = None
                    continue
                except (EOFError, OSError) as exc:
                    w.process.join(timeout=1.0)
                    code = w.process.exitcode
                    if code is not None and code < 0 and self.attempts.get(index, 0) < MAX_ATTEMPTS:
                        self.retry.append((index, src))  # killed from outside: once more
                        w.task = None
                        self._replace(w)
                        continue
                    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                    err = ErrorInfo("WorkerCrashed", f"the worker died on this page ({how}): {exc!r}")
            elif self.timeout is not None and time.monotonic() - w.started >= self.timeout:
                err = ErrorInfo(
                    TimeBudgetExceeded.__name__, f"killed after {self.timeout:g} s (the worker was stuck inside a stage)"
                )
            else:
                continue
            out.append(Result(index, src.source, error=err, url=src.url, id=src.id, seconds=time.monotonic() - w.started))
            self._replace(w)
        return out

    def _start_failed(self, w: _Worker) -> None:
        w.process.join(timeout=1.0)
        code = w.process.exitcode
        if code is None or code >= 0:  # it exited by itself; a signal from outside is no start failure
            self.start_failures += 1
        if self.start_failures >= MAX_START_FAILURES:
            raise RuntimeError(
                f"cleannews: worker processes exit while starting (exit code {w.process.exitcode}); "
                "the error they print is above"
            )
        self._replace(w)

    def close(self) -> None:
        for w in self.workers:
            if w.task is None:
                try:
                    w.conn.send(None)
                except (OSError, ValueError):
                    pass
        for w in self.workers:
            w.process.join(timeout=0.5 if w.task is None else 0)
            _stop(w)


def _stop(w: _Worker) -> None:
    if w.process.is_alive():
        w.process.terminate()
        w.process.join(timeout=1.0)
        if w.process.is_alive():
            w.process.kill()
            w.process.join()
    w.conn.close()


def extract_many(
    inputs: Iterable[Input],
    *,
    workers: int = 1,
    budget: float | None = DEFAULT_BUDGET,
    timeout: float | None = None,
    limits: Limits = DEFAULT_LIMITS,
    skip: Container[str] = (),
    progress: bool = False,
    cleaners: Iterable[Any] | None = None,
) -> Iterator[Result]:
    """Extract every page of `inputs` (paths, folders, JSON-lines and WARC files,
    `Source` objects, raw bytes), yielding one `Result` per page in input order.

    `workers` processes run the pages: fresh interpreters (not forks, so safe with
    threads; not multiprocessing's spawn, so a plain script without an
    `if __name__ == "__main__":` guard works), which end with their parent. With
    `workers=0` the pages run in this process, where the `budget` is cooperative. With
    workers, a page still running `timeout` seconds after its worker took it (default:
    `budget + TIMEOUT_GRACE`, or `NO_BUDGET_TIMEOUT` when `budget` is None; `math.inf`
    for none) is killed and recorded as `TimeBudgetExceeded`, and its worker is
    replaced; a worker's start-up does not count. Sources whose `source` is in `skip`
    are not run (resuming). `progress` shows a tqdm bar on standard error. `cleaners`
    is passed to `extract` for every page; with workers it must pickle (names,
    "-name", classes importable from a module other than `__main__`).
    """
    opts = _Options(budget, limits, None if cleaners is None else tuple(cleaners))
    timeout = _hard_timeout(budget, timeout)
    sources = (s for s in iter_sources(inputs, limits=limits) if s.source not in skip)
    results = _inline(sources, opts) if workers <= 0 else _pooled(sources, opts, workers, timeout)
    if not progress:
        yield from results
        return
    from tqdm import tqdm

    with tqdm(unit="page", dynamic_ncols=True) as bar:
        for r in results:
            bar.update(1)
            yield r


def _hard_timeout(budget: float | None, timeout: float | None) -> float | None:
    """The per-page kill limit: `timeout`, else the budget plus a grace, else
    `NO_BUDGET_TIMEOUT`; None (never) only when asked for with `math.inf`."""
    if timeout is None:
        timeout = NO_BUDGET_TIMEOUT if budget is None else budget + TIMEOUT_GRACE
    return None if math.isinf(timeout) else timeout


def _inline(sources: Iterator[Source], opts: _Options) -> Iterator[Result]:
    for i, src in enumerate(sources):
        yield _run_one(i, src, opts)


def _pooled(sources: Iterator[Source], opts: _Options, workers: int, timeout: float | None) -> Iterator[Result]:
    window = workers * WINDOW_PER_WORKER
    pool = _Pool(workers, opts, timeout)
    done: dict[int, Result] = {}
    next_out = 0
    next_in = 0
    exhausted = False
    try:
        while True:
            while pool.retry and (w := pool.idle()) is not None:  # pages whose worker was killed
                pool.submit(w, *pool.retry.pop(0))
            # Dispatch while a worker is idle and the ordered window has room.
            while not exhausted and next_in < next_out + window:
                w = pool.idle()
                if w is None:
                    break
                src = next(sources, None)
                if src is None:
                    exhausted = True
                    break
                if src.error is not None or src.data is None:
                    done[next_in] = _run_one(next_in, src, opts)  # nothing to run
                else:
                    pool.submit(w, next_in, src)
                next_in += 1
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_in:
                return
            if pool.busy():
                for r in pool.collect():
                    done[r.index] = r
    finally:
        pool.close()


def json_line(record: dict[str, Any]) -> str:
    """One JSON line, UTF-8 encodable whatever the strings hold: a lone surrogate (a
    file name that is not UTF-8, decoded by Python with surrogateescape) is written as
    a `\\udcxx` escape, which reads back as the same str."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


def write_jsonl(results: Iterable[Result], out: io.TextIOBase | Any) -> int:
    """Write one JSON line per result; returns the number of errors."""
    errors = 0
    for r in results:
        errors += not r.ok
        out.write(json_line(r.to_dict()))
        out.flush()
    return errors


def done_sources(path: Path) -> set[str]:
    """The `source` of every complete JSON line in an output file (for `--resume`).
    A torn last line (a run killed mid-write) is cut off so appending starts clean,
    and lines of `RETRIED_ON_RESUME` errors are taken out (the file is rewritten) so
    that their inputs run again and still get exactly one line."""
    if not path.exists():
        return set()
    seen: set[str] = set()
    good_end = 0
    retried = 0
    with path.open("rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            good_end += len(line)
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict) and isinstance(row.get("source"), str):
                err = row.get("error")
                if isinstance(err, dict) and err.get("type") in RETRIED_ON_RESUME:
                    retried += 1
                else:
                    seen.add(row["source"])
    if good_end < path.stat().st_size:
        with path.open("r+b") as f:
            f.truncate(good_end)
    if retried:
        _drop_lines(path)
    return seen


def _drop_lines(path: Path) -> None:
    """Rewrite `path` without its lines of `RETRIED_ON_RESUME` errors (atomically)."""
    tmp = path.with_name(path.name + ".resume-tmp")
    with path.open("rb") as f, tmp.open("wb") as out:
        for line in f:
            try:
                row = json.loads(line)
            except ValueError:
                out.write(line)
                continue
            err = row.get("error") if isinstance(row, dict) else None
            if not (isinstance(err, dict) and err.get("type") in RETRIED_ON_RESUME):
                out.write(line)
    os.replace(tmp, path)
