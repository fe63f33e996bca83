"""Start-up to a settled first frame, and peak memory, in a real pseudo-terminal.

Five commands, each started afresh in a pty of 80x24 and of 200x50 (TIOCSWINSZ,
TERM=xterm-256color):

- `legrun-tui --db TEN_YEAR`: the ten-year history (a fresh copy of the database each run);
- `legrun-tui --db EMPTY`: a legrun database with nothing in it (made beforehand, so the
  migrations are not counted). A new database opens on the welcome form (a modal over the
  week asking for age, runs a week, weekly km, leg days and the long-run day), so this is
  the welcome's first frame;
- the same empty database with the welcome skipped (as escape leaves it): the week with no
  history, the like-for-like reference for what ten years of history cost;
- `legrun-tui --demo`: builds its throwaway database of sample weeks at each start (in the
  isolated TMPDIR), then the week;
- the bare Textual app (`bare_app.py`): Header, Footer, a 7-column grid of Statics.

Start-up = from just before the process is spawned to the last byte the app writes before
`quiet` seconds of silence (the silence is not counted). The runs are interleaved: each run
starts every command once at each size, in an order rotated from run to run, so all of them
see the same machine load; each figure is the median of `runs`. One start of each command
beforehand, not counted, warms the bytecode and disk caches.

Each start's output is checked for what it should show (the week's title, the welcome's),
so a crash or an error page is not timed as a start-up.

Peak memory = the child's VmHWM (peak resident set, /proc/PID/status) read after its first
frame has settled, before it is ended; median over the same runs.

CPU time = what the child's threads have run on a core by then (/proc/PID/task/*/schedstat),
and beside it how long they were ready to run but waited for a core. The wall clock counts
both, so the second says how much of a slow start was the machine's load. CPU time is not
steady either: on a shared host the same start can take 1.5x the CPU time from one round to
the next, which is why the start-up rows show the fastest start beside the median. It
includes the quiet window, in which an idle app does next to nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.pty_driver import PtyApp, screen_text
from benchmarks.workspace import BARE_APP, Workspace

SIZES = ((80, 24), (200, 50))


@dataclass(frozen=True)
class StartCommand:
    name: str  # short key: ten-year, empty, empty-week, demo, bare
    label: str  # as shown in the table
    argv: tuple[str, ...]  # "{db}" is replaced by a fresh copy of `template`
    template: Path | None  # the database to copy for each run, if any
    shows: str  # text the settled first frame must contain


@dataclass
class StartSamples:
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[float] = field(default_factory=list)
    size: list[float] = field(default_factory=list)  # bytes written up to the settled frame
    cpu: list[float] = field(default_factory=list)  # seconds on a core, up to then
    waited: list[float] = field(default_factory=list)  # seconds ready but without a core


def commands(workspace: Workspace) -> list[StartCommand]:
    legrun = str(workspace.legrun)
    return [
        StartCommand(
            "ten-year",
            "legrun-tui --db TEN_YEAR",
            (legrun, "--db", "{db}"),
            workspace.ten_year,
            "this week",
        ),
        StartCommand(
            "empty",
            "legrun-tui --db EMPTY (welcome)",
            (legrun, "--db", "{db}"),
            workspace.empty,
            "Welcome to legrun",
        ),
        StartCommand(
            "empty-week",
            "legrun-tui --db EMPTY, welcome skipped",
            (legrun, "--db", "{db}"),
            workspace.empty_week,
            "this week",
        ),
        StartCommand("demo", "legrun-tui --demo", (legrun, "--demo"), None, "[demo]"),
        StartCommand("bare", "bare Textual app", (sys.executable, str(BARE_APP)), None, "Mon"),
    ]


@dataclass(frozen=True)
class Start:
    """One start: seconds to the settled first frame, the peak RSS in KiB, the bytes written,
    and the CPU time (ran, waited) in seconds by then, when known."""

    seconds: float
    peak_kib: int | None
    size: int
    cpu: tuple[float, float] | None


def start_once(
    workspace: Workspace, command: StartCommand, size: tuple[int, int], quiet: float
) -> Start:
    argv = list(command.argv)
    if command.template is not None:
        db = workspace.fresh_copy(command.template)
        argv = [str(db) if a == "{db}" else a for a in argv]
    with PtyApp(argv, workspace.env, *size, keep_output=True) as app:
        burst = app.first_frame(quiet)
        peak = app.peak_rss_kb()
        cpu = app.cpu_times()
        text = screen_text(bytes(app.output))
        if not burst.size or command.shows not in text:
            tail = text[-600:].strip()
            raise RuntimeError(
                f"{command.label} at {size[0]}x{size[1]} did not show {command.shows!r}: {tail}"
            )
        return Start(burst.last, peak, burst.size, cpu)


def measure(
    workspace: Workspace,
    runs: int,
    quiet: float,
    sizes: Sequence[tuple[int, int]] = SIZES,
    progress: bool = True,
) -> dict[tuple[str, tuple[int, int]], StartSamples]:
    """Median material: for each (command, size), the samples of `runs` interleaved runs."""
    found = commands(workspace)
    for command in found:  # warm-up, not counted
        start_once(workspace, command, sizes[0], quiet)
    samples = {(c.name, s): StartSamples() for c in found for s in sizes}
    for run in range(runs):
        order = found[run % len(found) :] + found[: run % len(found)]
        for size in sizes:
            for command in order:
                one = start_once(workspace, command, size, quiet)
                got = samples[(command.name, size)]
                got.seconds.append(one.seconds)
                got.size.append(one.size)
                if one.peak_kib is not None:
                    got.peak_kib.append(one.peak_kib)
                if one.cpu is not None:
                    got.cpu.append(one.cpu[0])
                    got.waited.append(one.cpu[1])
        if progress:
            print(f"  start-up run {run + 1}/{runs} done", file=sys.stderr, flush=True)
    return samples
