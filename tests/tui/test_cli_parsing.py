"""What the command line (and the forms) read: exercises, dates and weekdays, strictly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import (
    LB_TO_KG,
    Exercise,
    ValidationError,
    parse_date,
    parse_exercise,
    parse_weekday,
)

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("back squat 5x5@100kg", Exercise("back squat", 5, 5, 100.0, ("quads", "glutes"))),
        ("rdl 3x8@60", Exercise("rdl", 3, 8, 60.0, ("hamstrings", "glutes"))),
        ("walking lunge 3x12", Exercise("walking lunge", 3, 12, None, ("quads", "glutes"))),
        # 225 lb x 0.45359237 = 102.058 kg
        (
            "deadlift 3x5@225lb",  # kept in kg, shown in the pounds it was typed in
            Exercise("deadlift", 3, 5, 225 * LB_TO_KG, ("hamstrings", "glutes"), unit="lb"),
        ),
        (
            "Romanian Deadlift 4 x 6 @ 80.5 KG",
            Exercise("romanian deadlift", 4, 6, 80.5, ("hamstrings", "glutes")),
        ),
        ("  Leg   Press 3X10@200kgs ", Exercise("leg press", 3, 10, 200.0, ("quads", "glutes"))),
        (
            "seated calf raise 3x15@40lbs",
            Exercise("seated calf raise", 3, 15, 40 * LB_TO_KG, ("calves",), unit="lb"),
        ),
        ("nordic curl 3x5", Exercise("nordic curl", 3, 5, None, ("hamstrings",))),
        ("hip thrust 3x10@90", Exercise("hip thrust", 3, 10, 90.0, ("glutes",))),
        ("leg extension 3x12@35", Exercise("leg extension", 3, 12, 35.0, ("quads",))),
        ("copenhagen plank 3x30", Exercise("copenhagen plank", 3, 30, None, ())),
    ],
)
def test_an_exercise_is_read_with_its_load_in_kg_and_its_muscles(
    text: str, expected: Exercise
) -> None:
    assert parse_exercise(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "5x5@100kg", "squat", "squat 5x", "squat 5x5@", "squat 5x5@100st", "squat 5x5@-10kg"],
)
def test_an_exercise_that_cannot_be_read_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValidationError, match="SETSxREPS"):
        parse_exercise(text)


@pytest.mark.parametrize(
    "text, message",
    [("squat 0x5", "sets"), ("squat 5x0", "reps"), ("squat 5x5@1500kg", "1000 kg")],
)
def test_an_exercise_out_of_range_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_exercise(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-11-23", date(2026, 11, 23)),
        ("2028-02-29", date(2028, 2, 29)),
        (" today ", TODAY),
        ("Yesterday", date(2026, 11, 23)),
        ("tomorrow", date(2026, 11, 25)),
    ],
)
def test_a_date_is_iso_or_a_relative_word(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "01/02/2026",
        "2026/11/23",
        "23-11-2026",
        "2026-11-23T08:00",
        "20261123",
        "2026-1-5",
        "next week",
        "２０２６-１１-２３",  # full-width digits look like a date but are not ISO
        "",
    ],
)
def test_an_ambiguous_or_malformed_date_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        parse_date(text, TODAY)


@pytest.mark.parametrize("text", ["2026-02-30", "2027-02-29", "2026-13-01", "2026-04-31"])
def test_a_date_that_is_not_in_the_calendar_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="no such day"):
        parse_date(text, TODAY)


@pytest.mark.parametrize(
    "text, expected",
    [("mon", 0), ("Tue", 1), ("wednesday", 2), (" THU ", 3), ("Friday", 4), ("sat", 5), ("sun", 6)],
)
def test_a_weekday_is_its_short_or_full_name(text: str, expected: int) -> None:
    assert parse_weekday(text) == expected


@pytest.mark.parametrize("text", ["monkey", "thumb", "sunset", "m", "th", "", "7"])
def test_a_word_that_is_not_a_weekday_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="mon, tue, wed, thu, fri, sat, sun"):
        parse_weekday(text)


def test_every_command_the_parser_knows_runs_a_function_of_its_module() -> None:
    # The commands' modules are imported when their command runs: a name wrong here would
    # only show when a user ran that command.
    import argparse

    from legrun.tui.cli import _COMMANDS, _command
    from legrun.tui.cli.arguments import build_parser

    [subparsers] = [
        a for a in build_parser(TODAY)._actions if isinstance(a, argparse._SubParsersAction)
    ]
    assert set(subparsers.choices) == set(_COMMANDS)
    for name in _COMMANDS:
        assert callable(_command(name)), name


def test_a_command_gets_its_arguments_only_when_it_is_the_one_given() -> None:
    # Building every command's ~130 arguments took ~8 ms of every command and of the app's
    # start: each command's arguments (and `--db` after it) are added when it is chosen.
    import argparse

    from legrun.tui.cli.arguments import build_parser

    parser = build_parser(TODAY)
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]

    def options(name: str) -> set[str]:
        return {o for a in commands.choices[name]._actions for o in a.option_strings}

    args = parser.parse_args(["plan", "--json", "--db", "x.db"])
    assert (args.command, args.json, args.db) == ("plan", True, Path("x.db"))
    assert options("plan") == {"-h", "--help", "--week", "--json", "--db"}
    assert options("history") == {"-h", "--help"}
    # The same parser reads a second command in full.
    args = parser.parse_args(["log", "run", "--date", "today", "--km", "5", "--minutes", "30"])
    assert (args.log_command, args.km, args.date) == ("run", 5.0, TODAY)
