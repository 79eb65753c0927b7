"""The folder's overview, made in one background thread.

Reading and checking a group file takes a few milliseconds, so a national folder of
thousands takes seconds the first time (and on a new day, when every date may mean
something else). The list then answers at once with how far the reading has come and
shows the groups when all are read. A starter's folder of a few files is read before
the first answer, as before. Only one reading runs at a time: a request for the folder
as it is now waits for, or follows, the one already running, and every file already
read is not read again (the results are kept per file version by the caller).
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable
from typing import Any

# (key, make): make(progress) builds the overview and calls progress(done) as it goes.
Make = Callable[[Callable[[int], None]], Any]


class _Job:
    def __init__(self, key: tuple, total: int, make: Make, finish: Callable[[_Job], None]) -> None:
        self.key = key
        self.total = total
        self.done = 0
        self.value: Any = None
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self._make = make
        self._finish = finish
        # The request's language (a context variable) goes with the work into the thread.
        context = contextvars.copy_context()
        self._thread = threading.Thread(target=context.run, args=(self._run,), daemon=True, name="selvhjelp-survey")

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            self.value = self._make(self._progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the request that waits for it
            self.error = exc
        self._finish(self)
        self.finished.set()

    def _progress(self, done: int) -> None:
        self.done = done


class Survey:
    """The latest finished overview, kept for its key, and the one job that may be making the next."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._value: Any = None
        self._job: _Job | None = None

    def get(self, key: tuple, total: int, make: Make, *, wait: float | None) -> tuple[Any, tuple[int, int]]:
        """(overview, (done, total)): the overview for `key` when it is ready within `wait` seconds (None:
        however long it takes); otherwise (None, how far the reading has come)."""
        deadline = None if wait is None else time.monotonic() + wait
        while True:
            with self._lock:
                if self._key == key:
                    return self._value, (total, total)
                if self._job is None or self._job.finished.is_set():
                    self._job = _Job(key, total, make, self._finish)
                    self._job.start()
                job = self._job
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not job.finished.wait(left):
                return None, (job.done, job.total)
            if job.error is not None and job.key == key:
                raise job.error
            # Finished: either this key's overview is kept now, or an older reading ended and this one starts.

    def progress(self) -> tuple[int, int, bool]:
        """(done, total, whether no reading is running now)."""
        with self._lock:
            job = self._job
        if job is None:
            return 0, 0, True
        return job.done, job.total, job.finished.is_set()

    def _finish(self, job: _Job) -> None:
        if job.error is None:
            with self._lock:
                self._key, self._value = job.key, job.value
