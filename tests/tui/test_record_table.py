"""The history's table (RecordTable): rows drawn a line at a time under a header that stays,
one row under the cursor, the keys of a list, and cells shown as the plain text they are."""

from __future__ import annotations

from textual.app import App, ComposeResult

from legrun.tui.widgets.record_table import RecordTable

COLUMNS = [("Date", 10), ("Kind", 6), ("Details", None)]


class Table(App[None]):
    def __init__(self, rows: list[tuple[object, ...]]) -> None:
        super().__init__()
        self.rows = rows
        self.highlighted: list[int] = []
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield RecordTable()

    def on_mount(self) -> None:
        table = self.query_one(RecordTable)
        table.set_columns(COLUMNS)
        table.add_rows(self.rows)
        table.focus()

    def on_record_table_row_highlighted(self, event: RecordTable.RowHighlighted) -> None:
        self.highlighted.append(event.cursor_row)

    def on_record_table_row_selected(self, event: RecordTable.RowSelected) -> None:
        self.selected.append(event.cursor_row)


def _rows(n: int) -> list[tuple[object, ...]]:
    return [(f"2026-11-{i % 28 + 1:02d}", f"k{i}", f"row {i}") for i in range(n)]


def _screen_lines(app: App[None]) -> list[str]:
    return ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]


async def test_the_header_stays_and_the_cursor_pages_through_the_rows() -> None:
    app = Table(_rows(100))
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RecordTable)
        await pilot.pause()
        lines = _screen_lines(app)
        assert lines[0].startswith(" Date        Kind    Details")
        assert lines[1].startswith(" 2026-11-01  k0      row 0")
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        page = 12 - 1  # the lines in view, less the header
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row == 2 + page
        lines = _screen_lines(app)
        assert lines[0].startswith(" Date")  # still at the top
        shown = [line.split()[-1] for line in lines[1 : 1 + page] if line.strip()]
        assert f"{2 + page}" in shown  # the cursor's row is in view
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 99
        assert any(" row 99" in line for line in _screen_lines(app))
        await pilot.press("pageup", "home", "up")
        assert table.cursor_row == 0
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == [1]
        assert app.highlighted[-1] == 1


async def test_cells_are_their_plain_text_on_one_line_cut_to_the_column() -> None:
    """Markup stays as typed, line breaks and control characters become spaces, and a wide
    character counts two cells, so the columns after it stay in line."""
    rows = [
        ("[bold]x[/]", "é" * 9, "line\none\x1b[2J\tend"),
        ("2026-11-02", "日本語日本", "wide"),
    ]
    app = Table(rows)
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        first, second = _screen_lines(app)[1:3]
        assert first.startswith(" [bold]x[/]  éééééé  line one [2J end"), repr(first)
        assert "\x1b" not in first
        assert second.startswith(" 2026-11-02  日本語  wide")


async def test_a_wider_cell_later_widens_its_automatic_column_for_every_row() -> None:
    app = Table([("a", "b", "short")])
    async with app.run_test(size=(60, 8)) as pilot:
        table = app.query_one(RecordTable)
        table.add_rows([("c", "d", "a much longer detail")])
        await pilot.pause()
        lines = _screen_lines(app)
        # The header and both rows are laid out for the widest detail.
        width = len(" Date        Kind    a much longer detail ")
        assert lines[0][:width] == " Date        Kind    Details" + " " * (width - 28)
        assert lines[1][:width].rstrip() == " a           b       short"
        assert table.get_row_at(1) == ("c", "d", "a much longer detail")


async def test_a_click_puts_the_cursor_on_a_row_and_a_second_chooses_it() -> None:
    app = Table(_rows(5))
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RecordTable)
        await pilot.click(RecordTable, offset=(3, 3))  # the third row (under the header)
        assert table.cursor_row == 2
        assert app.selected == []
        await pilot.click(RecordTable, offset=(3, 3))
        assert app.selected == [2]
        await pilot.click(RecordTable, offset=(3, 0))  # the header: nothing
        assert table.cursor_row == 2


async def test_an_empty_table_has_no_cursor_to_choose() -> None:
    app = Table([])
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(RecordTable)
        await pilot.press("down", "pagedown", "end", "enter")
        assert table.row_count == 0 and table.cursor_row == 0
        assert app.selected == []
        assert _screen_lines(app)[0].startswith(" Date")
