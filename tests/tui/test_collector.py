"""The collector's passes wait for the keyboard to be still (tui/collector.py), with the real
`gc` module: cycles made while keys arrive are left alone, freed after a still second, and
a cycle among frozen objects is freed after a still minute. The app starts the collector a
second after its first frame and tells it of every key."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.collector import (
    BUSY_PASSES,
    FROZEN_GROWTH,
    GENERATIONAL,
    IDLE,
    LONG_IDLE,
    IdleCollector,
)
from tests.conftest import TODAY

# Python 3.14's incremental collector has no full passes to move: the app only freezes.
generational = pytest.mark.skipif(not GENERATIONAL, reason="Python 3.14's gc is incremental")


class Cycle:
    def __init__(self) -> None:
        self.me = self


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def started(collector_restored: None) -> tuple[Clock, IdleCollector]:
    """A collector started (as the app starts it, on) on a clock of the test's own; then
    the collector off, so that the only passes are the ones a test makes."""
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    assert gc.get_freeze_count() > 0 and gc.isenabled()
    gc.disable()
    return clock, collector


def _in_the_oldest_generation(thing: object) -> weakref.ref[object]:
    """`thing`, moved by a pass over the young generations (as the collector mostly makes
    on its own) into the oldest one, then dropped: garbage that only a full pass frees."""
    held = [thing]
    gc.collect(1)  # the young generations: `thing` lives, so moves on to the oldest
    assert gc.get_count()[2] > 0
    found = weakref.ref(held.pop())
    del thing
    return found


@generational
def test_a_cycle_is_freed_once_the_keyboard_is_still_for_a_second(
    started: tuple[Clock, IdleCollector],
) -> None:
    clock, collector = started
    frozen = gc.get_freeze_count()
    garbage = _in_the_oldest_generation(Cycle())
    collector.input()
    clock.now += IDLE / 2
    assert collector.tick() is None  # keys are still arriving
    gc.collect(1)
    assert garbage() is not None  # the young passes do not reach it

    clock.now += IDLE
    assert collector.tick() == "new"
    assert garbage() is None
    assert gc.get_freeze_count() > frozen  # what survived was frozen with the rest
    assert collector.tick() is None  # nothing new reached the oldest generation since


@generational
def test_a_cycle_among_frozen_objects_is_freed_after_a_still_minute(
    started: tuple[Clock, IdleCollector],
) -> None:
    clock, collector = started
    held = [Cycle()]  # alive at the next pass, so frozen by it
    gc.collect(1)
    assert gc.get_count()[2] > 0
    clock.now += IDLE
    assert collector.tick() == "new"
    dead = weakref.ref(held.pop())  # now garbage, but frozen: no ordinary pass sees it
    gc.collect()
    assert dead() is not None

    collector.input()
    clock.now += LONG_IDLE - 1
    collector.tick()
    assert dead() is not None
    clock.now += 1
    assert collector.tick() == "all"
    assert dead() is None
    assert gc.get_freeze_count() > 0  # the living are frozen again
    clock.now += LONG_IDLE
    assert collector.tick() != "all"  # once for each still minute, not every tick


@generational
def test_a_burst_of_work_makes_no_full_pass_of_its_own(
    started: tuple[Clock, IdleCollector],
) -> None:
    """The collector is on and makes its young passes (Python's thresholds would have made a
    full pass every ten of them), but the cycle in the oldest generation waits for a tick."""
    garbage = _in_the_oldest_generation(Cycle())
    gc.enable()
    young, middle, _ = gc.get_threshold()
    work = [[] for _ in range(young * middle * 15)]  # fifteen middle passes, on its own
    assert gc.get_count()[2] >= 10
    assert garbage() is not None
    del work


@generational
def test_keys_that_never_stop_get_a_pass_between_two_of_them(
    started: tuple[Clock, IdleCollector],
) -> None:
    clock, collector = started
    garbage = _in_the_oldest_generation(Cycle())
    for _ in range(BUSY_PASSES - 2):
        collector.input()
        clock.now += 0.1
        gc.collect(1)
        assert collector.tick() is None
    collector.input()
    gc.collect(1)
    assert collector.tick() == "new"
    assert garbage() is None


@generational
def test_half_as_many_frozen_again_are_all_looked_at_at_the_next_still_second(
    started: tuple[Clock, IdleCollector],
) -> None:
    clock, collector = started
    held = [Cycle() for _ in range(int(gc.get_freeze_count() * (FROZEN_GROWTH - 1)) + 100)]
    gc.collect(1)
    clock.now += IDLE
    assert collector.tick() == "new"  # they were alive: frozen with the rest
    dead = weakref.ref(held[0])
    del held  # garbage now, but frozen
    gc.collect()
    assert dead() is not None
    collector.input()
    clock.now += IDLE  # a still second, not a minute
    assert collector.tick() == "all"
    assert dead() is None


async def test_the_app_starts_the_collector_and_tells_it_of_each_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    inputs: list[float] = []

    class Counting(IdleCollector):
        def input(self) -> None:
            inputs.append(self._clock())
            super().input()

    monkeypatch.setattr("legrun.tui.application.IdleCollector", Counting)
    monkeypatch.setattr("legrun.tui.application._COLLECT_AFTER_START", 0.05)
    with Repository.open(tmp_path / "legrun.db") as repo:
        app = make_app(repo, today=TODAY)
        app.freeze_after_start = True
        gc.disable()  # as the command line leaves it for the start-up
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(100):  # the start-up pass, once the first frames are out
                if app._collector is not None:
                    break
                await pilot.pause(0.05)
            assert isinstance(app._collector, Counting)
            assert gc.isenabled() and gc.get_freeze_count() > 0
            assert "idle-collector" in {t.name for t in app._timers}
            await pilot.press("]", "[", "l")
            assert len(inputs) >= 3  # (a key the screen leaves to the app comes twice)
