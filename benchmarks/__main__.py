"""`uv run python -m benchmarks [--quick] [--runs N] ... [--json PATH]`: see __init__.py."""

from __future__ import annotations

import argparse
import math
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks import keys, planner_time, processes, startup, typing_echo
from benchmarks.history import GOAL_WEEKS, TODAY
from benchmarks.report import Row, kib, median, ms, p90, table, write_json
from benchmarks.workspace import Workspace

SECTIONS = ("startup", "keys", "typing", "processes", "planner")

# The budgets (issue 10), in one place.
START_VS_BARE = 1.15  # legrun-tui start-up / bare app, at 80x24
DEMO_VS_BARE = 1.3  # legrun-tui --demo / bare app, at 80x24
TEN_YEAR_VS_EMPTY = 1.05  # ten-year database / empty database, at each size
KEY_MS = 16.0  # median key to frame, every key
BYTES_PER_NEXT_WEEK = 3 * 1024  # median bytes for `]`
MEMORY_VS_BARE = 1.2  # peak RSS after the first frame / bare app
PROCESS_MS = 120.0  # plan --json, today, season --json, whole process
ECHO_MS = 50.0  # the longest gap between a typed key and its echo


@dataclass(frozen=True)
class Settings:
    runs: int
    presses: int
    writes: int
    warmup: int
    command_runs: int
    calls: int
    characters: int
    interval: float
    quiet: float
    key_quiet: float
    years: float
    sections: tuple[str, ...]


