"""An opt-in hard time limit for one in-process call: `extract(..., hard_budget=True)`.

The pipeline's budget is cooperative: `Deadline.check` runs between stages, so a stage
that runs long is only noticed when it ends. `hard_deadline` arms a timer thread that,
at the deadline, raises `TimeBudgetExceeded` inside the calling thread
(`PyThreadState_SetAsyncExc`): Python delivers it at the next bytecode boundary, so
it stops a stage in the middle of a Python loop; a single C call (one regex match,
one lxml parse) finishes first, which is why every pattern and loop a page can reach
is kept linear (docs/design.md, "Worst cases"). For a limit that holds whatever the
page does, run pages in processes: `extract_many(..., workers=N)` kills them.

CPython only (elsewhere `hard_deadline` is a no-op and the budget stays cooperative).
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from cleannews.errors import TimeBudgetExceeded

_CPYTHON = sys.implementation.name == "cpython"


def _inject(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


@contextmanager
def hard_deadline(seconds: float | None) -> Iterator[None]:
    """Raise `TimeBudgetExceeded` in this thread if the block runs past `seconds`."""
    if seconds is None or not _CPYTHON:
        yield
        return
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _inject(target, TimeBudgetExceeded)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except TimeBudgetExceeded as exc:
        if state["fired"] and not exc.args:
            raise TimeBudgetExceeded(f"stopped inside a stage at the hard budget of {seconds:g} s") from None
        raise
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:
                _inject(target, None)  # a raise still pending when the block ended
