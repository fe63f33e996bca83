"""A pane's text changing repaints the rows that changed, not the pane (over SSH every cell
sent costs bytes); the tmux test of the week checks that the terminal then shows what a
full redraw would."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from legrun.tui.widgets.hanging_text import HangingText, Line


class Pane(App[None]):
    CSS = "HangingText { height: 5; padding: 0 1; border-top: solid red; }"

    def compose(self) -> ComposeResult:
        yield HangingText(id="pane", wrap=False)


async def test_a_changed_line_repaints_its_row_only() -> None:
    app = Pane()
    async with app.run_test(size=(40, 10)) as pilot:
        pane = app.query_one(HangingText)
        pane.show(["first", Line("second", style="bold"), "third"])
        await pilot.pause()
        pane._exchange_repaint_regions()  # what the first show asked for is drawn
        assert pane.show(["first", Line("second", style="bold"), "3rd", "fourth"])
        # Rows 2 and 3 of the text, under the border (1 row) and inside the padding (1 cell).
        assert set(pane._exchange_repaint_regions()) == {
            Region(1, 3, 38, 1),
            Region(1, 4, 38, 1),
        }
        assert not pane.show(["first", Line("second", style="bold"), "3rd", "fourth"])
        assert not pane._exchange_repaint_regions()
        assert pane.content == "first\nsecond\n3rd\nfourth"


async def test_a_pane_whose_height_follows_its_text_is_laid_out_again() -> None:
    app = Pane()
    async with app.run_test(size=(40, 10)) as pilot:
        pane = app.query_one(HangingText)
        pane.show(["one"])
        await pilot.pause()
        pane.show(["one", "two"], layout=True)
        assert pane._layout_required
