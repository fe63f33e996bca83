"""The coach's plan on the week screen, at 80x24: the phase and an easier week in words, the
volume against its cap, how many warnings and suggestions there are, the selected session's
workout, and `!` with every warning and suggestion in full. The plans are built by hand
(tests/tui/coach_plans.py), so the expected words here come from those inputs."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from legrun.planner.plan import Why
from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.help import HelpScreen
from legrun.tui.screens.week import WeekScreen
from legrun.tui.screens.week_notes import WeekNotesScreen
from legrun.tui.widgets.day_column import DayColumn
from legrun.tui.widgets.hanging_text import HangingText, Line, cut_line, wrap_line
from legrun.tui.widgets.week_summary import coach_line, notes_lines
from legrun.tui.widgets.workout import workout_line
from tests.conftest import TODAY
from tests.tui.coach_plans import SPIKE, SPLIT, coach_week, show_coach_weeks
from tests.tui.support import SIZE

TEMPO_LINE = (
    "Tempo run: 15 min easy warm-up; 3 x 8 min at threshold, 2 min jog (5:10-5:20/km); "
    "10 min easy cool-down"
)
RACE_LINE = (
    "Race plan: 15 min easy warm-up; 10 km race: even effort, faster in the last 2 km "
    "(4:55-5:05/km); 10 min easy cool-down"
)


@pytest.fixture
def coach_app(repo: Repository) -> LegrunApp:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app)
    return app


def rows(app: LegrunApp, selector: str) -> list[str]:
    """What a pane shows on the terminal, row by row."""
    return app.screen.query_one(selector, HangingText).render().plain.split("\n")


def flat(lines: list[str]) -> str:
    """Rows joined back into words, so wrapped text can be compared with what was meant."""
    return " ".join(" ".join(lines).split())


# -- the words, from hand-built plans ---------------------------------------------------------


def test_the_coach_line_names_the_phase_an_easier_week_and_the_volume() -> None:
    assert coach_line(coach_week()) == "Build phase · easier week · 25 km planned / 26.4 km cap"
    plain = coach_week(phase="taper", easier_week=False)
    assert coach_line(plain) == "Taper phase · 25 km planned / 26.4 km cap"
    assert coach_line(coach_week(phase="start", easier_week=False, volume=None)) == "Start phase"


def test_the_volume_reads_in_miles_for_a_miles_runner() -> None:
    # 25 km = 15.53 mi, 26.4 km = 16.40 mi
    line = coach_line(coach_week(units="mi"))
    assert line == "Build phase · easier week · 15.5 mi planned / 16.4 mi cap"


def test_the_warnings_pane_counts_them_and_names_the_key() -> None:
    lines = [line.text for line in notes_lines(coach_week())]
    assert lines == [
        "1 warning, 1 suggestion: press ! to read them in full",
        f"! R-SPIKE: {SPIKE.text}",
        "→ R-SPLIT: Move Thursday's leg day to Tuesday to free Friday for a workout.",
    ]
    two = [line.text for line in notes_lines(coach_week(warnings=(SPIKE, SPIKE), suggestions=()))]
    assert two[0] == "2 warnings: press ! to read them in full"
    assert [line.text for line in notes_lines(coach_week(warnings=(), suggestions=()))] == [
        "No warnings or suggestions: the week fits your targets and the rules."
    ]


def test_a_workout_reads_on_one_line_with_its_pace() -> None:
    plan = coach_week()
    wednesday, friday = plan.days[2].sessions[0], plan.days[4].sessions[0]
    assert workout_line(wednesday, "km") == TEMPO_LINE
    # 310 s/km is 8:19 a mile, 320 s/km 8:35 a mile.
    assert "(8:19-8:35/mi)" in (workout_line(wednesday, "mi") or "")
    # Strides: no warm-up or cool-down of their own, no pace.
    assert workout_line(friday, "km") == "Strides: 6 x 20 s strides, walk back"
    assert workout_line(plan.days[3].sessions[0], "km") is None  # a rest day has none


def test_long_lines_wrap_under_their_own_indent_and_cut_lines_say_so() -> None:
    line = Line("  R-48H: one two three four five six seven eight nine ten eleven", hang=4)
    assert wrap_line(line, 30) == [
        "  R-48H: one two three four",
        "    five six seven eight nine",
        "    ten eleven",
    ]
    assert cut_line("abcdefghij", 6) == "abcde…"
    assert cut_line("abc", 6) == "abc"


def test_a_pane_too_short_for_its_lines_ends_with_what_shows_the_rest() -> None:
    pane = HangingText(wrap=False, more="… more: press !")
    pane.show(["one", "two", "three", "four"])
    assert pane.rows(20, height=3) == [("one", ""), ("two", ""), ("… more: press !", "italic")]
    assert [text for text, _ in pane.rows(20, height=4)] == ["one", "two", "three", "four"]


# -- the week screen at 80x24 ----------------------------------------------------------------


async def test_the_totals_show_phase_easier_week_and_volume_at_80x24(coach_app: LegrunApp) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        totals = rows(coach_app, "#week-totals")
        assert totals[0] == "Build phase · easier week · 25 km planned / 26.4 km cap"
        assert totals[1].startswith("Runs 0/25 km · 0/148 min")


async def test_the_warnings_pane_shows_the_count_the_key_and_each_note(
    coach_app: LegrunApp,
) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = rows(coach_app, "#week-warnings")
        assert shown[0] == "1 warning, 1 suggestion: press ! to read them in full"
        # The warning is longer than the pane: cut, and marked as cut.
        assert shown[1].startswith("! R-SPIKE: This week may hold at most 26.4 km")
        assert shown[1].endswith("…") and len(shown[1]) <= 78
        assert (
            shown[2]
            == "→ R-SPLIT: Move Thursday's leg day to Tuesday to free Friday for a workout."
        )


async def test_many_notes_end_the_pane_with_the_key_that_shows_them_all(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    many = tuple(replace(SPIKE, rule=f"R-W{i}") for i in range(4))
    plan = coach_week(warnings=many, suggestions=(SPLIT,))
    app.plan_for = lambda day: plan  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = rows(app, "#week-warnings")
        assert shown[0] == "4 warnings, 1 suggestion: press ! to read them in full"
        assert shown[1].startswith("! R-W0: ")
        assert shown[2] == "… more: press ! for all"


async def test_the_selected_quality_run_shows_its_workout_in_the_panel(
    coach_app: LegrunApp,
) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.press("l")  # Wednesday: the tempo run
        shown = [row for row in rows(coach_app, "#week-detail") if row.strip()]
        assert shown[0] == "Wed 25 Nov  Q quality run 8 km 50 min 147-165 bpm"
        # The workout wraps at 78 columns, its second row under its own words.
        assert shown[1].startswith("  Tempo run: 15 min easy warm-up;")
        assert shown[2].startswith("    (") and not shown[2].startswith("     ")
        assert flat(shown[1:3]) == TEMPO_LINE
        assert flat(shown[3:]) == (
            "R-QUALITY: Your one quality run this week, 48 h clear of Monday's leg day."
        )
        assert all(len(row) <= 78 for row in shown)
        assert not any(row.startswith("…") for row in shown)  # nothing cut
        wednesday = list(coach_app.screen.query(DayColumn))[2]
        assert "·Q Tempo" in wednesday.render().plain


async def test_strides_and_a_race_show_theirs_too(coach_app: LegrunApp) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.press(*"lll")  # Friday: an easy run with strides
        shown = [row for row in rows(coach_app, "#week-detail") if row.strip()]
        assert shown[1] == "  Strides: 6 x 20 s strides, walk back"
        await pilot.press("l", "l")  # Sunday: the race
        shown = [row for row in rows(coach_app, "#week-detail") if row.strip()]
        assert shown[0] == "Sun 29 Nov  RC race 10 km 50 min"
        assert flat(shown[1:3]) == RACE_LINE
        sunday = list(coach_app.screen.query(DayColumn))[6]
        assert "·RC Race" in sunday.render().plain


async def test_a_session_without_a_workout_shows_none(coach_app: LegrunApp) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # Tuesday: a recovery run
        text = rows(coach_app, "#week-detail")
        assert text[0].startswith("Tue 24 Nov  r recovery run 4 km 28 min")
        assert "warm-up" not in " ".join(text)


async def test_next_week_updates_the_same_panes_in_place(coach_app: LegrunApp) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panes = list(coach_app.screen.query(HangingText))
        days = list(coach_app.screen.query(DayColumn))
        await pilot.press("right_square_bracket")
        assert list(coach_app.screen.query(HangingText)) == panes
        assert all(a is b for a, b in zip(days, coach_app.screen.query(DayColumn), strict=True))
        assert rows(coach_app, "#week-totals")[0] == "Maintain phase · 25 km planned / 26.4 km cap"
        assert rows(coach_app, "#week-warnings")[0] == (
            "No warnings or suggestions: the week fits your targets and the rules."
        )


async def test_a_miles_runner_reads_the_volume_and_paces_in_miles(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app, units="mi")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert rows(app, "#week-totals")[0] == (
            "Build phase · easier week · 15.5 mi planned / 16.4 mi cap"
        )
        assert "(8:19-8:35/mi)" in flat(rows(app, "#week-detail"))


# -- ! : the week's warnings and suggestions in full -----------------------------------------


def notes(app: LegrunApp) -> str:
    assert isinstance(app.screen, WeekNotesScreen), app.screen
    return flat(rows(app, "#notes-text"))


async def test_bang_lists_every_warning_and_suggestion_in_full_and_escape_closes(
    coach_app: LegrunApp,
) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.press("exclamation_mark")
        text = notes(coach_app)
        assert "Build phase · easier week" in text
        assert "25 km planned / 26.4 km cap · your weekly target 30 km" in text
        assert "the last 4 weeks averaged 24 km" in text
        assert f"Warnings (1): what the plan had to give up ! R-SPIKE {SPIKE.text}" in text
        assert f"→ R-SPLIT {SPLIT.text}" in text
        # Wrapped to the width: every row fits inside the box at 80 columns.
        assert all(len(row) <= 76 for row in rows(coach_app, "#notes-text"))
        body = coach_app.screen.query_one("#notes-body")
        assert "1 warning, 1 suggestion" in str(body.border_title)
        await pilot.press("escape")
        assert isinstance(coach_app.screen, WeekScreen)


async def test_bang_again_closes_the_notes(coach_app: LegrunApp) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.press("exclamation_mark")
        assert isinstance(coach_app.screen, WeekNotesScreen)
        await pilot.press("exclamation_mark")
        assert isinstance(coach_app.screen, WeekScreen)


async def test_the_notes_are_those_of_the_week_shown(coach_app: LegrunApp) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "exclamation_mark")
        text = notes(coach_app)
        assert "Maintain phase" in text
        assert "No warnings and no suggestions" in text
        assert "R-SPIKE" not in text and "R-SPLIT" not in text
        body = coach_app.screen.query_one("#notes-body")
        assert "30 Nov - 06 Dec 2026" in str(body.border_title)


async def test_the_notes_scroll_by_keyboard(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    long = Why("R-LONG", "A reason long enough to wrap over two rows at eighty columns. " * 2)
    plan = coach_week(warnings=tuple(replace(long, rule=f"R-W{i}") for i in range(12)))
    app.plan_for = lambda day: plan  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("exclamation_mark")
        body = app.screen.query_one("#notes-body")
        assert body.max_scroll_y > 0, "the notes should be longer than the screen"
        assert body.scroll_y == 0
        await pilot.press("j")
        assert body.scroll_y == 1
        await pilot.press("down", "down")
        assert body.scroll_y == 3
        await pilot.press("k", "up")
        assert body.scroll_y == 1
        await pilot.press("pagedown")
        assert body.scroll_y > 10
        await pilot.press("pageup")
        assert body.scroll_y == 0
        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        assert body.scroll_y == 0
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)


async def test_help_lists_the_bang_key(coach_app: LegrunApp) -> None:
    async with coach_app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(coach_app.screen, HelpScreen)
        keys = str(coach_app.screen.query_one("#help-keys").render())
        assert any(row.split() == ["!", "Warnings"] for row in keys.splitlines()), keys


def test_the_bang_binding_has_an_id_and_a_description() -> None:
    (binding,) = [b for b in WeekScreen.BINDINGS if b.key == "exclamation_mark"]  # type: ignore[union-attr]
    assert binding.id == "week.notes"  # type: ignore[union-attr]
    assert binding.description and binding.tooltip  # type: ignore[union-attr]


async def test_without_colour_the_marks_and_words_carry_the_meaning(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.no_color
        screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "Build phase · easier week" in screen
        assert "\n ! R-SPIKE: " in screen and "\n → R-SPLIT: " in screen
        assert "press ! to read them in full" in screen
