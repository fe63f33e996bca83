"""Benchmark: the week screen in a real pseudo-terminal, against a bare Textual app.

    uv run python scripts/bench_tui.py [--runs 7] [--presses 30] [--quiet-ms 150]

Both apps run in a pty of 80x24 (TIOCSWINSZ) with TERM=xterm-256color, as separate processes
of this same Python: `legrun-tui --demo` (the installed command, LEGRUN_TODAY pinned to
2026-11-24) and a bare Textual app written below (Header, Footer and a 7-column grid of
Static widgets, about the least a week view can be). The script plays the terminal: it reads
everything the app writes, with a timestamp per read.

(a) first frame: from spawn to the last byte of the start-up output, where "the last byte"
    is the one followed by --quiet-ms of silence (the silence itself is not counted).
    Median of --runs runs for each app, and the ratio (goal: legrun <= 1.3 x bare).
(b) key to frame for `]` (next week): from writing `]` to the pty to the last byte of the
    app's answer (again followed by a quiet window that is not counted); the first byte is
    shown too. Median of --presses presses (goal: <= 16 ms). After each measured `]` an
    unmeasured `[` goes back, so every `]` goes from the demo's week to the next one.
(c) bytes the app writes to the terminal for one `]` (median; goal: <= 3 KB).

Figures only (machines are shared); nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 80, 24
TODAY = "2026-11-24"

BARE_APP = textwrap.dedent(
    """
    from textual.app import App, ComposeResult
    from textual.containers import Grid
    from textual.widgets import Footer, Header, Static


    class Bare(App):
        CSS = "Grid { grid-size: 7; } Static { border-left: vkey $panel; }"
        BINDINGS = [("q", "quit", "Quit"), ("right_square_bracket", "next", "Next week")]

        def compose(self) -> ComposeResult:
            yield Header()
            with Grid():
                for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
                    yield Static(f"{day}\\n\\u00b7E Easy\\n  5k 30'")
            yield Footer()

        def action_next(self) -> None:
            for static in self.query(Static):
                static.update(static.content)


    if __name__ == "__main__":
        Bare().run()
    """
)


@dataclass
class Burst:
    first: float  # seconds from the start of the wait to the first byte (nan if none)
    last: float  # ... to the last byte before the quiet window
    size: int  # bytes


class PtyApp:
    """A command running in its own pseudo-terminal of WIDTH x HEIGHT."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            # Make the pty the child's controlling terminal, as a terminal emulator does.
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
            close_fds=True,
        )
        os.close(slave)
        self.master = master

    def read_burst(self, quiet: float, since: float, timeout: float = 30) -> Burst:
        """Read until nothing has come for `quiet` seconds after the last byte (or, if
        nothing comes at all, until `timeout`). Times are from `since`."""
        first: float | None = None
        last: float | None = None
        size = 0
        while True:
            now = time.perf_counter()
            wait = (since + timeout if last is None else since + last + quiet) - now
            if wait <= 0:
                break
            if not select.select([self.master], [], [], wait)[0]:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the app has closed its terminal
                break
            if not chunk:
                break
            last = time.perf_counter() - since
            first = last if first is None else first
            size += len(chunk)
        nan = float("nan")
        return Burst(nan if first is None else first, nan if last is None else last, size)

    def press(self, key: bytes, quiet: float) -> Burst:
        sent = time.perf_counter()
        os.write(self.master, key)
        return self.read_burst(quiet, sent, timeout=5)

    def close(self) -> None:
        try:
            os.write(self.master, b"q")
            deadline = time.monotonic() + 5
            while self.process.poll() is None and time.monotonic() < deadline:
                # Keep draining: an app blocked on a full pty never gets to exit.
                if select.select([self.master], [], [], 0.05)[0]:
                    try:
                        os.read(self.master, 65536)
                    except OSError:
                        break
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            os.close(self.master)


def build_demo(path: Path) -> None:
    """Fill a database with the `--demo` data (as `legrun-tui --demo` does at each start)."""
    from datetime import date

    from legrun.planner.demo import demo_history
    from legrun.storage import Repository

    with Repository.open(path) as repo:
        profile, sessions, checkins = demo_history(date.fromisoformat(TODAY))
        repo.save_profile(profile)
        repo.add_sessions(sessions)
        for checkin in checkins:
            repo.save_checkin(checkin)


