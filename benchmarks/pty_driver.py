"""Playing the terminal: a command in a pseudo-terminal of its own, read with a timestamp.

A `PtyApp` opens a pty, sets its size with TIOCSWINSZ, makes it the child's controlling
terminal (as a terminal emulator does) and reads everything the child writes. The one rule
for "the app has answered": the answer's *last byte* is the last one before a quiet window of
`quiet` seconds in which nothing more came. The quiet window itself is never counted, so a
figure is "time to the last byte of the frame", not "time until the benchmark gave up".

Like tmux, kitty, WezTerm, iTerm2 or Windows Terminal, the pty says it supports synchronized
output (it answers the DECRQM query for mode 2026), so a Textual app wraps every frame it
draws in `CSI ? 2026 h` ... `CSI ? 2026 l`. The end of the first such frame after a key is
"the key's first frame": when the answer is on the screen whole. A key can be answered in
several frames (a notification that slides in after the change it reports): the last byte
is when the last of them is out.

Nothing here knows about legrun: the benchmark's measures drive it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

NAN = float("nan")
SYNC_QUERY = b"\x1b[?2026$p"  # DECRQM: is synchronized output (mode 2026) supported?
SYNC_REPLY = b"\x1b[?2026;2$y"  # DECRPM: supported, and off for now
SYNC_END = b"\x1b[?2026l"  # the end of one frame
# CSI and OSC sequences, and the two-byte escapes: what is left is the text on the screen.
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


@dataclass(frozen=True)
class Burst:
    """One answer: its first and last byte, and the end of its first whole frame, in seconds
    from when the wait began (nan when nothing came), and how many bytes it was."""

    first: float
    last: float
    size: int
    frame: float = NAN


def screen_text(output: bytes) -> str:
    """What the output shows, roughly: escape sequences removed (cursor moves become
    nothing, so words of one widget stay together)."""
    return _ESCAPES.sub(b"", output).decode("utf-8", "replace")


class PtyApp:
    """`command` running in a pseudo-terminal of `columns` x `rows`."""

    def __init__(
        self,
        command: Sequence[str],
        env: Mapping[str, str],
        columns: int = 80,
        rows: int = 24,
        keep_output: bool = False,
        synchronized: bool = True,
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.keep_output = keep_output
        self.synchronized = synchronized  # answer the query for synchronized output
        self._tail = b""  # the end of the last read: a sequence may be split across reads
        self.output = bytearray()  # everything read, when keep_output
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(env),
            start_new_session=True,
            # The pty becomes the child's controlling terminal, as in a terminal emulator.
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.closed = False

    # -- reading ------------------------------------------------------------------------------

    def read_chunk(self, wait: float) -> bytes | None:
        """One read of what is there within `wait` seconds: b"" when nothing came, None at
        the end (the child closed its terminal)."""
        if not select.select([self.master], [], [], max(0.0, wait))[0]:
            return b""
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the child has closed its side
            return None
        if not chunk:
            return None
        if self.keep_output:
            self.output += chunk
        if self.synchronized and SYNC_QUERY in self._tail + chunk:
            os.write(self.master, SYNC_REPLY)
        self._tail = (self._tail + chunk)[-(len(SYNC_QUERY) - 1) :]
        return chunk

    def read_burst(self, quiet: float, since: float, timeout: float = 30.0) -> Burst:
        """Read until `quiet` seconds have passed with nothing after the last byte (or, when
        nothing comes at all, for `timeout` seconds). Times are from `since`."""
        first: float | None = None
        last: float | None = None
        frame: float | None = None
        size = 0
        seen = b""  # the answer's last bytes, to find a frame's end split across reads
        while True:
            now = time.perf_counter()
            deadline = since + timeout if last is None else since + last + quiet
            wait = deadline - now
            if wait <= 0:
                break
            chunk = self.read_chunk(wait)
            if chunk is None:
                break
            if not chunk:
                continue
            last = time.perf_counter() - since
            if first is None:
                first = last
            if frame is None:
                seen = seen[-(len(SYNC_END) - 1) :] + chunk
                if SYNC_END in seen:
                    frame = last
            size += len(chunk)
        return Burst(
            NAN if first is None else first,
            NAN if last is None else last,
            size,
            NAN if frame is None else frame,
        )

    def first_frame(self, quiet: float, timeout: float = 30.0) -> Burst:
        """The start-up's output, timed from the spawn, up to its settled last byte."""
        return self.read_burst(quiet, self.started, timeout)

    def settle(self, quiet: float) -> Burst:
        """Read until nothing has come for `quiet` seconds (at once, if nothing comes)."""
        return self.read_burst(quiet, time.perf_counter(), timeout=quiet)

    def drain(self, seconds: float) -> int:
        """Read (and drop) everything for `seconds`; the bytes read."""
        end = time.perf_counter() + seconds
        size = 0
        while (wait := end - time.perf_counter()) > 0:
            chunk = self.read_chunk(wait)
            if chunk is None:
                break
            size += len(chunk)
        return size

    # -- writing ------------------------------------------------------------------------------

    def write(self, data: bytes) -> float:
        """Write `data` to the terminal; when it was written (perf_counter)."""
        os.write(self.master, data)
        return time.perf_counter()

    def press(self, key: bytes, quiet: float, timeout: float = 5.0) -> Burst:
        """Write one key and read its answer, timed from the write."""
        sent = self.write(key)
        return self.read_burst(quiet, sent, timeout)

    # -- the process --------------------------------------------------------------------------

    def peak_rss_kb(self) -> int | None:
        """The child's peak resident set so far (VmHWM in /proc), in KiB; None if unknown."""
        try:
            with open(f"/proc/{self.process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def cpu_times(self) -> tuple[float, float] | None:
        """(seconds the child has run on a core, seconds it was ready to run but waited for
        one), summed over its threads (/proc/PID/task/*/schedstat, in nanoseconds); None if
        unknown. A thread that has ended is no longer counted. The second figure is what the
        machine's load cost the child; the first is its own work, which a busy machine does
        not lengthen, though a host whose cores are slower for a while still does."""
        ran = waited = 0
        try:
            tasks = os.listdir(f"/proc/{self.process.pid}/task")
            for task in tasks:
                with open(f"/proc/{self.process.pid}/task/{task}/schedstat") as stat:
                    on_cpu, on_queue, _ = stat.read().split()
                ran += int(on_cpu)
                waited += int(on_queue)
        except (OSError, ValueError):
            return None
        return ran / 1e9, waited / 1e9

    def close(self, grace: float = 3.0) -> None:
        """End the child: SIGTERM (legrun leaves cleanly on it), then SIGKILL after `grace`
        seconds. The terminal is drained meanwhile: an app blocked on a full pty never exits."""
        if self.closed:
            return
        self.closed = True
        try:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGTERM)
            deadline = time.perf_counter() + grace
            while self.process.poll() is None and time.perf_counter() < deadline:
                if self.read_chunk(0.05) is None:
                    break
        except ProcessLookupError:
            pass
        finally:
            if self.process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            os.close(self.master)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
