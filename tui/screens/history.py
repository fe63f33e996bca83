"""History (key 2): every session and morning check-in newest first, filtered and searched,
loaded a page at a time."""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, Static

from legrun.planner.kinds import KINDS
from legrun.planner.models import AnySession, CheckIn, Run, ValidationError, parse_date
from legrun.planner.plan import KIND_LETTERS, item_from_session, plan_kind_of
from legrun.planner.units import distance_figure
from legrun.storage import StorageError
from legrun.storage.changes import DeleteCheckIn
from legrun.storage.history import CHECKIN, HistoryFilter, history_key
from legrun.tui.flows import delete_logged, open_form, start_checkin
from legrun.tui.screens.base import LegrunScreen
from legrun.tui.text import checkin_details, item_summary, pace_text, session_details
from legrun.tui.widgets.hanging_text import HangingText, Line
from legrun.tui.widgets.key_bar import KeyBar
from legrun.tui.widgets.record_table import RecordTable

PAGE = 100
KIND_CYCLE = (None, "leg", "run", "cross", CHECKIN)
KIND_NAMES = {
    None: "all",
    "leg": "leg days",
    "run": "runs",
    "cross": "cross-training",
    CHECKIN: "check-ins",
}
CHECKIN_LABEL = "C Check-in"  # a letter beside the word, as every kind has

Record = AnySession | CheckIn


def _cells(session: Record, units: str = "km") -> tuple[object, ...]:
    if isinstance(session, CheckIn):
        return (
            session.date.isoformat(),
            CHECKIN_LABEL,
            "",
            "",
            "",
            "",
            "",
            checkin_details(session),
        )
    item = item_from_session(session)
    run = session if isinstance(session, Run) else None
    return (
        session.date.isoformat(),
        f"{KIND_LETTERS[item.kind]} {item.label}",
        session.minutes,
        distance_figure(run.km, units) if run else "",
        pace_text(run.pace_min_per_km, units) if run else "",
        session.rpe if session.rpe is not None else "",
        session.load,
        session_details(session),  # plain text (the table shows no markup)
    )


