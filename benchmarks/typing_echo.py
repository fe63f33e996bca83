"""Typing a long note at 100 characters a second, in the pty: how soon each key is echoed.

A fresh `legrun-tui --db TEN_YEAR` at 80x24 opens the run form (`a`, `r`), gets km 5 and
minutes 30, and tabs on to Notes. Then `characters` characters of words (letters and spaces)
are written one per write, `interval` seconds apart on a fixed schedule (10 ms: 100
characters a second, a fast typist or a paste typed out by a terminal over SSH).

A key's echo is the first output the app writes after the key was written: per key, the gap
from its write to the next byte read (when the app falls behind, the keys written meanwhile
are all answered by the output that ends the stall). Figures: the longest gap and the
median. Catch-up = from the last key to the last byte of the app's answer (before a quiet
window). Then ctrl+s saves the run, and the note stored in the database is compared with
what was typed (nothing lost, nothing doubled). Caveat: the text cursor's blink is output
too; at one key every 10 ms it rarely falls in a gap, and would only shorten one.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from benchmarks.history import TODAY
from benchmarks.keys import CTRL_S, SIZE
from benchmarks.pty_driver import PtyApp
from benchmarks.workspace import Workspace
from legrun.planner.models import Run
from legrun.storage import Repository

WORDS = ("tempo", "felt", "easy", "hills", "windy", "quads", "strong", "rain", "legs", "ok")


def note_text(characters: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    text = ""
    while len(text) < characters:
        text += rng.choice(WORDS) + " "
    return text[: characters - 1] + "x"  # no trailing space (a form may strip it)


@dataclass
class TypingResult:
    gaps: list[float] = field(default_factory=list)  # seconds, per echoed key, in key order
    unanswered: int = 0  # keys never followed by any output
    late_writes: float = 0.0  # the most a write came after its slot in the schedule
    catch_up: float = float("nan")  # seconds from the last key to the settled answer
    saved: bool = False  # the stored note is exactly what was typed
    saved_length: int = 0


def measure(workspace: Workspace, characters: int, interval: float, quiet: float) -> TypingResult:
    result = TypingResult()
    text = note_text(characters)
    db = workspace.fresh_copy(workspace.ten_year)
    with PtyApp([str(workspace.legrun), "--db", str(db)], workspace.env, *SIZE) as app:
        app.first_frame(0.5)
        for key in (b"a", b"r", b"5", b"\t", b"3", b"0", b"\t", b"\t", b"\t", b"\t"):
            app.press(key, quiet)
        app.drain(0.5)
        pending: list[float] = []  # write times of the keys not yet answered
        start = sent = time.perf_counter()
        for i, character in enumerate(text.encode()):
            slot = start + i * interval
            # Read until this key's slot, answering the keys pending.
            while (wait := slot - time.perf_counter()) > 0:
                if app.read_chunk(wait):
                    now = time.perf_counter()
                    result.gaps += [now - sent for sent in pending]
                    pending.clear()
            sent = app.write(bytes([character]))
            result.late_writes = max(result.late_writes, sent - slot)
            pending.append(sent)
        burst = app.read_burst(quiet, sent)  # from the last key
        if pending and burst.size:
            answered = sent + burst.first
            result.gaps += [answered - sent for sent in pending]
            pending.clear()
        result.unanswered = len(pending)
        result.catch_up = burst.last if burst.size else 0.0
        app.drain(0.5)
        app.press(CTRL_S, quiet)
        app.drain(0.5)
    with Repository.open(db) as repo:
        notes = [s.notes for s in repo.sessions(TODAY, TODAY) if isinstance(s, Run) and s.km == 5.0]
    result.saved = notes == [text]
    result.saved_length = len(notes[0]) if notes else 0
    return result
