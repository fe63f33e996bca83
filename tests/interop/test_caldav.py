"""`legrun-tui sync caldav URL [--user U] [--weeks N]` against a real Radicale server: events
added, then left alone, updated and removed by UID, someone else's event never touched, and a
refusing or missing server reported in one line."""

from __future__ import annotations

import os
import pty
import re
import select
import socket
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar, Event

from legrun.planner.pins import moving
from legrun.storage import Repository
from legrun.storage.changes import ChangePins
from legrun.tui.interop.caldav_sync import SyncCounts, SyncError, _apply, _Plan
from tests.conftest import assert_refused, legrun_command
from tests.interop.conftest import (
    MONDAY,
    PASSWORD,
    USER,
    Radicale,
    free_port,
    plans_of,
    read_events,
)
from tests.interop.test_ics import STAMPS, without_stamps


@pytest.fixture
def calendar_url(radicale: Radicale) -> str:
    return radicale.make_calendar("training")


@pytest.fixture
def sync(cli, isolated_env: dict[str, str]):
    """Run `legrun-tui sync caldav URL --user alice ARGS...` with the password in the
    environment; returns the CompletedProcess."""

    def run(url: str, *args: str, password: str = PASSWORD, user: str | None = USER):
        isolated_env["LEGRUN_CALDAV_PASSWORD"] = password
        command = ["sync", "caldav", url, *args]
        if user is not None:
            command += ["--user", user]
        return cli(*command, timeout=60)

    return run


def exported(cli, tmp_path: Path, *args: str) -> dict[str, Event]:
    """What `export ics` writes now: what the calendar must hold after a sync."""
    path = tmp_path / "expected.ics"
    result = cli("export", "ics", str(path), *args)
    assert result.returncode == 0, result.stderr
    return read_events(path)


def counts(output: str) -> dict[str, int]:
    """`added 5, updated 2, removed 1, unchanged 9` (the whole output, one line) as numbers."""
    found = re.fullmatch(r"added (\d+), updated (\d+), removed (\d+), unchanged (\d+)\n", output)
    assert found, output
    names = ("added", "updated", "removed", "unchanged")
    return dict(zip(names, map(int, found.groups()), strict=True))


def foreign_event(uid: str, day: date, summary: str) -> bytes:
    event = Event()
    event.add("UID", uid)
    event.add("DTSTAMP", datetime(2026, 11, 1, tzinfo=UTC))
    event.add("DTSTART", day)
    event.add("SUMMARY", summary)
    calendar = Calendar()
    calendar.add("PRODID", "-//someone else//EN")
    calendar.add("VERSION", "2.0")
    calendar.add_component(event)
    return calendar.to_ical()


def assert_holds(radicale: Radicale, url: str, expected: dict[str, Event], *others: str) -> None:
    """The calendar holds exactly the export's events (and `others`, by UID), each as the
    export writes it."""
    held = radicale.events(url)
    assert set(held) == set(expected) | set(others)
    for uid, event in expected.items():
        assert without_stamps(held[uid]) == without_stamps(event), uid
        assert "LAST-MODIFIED" in held[uid]


def test_first_sync_adds_every_event_and_a_second_leaves_them_all_alone(
    sync, cli, athlete_db: Path, radicale: Radicale, calendar_url: str, tmp_path: Path
) -> None:
    """3-5 s: two syncs of four weeks against a real Radicale server, event by event."""
    first = sync(calendar_url)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    expected = exported(cli, tmp_path)
    assert len(expected) > 10
    assert counts(first.stdout) == {
        "added": len(expected), "updated": 0, "removed": 0, "unchanged": 0,
    }  # fmt: skip
    assert_holds(radicale, calendar_url, expected)
    stored = radicale.resources(calendar_url)

    second = sync(calendar_url)
    assert second.returncode == 0, second.stderr
    assert counts(second.stdout) == {
        "added": 0, "updated": 0, "removed": 0, "unchanged": len(expected),
    }  # fmt: skip
    assert radicale.resources(calendar_url) == stored  # not one byte rewritten


