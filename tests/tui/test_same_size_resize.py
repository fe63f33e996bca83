"""A terminal that reports the size the app already has (at start-up it reports it twice;
tmux and SSH clients resend it) changes nothing: no layout, no frame. A real change of size
lays the screen out again."""

from __future__ import annotations

from textual import events
from textual.geometry import Size

from legrun.storage import Repository
from legrun.tui.application import make_app
from tests.conftest import TODAY


async def test_a_resize_to_the_same_size_lays_nothing_out(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)
        screen = app.screen
        layouts: list[Size] = []
        refresh_layout = screen._refresh_layout

        def counting(size: Size | None = None, scroll: bool = False) -> None:
            layouts.append(size or screen.size)
            refresh_layout(size, scroll)

        screen._refresh_layout = counting  # type: ignore[method-assign]
        app.post_message(events.Resize(Size(80, 24), Size(80, 24)))
        await pilot.pause(0.1)
        assert layouts == []
        # The screen told the size it is laid out at (its own first layout tells it so).
        screen.post_message(events.Resize(Size(80, 24), Size(80, 24)))
        await pilot.pause(0.1)
        assert layouts == []
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.1)
        assert Size(100, 30) in layouts
        assert app.screen.size == Size(100, 30)
