"""Day detail (enter on a day): d logs a planned item, s skips, m moves, x deletes, space ticks
the checklist, u undoes, escape goes back; every change is stored and re-planned at once."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from legrun.planner.models import Pin, Run
from legrun.planner.plan import RUN_PLAN_KINDS
from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.day import DayScreen
from legrun.tui.screens.move import MoveScreen
from legrun.tui.screens.run_form import RunForm
from legrun.tui.screens.week import WeekScreen
from legrun.tui.widgets.checklist import Checklist
from tests.conftest import TODAY
from tests.tui.support import SIZE, choose_day, day, day_plan, kinds, open_today

WEDNESDAY = day(2)


def day_screen(app: LegrunApp) -> DayScreen:
    assert isinstance(app.screen, DayScreen), app.screen
    return app.screen


def session_lines(app: LegrunApp) -> list[str]:
    sessions = app.screen.query_one("#day-sessions", OptionList)
    return [str(sessions.get_option_at_index(i).prompt) for i in range(sessions.option_count)]


async def test_escape_goes_back_to_the_week(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, DayScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.selected_date == TODAY


async def test_day_title_and_h_l_step_through_the_days(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        heading = app.screen.query_one("#day-title", Static)
        assert str(heading.content) == "Tuesday 24 November 2026 · today"
        await pilot.press("l")
        assert screen.day == WEDNESDAY
        assert str(heading.content) == "Wednesday 25 November 2026"
        await pilot.press("h", "left")
        assert screen.day == day(0)


async def test_d_opens_the_run_form_prefilled_from_the_plan_and_logs_it_done(
    repo: Repository,
) -> None:
    planned = [i for i in day_plan(repo, TODAY).sessions if i.kind in RUN_PLAN_KINDS]
    assert planned, "the default plan has a run today"
    run = planned[0]
    form_kind = {"recovery_run": "recovery", "easy_run": "easy", "long_run": "long"}.get(
        run.kind, "tempo"
    )
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, run.kind)
        await pilot.press("d")
        assert isinstance(app.screen, RunForm)
        fields = {f.id: f.value for f in app.screen.query(Input)}
        assert fields["f-date"] == "2026-11-24"
        assert fields["f-km"] == f"{run.km:g}"
        assert fields["f-minutes"] == str(run.minutes)
        assert fields["f-kind"] == form_kind
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, DayScreen)
        stored = repo.sessions(TODAY, TODAY)
        assert len(stored) == 1 and isinstance(stored[0], Run)
        assert (stored[0].km, stored[0].minutes, stored[0].kind) == (run.km, run.minutes, form_kind)
        today_items = day_plan(repo, TODAY).sessions
        assert [(i.kind, i.status) for i in today_items if i.is_run] == [(run.kind, "done")]
        assert any("[done]" in line for line in session_lines(app))


async def test_d_on_a_logged_session_edits_it_in_place(repo: Repository) -> None:
    run_id = repo.add_session(Run(date=TODAY, km=6.0, minutes=40, kind="easy"))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("d")
        assert isinstance(app.screen, RunForm)
        km = app.screen.query_one("#f-km", Input)
        assert km.value == "6"
        km.value = "7.5"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, DayScreen)
    assert repo.session_count() == 1
    edited = repo.session(run_id)
    assert isinstance(edited, Run) and edited.km == 7.5 and edited.minutes == 40


async def test_s_skips_the_planned_item_as_a_pin_and_u_undoes_it(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("s")
        pins = repo.pins(TODAY, TODAY)
        assert [(p.date, p.kind, p.action) for p in pins] == [(TODAY, "easy_run", "skip")]
        statuses = {i.kind: i.status for i in day_plan(repo, TODAY).sessions}
        assert statuses["easy_run"] == "skipped"
        assert any("[skipped]" in line for line in session_lines(app))
        assert repo.session_count() == 0  # skipping logs nothing

        await pilot.press("u")
        assert repo.pins(TODAY, TODAY) == []
        statuses = {i.kind: i.status for i in day_plan(repo, TODAY).sessions}
        assert statuses["easy_run"] == "planned"
        assert not any("[skipped]" in line for line in session_lines(app))


async def test_m_moves_the_planned_item_to_another_day_and_u_undoes_it(
    repo: Repository,
) -> None:
    assert "easy_run" in kinds(repo, TODAY)
    assert "easy_run" not in kinds(repo, WEDNESDAY)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("m")
        assert isinstance(app.screen, MoveScreen)
        await choose_day(pilot, WEDNESDAY)
        assert isinstance(app.screen, DayScreen)
        pins = repo.pins(TODAY, WEDNESDAY)
        assert [(p.date, p.kind, p.action, p.to_date) for p in pins] == [
            (TODAY, "easy_run", "move", WEDNESDAY)
        ]
        assert "easy_run" in kinds(repo, WEDNESDAY)
        assert "easy_run" not in kinds(repo, TODAY)
        assert not any(line.startswith("Q ") for line in session_lines(app))

        await pilot.press("escape")  # the week shows it on Wednesday too
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.plan is not None
        wednesday = app.screen.plan.day(WEDNESDAY)
        assert wednesday is not None and "easy_run" in [i.kind for i in wednesday.sessions]

        await pilot.press("u")
        assert repo.pins(TODAY, WEDNESDAY) == []
        assert "easy_run" in kinds(repo, TODAY)


async def test_escape_in_the_move_chooser_moves_nothing(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("m", "escape")
        assert isinstance(app.screen, DayScreen)
        assert app.repository.pins() == []


async def test_x_deletes_a_logged_session_and_u_brings_it_back(repo: Repository) -> None:
    run_id = repo.add_session(Run(date=TODAY, km=6.0, minutes=40, kind="easy", notes="windy"))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("x")
        assert repo.session(run_id) is None
        assert repo.session_count() == 0
        shown = day_screen(app).day_plan
        assert shown is not None
        assert ("easy_run", "done") not in [(i.kind, i.status) for i in shown.sessions]

        await pilot.press("u")
        restored = repo.session(run_id)
        assert isinstance(restored, Run)
        assert (restored.km, restored.minutes, restored.notes) == (6.0, 40, "windy")
        assert ("easy_run", "done") in [(i.kind, i.status) for i in day_plan(repo, TODAY).sessions]


async def test_x_removes_a_planned_item_with_a_pin(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("x")
        pins = repo.pins(TODAY, TODAY)
        assert [(p.kind, p.action) for p in pins] == [("easy_run", "remove")]
        assert "easy_run" not in kinds(repo, TODAY)
        await pilot.press("u")
        assert repo.pins(TODAY, TODAY) == []
        assert "easy_run" in kinds(repo, TODAY)


async def test_x_on_a_moved_item_removes_it_from_both_days(repo: Repository) -> None:
    repo.add_pin(Pin(date=TODAY, kind="quality_run", action="move", to_date=WEDNESDAY))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "enter")
        screen = day_screen(app)
        assert screen.day == WEDNESDAY
        index = [i.kind for i in screen.day_plan.sessions].index("quality_run")
        screen.query_one("#day-sessions", OptionList).highlighted = index
        await pilot.press("x")
        pins = repo.pins(TODAY, WEDNESDAY)
        assert sorted((p.date, p.kind, p.action) for p in pins) == [
            (TODAY, "quality_run", "remove"),
            (WEDNESDAY, "quality_run", "remove"),
        ]
        # The planner may place the week's quality run elsewhere, but not back on either day.
        assert "quality_run" not in kinds(repo, TODAY) + kinds(repo, WEDNESDAY)

        await pilot.press("u")
        pins = repo.pins(TODAY, WEDNESDAY)
        assert [(p.date, p.kind, p.action, p.to_date) for p in pins] == [
            (TODAY, "quality_run", "move", WEDNESDAY)
        ]
        assert "quality_run" in kinds(repo, WEDNESDAY)


async def test_space_ticks_a_checklist_item_and_the_tick_is_stored(repo: Repository) -> None:
    checklist = day_plan(repo, TODAY).checklist
    assert checklist, "a run day has a checklist"
    first = checklist[0].id
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, Checklist)
        await pilot.press("space")
        assert repo.ticks(TODAY, TODAY) == {(TODAY, first)}
        ticked = {c.id: c.done for c in day_plan(repo, TODAY).checklist}
        assert ticked[first] is True
        assert first in app.focused.ticked
        assert str(app.focused.get_option_at_index(0).prompt).startswith("[x] ")

        await pilot.press("down", "space")
        assert repo.ticks(TODAY, TODAY) == {(TODAY, first), (TODAY, checklist[1].id)}
        await pilot.press("up", "space")  # space again takes the tick off
        assert repo.ticks(TODAY, TODAY) == {(TODAY, checklist[1].id)}


async def test_ticks_show_when_the_day_is_opened_again(repo: Repository) -> None:
    item = day_plan(repo, TODAY).checklist[0].id
    repo.set_tick(TODAY, item, True)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        assert app.screen.query_one("#day-checklist", Checklist).ticked == [item]


async def test_a_from_the_day_adds_to_that_day(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "l", "enter", "a", "x")
        await pilot.press(*"45", "enter")
    stored = repo.sessions()
    assert [(s.date, s.minutes) for s in stored] == [(day(3), 45)]


async def test_space_ticks_at_once_on_opening_a_day_and_down_reaches_the_checklist(
    repo: Repository,
) -> None:
    checklist = day_plan(repo, TODAY).checklist
    sessions = day_plan(repo, TODAY).sessions
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        assert app.focused is screen.query_one("#day-sessions", OptionList)
        await pilot.press("space")  # no tab first: the title says space ticks
        assert repo.ticks(TODAY, TODAY) == {(TODAY, checklist[0].id)}
        # Down through the sessions, then on into the checklist, as one list.
        await pilot.press(*["down"] * len(sessions))
        assert isinstance(app.focused, Checklist)
        await pilot.press("down", "space")
        assert repo.ticks(TODAY, TODAY) == {(TODAY, checklist[0].id), (TODAY, checklist[1].id)}
        await pilot.press("up", "up")  # up from the first item: back to the sessions
        assert app.focused is screen.query_one("#day-sessions", OptionList)


async def test_the_days_help_lists_space(app: LegrunApp) -> None:
    from legrun.tui.screens.help import HelpScreen

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert "space" in keys and "Tick" in keys


async def test_space_ticks_at_once_on_a_day_opened_a_second_time(repo: Repository) -> None:
    """The day screen is kept: opened again on a day whose list is the one it shows, the
    list is not rebuilt, but it still starts on its first item."""
    checklist = day_plan(repo, TODAY).checklist
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("escape")
        await open_today(pilot)
        await pilot.press("space")
        assert repo.ticks(TODAY, TODAY) == {(TODAY, checklist[0].id)}
