"""`legrun-tui export ics PATH [--weeks N]`: the plan as all-day events with stable UIDs, read
back with icalendar and imported into khal, a real calendar client."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from legrun.planner.models import Profile, Run
from legrun.planner.pins import moving
from legrun.planner.plan import DayPlan, PlanItem
from legrun.storage import Repository
from legrun.storage.changes import ChangePins, Tick
from legrun.tui.cli import main
from tests.conftest import TODAY, assert_refused
from tests.interop.conftest import LEG_DAY_ID, MONDAY, Khal, plans_of, read_events

WEDNESDAY = MONDAY + timedelta(days=2)
LABELS = {
    "leg_day": "Leg day",
    "recovery_run": "Recovery run",
    "easy_run": "Easy run",
    "long_run": "Long run",
    "quality_run": "Quality run",
    "race": "Race",
    "mobility": "Mobility",
}
WORKOUT_WORDS = {
    "strides": "strides",
    "tempo": "tempo",
    "cruise": "cruise intervals",
    "intervals": "intervals",
    "hills": "hills",
}
STAMPS = ("DTSTAMP", "SEQUENCE", "LAST-MODIFIED")


def expected_items(db: Path, weeks: int = 4) -> dict[str, tuple[DayPlan, PlanItem]]:
    """Every planned or done session of the weeks by the UID the export should give it,
    worked out here from the plan (the app's own reading of the database)."""
    found: dict[str, tuple[DayPlan, PlanItem]] = {}
    for plan in plans_of(db, weeks):
        for day in plan.days:
            kinds = [i.kind for i in day.sessions if i.status == "planned"]
            assert len(kinds) == len(set(kinds)), "a kind twice in a day: the UIDs count them"
            for item in day.sessions:
                if item.kind == "rest" or item.status == "skipped":
                    continue
                if item.status == "done":
                    uid = f"session-{item.id}@legrun-tui"
                else:
                    uid = f"{item.date:%Y%m%d}-{item.kind}-1@legrun-tui"
                found[uid] = (day, item)
    return found


def without_stamps(event: Event) -> bytes:
    """The event as text without the properties that say when it was written."""
    copy = Event.from_ical(event.to_ical())
    for name in STAMPS:
        copy.pop(name, None)
    return copy.to_ical()


def export(cli, path: Path, *args: str) -> dict[str, Event]:
    result = cli("export", "ics", str(path), *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return read_events(path)


def expected_summary(item: PlanItem, units: str = "km") -> str:
    if item.kind == "cross_training":
        words = f"Cross: {item.activity} {item.minutes} min"
    else:
        words = LABELS[item.kind]
    if item.is_run and item.km is not None:
        figure = item.km / 1.609344 if units == "mi" else item.km
        words += f" {round(figure, 1):g} {units}"
    if item.kind == "mobility":
        words += f" {item.minutes} min"
    if item.workout is not None and item.workout.type in WORKOUT_WORDS:
        words += f", {WORKOUT_WORDS[item.workout.type]}"
    return words + (" (done)" if item.status == "done" else "")


def test_every_session_of_four_weeks_is_an_all_day_event_with_targets_reasons_and_checklist(
    cli, athlete_db: Path, tmp_path: Path
) -> None:
    with Repository.open(athlete_db) as repo:
        wednesday = plans_of(athlete_db, 1)[0].day(WEDNESDAY)
        assert wednesday is not None and wednesday.checklist
        repo.apply(Tick(WEDNESDAY, wednesday.checklist[0].id, True))
    path = tmp_path / "plan.ics"
    before = datetime.now(UTC).replace(microsecond=0)
    result = cli("export", "ics", str(path))
    after = datetime.now(UTC)
    assert result.returncode == 0, result.stderr
    expected = expected_items(athlete_db)
    assert result.stdout == (
        f"{len(expected)} events from 2026-11-23 to 2026-12-20 written to {path}\n"
    )
    raw = path.read_text()
    calendar = Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert "legrun-tui" in str(calendar["PRODID"])
    events = read_events(path)
    assert set(events) == set(expected)

    kinds = {item.kind for _, item in expected.values()}
    assert {"leg_day", "easy_run", "quality_run", "long_run"} <= kinds  # the data is rich enough
    assert any(item.workout is not None for _, item in expected.values())
    for uid, (day, item) in expected.items():
        event = events[uid]
        assert f"DTSTART;VALUE=DATE:{item.date:%Y%m%d}" in raw
        assert type(event.start) is date and event.start == item.date
        assert type(event.end) is date and event.end == item.date + timedelta(days=1)
        assert event["SUMMARY"] == expected_summary(item), uid
        assert event.categories == [item.kind]
        assert str(event["X-LEGRUN-ITEM"]) == item.status
        assert str(event["TRANSP"]) == "TRANSPARENT"
        if item.km is not None:
            assert float(str(event["X-LEGRUN-KM"])) == item.km
        else:
            assert "X-LEGRUN-KM" not in event
        stamp = event["DTSTAMP"].dt
        assert stamp.utcoffset() == timedelta(0) and before <= stamp <= after
        assert isinstance(event["SEQUENCE"], int) and event["SEQUENCE"] > 0

        text = str(event["DESCRIPTION"])
        head = text.splitlines()[0]
        assert head.startswith("Done" if item.status == "done" else "Planned")
        if item.km is not None:
            assert f"{round(item.km, 1):g} km" in head
        if item.minutes is not None:
            assert f"{item.minutes} min" in head
        if item.hr_low is not None:
            assert f"heart rate {item.hr_low}-{item.hr_high} bpm" in head
        if item.workout is not None:
            line = next(x for x in text.splitlines() if x.startswith("Workout: "))
            assert item.workout.main in line
            assert f"{item.workout.warmup_minutes} min easy warm-up" in line
        for why in item.why:
            assert f"{why.rule}: {why.text}" in text
        if item.status == "planned":
            assert item.why, uid
        for check in day.checklist:
            assert f"[{'x' if check.done else ' '}] {check.when}: {check.text}" in text
        if day.date == WEDNESDAY:
            assert text.count("[x] ") == 1

    leg_day = events[f"session-{LEG_DAY_ID}@legrun-tui"]
    assert leg_day["SUMMARY"] == "Leg day (done)"
    assert leg_day.start == MONDAY
    description = str(leg_day["DESCRIPTION"])
    assert "Done: 65 min, RPE 8" in description
    assert "Exercises: back squat 5x5@100kg" in description
    assert "Notes: felt strong" in description
    # No rest day, and nothing of the planned-but-not-done past, is an event.
    assert not any(e["SUMMARY"].startswith("Rest") for e in events.values())


def test_units_in_miles_change_the_words_not_the_data(
    cli, athlete_db: Path, tmp_path: Path
) -> None:
    assert cli("profile", "set", "--units", "mi").returncode == 0
    events = export(cli, tmp_path / "plan.ics")
    runs = [(uid, item) for uid, (_, item) in expected_items(athlete_db).items() if item.km]
    assert runs
    for uid, item in runs:
        event = events[uid]
        assert event["SUMMARY"] == expected_summary(item, "mi")
        assert " mi" in event["SUMMARY"] and " km" not in event["SUMMARY"]
        assert f"{round(item.km / 1.609344, 1):g} mi" in str(event["DESCRIPTION"]).splitlines()[0]
        assert float(str(event["X-LEGRUN-KM"])) == item.km  # data stays in km


def test_weeks_sets_the_days_covered(cli, athlete_db: Path, tmp_path: Path) -> None:
    one = export(cli, tmp_path / "one.ics", "--weeks", "1")
    assert {e.start for e in one.values()} <= {MONDAY + timedelta(days=d) for d in range(7)}
    assert set(one) == set(expected_items(athlete_db, 1))
    six = export(cli, tmp_path / "six.ics", "--weeks", "6")
    assert max(e.start for e in six.values()) > MONDAY + timedelta(weeks=5)
    assert set(one) < set(six)
    refused = cli("export", "ics", str(tmp_path / "none.ics"), "--weeks", "0")
    assert refused.returncode == 2 and not (tmp_path / "none.ics").exists()


def test_uids_hold_across_exports_and_a_replan_that_keeps_the_item(
    cli, athlete_db: Path, tmp_path: Path
) -> None:
    first = export(cli, tmp_path / "first.ics")
    second = export(cli, tmp_path / "second.ics")
    assert list(second) == list(first)
    for uid, event in first.items():
        assert without_stamps(second[uid]) == without_stamps(event)
        assert second[uid]["SEQUENCE"] >= event["SEQUENCE"]

    # Doing Wednesday's easy run as planned: every other item keeps its UID (and its event
    # stays byte for byte what it was where the planner left the item as it was), and the
    # run's event becomes the logged session's.
    wednesday_uid = f"{WEDNESDAY:%Y%m%d}-easy_run-1@legrun-tui"
    items_before = expected_items(athlete_db)
    _, planned = items_before[wednesday_uid]
    assert planned.km is not None and planned.minutes is not None
    logged = cli(
        "log", "run", "--date", WEDNESDAY.isoformat(), "--km", str(planned.km),
        "--minutes", str(planned.minutes), "--kind", "easy",
    )  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    session_uid = f"session-{int(logged.stdout)}@legrun-tui"
    third = export(cli, tmp_path / "third.ics")
    assert set(third) == (set(first) - {wednesday_uid}) | {session_uid}
    items_after = expected_items(athlete_db)
    kept = 0
    for uid in set(first) - {wednesday_uid}:
        assert (third[uid].start, third[uid].categories) == (
            first[uid].start,
            first[uid].categories,
        )
        (day_before, before), (day_after, after) = items_before[uid], items_after[uid]
        if before == after and day_before.checklist == day_after.checklist:
            assert without_stamps(third[uid]) == without_stamps(first[uid]), uid
            kept += 1
        else:
            assert without_stamps(third[uid]) != without_stamps(first[uid]), uid
    assert kept >= len(first) // 2  # most of the plan did not move
    assert third[session_uid]["SUMMARY"] == f"Easy run {planned.km:g} km (done)"
    assert third[session_uid].start == WEDNESDAY

    # Moving one item re-plans the week; what is still on its day keeps its UID.
    friday = MONDAY + timedelta(days=4)
    with Repository.open(athlete_db) as repo:
        kinds = [i.kind for i in plans_of(athlete_db, 1)[0].day(friday).sessions]  # type: ignore[union-attr]
        assert "easy_run" in kinds
        edit = moving(
            repo.pins(MONDAY, MONDAY + timedelta(days=6)),
            friday,
            "easy_run",
            friday + timedelta(days=1),
        )
        repo.apply(ChangePins(edit.remove, edit.add))
    fourth = export(cli, tmp_path / "fourth.ics")
    moved_from = f"{friday:%Y%m%d}-easy_run-1@legrun-tui"
    moved_to = f"{friday + timedelta(days=1):%Y%m%d}-easy_run-1@legrun-tui"
    assert moved_from not in fourth and moved_to in fourth
    assert set(third) - {moved_from} <= set(fourth)


def test_a_file_in_a_missing_folder_or_a_folder_is_refused_and_nothing_written(
    cli, athlete_db: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "plan.ics"
    line = assert_refused(cli("export", "ics", str(missing)), 2, str(missing.parent), "not exist")
    assert "export ics" in line
    assert not missing.parent.exists()

    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert_refused(cli("export", "ics", str(folder)), 2, "folder")
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes in any folder, read-only or not"
)
def test_a_folder_that_cannot_be_written_is_one_line_exit_1(
    cli, athlete_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert_refused(cli("export", "ics", str(folder / "plan.ics")), 1, "could not write")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(
    athlete_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    target = folder / "plan.ics"
    target.write_bytes(b"the export before")
    target.chmod(0o640)
    monkeypatch.setenv("LEGRUN_TODAY", TODAY.isoformat())

    def full_disk(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", full_disk)
        code = main(["--db", str(athlete_db), "export", "ics", str(target)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("legrun-tui: error: export ics ")
    assert "no space left on device" in captured.err
    assert target.read_bytes() == b"the export before"
    assert sorted(p.name for p in folder.iterdir()) == ["plan.ics"]

    # Written for real, the new file takes the old one's place and keeps its permissions.
    assert main(["--db", str(athlete_db), "export", "ics", str(target)]) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["plan.ics"]


def test_a_new_file_is_readable_as_the_umask_allows(cli, athlete_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    old = os.umask(0o022)
    try:
        export(cli, path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_exporting_and_syncing_do_not_load_textual(
    athlete_db: Path, tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    from tests.interop.conftest import free_port

    export = ["--db", str(athlete_db), "export", "ics", str(tmp_path / "p.ics")]
    sync = ["--db", str(athlete_db), "sync", "caldav", f"http://127.0.0.1:{free_port()}/a/b/"]
    probe = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        from legrun.tui.cli import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            exported = main({export!r})
            synced = main({sync + ["--user", "alice"]!r})
        print(json.dumps([exported, synced, sorted({{m.split(".")[0] for m in sys.modules}})]))
        """
    )
    env = {**isolated_env, "LEGRUN_CALDAV_PASSWORD": "x"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    exported, synced, loaded = json.loads(result.stdout.splitlines()[-1])
    assert (exported, synced) == (0, 1)  # the sync found no server on that port
    assert {"icalendar", "caldav"} <= set(loaded)  # the probe ran both commands
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_khal_imports_the_export_and_a_second_export_updates_the_same_events(
    cli, athlete_db: Path, tmp_path: Path, khal_calendar: Khal
) -> None:
    """About 3 s: khal runs three times."""
    path = tmp_path / "plan.ics"
    first = export(cli, path)
    imported = khal_calendar("import", "--batch", str(path))
    assert imported.returncode == 0, imported.stderr
    end = MONDAY + timedelta(weeks=4)
    listed = khal_calendar.listed(MONDAY, end)
    assert sorted(listed) == sorted(
        (e.start.isoformat(), str(e["SUMMARY"]), uid) for uid, e in first.items()
    )

    # The same events again, in miles now: khal updates them in place (same UIDs), so it
    # lists each once, with its new title.
    assert cli("profile", "set", "--units", "mi").returncode == 0
    second = export(cli, path)
    assert set(second) == set(first)
    assert any(" mi" in str(e["SUMMARY"]) for e in second.values())
    again = khal_calendar("import", "--batch", str(path))
    assert again.returncode == 0, again.stderr
    relisted = khal_calendar.listed(MONDAY, end)
    assert sorted(relisted) == sorted(
        (e.start.isoformat(), str(e["SUMMARY"]), uid) for uid, e in second.items()
    )
    assert len(relisted) == len(listed)


def test_a_profile_of_its_own_has_leg_days_as_single_events_on_the_rule(
    cli, db_path: Path, tmp_path: Path
) -> None:
    """The profile's RRULE (Mondays and Thursdays) shows as one event per leg day, each with
    its own UID, not as a recurring event."""
    with Repository.open(db_path) as repo:
        repo.save_profile(Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH"))
        repo.add_session(Run(date=MONDAY - timedelta(days=1), km=5.0, minutes=30))
    path = tmp_path / "plan.ics"
    events = export(cli, path)
    leg_days = sorted(e.start for e in events.values() if e.categories == ["leg_day"])
    # (Monday 23 was yesterday and nothing was logged: skipped, so no event.)
    assert leg_days == [
        MONDAY + timedelta(weeks=w, days=d) for w in range(4) for d in (0, 3) if (w, d) != (0, 0)
    ]
    assert "RRULE" not in path.read_text()
    assert all(re.fullmatch(r"\d{8}-leg_day-1@legrun-tui", uid) for uid, e in events.items()
               if e.categories == ["leg_day"])  # fmt: skip
