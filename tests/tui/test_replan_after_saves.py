"""After every save, undo and redo, the week the app shows is the week a fresh read of the
file plans: the repository keeps what the planner reads between saves (the run dates, the
window of sessions) and reads again only the days written on, which must never leave the app
planning on what the file no longer holds."""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta
from pathlib import Path

from legrun.planner.models import CrossTraining, Exercise, LegDay, Run
from legrun.storage import Repository
from legrun.storage.changes import DeleteSession, MoveSession, saving
from legrun.storage.plans import load_week_plan
from legrun.tui.application import make_app
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY
from tests.tui.support import SIZE


def _fresh_plan(path: Path) -> object:
    """This week as a repository of its own (nothing kept) plans it."""
    with Repository.open(path) as fresh:
        return load_week_plan(fresh, TODAY, TODAY)


async def test_the_week_after_each_change_is_the_week_a_fresh_read_plans(
    demo_repo: Repository, db_path: Path
) -> None:
    rnd = random.Random(20261202)
    app = make_app(demo_repo, today=TODAY)
    days = [TODAY + timedelta(days=n) for n in range(-20, 3)]
    async with app.run_test(size=SIZE) as pilot:
        for step in range(30):
            with sqlite3.connect(db_path) as conn:  # (not through the app's repository)
                ids = [r[0] for r in conn.execute("SELECT id FROM sessions")]
            roll = rnd.random()
            when = rnd.choice(days)
            if roll < 0.3:
                record = rnd.choice(
                    (
                        Run(date=when, km=rnd.choice((4.0, 9.0, 16.0)), minutes=50, rpe=5),
                        LegDay(date=when, minutes=55, rpe=8, exercises=(Exercise("squat", 4, 5),)),
                        CrossTraining(date=when, activity="swim", minutes=30, rpe=3),
                    )
                )
                app.change(saving(record), "logging", "Logged")
            elif roll < 0.45:
                app.change(DeleteSession(rnd.choice(ids)), "delete", "Deleted")
            elif roll < 0.6:
                app.change(MoveSession(rnd.choice(ids), when), "move", "Moved")
            elif roll < 0.8:
                app.action_undo()
            else:
                app.action_redo()
            await pilot.pause()
            # (Only the week on the screen is asked for, as after a save in the app: another
            # week's window of sessions would be read whole, and test nothing kept.)
            assert isinstance(app.screen, WeekScreen)
            assert app.screen.plan == _fresh_plan(db_path), f"step {step}"
