"""The installed app under the terminals people reach it from: TERM in {xterm, xterm-256color,
screen, tmux-256color, vt100} x NO_COLOR {unset, 1} x TEXTUAL_COLOR_SYSTEM {standard, 256,
truecolor}. In each the week shows, a run is logged by keys, `q` exits 0 and the run is
stored; the colours drawn stay within the colour system asked for, and NO_COLOR draws greys
only (meaning is carried by letters, never by colour).

By default a fixed six of the 30 combinations run, every value at least once; all 30 with
LEGRUN_RELIABILITY=full. One tmux server per TERM, a new session in it per combination.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import Run
from legrun.storage import Repository
from tests.e2e.test_tmux import wait_for_file
from tests.reliability.conftest import FULL, Pane, integrity, report, shell_script

pytestmark = pytest.mark.e2e

TERMS = ("xterm", "xterm-256color", "screen", "tmux-256color", "vt100")
NO_COLORS = (None, "1")
COLOR_SYSTEMS = ("standard", "256", "truecolor")

# Six that take every value at least once (and NO_COLOR with each colour system).
SUBSET = [
    ("xterm", None, "standard"),
    ("xterm-256color", "1", "256"),
    ("screen", None, "truecolor"),
    ("tmux-256color", "1", "standard"),
    ("vt100", None, "256"),
    ("vt100", "1", "truecolor"),
]
ALL = list(itertools.product(TERMS, NO_COLORS, COLOR_SYSTEMS))
COMBINATIONS = ALL if FULL else SUBSET

_SGR = re.compile(r"\x1b\[([0-9;]*)m")
# The 16 colours that have no hue: black, white and their bright forms (fore- and background).
_GREY_16 = {30, 37, 90, 97, 40, 47, 100, 107}
_HUE_16 = set(range(30, 38)) | set(range(40, 48)) | set(range(90, 98)) | set(range(100, 108))


def _grey_256(n: int) -> bool:
    if n < 16:
        return n in (0, 7, 8, 15)
    if n >= 232:
        return True
    r, g, b = (n - 16) // 36, (n - 16) // 6 % 6, (n - 16) % 6
    return r == g == b


def colours(screen: str) -> dict[str, set[str]]:
    """The colours a screen (tmux `capture-pane -e`) is drawn in, by system: '16' (SGR 30-37,
    90-97 and backgrounds), '256' (38;5;n) and 'rgb' (38;2;r;g;b), each colour written as
    `grey` or `hue`."""
    found: dict[str, set[str]] = {"16": set(), "256": set(), "rgb": set()}
    for match in _SGR.finditer(screen):
        parts = [int(p) if p else 0 for p in match.group(1).split(";")]
        i = 0
        while i < len(parts):
            code = parts[i]
            if code in (38, 48) and i + 1 < len(parts) and parts[i + 1] == 5:
                found["256"].add("grey" if _grey_256(parts[i + 2]) else "hue")
                i += 3
            elif code in (38, 48) and i + 1 < len(parts) and parts[i + 1] == 2:
                r, g, b = parts[i + 2 : i + 5]
                found["rgb"].add("grey" if r == g == b else "hue")
                i += 5
            else:
                if code in _HUE_16:
                    found["16"].add("grey" if code in _GREY_16 else "hue")
                i += 1
    return found


@pytest.mark.parametrize("term", TERMS)
def test_the_app_works_in_each_terminal_and_colour_setting(
    pane: Pane, tmp_path: Path, term: str
) -> None:
    combinations = [c for c in COMBINATIONS if c[0] == term]
    assert combinations
    for _, no_color, system in combinations:
        name = f"{term}-{no_color or 'colour'}-{system}"
        db, status = tmp_path / f"{name}.db", tmp_path / f"{name}.status"
        with Repository.open(db) as repo:  # a run logged already: no welcome form
            repo.add_session(Run(date=date(2026, 11, 20), km=8.0, minutes=48))
        settings = {"TERM": term, "NO_COLOR": no_color, "TEXTUAL_COLOR_SYSTEM": system}
        pane.restart(shell_script(db, status, env=settings))

        pane.wait_for_text("Week 23 Nov - 29 Nov 2026")
        drawn = colours(pane.settled_screen())
        pane.type("a")
        pane.wait_for_text("Add to Tue 24 Nov")
        pane.type("r")
        pane.wait_for_text("Log a run")
        pane.type("5")
        pane.send("Tab")
        pane.type("30")
        pane.send("Enter")
        pane.wait_for_text("Logged 5 km run on Tue 24 Nov")
        pane.type("q")
        assert wait_for_file(status) == "0", (name, pane.screen())
        assert "Traceback" not in pane.screen(), name

        with Repository.open(db) as repo:
            logged = [(s.date, s.km, s.minutes) for s in repo.sessions()]  # type: ignore[union-attr]
        assert logged == [(date(2026, 11, 20), 8.0, 48), (date(2026, 11, 24), 5.0, 30)], name
        assert integrity(db) == "ok"

        # Within the colour system asked for ...
        if system == "standard":
            assert not drawn["256"] and not drawn["rgb"] and drawn["16"], (name, drawn)
        elif system == "256":
            assert not drawn["rgb"] and drawn["256"], (name, drawn)
        else:
            assert drawn["rgb"], (name, drawn)
        # ... and without colour under NO_COLOR: greys only (with colour, some hue).
        hues = set().union(*drawn.values())
        assert ("hue" not in hues) if no_color else ("hue" in hues), (name, drawn)
        report("terminal", term=term, NO_COLOR=no_color, colours=system, ok=True)