class HistoryScreen(LegrunScreen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="history.back"),
        Binding("slash", "search", "Search", key_display="/", id="history.search"),
        Binding("f", "cycle_kind", "Kind", id="history.kind"),
        Binding("r", "date_range", "Dates", id="history.range"),
        Binding("enter", "edit", "Edit", id="history.edit"),
        Binding("x", "delete", "Delete", id="history.delete"),
        # Priority: the table's own home/end scroll it sideways, taking the date out of view.
        Binding("home", "first", "Newest", show=False, priority=True, id="history.first"),
        Binding("end", "last", "Oldest loaded", show=False, priority=True, id="history.last"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = HistoryFilter()
        self.loaded: list[Record] = []
        self.exhausted = False
        self.total = 0
        self.units = "km"

    def compose(self) -> ComposeResult:
        yield Static(id="history-title", markup=False)
        yield RecordTable(id="history-table")
        yield HangingText(id="history-detail", more="… enter edits it: all of it")
        yield Input(
            placeholder="search notes and exercises; enter applies, esc clears",
            id="history-search",
            compact=True,
        )
        yield Input(
            placeholder="from..to, e.g. 2026-01-01..2026-03-31 (empty: all)",
            id="history-range",
            compact=True,
        )
        yield KeyBar(palette=True)

    def on_mount(self) -> None:
        for name in ("#history-search", "#history-range"):
            self.query_one(name, Input).display = False
        self.follow_plan(self.reload)
        self.reload()
        self.query_one(RecordTable).focus()

    # -- loading a page at a time -------------------------------------------------------------

    def reload(self, _: object = None) -> None:
        table = self.query_one(RecordTable)
        keep = table.cursor_row
        units = self.app.repository.profile().units
        if units != self.units or not table.labels:
            # The screen is kept between visits (`LegrunApp.kept_screen`): the profile's
            # units may have changed since the columns were named.
            self.units = units
            table.set_columns(
                [
                    ("Date", 10),
                    ("Kind", 15),
                    ("Min", 4),
                    (units.capitalize(), 5),
                    ("Pace", 5),
                    ("RPE", 3),
                    ("Load", 5),
                    ("Details", None),
                ]
            )
        table.clear()
        self.loaded = []
        self.exhausted = False
        self.total = self.app.repository.history_count(self.filter)
        self.load_more()
        while keep >= len(self.loaded) and not self.exhausted:
            self.load_more()
        if self.loaded:
            table.move_cursor(row=min(keep, len(self.loaded) - 1))
        self._show_title()
        self._show_detail()

    def load_more(self) -> None:
        """The next page, read here (the first pages of a reload: the screen shows them at
        once)."""
        if self.exhausted:
            return
        self._add_page(self.app.repository.history_page(self.filter, self._after(), PAGE))

    def _after(self) -> tuple[date, int] | None:
        return history_key(self.loaded[-1]) if self.loaded else None

    def _add_page(self, page: list[Record]) -> None:
        self.exhausted = len(page) < PAGE
        self.query_one(RecordTable).add_rows([_cells(s, self.units) for s in page])
        self.loaded.extend(page)

    class PageRead(Message):
        """A page read by a worker, for the filter and position it was asked for."""

        def __init__(
            self, where: HistoryFilter, after: tuple[date, int] | None, page: list[Record]
        ) -> None:
            super().__init__()
            self.where = where
            self.after = after
            self.page = page

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def _read_page(self, where: HistoryFilter, after: tuple[date, int] | None) -> None:
        """Read the page after `after` off the UI thread, on a connection of its own, so that
        scrolling on never waits for the database."""
        try:
            with self.app.repository.reader() as repo:
                page = repo.history_page(where, after, PAGE)
        except StorageError as exc:
            self.app.call_from_thread(
                self.app.notify, f"History could not be read: {exc}", severity="error"
            )
            return
        self.post_message(self.PageRead(where, after, page))

    def on_history_screen_page_read(self, message: PageRead) -> None:
        # A page for another filter, or one the table has already (a reload came between).
        if message.where == self.filter and message.after == self._after():
            self._add_page(message.page)

    def _show_title(self) -> None:
        f = self.filter
        n = self.total
        if f.kind == CHECKIN:
            what = f"{n:,} check-in{'s' if n != 1 else ''}"
        elif f.checkins:
            what = f"{n:,} {'entry' if n == 1 else 'entries'}"
        else:
            what = f"{n:,} session{'s' if n != 1 else ''}"
        parts = [f"History · {what}", KIND_NAMES[f.kind]]
        if f.start or f.end:
            parts.append(f"{f.start or '…'}..{f.end or '…'}")
        if f.search:
            parts.append(f"search {f.search!r}")
        self.query_one("#history-title", Static).update(" · ".join(parts))

    def _show_detail(self) -> None:
        """The selected session in full under the table: nothing of it is cut there."""
        pane = self.query_one("#history-detail", HangingText)
        session = self._selected()
        if session is None:
            pane.show(["Nothing logged here yet: a on the week screen adds a session."])
            return
        if isinstance(session, CheckIn):
            title = f"{session.date:%a %d %b %Y} · morning check-in · enter edits, x deletes"
            pane.show([Line(title, style="bold"), Line(checkin_details(session), hang=2)])
            return
        item = item_from_session(session)
        words = [
            f"{session.date:%a %d %b %Y}",
            item_summary(item, self.units).removesuffix(" [done]"),  # all of history is done
            f"load {session.load}",
        ]
        lines = [Line(" · ".join(words), style="bold")]
        details = session_details(session)
        if details:
            lines.append(Line(details, hang=2))
        pane.show(lines)

    def on_record_table_row_highlighted(self, event: RecordTable.RowHighlighted) -> None:
        self._show_detail()
        # Fetch the next page before the cursor reaches the end, so scrolling never stalls.
        if event.cursor_row >= len(self.loaded) - 20 and not self.exhausted:
            self._read_page(self.filter, self._after())

    def on_record_table_row_selected(self, event: RecordTable.RowSelected) -> None:
        self.action_edit()

    def _selected(self) -> Record | None:
        table = self.query_one(RecordTable)
        if not self.loaded or table.cursor_row >= len(self.loaded):
            return None
        return self.loaded[table.cursor_row]

    # -- actions ------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Escape: out of a search or date box (a search is cleared, as its prompt says),
        then clears a search still applied, then leaves."""
        search = self.query_one("#history-search", Input)
        for box in (search, self.query_one("#history-range", Input)):
            if box.display:
                box.display = False
                self.query_one(RecordTable).focus()
                if box is search and self.filter.search:
                    self.filter = self.filter.but(search="")
                    self.reload()
                return
        if self.filter.search:
            self.filter = self.filter.but(search="")
            self.reload()
            return
        self.app.pop_screen()

    def action_first(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.action_home()  # in a search or date box: the start of the text
            return
        self.query_one(RecordTable).move_cursor(row=0)

    def action_last(self) -> None:
        """The oldest session loaded so far (the next page is then read); the columns stay
        where they are, so the date and kind never scroll out of view."""
        if isinstance(self.focused, Input):
            self.focused.action_end()
            return
        table = self.query_one(RecordTable)
        if self.loaded:
            table.move_cursor(row=len(self.loaded) - 1)
        table.scroll_to(x=0, animate=False)

    def action_cycle_kind(self) -> None:
        index = KIND_CYCLE.index(self.filter.kind)
        self.filter = self.filter.but(kind=KIND_CYCLE[(index + 1) % len(KIND_CYCLE)])
        self.reload()

    def action_search(self) -> None:
        box = self.query_one("#history-search", Input)
        box.value = self.filter.search
        box.display = True
        box.focus()

    def action_date_range(self) -> None:
        box = self.query_one("#history-range", Input)
        f = self.filter
        box.value = f"{f.start or ''}..{f.end or ''}" if f.start or f.end else ""
        box.display = True
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        f = self.filter
        if event.input.id == "history-search":
            self.filter = f.but(search=event.value.strip())
        else:
            try:
                start, end = self._parse_range(event.value)
            except ValidationError as exc:
                self.notify(str(exc), severity="error")
                return
            self.filter = f.but(start=start, end=end)
        event.input.display = False
        self.query_one(RecordTable).focus()
        self.reload()

    def _parse_range(self, text: str) -> tuple[date | None, date | None]:
        text = text.strip()
        if not text:
            return None, None
        if ".." not in text:
            raise ValidationError("write the range as FROM..TO, e.g. 2026-01-01..2026-03-31")
        left, right = (part.strip() for part in text.split("..", 1))
        today = self.app.today
        start = parse_date(left, today) if left else None
        end = parse_date(right, today) if right else None
        if start and end and start > end:
            raise ValidationError("the range's start is after its end")
        return start, end

    def action_edit(self) -> None:
        session = self._selected()
        if session is None:
            return
        if isinstance(session, CheckIn):
            start_checkin(self.app, session.date)  # the form opens with it filled in
            return
        kind = KINDS[plan_kind_of(session)].logged_as or "cross"
        open_form(self.app, kind, session.date, session=session)

    def action_delete(self) -> None:
        session = self._selected()
        if isinstance(session, CheckIn):
            when = f"{session.date:%a %d %b}"
            self.app.change(
                DeleteCheckIn(session.date),
                f"delete of the check-in of {when}",
                f"Deleted the check-in of {when} (u undoes)",
            )
        elif session is not None and session.id is not None:
            delete_logged(self.app, session.id, f"the {session.date:%d %b} session")
