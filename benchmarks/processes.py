"""Whole-process time of the command line on the ten-year database.

Each command is the installed console script (`legrun-tui` next to this Python, not `uv run`,
whose own start-up would be counted), run as a subprocess with its output captured: from
spawn to exit, what a shell prompt, a tmux status line or a script pays. `python -c pass` and
`legrun-tui --version` give the scale (Python's start-up; the CLI's imports without a
database). The runs are interleaved: each run times every command once, so all see the same
load; one run of each before, not counted, warms the bytecode cache (see workspace.py:
PYTHONPYCACHEPREFIX, as an installed program runs after its first start) and the disk cache.
Beside the wall clock, each run's CPU time (user + system, from the kernel's account of the
ended child, `getrusage(RUSAGE_CHILDREN)`): the command's own work, without the time it
waited for a core (when the two are close, a slow run was a slow machine, not a busy one).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field

from benchmarks.workspace import Workspace


@dataclass(frozen=True)
class Command:
    label: str
    argv: tuple[str, ...]
    budgeted: bool  # whether the whole-process budget applies


def commands(workspace: Workspace) -> list[Command]:
    exe = str(workspace.legrun)
    db = str(workspace.fresh_copy(workspace.ten_year))
    ics = str(workspace.root / "plan.ics")
    on = (exe, "--db", db)
    return [
        Command("python -c pass", (sys.executable, "-c", "pass"), False),
        Command("legrun-tui --version", (exe, "--version"), False),
        Command("plan --json", (*on, "plan", "--json"), True),
        Command("today", (*on, "today"), True),
        Command("season --json", (*on, "season", "--json"), True),
        Command("history --json", (*on, "history", "--json"), False),
        Command("stats --json", (*on, "stats", "--json"), False),
        Command("export ics PATH", (*on, "export", "ics", ics), False),
    ]


@dataclass
class Samples:
    command: Command
    seconds: list[float] = field(default_factory=list)  # spawn to exit, wall clock
    cpu: list[float] = field(default_factory=list)  # user + system of the child


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_once(command: Command, workspace: Workspace) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run. One child at a time: the benchmark runs
    nothing else meanwhile, so the growth of its children's account is this child's."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(command.argv, capture_output=True, env=workspace.env, check=True)
    return time.perf_counter() - started, _children_cpu() - cpu


def measure(workspace: Workspace, runs: int) -> dict[str, Samples]:
    found = commands(workspace)
    for command in found:  # warm-up, not counted
        run_once(command, workspace)
    samples = {c.label: Samples(c) for c in found}
    for _ in range(runs):
        for command in found:
            seconds, cpu = run_once(command, workspace)
            samples[command.label].seconds.append(seconds)
            samples[command.label].cpu.append(cpu)
    return samples
