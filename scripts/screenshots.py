"""Screenshots of the real app for the README, as SVG files in screenshots/.

    uv run python scripts/screenshots.py [--out screenshots]

Each one runs the app headless on a throwaway database filled with the `--demo` data, with
the date frozen on a Tuesday (2026-11-24), the theme fixed and no blinking text cursor, then
presses the keys a user would and saves what the terminal shows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import events
from textual.widgets import Input

from legrun.storage import Repository
from legrun.storage.demo import fill_with_demo
from legrun.tui.application import LegrunApp, make_app

TODAY = date(2026, 11, 24)
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Shot:
    name: str
    size: tuple[int, int]
    keys: tuple[str, ...] = ()
    pasted: tuple[str, ...] = ()  # each pasted into the focused field, then enter
    after: tuple[str, ...] = ()  # keys after the pasting
    new: bool = False  # on a new, empty database (the welcome form), not the demo's


SHOTS = (
    Shot("week-80x24", (80, 24)),
    Shot("week-120x40", (120, 40)),
    Shot("day-80x24", (80, 24), keys=("h", "enter")),  # yesterday: a logged leg day
    Shot(
        "leg-day-form-80x24",
        (80, 24),
        keys=("a", "l", "8", "tab"),
        pasted=("back squat 5x5@100kg", "romanian deadlift 3x8@80kg"),
    ),
    Shot("help-80x24", (80, 24), keys=("question_mark",)),
    Shot("notes-80x24", (80, 24), keys=("exclamation_mark",)),  # the week's warnings in full
    Shot("profile-80x24", (80, 24), keys=("4",)),
    Shot("history-80x24", (80, 24), keys=("2",)),
    Shot("trends-80x24", (80, 24), keys=("3",)),
    Shot("season-80x24", (80, 24), keys=("5",)),
    Shot("welcome-80x24", (80, 24), new=True),  # a new user's first screen
)


def demo_database(folder: Path) -> Path:
    """A database holding what `legrun-tui --demo` shows."""
    path = folder / "demo.db"
    with Repository.open(path) as repo:
        fill_with_demo(repo, TODAY)
    return path


def still_cursors(app: LegrunApp) -> None:
    """Text cursors shown and not blinking: a blink would make each run's picture differ."""
    for screen in app.screen_stack:
        for text_input in screen.query(Input):
            text_input.cursor_blink = False


async def take(shot: Shot, database: Path, out: Path) -> Path:
    repo = Repository.open(database)
    try:
        app = make_app(repo, today=TODAY, demo=not shot.new, welcome=shot.new)
        async with app.run_test(size=shot.size) as pilot:
            app.theme = "textual-dark"
            await pilot.press(*shot.keys)
            for text in shot.pasted:
                focused = app.focused
                assert focused is not None, f"{shot.name}: nothing focused to type into"
                focused.post_message(events.Paste(text))
                await pilot.pause()
                await pilot.press("enter")
            await pilot.press(*shot.after)
            await pilot.pause()
            still_cursors(app)
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            return Path(app.save_screenshot(f"{shot.name}.svg", str(out)))
    finally:
        repo.close()


async def take_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="legrun-shots-") as folder:
        for shot in SHOTS:
            # A fresh database each time: a screenshot never depends on the one before.
            own = Path(folder) / shot.name
            own.mkdir()
            database = own / "new.db" if shot.new else demo_database(own)
            written.append(await take(shot, database, out))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    # Nothing of the developer's own setup reaches the pictures (the theme is set per shot).
    for name in ("NO_COLOR", "LEGRUN_DB"):
        os.environ.pop(name, None)
    for path in asyncio.run(take_all(args.out)):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