def test_a_changed_plan_updates_and_removes_its_events_and_only_its_own(
    sync, cli, athlete_db: Path, radicale: Radicale, calendar_url: str, tmp_path: Path
) -> None:
    """3-6 s: three syncs against a real Radicale server, event by event, and the installed
    command run five more times around them (log, export, the re-plan's checks)."""
    # Someone else's events in the same calendar: one on a day of the plan, one that even
    # borrows the UID domain but lacks the mark, and one of ours from a past week.
    wednesday = MONDAY + timedelta(days=2)
    theirs = {
        "dentist-1@example.com": foreign_event("dentist-1@example.com", wednesday, "Dentist"),
        "20261125-easy_run-9@legrun-tui": foreign_event(
            "20261125-easy_run-9@legrun-tui", wednesday, "Not made by legrun"
        ),
    }
    for uid, ical in theirs.items():
        radicale.put(calendar_url, uid.replace("@", "-at-") + ".ics", ical)
    # Ours, left by a sync three weeks ago: a week this sync does not cover.
    past_event = foreign_event("session-999@legrun-tui", MONDAY - timedelta(weeks=3), "Leg day")
    past_event = past_event.replace(b"END:VEVENT", b"X-LEGRUN-ITEM:done\r\nEND:VEVENT")
    radicale.put(calendar_url, "session-999.ics", past_event)
    assert counts(sync(calendar_url).stdout)["added"] > 0
    before_change = exported(cli, tmp_path)
    theirs_stored = {
        href: data
        for href, data in radicale.resources(calendar_url).items()
        if "-at-" in href or "session-999" in href
    }
    sequences = {uid: e.get("SEQUENCE") for uid, e in radicale.events(calendar_url).items()}

    # Log Wednesday's easy run (its planned event goes, the session's comes) and move
    # Friday's easy run to Saturday (one event gone, one new, days around it re-planned).
    _, planned = next(
        (d, i) for p in plans_of(athlete_db, 1) for d in p.days for i in d.sessions
        if d.date == wednesday and i.kind == "easy_run"
    )  # fmt: skip
    logged = cli(
        "log", "run", "--date", wednesday.isoformat(), "--km", str(planned.km),
        "--minutes", str(planned.minutes), "--kind", "easy",
    )  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    friday = MONDAY + timedelta(days=4)
    with Repository.open(athlete_db) as repo:
        week = (MONDAY, MONDAY + timedelta(days=6))
        edit = moving(repo.pins(*week), friday, "easy_run", friday + timedelta(days=1))
        repo.apply(ChangePins(edit.remove, edit.add))
    after_change = exported(cli, tmp_path)

    result = sync(calendar_url)
    assert result.returncode == 0, result.stderr
    common = set(before_change) & set(after_change)
    changed = {
        uid for uid in common
        if without_stamps(before_change[uid]) != without_stamps(after_change[uid])
    }  # fmt: skip
    assert counts(result.stdout) == {
        "added": len(set(after_change) - set(before_change)),
        "updated": len(changed),
        "removed": len(set(before_change) - set(after_change)),
        "unchanged": len(common - changed),
    }
    gone = {
        f"{wednesday:%Y%m%d}-easy_run-1@legrun-tui",
        f"{friday:%Y%m%d}-easy_run-1@legrun-tui",
    }
    assert gone <= set(before_change) - set(after_change)
    assert f"session-{int(logged.stdout)}@legrun-tui" in after_change
    assert f"{friday + timedelta(days=1):%Y%m%d}-easy_run-1@legrun-tui" in after_change
    assert changed, "the move re-planned something that stayed (its event is updated)"

    assert_holds(radicale, calendar_url, after_change, *theirs, "session-999@legrun-tui")
    held = radicale.events(calendar_url)
    for uid in changed:
        assert held[uid]["SEQUENCE"] > sequences[uid]
    for uid in common - changed:
        assert held[uid]["SEQUENCE"] == sequences[uid]
    stored = radicale.resources(calendar_url)
    for href, data in theirs_stored.items():
        assert stored[href] == data  # untouched, byte for byte


def test_weeks_limits_what_is_synced_and_what_may_be_removed(
    sync, cli, athlete_db: Path, radicale: Radicale, calendar_url: str, tmp_path: Path
) -> None:
    """3-5 s: two syncs against a real Radicale server, the first of four weeks of events."""
    four = sync(calendar_url)
    assert four.returncode == 0, four.stderr
    one = sync(calendar_url, "--weeks", "1")
    assert one.returncode == 0, one.stderr
    this_week = exported(cli, tmp_path, "--weeks", "1")
    assert counts(one.stdout) == {
        "added": 0, "updated": 0, "removed": 0, "unchanged": len(this_week),
    }  # fmt: skip
    # The later weeks' events stay: a shorter sync does not own them.
    assert_holds(radicale, calendar_url, exported(cli, tmp_path))


def test_a_wrong_password_is_one_line_exit_1_and_changes_nothing(
    sync, athlete_db: Path, radicale: Radicale, calendar_url: str
) -> None:
    radicale.put(calendar_url, "dentist.ics", foreign_event("d@example.com", MONDAY, "Dentist"))
    before = radicale.resources(calendar_url)
    result = sync(calendar_url, password="not the password")
    assert_refused(result, 1, "401", urlsplit(calendar_url).netloc, repr(USER))
    assert radicale.resources(calendar_url) == before

    no_user = sync(calendar_url, user=None)
    assert_refused(no_user, 1, "401", "--user")


def test_a_server_that_is_not_there_is_one_line_exit_1_within_20_s(sync, athlete_db: Path) -> None:
    port = free_port()  # nothing listens on it
    started = time.monotonic()
    result = sync(f"http://127.0.0.1:{port}/alice/training/")
    assert time.monotonic() - started < 20
    assert_refused(result, 1, f"127.0.0.1:{port}", "could not reach", "connection refused")


