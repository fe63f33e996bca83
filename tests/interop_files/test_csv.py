"""`export csv PATH` / `import csv PATH`: sessions one row each under a documented header,
exercises as the command line writes them; a bad row named by its number and column."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import LB_TO_KG, CrossTraining, Exercise, LegDay, Run
from legrun.storage import Repository
from legrun.tui.interop.records import RecordError, read_csv
from tests.conftest import assert_refused
from tests.interop_files.conftest import table_rows

HEADER = "id,date,type,minutes,rpe,km,avg_hr,run_kind,activity,notes,exercises"


def _sessions(path: Path):
    with Repository.open(path) as repo:
        return repo.sessions()


def test_the_export_has_the_documented_header_and_one_row_a_session(
    full_db: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "s.csv"
    done = cli("export", "csv", str(out), db=full_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"exported 5 sessions to {out}\n"
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0] == HEADER
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == 6
    leg = dict(zip(rows[0], rows[1], strict=True))
    assert leg == {
        "id": "1",
        "date": "2026-11-16",
        "type": "leg",
        "minutes": "65",
        "rpe": "8",
        "km": "",
        "avg_hr": "",
        "run_kind": "",
        "activity": "",
        "notes": 'heavy, "grindy"\nsecond line, Ølstykke',
        "exercises": "back squat 5x5@102.5kg; walking lunge 3x12; nordic curl 3x6",
    }
    run = dict(zip(rows[0], rows[2], strict=True))
    assert (run["km"], run["avg_hr"], run["run_kind"], run["rpe"]) == (
        "6.45",
        "131",
        "recovery",
        "",
    )


def test_import_of_an_export_gives_the_same_sessions_and_a_second_adds_none(
    full_db: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "s.csv"
    cli("export", "csv", str(out), db=full_db)
    empty = tmp_path / "empty.db"
    assert cli("import", "csv", str(out), db=empty).stdout == "imported 5 sessions\n"
    assert _sessions(empty) == _sessions(full_db)
    again = cli("import", "csv", str(out), db=empty)
    assert again.stdout == "imported nothing (5 already there)\n"
    # Into the database it came from: all there already, by id and content.
    assert cli("import", "csv", str(out), db=full_db).stdout == (
        "imported nothing (5 already there)\n"
    )


def test_a_hand_written_file_with_its_own_column_order_is_read(
    tmp_path: Path, cli, db_path: Path
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "\ufeffdate,type,minutes,km,rpe,activity,exercises,notes\n"
        '2026-11-02,run,45,8.5,4,,,"easy, with a friend"\n'
        "\n"
        "2026-11-03,leg,60,,8,,back squat 5x5@100kg; rdl 3x8@135lb; walking lunge 3x12,\n"
        "2026-11-04,CROSS,30,,,Swim,,\n",
        encoding="utf-8",
    )
    assert cli("import", "csv", str(path)).stdout == "imported 3 sessions\n"
    assert [s for s in _sessions(db_path)] == [
        Run(id=1, date=date(2026, 11, 2), minutes=45, rpe=4, km=8.5, notes="easy, with a friend"),
        LegDay(
            id=2,
            date=date(2026, 11, 3),
            minutes=60,
            rpe=8,
            exercises=(
                Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),
                Exercise("rdl", 3, 8, 135 * LB_TO_KG, ("hamstrings", "glutes"), unit="lb"),
                Exercise("walking lunge", 3, 12, None, ("quads", "glutes")),
            ),
        ),
        CrossTraining(id=3, date=date(2026, 11, 4), minutes=30, activity="swim"),
    ]
    # Rows without ids are found again by their content.
    assert cli("import", "csv", str(path)).stdout == "imported nothing (3 already there)\n"


def _file_with_row_7(tmp_path: Path, row: str) -> Path:
    good = [f"{i},2026-10-{i:02d},run,40,,8,,easy,,," for i in range(1, 6)]
    path = tmp_path / "x.csv"
    path.write_text("\n".join([HEADER, *good, row, "7,2026-10-07,run,40,,8,,,,,"]) + "\n")
    return path


@pytest.mark.parametrize(
    "row, column, words",
    [
        ("6,2026-10-06,run,40,,-2,,,,,", "km", "km must be more than 0"),
        ("6,2026-10-06,run,40,,8.2.1,,,,,", "km", "km must be a number, not '8.2.1'"),
        ("6,06/10/2026,run,40,,8,,,,,", "date", "YYYY-MM-DD"),
        ("6,2026-10-06,run,forty,,8,,,,,", "minutes", "minutes must be a whole number"),
        ("6,2026-10-06,leg,40,8,8,,,,,", "km", "a leg day has no km (leave it empty)"),
        ("6,2026-10-06,leg,40,,,,,,,", "rpe", "a leg day needs its RPE"),
        ("6,2026-10-06,leg,40,7,,,,,,squat five", "exercises", "cannot read exercise"),
        ("6,2026-10-06,cross,40,,,,,,,", "activity", "cross-training needs its activity"),
        ("6,2026-10-06,run,40,,8,,jog,,,", "run_kind", "unknown run kind 'jog'"),
        ("6,2026-10-06,walk,40,,,,,,,", "type", "type must be one of leg, run, cross"),
        ("3,2026-10-06,run,40,,8,,,,,", "id", "session id 3 is given twice (row 4, column id"),
        ("6,,run,40,,8,,,,,", "date", "the date is missing"),
    ],
)
def test_a_bad_row_is_named_by_number_and_column_and_nothing_is_imported(
    tmp_path: Path, cli, db_path: Path, row: str, column: str, words: str
) -> None:
    path = _file_with_row_7(tmp_path, row)
    with Repository.open(db_path) as repo:
        repo.add_session(Run(date=date(2026, 1, 1), minutes=30, km=5.0))
    before = table_rows(db_path)
    line = assert_refused(cli("import", "csv", str(path)), 2)
    assert line.startswith(f"legrun-tui: error: {path}: row 7, column {column}: "), line
    assert words in line
    assert table_rows(db_path) == before


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "empty: the first row must be the header"),
        (
            "id;date;type;minutes\n1;2026-01-01;run;30\n",
            "row 1: the columns must be separated by commas",
        ),
        ("date,type,minutes,pace\n", "row 1: unknown column 'pace'"),
        ("date,type\n2026-01-01,run\n", "row 1: the header has no minutes column"),
        ("date,type,minutes,km\n2026-01-01,run,30\n", "row 2: 3 fields where the header has 4"),
        ('date,type,minutes,notes\n2026-01-01,run,30,"open\n', "row 2: unexpected end of data"),
    ],
)
def test_a_file_that_is_not_the_documented_csv_is_refused(
    tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text)
    with pytest.raises(RecordError) as refused:
        read_csv(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert words in str(refused.value)


def test_a_row_number_counts_rows_as_a_spreadsheet_does(tmp_path: Path) -> None:
    """A note over two lines is one row: the bad row after it is row 3, not line 4."""
    path = tmp_path / "x.csv"
    path.write_text(
        'date,type,minutes,km,notes\n2026-01-01,run,30,5,"two\nlines"\n2026-01-02,run,30,0,\n'
    )
    with pytest.raises(RecordError, match=r"x\.csv: row 3, column km: km must be more than 0"):
        read_csv(path)


def test_exercise_loads_and_notes_keep_every_character(tmp_path: Path, cli, db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        repo.add_session(
            LegDay(
                date=date(2026, 11, 2),
                minutes=50,
                rpe=7,
                notes="  a note as typed, spaces and all\n",
                exercises=(Exercise("deadlift", 3, 5, 102.06, ("hamstrings", "glutes")),),
            )
        )
    out = tmp_path / "s.csv"
    cli("export", "csv", str(out))
    assert "deadlift 3x5@102.06kg" in out.read_text()
    other = tmp_path / "other.db"
    cli("import", "csv", str(out), db=other)
    assert _sessions(other) == _sessions(db_path)
    assert cli("import", "csv", str(out)).stdout == "imported nothing (1 already there)\n"


def test_sets_of_their_own_and_pounds_survive_a_csv_round_trip(cli, tmp_path: Path) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    logged = cli(
        "log", "leg", "--date", "2026-11-23", "--rpe", "8",
        "--exercise", "front squat 5@80, 5@0, 3@90kg", "--exercise", "deadlift 3x5@225lb",
        db=source,
    )  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    sheet = tmp_path / "sessions.csv"
    assert cli("export", "csv", str(sheet), db=source).returncode == 0
    assert cli("import", "csv", str(sheet), db=target).returncode == 0
    with Repository.open(source) as a, Repository.open(target) as b:
        assert [s.exercises for s in b.sessions()] == [s.exercises for s in a.sessions()]  # type: ignore[union-attr]
