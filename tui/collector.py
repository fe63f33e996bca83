"""When Python's garbage collector may pause the app: while nobody is waiting for it.

The collector's full pass walks every object that has lived long enough to reach its oldest
generation. In the app those are the screens, the kept plans and the lines drawn: after a
few minutes of paging through the weeks, history and the season, each full pass took 60-80
ms, often in the middle of a save or a key, which then waited.

So the app starts with the collector off, and a second after its first frame one pass frees
what start-up left in cycles and freezes the rest (`gc.freeze`: out of every later pass).
From then on the collector makes its quick passes over the young generations on its own, as
usual, but no full pass: each time the keyboard has been still for a second and objects
have reached the oldest generation since the last look, one pass is made over only those
(a few milliseconds to a few tens), and what survives is frozen too. Only keys that never
stop for a second (typing a long note) let the oldest generation grow past what the
collector would have allowed by five times; then the pass is made between two keys.

A frozen object that later becomes garbage in a cycle (a form that was open during a
pause, then closed) is not freed by those passes. So at a still second after a minute
without a key, or once the frozen objects are half as many again as after the last such
pass, one pass unfreezes everything, frees what has died and freezes the rest again (it
takes 50-120 ms: at a fifth more, it came every few rounds of a benchmark's keys).

Python 3.14's collector is incremental: it makes no full passes of this kind (its
thresholds and counts mean other things), so there only the start-up's freeze is made.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

GENERATIONAL = sys.version_info < (3, 14)  # three generations, and full passes over them

IDLE = 1.0  # s without input before what reached the oldest generation is looked at
LONG_IDLE = 60.0  # s without input before the frozen objects are looked at too
# Passes over the middle generation (each moving its survivors to the oldest) before a full
# pass is made whatever the keyboard does: Python's own threshold is 10.
BUSY_PASSES = 50
FROZEN_GROWTH = 1.5  # frozen objects, against the count after the last pass over them all
_NEVER = 1 << 30  # the collector's own threshold for a full pass: it never gets there


class IdleCollector:
    """Runs the collector's passes when the app is idle (`tick` is called every so often,
    `input` at every key, paste, click or resize)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._input_at = clock()
        self._everything_seen = True  # since the last input, the frozen ones were looked at
        self._frozen = 0  # frozen after the last pass over everything

    def start(self) -> None:
        """Free start-up's cycles, freeze what is left, and turn the collector on, for its
        passes over the young generations only."""
        gc.collect()
        gc.freeze()
        self._frozen = gc.get_freeze_count()
        if GENERATIONAL:
            young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, _NEVER)
        gc.enable()

    def input(self) -> None:
        self._input_at = self._clock()
        self._everything_seen = False

    def tick(self) -> str | None:
        """The pass made, if it was time for one: "new" (what is not frozen) or "all"."""
        if not GENERATIONAL:
            return None
        idle = self._clock() - self._input_at
        if idle >= IDLE and (
            (idle >= LONG_IDLE and not self._everything_seen)
            or gc.get_freeze_count() > self._frozen * FROZEN_GROWTH
        ):
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self._frozen = gc.get_freeze_count()
            self._everything_seen = True
            return "all"
        # The third count: the collector's passes over its middle generation since the last
        # full pass, each of which moved their survivors to the oldest.
        promoted = gc.get_count()[2]
        if (idle >= IDLE and promoted > 0) or promoted >= BUSY_PASSES:
            gc.collect()
            gc.freeze()
            return "new"
        return None