def first_frame(command: list[str], env: dict[str, str], quiet: float) -> float:
    app = PtyApp(command, env)
    try:
        burst = app.read_burst(quiet, app.started)
        if not burst.size:
            raise RuntimeError(f"{command[0]} wrote nothing")
        return burst.last
    finally:
        app.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--quiet-ms", type=float, default=150)
    parser.add_argument("--key-quiet-ms", type=float, default=100)
    args = parser.parse_args()
    quiet, key_quiet = args.quiet_ms / 1000, args.key_quiet_ms / 1000

    legrun = shutil.which("legrun-tui", path=str(Path(sys.executable).parent))
    if legrun is None:
        sys.exit("legrun-tui is not installed next to this Python (run `uv sync`)")

    with tempfile.TemporaryDirectory(prefix="legrun-bench-") as folder:
        home = Path(folder)
        bare_path = home / "bare_app.py"
        bare_path.write_text(BARE_APP)
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("NO_COLOR", "LEGRUN_DB", "TEXTUAL_THEME", "TMUX", "COLUMNS", "LINES")
        }
        env.update(
            TERM="xterm-256color",
            LEGRUN_TODAY=TODAY,
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            TMPDIR=str(home),
        )
        # The same demo data, built once beforehand: what a user's own database costs to open
        # (`--demo` builds a new database at each start, migrations included).
        prebuilt = home / "prebuilt.db"
        build_demo(prebuilt)
        copy = home / "copy.db"
        commands = {
            "bare": [sys.executable, str(bare_path)],
            "legrun": [legrun, "--demo"],
            "legrun-db": [legrun, "--db", str(copy)],
        }

        # (a) first frame, interleaved so that both see the same machine load.
        starts: dict[str, list[float]] = {name: [] for name in commands}
        first_frame(commands["legrun"], env, quiet)  # warm the disk caches, not counted
        first_frame(commands["bare"], env, quiet)
        for _ in range(args.runs):
            for name, command in commands.items():
                if name == "legrun-db":  # a fresh copy: nothing left over from the last run
                    for old in home.glob("copy.db*"):
                        old.unlink()
                    shutil.copyfile(prebuilt, copy)
                starts[name].append(first_frame(command, env, quiet))
        bare_start = statistics.median(starts["bare"])
        print(f"(a) first frame, median of {args.runs} ({args.quiet_ms:g} ms quiet not counted)")
        print(f"    bare Textual app          {ms(bare_start)}   runs: {fmt(starts['bare'])}")
        for name, label in (("legrun", "legrun-tui --demo"), ("legrun-db", "legrun-tui --db demo")):
            start = statistics.median(starts[name])
            print(
                f"    {label:<25} {ms(start)}   runs: {fmt(starts[name])}   "
                f"ratio {start / bare_start:.2f} x (goal <= 1.30)"
            )

        # (b) and (c): `]` in the week, on the demo data.
        app = PtyApp(commands["legrun"], env)
        try:
            app.read_burst(quiet, app.started)
            for _ in range(3):  # warm up: first plans of a week fill caches
                app.press(b"]", key_quiet)
                app.press(b"[", key_quiet)
            bursts = []
            for _ in range(args.presses):
                bursts.append(app.press(b"]", key_quiet))
                app.press(b"[", key_quiet)
        finally:
            app.close()
        answered = [b for b in bursts if b.size]
        last = statistics.median(b.last for b in answered)
        first = statistics.median(b.first for b in answered)
        size = statistics.median(b.size for b in answered)
        print(
            f"(b) key to frame for ], median of {len(answered)} "
            f"({args.key_quiet_ms:g} ms quiet not counted)"
        )
        print(f"    to the last byte  {ms(last)}  (goal <= 16 ms); first byte {ms(first)}")
        print(f"    90th percentile   {ms(percentile([b.last for b in answered], 0.9))}")
        print(f"(c) bytes for one ]  {size:.0f} B median (goal <= 3072 B); ", end="")
        print(f"min {min(b.size for b in answered)}, max {max(b.size for b in answered)}")


def fmt(values: list[float]) -> str:
    return " ".join(f"{v * 1000:.0f}" for v in values)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


if __name__ == "__main__":
    main()
