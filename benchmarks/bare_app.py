"""The reference: about the least a week view can be in Textual, run as its own process.

A Header, a Footer and a 7-column grid of Static widgets, one a day, each with a few lines.
`]` and `[` show the next and the previous week (every column's text changes, as in the real
week screen); `q` quits. Run by the benchmark as `python benchmarks/bare_app.py`.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import Footer, Header, Static

MONDAY = date(2026, 11, 23)


def day_text(day: date) -> str:
    return f"{day:%a %d}\n·E Easy\n  5k 30'"


class Bare(App[None]):
    CSS = "Grid { grid-size: 7; } Static { border-left: vkey $panel; }"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("left_square_bracket", "week(-1)", "Prev week", key_display="["),
        Binding("right_square_bracket", "week(1)", "Next week", key_display="]"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.monday = MONDAY

    def compose(self) -> ComposeResult:
        yield Header()
        with Grid():
            for i in range(7):
                yield Static(day_text(self.monday + timedelta(days=i)), id=f"day-{i}")
        yield Footer()

    def action_week(self, step: int) -> None:
        self.monday += timedelta(weeks=step)
        for i in range(7):
            self.query_one(f"#day-{i}", Static).update(day_text(self.monday + timedelta(days=i)))


if __name__ == "__main__":
    Bare().run()