def test_a_server_that_never_answers_is_one_line_exit_1_within_20_s(sync, athlete_db: Path) -> None:
    """Slow by design (about 8 s): the sync waits out its network timeout before it gives up."""
    with socket.socket() as silent:  # takes the connection, then says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        started = time.monotonic()
        result = sync(f"http://127.0.0.1:{port}/alice/training/")
        took = time.monotonic() - started
    assert took < 20
    assert_refused(result, 1, f"127.0.0.1:{port}", "did not answer within")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal (POSIX)")
def test_without_the_variable_the_password_is_asked_for_without_echo(
    athlete_db: Path, radicale: Radicale, calendar_url: str, isolated_env: dict[str, str]
) -> None:
    env = {k: v for k, v in isolated_env.items() if k != "LEGRUN_CALDAV_PASSWORD"}
    command = legrun_command() + ["--db", str(athlete_db), "sync", "caldav", calendar_url]
    command += ["--user", USER]
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the command, on the new terminal (and never back to pytest)
        try:
            os.execve(command[0], command, env)
        finally:
            os._exit(127)
    seen = b""
    try:
        seen += _read_until(terminal, b"password for alice: ")
        os.write(terminal, PASSWORD.encode() + b"\n")
        seen += _read_until(terminal, b"unchanged 0")
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert PASSWORD.encode() not in seen  # typed, not echoed
    assert re.search(rb"added [1-9]\d*, updated 0, removed 0, unchanged 0", seen), seen
    assert radicale.events(calendar_url)


def _read_until(terminal: int, wanted: bytes, timeout: float = 30) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        ready, _, _ = select.select([terminal], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            pytest.fail(f"waited {timeout} s for {wanted!r}; saw {seen!r}")
        try:
            chunk = os.read(terminal, 1024)
        except OSError:  # the child closed the terminal
            chunk = b""
        if not chunk:
            pytest.fail(f"the command ended before {wanted!r}; saw {seen!r}")
        seen += chunk
    return seen


def test_an_address_that_is_not_a_calendar_or_carries_the_password_is_refused(
    sync, athlete_db: Path, radicale: Radicale, calendar_url: str
) -> None:
    assert_refused(sync(radicale.url(f"{USER}/")), 1, "is not a calendar")
    assert_refused(sync(radicale.url(f"{USER}/nothing-here/")), 1, "404")
    with_password = calendar_url.replace("http://", f"http://{USER}:{PASSWORD}@")
    assert_refused(sync(with_password, user=None), 2, "password", "LEGRUN_CALDAV_PASSWORD")
    assert_refused(sync("ftp://example.com/cal/"), 2, "http")
    assert radicale.events(calendar_url) == {}


def test_no_password_and_no_terminal_is_refused(cli, athlete_db: Path, calendar_url: str) -> None:
    # The cli fixture's subprocess has no terminal to ask in, and no password in its
    # environment: it says so instead of waiting for one.
    result = cli("sync", "caldav", calendar_url, "--user", USER)
    assert_refused(result, 2, "LEGRUN_CALDAV_PASSWORD")


def test_a_server_failing_half_way_says_what_was_done_and_what_was_not() -> None:
    class Refusing:
        """A calendar that takes two events, then stops answering."""

        def __init__(self) -> None:
            self.added: list[str] = []

        def add_event(self, ical: str, increase_seqno: bool) -> None:
            if len(self.added) == 2:
                raise ConnectionRefusedError(111, "Connection refused")
            self.added.append(ical)

    def event(n: int) -> Event:
        made = Event()
        made.add("UID", f"e{n}@legrun-tui")
        made.add("DTSTART", MONDAY)
        return made

    calendar = Refusing()
    plan = _Plan(add=[event(n) for n in range(5)], update=[], remove=[], unchanged=3)
    with pytest.raises(SyncError) as failed:
        _apply(calendar, plan, "http://cal.example.com:8443/me/training/", "me")  # type: ignore[arg-type]
    message = str(failed.value)
    assert "\n" not in message
    assert (
        "could not reach the calendar server at cal.example.com:8443: connection refused" in message
    )
    assert (
        "3 of 5 changes not made (added 2, updated 0, removed 0, unchanged 3 before that)"
        in message
    )
    assert failed.value.done == SyncCounts(added=2, unchanged=3)
    assert len(calendar.added) == 2


def test_stamps_are_left_out_of_what_counts_as_a_change() -> None:
    # Written again later, the same plan is the same content: what makes a sync leave an
    # event alone.
    from legrun.tui.interop.calendar import content

    early, late = datetime(2026, 11, 24, 6, tzinfo=UTC), datetime(2026, 11, 25, 6, tzinfo=UTC)
    one = Event()
    for name, value in (("UID", "x@legrun-tui"), ("SUMMARY", "Leg day"), ("DTSTART", MONDAY)):
        one.add(name, value)
    two = Event.from_ical(one.to_ical())
    one.add("DTSTAMP", early)
    two.add("DTSTAMP", late)
    two.add("SEQUENCE", 7)
    assert content(one) == content(two)
    two["SUMMARY"] = "Leg day (done)"
    assert content(one) != content(two)
    assert set(STAMPS) == {"DTSTAMP", "SEQUENCE", "LAST-MODIFIED"}
