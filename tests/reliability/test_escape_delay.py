"""A key's escape sequence split by a slow SSH link: `ESC`, then 200 ms later `[D`.

Textual takes an `ESC` with nothing after it for 100 ms as the escape key. Measured over a
slow link, the bytes of one arrow key can arrive 150 ms or more apart: the escape cancels the
form (what was typed is gone) and `[D` is read as text (`[` pages a week back). Over SSH the
app waits longer (`legrun.tui.escdelay`); `$ESCDELAY`, in milliseconds as ncurses reads it,
sets the wait anywhere. Driven in a real terminal (tmux), as in tests/e2e/test_tmux.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from textual import constants

from legrun.planner.models import Run
from legrun.storage import Repository
from legrun.tui.escdelay import SSH_ESCAPE_DELAY_MS, escape_delay_ms, lengthen_escape_delay
from tests.e2e.test_tmux import Terminal, _tmux, app_command, wait_for_file

SSH = {"SSH_CONNECTION": "192.0.2.10 52114 192.0.2.20 22", "SSH_TTY": "/dev/pts/7"}
NOT_WIRED = (
    "legrun.tui.escdelay.lengthen_escape_delay() is not called from "
    "legrun.tui.application.run_app yet: over SSH Textual still takes an ESC alone after 100 ms"
)

# -- the delay chosen ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),  # locally: Textual's 100 ms
        (SSH, SSH_ESCAPE_DELAY_MS),
        ({"SSH_CLIENT": "192.0.2.10 52114 22"}, SSH_ESCAPE_DELAY_MS),
        ({**SSH, "ESCDELAY": "25"}, None),  # the user's own choice, which Textual reads
        ({"ESCDELAY": "500"}, None),
        ({**SSH, "ESCDELAY": " "}, SSH_ESCAPE_DELAY_MS),  # set but empty: not a choice
        ({"SSH_CONNECTION": ""}, None),
    ],
)
def test_the_escape_delay_for_a_session(environ: dict[str, str], expected: int | None) -> None:
    assert escape_delay_ms(environ) == expected


def test_lengthening_sets_textuals_constant_over_ssh_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(constants, "ESCAPE_DELAY", 0.1)
    assert lengthen_escape_delay({}) == 0.1
    assert constants.ESCAPE_DELAY == 0.1
    assert lengthen_escape_delay(SSH) == SSH_ESCAPE_DELAY_MS / 1000
    assert constants.ESCAPE_DELAY == SSH_ESCAPE_DELAY_MS / 1000


def test_textuals_parser_reads_the_delay_when_it_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fix relies on this: the parser looks the constant up at each escape, so setting it
    # at start-up (after Textual is imported) is enough.
    from textual._parser import Read1
    from textual._xterm_parser import XTermParser

    monkeypatch.setattr(constants, "ESCAPE_DELAY", 0.3)
    parser = XTermParser()
    list(parser.feed("\x1b"))
    assert parser._awaiting == Read1(0.3)


# -- in a real terminal -------------------------------------------------------------------


@pytest.fixture
def start_terminal(
    tmp_path: Path, isolated_env: dict[str, str]
) -> Iterator[Callable[[dict[str, str]], Terminal]]:
    """Terminals as tests/e2e/test_tmux.py makes them, with `extra` in the environment (and
    no $ESCDELAY of the developer's own)."""
    made: list[Terminal] = []

    def start(extra: dict[str, str]) -> Terminal:
        env = dict(isolated_env)
        for name in ("NO_COLOR", "TMUX", "ESCDELAY", *SSH, "SSH_CLIENT"):
            env.pop(name, None)
        env.update(TERM="xterm-256color", **extra)
        socket = Path(f"/tmp/legrun-esc-{time.monotonic_ns()}.sock")
        term = Terminal(_tmux(), socket, env)
        made.append(term)
        return term

    try:
        yield start
    finally:
        for term in made:
            term.close()
            term.socket.unlink(missing_ok=True)


def _open_run_form(terminal: Terminal, tmp_path: Path) -> tuple[Path, Path]:
    db, status = tmp_path / "legrun.db", tmp_path / "status"
    with Repository.open(db) as repo:  # something logged: no welcome
        repo.add_session(Run(date=date(2026, 11, 20), km=5.0, minutes=30))
    terminal.start(app_command(db, status))
    terminal.wait_for_text("Week 23 Nov - 29 Nov 2026")
    terminal.type("ar")
    terminal.wait_for_text("Log a run")
    terminal.send("C-u")  # the km field, empty or not
    return db, status


def _split_left_arrow(terminal: Terminal) -> None:
    """Left as `ESC` and, 200 ms later, `[D`, timed by the tmux server itself. Sent as two
    commands with a sleep between them (two processes), the bytes once arrived more than
    300 ms apart on a busy machine, though the test had slept only 200 ms."""
    terminal.run(
        *("send-keys", "-t", "legrun", "Escape", ";", "run-shell", "-d", "0.2", ";"),
        *("send-keys", "-t", "legrun", "-l", "[D"),
    )


def _split_left_arrow_then_save(terminal: Terminal, db: Path, status: Path) -> None:
    """5, then left split in two, then 1: km 15 if the arrow arrived."""
    terminal.type("5")
    time.sleep(0.1)
    _split_left_arrow(terminal)
    terminal.type("1")
    terminal.send("Tab")
    terminal.type("30")
    terminal.send("Enter")
    terminal.wait_for_text("Logged 15 km run", timeout=5)
    terminal.type("q")
    assert wait_for_file(status) == "0"
    with Repository.open(db) as repo:
        logged = [(s.km, s.minutes) for s in repo.sessions() if s.date == date(2026, 11, 24)]
    assert logged == [(15.0, 30)]


@pytest.mark.e2e
def test_over_ssh_an_arrow_key_split_by_200_ms_is_still_an_arrow(
    start_terminal: Callable[[dict[str, str]], Terminal], tmp_path: Path
) -> None:
    terminal = start_terminal(SSH)
    db, status = _open_run_form(terminal, tmp_path)
    _split_left_arrow_then_save(terminal, db, status)


@pytest.mark.e2e
def test_with_escdelay_set_an_arrow_key_split_by_200_ms_is_still_an_arrow(
    start_terminal: Callable[[dict[str, str]], Terminal], tmp_path: Path
) -> None:
    # What a user can do today, and the mechanism the fix uses: Textual reads $ESCDELAY.
    terminal = start_terminal({"ESCDELAY": "500"})
    db, status = _open_run_form(terminal, tmp_path)
    _split_left_arrow_then_save(terminal, db, status)


@pytest.mark.e2e
def test_locally_a_split_arrow_key_cancels_the_form(
    start_terminal: Callable[[dict[str, str]], Terminal], tmp_path: Path
) -> None:
    # The failure itself, reproduced where the delay stays Textual's 100 ms (no SSH): the
    # escape cancels the form, and `[` pages a week back. Had the sequence arrived whole
    # (as a local terminal sends it) the form would have stayed open.
    terminal = start_terminal({})
    db, status = _open_run_form(terminal, tmp_path)
    terminal.type("5")
    time.sleep(0.1)
    _split_left_arrow(terminal)
    screen = terminal.wait_for_text("Week 16 Nov - 22 Nov 2026", timeout=5)
    assert "Log a run" not in screen
    terminal.type("q")
    assert wait_for_file(status) == "0"
    with Repository.open(db) as repo:
        assert [s.date for s in repo.sessions()] == [date(2026, 11, 20)]  # nothing saved


@pytest.mark.e2e
@pytest.mark.parametrize("extra", [SSH, {"ESCDELAY": "300"}], ids=["ssh", "escdelay"])
def test_a_lone_escape_still_cancels_the_form_within_a_second(
    start_terminal: Callable[[dict[str, str]], Terminal], tmp_path: Path, extra: dict[str, str]
) -> None:
    terminal = start_terminal(extra)
    _open_run_form(terminal, tmp_path)
    time.sleep(0.2)  # nothing in flight
    pressed = time.monotonic()
    terminal.send("Escape")
    terminal.wait_for(lambda s: "Log a run" not in s, "the form to close", timeout=5)
    took = time.monotonic() - pressed
    assert took < 1.5, f"a lone escape took {took:.2f} s to act"  # ~0.4 s; slack for a busy CI


@pytest.mark.e2e
def test_a_byte_that_is_not_utf8_does_not_end_the_app(
    start_terminal: Callable[[dict[str, str]], Terminal], tmp_path: Path
) -> None:
    terminal = start_terminal(SSH)
    db, status = _open_run_form(terminal, tmp_path)
    # Before: Textual's input thread decoded strict UTF-8, and this byte ended the app with
    # UnicodeDecodeError. Now it is a replacement character (refused by the km field), and
    # the keys after it still reach the form.
    terminal.run("send-keys", "-t", "legrun", "-H", "f8")  # ø in Latin-1
    terminal.type("7")
    time.sleep(0.5)
    screen = terminal.screen()
    assert "Traceback" not in screen and "UnicodeDecodeError" not in screen, screen
    assert "Log a run" in screen
    terminal.send("Tab")
    terminal.type("30")
    terminal.send("Enter")
    terminal.wait_for_text("Logged 7 km run", timeout=5)
    terminal.type("q")
    assert wait_for_file(status) == "0"
    with Repository.open(db) as repo:
        logged = [(s.km, s.minutes) for s in repo.sessions() if s.date == date(2026, 11, 24)]
    assert logged == [(7.0, 30)]
