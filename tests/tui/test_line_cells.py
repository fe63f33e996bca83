"""The week's columns and the reasons' panes draw line by line from kept cells
(tui/widgets/cells.py): every row must be what Textual draws when it renders the widget's
whole text at once, cell for cell and style for style, whatever the theme, and with a mouse
selection in it (each cell carries its place in the text, which the selection reads)."""

from __future__ import annotations

from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.widgets.day_column import DayColumn
from legrun.tui.widgets.hanging_text import HangingText
from tests.conftest import TODAY


def _segments(strip: Strip) -> list[tuple[str, object, object]]:
    return [(s.text, s.style, s.style.meta if s.style else None) for s in strip]


def _whole(widget: Widget) -> list[Strip]:
    """The rows as Textual draws a widget's whole text at once (`Widget._render_content`)."""
    width, height = widget.size
    return Visual.to_strips(widget, widget.render(), width, height, widget.visual_style)


def _mismatched_rows(app: LegrunApp) -> list[str]:
    widgets: list[Widget] = [*app.screen.query(DayColumn), app.screen.query_one(HangingText)]
    wrong = []
    for widget in widgets:
        whole = _whole(widget)
        for y, expected in enumerate(whole):
            if _segments(widget.render_line(y)) != _segments(expected):
                wrong.append(f"{widget.id} row {y}")
    return wrong


async def test_each_row_is_what_a_whole_render_draws_in_every_theme(demo_repo: Repository) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert _mismatched_rows(app) == []
        # ansi-dark and ansi-light share their background, not their accent and warning.
        for theme in ("ansi-dark", "ansi-light", "textual-light"):
            app.theme = theme
            await pilot.pause()
            assert _mismatched_rows(app) == [], theme


async def test_a_selection_across_rows_is_drawn_as_a_whole_render_draws_it(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        column = app.screen.query(DayColumn).first()
        rows = range(len(_whole(column)))
        assert len(rows) >= 3
        before = [_segments(column.render_line(y)) for y in rows]
        app.screen.selections = {column: Selection(Offset(0, 1), Offset(5, 2))}
        await pilot.pause()
        selected = [_segments(column.render_line(y)) for y in rows]
        assert selected == [_segments(s) for s in _whole(column)]
        assert selected[1] != before[1] and selected[0] == before[0]  # drawn on its rows only
        app.screen.selections = {}
        await pilot.pause()
        assert [_segments(column.render_line(y)) for y in rows] == before