def parse(argv: list[str] | None) -> tuple[Settings, Path | None, bool]:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure the whole app: start-up, keys, typing, memory, the command line "
        "and the planner, on a ten-year history. Figures, not tests: see benchmarks/__init__.py.",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few minutes")
    parser.add_argument("--runs", type=int, help="start-up runs per command and size (7)")
    parser.add_argument("--presses", type=int, help="measured rounds of keys (30)")
    parser.add_argument("--writes", type=int, help="rounds with the keys that save (6)")
    parser.add_argument("--warmup", type=int, help="key rounds before, not counted (2)")
    parser.add_argument("--command-runs", type=int, help="runs of each command-line command (10)")
    parser.add_argument("--calls", type=int, help="calls of each planner function (100)")
    parser.add_argument("--characters", type=int, help="characters typed into the note (2000)")
    parser.add_argument("--interval-ms", type=float, default=10.0, help="between typed keys")
    parser.add_argument("--quiet-ms", type=float, default=250.0, help="start-up quiet window")
    parser.add_argument("--key-quiet-ms", type=float, default=250.0, help="key quiet window")
    parser.add_argument("--years", type=float, default=10.0, help="years of history (10)")
    parser.add_argument(
        "--only", help=f"comma-separated sections to run, of: {', '.join(SECTIONS)}"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the table here")
    args = parser.parse_args(argv)
    quick = args.quick

    def pick(value: int | None, full: int, fast: int) -> int:
        return value if value is not None else (fast if quick else full)

    sections = tuple(SECTIONS)
    if args.only:
        sections = tuple(s.strip() for s in args.only.split(",") if s.strip())
        unknown = set(sections) - set(SECTIONS)
        if unknown:
            parser.error(f"--only: unknown section {', '.join(sorted(unknown))}")
    settings = Settings(
        runs=pick(args.runs, 7, 3),
        presses=pick(args.presses, 30, 6),
        writes=pick(args.writes, 6, 2),
        warmup=pick(args.warmup, 2, 1),
        command_runs=pick(args.command_runs, 10, 5),
        calls=pick(args.calls, 100, 20),
        characters=pick(args.characters, 2000, 2000),
        interval=args.interval_ms / 1000,
        quiet=args.quiet_ms / 1000,
        key_quiet=args.key_quiet_ms / 1000,
        years=args.years,
        sections=sections,
    )
    return settings, args.json, quick


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- the sections, each turning its samples into rows ---------------------------------------------


def startup_rows(workspace: Workspace, s: Settings) -> list[Row]:
    found = startup.measure(workspace, s.runs, s.quiet)
    labels = {c.name: c.label for c in startup.commands(workspace)}
    rows: list[Row] = []
    section = f"start-up to a settled first frame, pty, median of {s.runs}"
    for columns, lines in startup.SIZES:
        size = (columns, lines)
        at = f"{columns}x{lines}"
        got = {name: median(found[(name, size)].seconds) for name in labels}
        # The fastest start of each: on a shared machine the same start can take 1.5x as long
        # from one run to the next (in CPU time too), so the median may fall in either mode.
        fastest = {name: min(found[(name, size)].seconds) for name in labels}
        bare = got["bare"]
        rows.append(
            Row(
                section,
                f"{labels['bare']} {at}",
                bare * 1000,
                "ms",
                f"{ms(bare)} (min {ms(fastest['bare'])})",
                samples=found[("bare", size)].seconds,
            )
        )
        for name, limit in (
            ("ten-year", START_VS_BARE),
            ("empty", START_VS_BARE),
            ("empty-week", None),
            ("demo", DEMO_VS_BARE),
        ):
            ratio = got[name] / bare
            budgeted = size == (80, 24) and limit is not None
            rows.append(
                Row(
                    section,
                    f"{labels[name]} {at}",
                    ratio,
                    "x bare",
                    f"{ms(got[name])} = {ratio:.2f}x bare (min {ms(fastest[name])})",
                    f"<= {limit:g}x bare" if budgeted else "",
                    limit if budgeted else None,
                    samples=found[(name, size)].seconds,
                )
            )
        # Like for like: the week on ten years against the week on none. Against the welcome
        # (what an empty database shows first) for scale only: another screen.
        ratio = got["ten-year"] / got["empty-week"]
        of_fastest = fastest["ten-year"] / fastest["empty-week"]
        rows.append(
            Row(
                section,
                f"ten-year / empty db, both on the week {at}",
                ratio,
                "x empty",
                f"{ratio:.2f}x empty (of the fastest starts {of_fastest:.2f}x)",
                f"<= {TEN_YEAR_VS_EMPTY:g}x empty",
                TEN_YEAR_VS_EMPTY,
            )
        )
        ratio = got["ten-year"] / got["empty"]
        rows.append(
            Row(
                section,
                f"ten-year week / empty db welcome {at}",
                ratio,
                "x empty",
                f"{ratio:.2f}x empty (another screen)",
            )
        )
    memory = "peak memory (VmHWM after the first frame, 80x24)"
    size = (80, 24)
    bare_kib = median(found[("bare", size)].peak_kib)
    rows.append(
        Row(
            memory,
            labels["bare"],
            bare_kib,
            "KiB",
            f"{bare_kib / 1024:.1f} MB",
            samples=found[("bare", size)].peak_kib,
        )
    )
    for name in ("ten-year", "empty", "empty-week", "demo"):
        peak = median(found[(name, size)].peak_kib)
        ratio = peak / bare_kib
        budgeted = name == "ten-year"
        rows.append(
            Row(
                memory,
                labels[name],
                ratio,
                "x bare",
                f"{peak / 1024:.1f} MB = {ratio:.2f}x bare",
                f"<= {MEMORY_VS_BARE:g}x bare" if budgeted else "",
                MEMORY_VS_BARE if budgeted else None,
                samples=found[(name, size)].peak_kib,
            )
        )
    rows += cpu_rows(found, labels)
    return rows


def cpu_rows(
    found: dict[tuple[str, tuple[int, int]], startup.StartSamples], labels: dict[str, str]
) -> list[Row]:
    """The same starts in CPU time: what the app's threads ran, and what they waited for a
    core (the machine's load), by the settled first frame. For scale, not budgets: the
    budgets are on the wall clock a user waits."""
    section = "CPU time to the settled first frame, the same starts (median · waited for a core)"
    if not all(found[key].cpu for key in found):
        return [Row(section, "CPU time", math.nan, "ms", "n/a (no /proc/PID/task/*/schedstat)")]
    rows: list[Row] = []
    for columns, lines in startup.SIZES:
        size = (columns, lines)
        at = f"{columns}x{lines}"
        cpu = {name: median(found[(name, size)].cpu) for name in labels}
        for name in ("bare", "ten-year", "empty", "empty-week", "demo"):
            waited = ms(median(found[(name, size)].waited))
            scale = "" if name == "bare" else f" = {cpu[name] / cpu['bare']:.2f}x bare"
            rows.append(
                Row(
                    section,
                    f"{labels[name]} {at}",
                    cpu[name] * 1000,
                    "ms",
                    f"{ms(cpu[name])}{scale} · waited {waited}",
                    samples=found[(name, size)].cpu,
                    extra={"waited": found[(name, size)].waited},
                )
            )
        ratio = cpu["ten-year"] / cpu["empty-week"]
        rows.append(
            Row(
                section,
                f"ten-year / empty db, both on the week {at}",
                ratio,
                "x empty",
                f"{ratio:.2f}x empty",
            )
        )
    return rows


def key_rows(workspace: Workspace, s: Settings) -> list[Row]:
    scenarios, found = keys.measure(workspace, s.presses, s.writes, s.warmup, s.key_quiet)
    rows = []
    section = "key to its first whole frame, ten-year db, 80x24 (median, p90 · settled · bytes)"
    for scenario in scenarios:
        got = found[scenario.name]
        frames = [f for f in got.frame if not math.isnan(f)]
        mid = median(frames)
        settled = median(got.last)
        extra: dict[str, Any] = {
            "first_byte_ms": median(got.first) * 1000,
            "p90_ms": p90(frames) * 1000,
            "settled_ms": settled * 1000,
            "settled_p90_ms": p90(got.last) * 1000,
            "bytes": median(got.size),
            "silent": got.silent,
            "unframed": len(got.frame) - len(frames),
        }
        silent = f" · {got.silent} silent" if got.silent else ""
        legrun = scenario.app == "legrun"
        rows.append(
            Row(
                section,
                scenario.name + (f" (n={len(got.last)})" if scenario.writes else ""),
                mid * 1000,
                "ms",
                f"{ms(mid)}, p90 {ms(p90(frames))} · settled {ms(settled)} · "
                f"{kib(median(got.size))}{silent}",
                f"<= {KEY_MS:g} ms" if legrun else "",
                KEY_MS if legrun else None,
                samples=frames,
                extra=extra,
            )
        )
        if scenario.name == "] next week":
            size = median(got.size)
            rows.append(
                Row(
                    section,
                    "bytes per ] next week",
                    size,
                    "B",
                    f"{size:.0f} B",
                    f"<= {kib(BYTES_PER_NEXT_WEEK)}",
                    BYTES_PER_NEXT_WEEK,
                    samples=got.size,
                )
            )
    return rows


def typing_rows(workspace: Workspace, s: Settings) -> list[Row]:
    got = typing_echo.measure(workspace, s.characters, s.interval, s.key_quiet)
    section = (
        f"typing {s.characters} characters into a note, one per write, "
        f"{s.interval * 1000:g} ms apart"
    )
    longest = max(got.gaps) if got.gaps else float("nan")
    where = got.gaps.index(longest) + 1 if got.gaps else 0
    over = sum(gap > ECHO_MS / 1000 for gap in got.gaps)
    head, tail = got.gaps[:200], got.gaps[-200:]
    rows = [
        Row(
            section,
            "longest key-to-echo gap",
            longest * 1000,
            "ms",
            f"{ms(longest)} at key {where} · {over} keys over {ECHO_MS:g} ms",
            f"<= {ECHO_MS:g} ms",
            ECHO_MS,
            samples=got.gaps,
            extra={
                "unanswered": got.unanswered,
                "late_writes_ms": got.late_writes * 1000,
                "longest_at_key": where,
                "keys_over_budget": over,
            },
        ),
        Row(
            section,
            "median key-to-echo gap",
            median(got.gaps) * 1000,
            "ms",
            f"{ms(median(got.gaps))}, p90 {ms(p90(got.gaps))}"
            + (f" · {got.unanswered} never echoed" if got.unanswered else ""),
        ),
        Row(
            section,
            "median gap, first / last 200 keys",
            median(tail) * 1000,
            "ms",
            f"{ms(median(head))} / {ms(median(tail))}",
        ),
        Row(section, "catch-up after the last key", got.catch_up * 1000, "ms", ms(got.catch_up)),
        Row(
            section,
            "note saved with ctrl+s",
            got.saved_length,
            "characters",
            f"{got.saved_length} characters stored",
            "exactly what was typed",
            check=got.saved,
        ),
    ]
    if got.late_writes > 0.005:
        rows[0].figure += f" (writes up to {ms(got.late_writes)} late)"
    return rows


def process_rows(workspace: Workspace, s: Settings) -> list[Row]:
    found = processes.measure(workspace, s.command_runs)
    section = f"whole process, ten-year db, bytecode cached, median of {s.command_runs}"
    rows = []
    for label, got in found.items():
        mid = median(got.seconds)
        rows.append(
            Row(
                section,
                label,
                mid * 1000,
                "ms",
                f"{ms(mid)} (min {ms(min(got.seconds))}) · CPU {ms(median(got.cpu))}",
                f"<= {PROCESS_MS:g} ms" if got.command.budgeted else "",
                PROCESS_MS if got.command.budgeted else None,
                samples=got.seconds,
                extra={"cpu": got.cpu},
            )
        )
    return rows


def planner_rows(workspace: Workspace, s: Settings) -> list[Row]:
    found = planner_time.measure(workspace, s.calls)
    section = (
        f"the planner and the screens' reads in process, ten-year db, median of {s.calls} calls"
    )
    return [
        Row(
            section,
            label,
            median(times) * 1000,
            "ms",
            f"{ms(median(times))}, p90 {ms(p90(times))}",
            samples=times,
        )
        for label, times in found.items()
    ]


RUNNERS: dict[str, Callable[[Workspace, Settings], list[Row]]] = {
    "startup": startup_rows,
    "keys": key_rows,
    "typing": typing_rows,
    "processes": process_rows,
    "planner": planner_rows,
}


def header(workspace: Workspace, settings: Settings, quick: bool) -> dict[str, Any]:
    history = workspace.history
    return {
        "when": datetime.now().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "textual": version("textual"),
        "legrun_tui": version("legrun-tui"),
        "today": TODAY.isoformat(),
        "database": {
            "years": settings.years,
            "sessions": history.sessions,
            "checkins": history.checkins,
            "first_day": history.first_day.isoformat(),
            "last_day": history.last_day.isoformat(),
            "goal": f"{history.goal.name}, {history.goal.date.isoformat()} "
            f"({GOAL_WEEKS} weeks out)",
            "megabytes": round(workspace.ten_year.stat().st_size / 1e6, 2),
            "build_seconds": round(workspace.build_seconds, 2),
        },
        "bytecode": "cached (PYTHONPYCACHEPREFIX in the temp dir, warmed first; "
        "PYTHONDONTWRITEBYTECODE removed), as an installed program runs",
        "quick": quick,
        "settings": asdict(settings),
    }


def print_header(info: dict[str, Any]) -> None:
    db = info["database"]
    print(
        f"legrun-tui {info['legrun_tui']} benchmark, {info['when']} · {info['cores']} cores "
        f"(os.cpu_count) · Python {info['python']} · Textual {info['textual']}"
        + (" · QUICK smoke run" if info["quick"] else "")
    )
    print(
        f"LEGRUN_TODAY={info['today']} · ten-year db: {db['sessions']} sessions, "
        f"{db['checkins']} check-ins, {db['first_day']} to {db['last_day']}, goal {db['goal']}, "
        f"{db['megabytes']} MB, built in {db['build_seconds']} s"
    )
    print(f"bytecode: {info['bytecode']}")
    settings = info["settings"]
    print(
        "settings: "
        + ", ".join(f"{k}={v}" for k, v in settings.items() if k != "sections")
        + " (quiet windows in s, not counted in any figure)"
    )


def main(argv: list[str] | None = None) -> int:
    settings, json_path, quick = parse(argv)
    began = time.perf_counter()
    say("building the ten-year database ...")
    with Workspace.create(settings.years) as workspace:
        info = header(workspace, settings, quick)
        rows: list[Row] = []
        timings: dict[str, float] = {}
        for name in settings.sections:
            say(f"{name} ...")
            started = time.perf_counter()
            rows += RUNNERS[name](workspace, settings)
            timings[name] = round(time.perf_counter() - started, 1)
        info["section_seconds"] = timings
        info["total_seconds"] = round(time.perf_counter() - began, 1)
    print_header(info)
    print()
    print(table(rows))
    missed = [r for r in rows if r.ok is False]
    print()
    print(
        f"{len(missed)} of {sum(r.ok is not None for r in rows)} budgets missed · took "
        f"{info['total_seconds']} s (" + ", ".join(f"{k} {v} s" for k, v in timings.items()) + ")"
    )
    if json_path is not None:
        write_json(json_path, info, rows)
        print(f"written to {json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
