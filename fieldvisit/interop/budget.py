"""A work budget for reader steps whose cost the input decides (recurring events).

A crafted RRULE such as `FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30` makes the recurrence
library search second by second for a day that never comes: it never returns and never
yields, so a loop around it cannot stop it. While a budget is active, every Python function
call made by the current thread is counted (`sys.settrace`, 'call' events only, no line
tracing); past the budget's number of calls, or its wall-clock seconds (checked every few
thousand calls), the work is stopped from inside and the reader gets one InvalidInputError
naming the file, the field and the limit.

The count is the real limit: it does not depend on how loaded the machine is, so the same
file is refused or accepted on every machine. The seconds are a backstop for a slow step
that makes few calls.

Tracing costs about a microsecond per call, so budgets guard the steps that can run away
(recurrence expansion), not whole files. A debugger's or coverage's tracer is suspended
while a budget runs and put back afterwards.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from fieldvisit.domain.errors import InvalidInputError

_CLOCK_EVERY = 4096  # calls between two looks at the clock


class _OverBudget(BaseException):
    """Raised inside the budgeted code; a BaseException so that no `except Exception` in a
    library swallows it on its way out."""


class WorkBudget:
    """`with WorkBudget(...)`: the block may make at most `calls` Python calls and take at
    most `seconds`; past either it ends with InvalidInputError naming `path` and `field`."""

    def __init__(
        self,
        what: str,
        *,
        path: Path | str,
        field: str = "",
        calls: int = 5_000_000,
        seconds: float = 20.0,
    ) -> None:
        self.what = what
        self.path = path
        self.field = field
        self.calls = calls
        self.seconds = seconds
        self.used = 0
        self._deadline = 0.0
        self._previous: Any = None
        self._thread: threading.Thread | None = None

    def _trace(self, _frame: FrameType, event: str, _arg: object) -> None:
        if event != "call":
            return
        self.used += 1
        if self.used > self.calls:
            raise _OverBudget
        if not self.used % _CLOCK_EVERY and time.monotonic() > self._deadline:
            raise _OverBudget

    def __enter__(self) -> WorkBudget:
        self._thread = threading.current_thread()
        self._previous = sys.gettrace()
        self._deadline = time.monotonic() + self.seconds
        sys.settrace(self._trace)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # An exception raised by a trace function also unsets it; put back what was there.
        sys.settrace(self._previous)
        if isinstance(exc, _OverBudget):
            raise InvalidInputError(
                f"{self.what} needs too much work (over {self.calls:,} steps or "
                f"{self.seconds:g} seconds): refused; is a rule repeating without end?",
                path=self.path,
                field=self.field,
            ) from None
