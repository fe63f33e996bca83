"""Key to frame, and terminal bytes per key, on the ten-year database at 80x24.

One `legrun-tui --db TEN_YEAR` (a fresh copy) and one bare Textual app run side by side, each
in its own pty. Every measured key starts from a known state: the week screen on this week,
today selected. `before` keys (not measured) lead to the state the key is measured in, and
`after` keys (not measured) lead back; each unmeasured key is followed by its own quiet
window, so nothing of it is left to be counted with the next.

Key to frame = from writing the key to the pty to the end of the answer's first whole frame
(the pty plays a terminal with synchronized output, so every frame is marked: pty_driver.py).
Settled = to the last byte of the answer, the last one before `quiet` seconds of silence (not
counted): later frames of the same answer, such as a notification sliding in after the change
it reports, end there. The first byte is kept too. Bytes = what the
app wrote for the key. Figures: median and 90th percentile over `presses` rounds; in each
round every key is measured once, in a fixed order, with the bare app's `]` among them, so
all see the same machine load. `warmup` rounds before are not counted (the first visit to a
screen imports its module).

Keys that save (a form's ctrl+s, a move) run in `writes` of the rounds only: each is undone
(`u`) after it, and then the benchmark waits for the app's notifications to expire (a toast
that goes away repaints, and would be counted with the next key).

The keys (DESIGN.md "Keys", the screens' BINDINGS):
- `]` / `[` next / previous week (back with the other one);
- `l` the day cursor one day on (back with `h`);
- `enter` opens the selected day (back with `1`, the week);
- a move: on the day screen of the first day after today with a planned session, `m` opens
  the move chooser (move.py), and the measured `enter` moves the session to the day it
  offers; `u` undoes it;
- ctrl+s saving the run form: `a` (add) `r` (run), km 5, tab, minutes 30, then ctrl+s
  (form.py: a priority binding); `u` undoes the logging;
- `2` history, `pagedown` in it (a fresh history screen each time), `3` trends, `5` season
  (back with `1`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from benchmarks.history import TODAY
from benchmarks.pty_driver import Burst, PtyApp
from benchmarks.workspace import BARE_APP, Workspace

SIZE = (80, 24)
PAGE_DOWN = b"\x1b[6~"
CTRL_S = b"\x13"
# How long notifications stay: the app's are 3 s, its rule warnings after a move 8 s.
SAVE_TOASTS = 3.6
MOVE_TOASTS = 8.6


@dataclass(frozen=True)
class Scenario:
    name: str  # as shown in the table
    app: str  # "legrun" or "bare"
    key: bytes
    before: tuple[bytes, ...] = ()
    after: tuple[bytes, ...] = ()
    writes: bool = False  # saves something (then undone): run in the write rounds only
    toasts: float = 0.0  # seconds after the key for its notifications to expire
    pause: float = 0.0  # seconds to wait before the key (a form keeps its draft 0.3 s on)


@dataclass
class KeySamples:
    frame: list[float] = field(default_factory=list)
    last: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    size: list[float] = field(default_factory=list)
    silent: int = 0  # presses that got no answer at all


def first_planned_day_after_today(workspace: Workspace) -> int | None:
    """Days from today to the first later day of this week with a planned session (not rest),
    from `plan --json` on the ten-year database; None when there is none."""
    done = subprocess.run(
        [str(workspace.legrun), "--db", str(workspace.ten_year), "plan", "--json"],
        capture_output=True,
        text=True,
        env=workspace.env,
        check=True,
    )
    plan = json.loads(done.stdout)
    for day in plan["days"]:
        when = date.fromisoformat(day["date"])
        if when <= TODAY:
            continue
        if any(s["status"] == "planned" and s["kind"] != "rest" for s in day["sessions"]):
            return (when - TODAY).days
    return None


def scenarios(move_offset: int | None) -> list[Scenario]:
    found = [
        Scenario("bare app ] next week", "bare", b"]", after=(b"[",)),
        Scenario("] next week", "legrun", b"]", after=(b"[",)),
        Scenario("[ previous week", "legrun", b"[", after=(b"]",)),
        Scenario("l day cursor to the next day", "legrun", b"l", after=(b"h",)),
        Scenario("enter open the day", "legrun", b"\r", after=(b"1",)),
        Scenario("2 history", "legrun", b"2", after=(b"1",)),
        Scenario("pagedown in history", "legrun", PAGE_DOWN, before=(b"2",), after=(b"1",)),
        Scenario("3 trends", "legrun", b"3", after=(b"1",)),
        Scenario("5 season", "legrun", b"5", after=(b"1",)),
        Scenario(
            "ctrl+s save the run form",
            "legrun",
            CTRL_S,
            before=(b"a", b"r", b"5", b"\t", b"3", b"0"),
            after=(b"u",),
            writes=True,
            toasts=SAVE_TOASTS,
            pause=0.5,
        ),
    ]
    if move_offset is not None:
        found.append(
            Scenario(
                "enter move a session (move chooser)",
                "legrun",
                b"\r",
                before=(b"l",) * move_offset + (b"\r", b"m"),
                after=(b"u", b"1") + (b"h",) * move_offset,
                writes=True,
                toasts=MOVE_TOASTS,
            )
        )
    return found


def write_rounds(presses: int, writes: int) -> set[int]:
    """Which of the measured rounds run the keys that save: `writes` of them, spread out."""
    writes = max(0, min(writes, presses))
    return {round(i * presses / writes) for i in range(writes)} if writes else set()


def _keys(app: PtyApp, keys: Sequence[bytes], quiet: float) -> None:
    for key in keys:
        app.press(key, quiet)


def measure(
    workspace: Workspace,
    presses: int,
    writes: int,
    warmup: int,
    quiet: float,
    progress: bool = True,
) -> tuple[list[Scenario], dict[str, KeySamples]]:
    found = scenarios(first_planned_day_after_today(workspace))
    samples = {s.name: KeySamples() for s in found}
    db = workspace.fresh_copy(workspace.ten_year)
    legrun = PtyApp([str(workspace.legrun), "--db", str(db)], workspace.env, *SIZE)
    bare = PtyApp([sys.executable, str(BARE_APP)], workspace.env, *SIZE)
    apps = {"legrun": legrun, "bare": bare}
    try:
        for app in apps.values():
            app.first_frame(0.5)
        saving = write_rounds(presses, writes)
        for round_ in range(-warmup, presses):
            for scenario in found:
                if scenario.writes and round_ not in saving and round_ != -1:
                    continue
                app = apps[scenario.app]
                _keys(app, scenario.before, quiet)
                if scenario.pause:
                    app.drain(scenario.pause)
                sent = time.perf_counter()
                burst: Burst = app.press(scenario.key, quiet)
                _keys(app, scenario.after, quiet)
                if scenario.toasts:  # let them go away before the next key
                    app.drain(sent + scenario.toasts - time.perf_counter())
                    app.settle(quiet)
                if round_ < 0:
                    continue
                got = samples[scenario.name]
                if not burst.size:
                    got.silent += 1
                    continue
                got.frame.append(burst.frame)
                got.last.append(burst.last)
                got.first.append(burst.first)
                got.size.append(burst.size)
            if progress and round_ >= 0 and (round_ + 1) % 5 == 0:
                print(f"  key round {round_ + 1}/{presses} done", file=sys.stderr, flush=True)
    finally:
        for app in apps.values():
            app.close()
    return found, samples
