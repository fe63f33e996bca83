"""A leg day starts from the last one (one key in the add chooser) or from a named template;
rowing and elliptical are cross-training activities like the others."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, OptionList

from legrun.planner.models import CrossTraining, Exercise, LegDay
from legrun.planner.templates import LEG_TEMPLATES
from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.screens.add_kind import AddKindScreen, TemplateScreen
from legrun.tui.screens.cross_form import CrossForm
from legrun.tui.screens.leg_day_form import LegDayForm
from tests.conftest import TODAY
from tests.tui.support import SIZE

LAST = LegDay(
    date=TODAY - timedelta(days=4),
    minutes=70,
    rpe=8,
    exercises=(
        Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),
        Exercise("romanian deadlift", 3, 8, 80.0, ("hamstrings", "glutes")),
    ),
    notes="heavy",
)


async def test_p_starts_a_leg_day_like_the_last_one(repo: Repository) -> None:
    repo.add_session(LAST)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AddKindScreen)
        kinds = app.screen.query_one("#kinds", OptionList)
        labels = [str(kinds.get_option_at_index(i).prompt) for i in range(kinds.option_count)]
        assert any("like the last one (Fri 20 Nov: back squat 5x5@100kg" in x for x in labels)
        await pilot.press("p")
        form = app.screen
        assert isinstance(form, LegDayForm)
        assert form.exercises == list(LAST.exercises)
        assert form.query_one("#f-minutes", Input).value == "70"
        assert form.query_one("#f-date", Input).value == TODAY.isoformat()  # on the day chosen
        await pilot.press("ctrl+s")
        await pilot.pause()
    stored = [s for s in repo.sessions() if s.date == TODAY]
    assert len(stored) == 1 and isinstance(stored[0], LegDay)
    assert stored[0].exercises == LAST.exercises and stored[0].rpe == 8
    assert stored[0].notes == ""  # the notes were the last day's own


async def test_p_without_a_leg_day_says_there_is_none_and_stays(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "p")
        assert isinstance(app.screen, AddKindScreen)
        assert any("No leg day logged yet" in str(n.message) for n in app._notifications)


async def test_t_starts_a_leg_day_from_a_named_template(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "t")
        assert isinstance(app.screen, TemplateScreen)
        await pilot.press("down", "enter")  # the second: the hinge day
        form = app.screen
        assert isinstance(form, LegDayForm)
        assert form.exercises == list(LEG_TEMPLATES[1].exercises)
        assert "Hinge day" in str(form.query_one(".form-title").render())
        form.query_one("#f-rpe", Input).value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (stored,) = repo.sessions()
    assert isinstance(stored, LegDay)
    assert [e.name for e in stored.exercises] == [e.name for e in LEG_TEMPLATES[1].exercises]
    assert all(e.muscles for e in stored.exercises)  # each knows the muscles it loads


async def test_rowing_and_elliptical_are_cross_training(repo: Repository, cli) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "x")
        form = app.screen
        assert isinstance(form, CrossForm)
        form.query_one("#f-activity", Input).value = "row"
        form.query_one("#f-minutes", Input).value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(type(s), s.activity) for s in repo.sessions()] == [(CrossTraining, "row")]
    logged = cli("log", "cross", "--date", "today", "--activity", "elliptical", "--minutes", "40")
    assert logged.returncode == 0, logged.stderr
    assert date(2026, 11, 24) == TODAY
