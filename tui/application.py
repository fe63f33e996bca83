"""The Textual app: built by `make_app`, which the tests reuse, and run by `run_app`.

Data flow: a key press runs a screen action; the action hands a `Change` to `LegrunApp.change`,
which applies it through the repository (one transaction), keeps its inverse for undo, and
publishes `plan_changed`; every screen that shows the plan re-reads it and updates its widgets
in place. Nothing here touches the database or the clock at import time.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import termios
import threading
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any, TypeVar

from msgspec import Struct
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal

from legrun.planner.goal import MAX_WEEKS_AHEAD
from legrun.planner.models import Profile
from legrun.planner.plan import WeekPlan
from legrun.planner.week_state import week_start_for
from legrun.storage import Repository, StorageError
from legrun.storage.changes import Change, SaveProfile
from legrun.storage.plans import load_week_plans
from legrun.tui.collector import IdleCollector

Kept = TypeVar("Kept", bound=Screen[None])

# Seconds after the start before the garbage collector runs its one start-up pass.
_COLLECT_AFTER_START = 1.0
_COLLECTOR_TICK = 0.5  # s between looks at whether the keyboard is still
_SWITCH_INTERVAL = 0.0005  # s the event loop holds the interpreter lock when a thread waits
_INPUT = (events.Key, events.Paste, events.MouseEvent, events.Resize)
# Weeks planned beyond the one asked for, so that paging ahead is a look-up.
_PLAN_AHEAD = 3
# Textual's palette commands that apply to this app.
_TEXTUAL_COMMANDS = {"Theme"}  # its Quit is ours, by our binding (q)
# Bindings every Textual app has, which the palette need not list (tab moves between fields).
_GENERIC_ACTIONS = {"command_palette", "focus_next", "focus_previous", "copy_text"}


class Step(Struct, frozen=True):
    """One saved action on the undo (or redo) stack: what it was, in words, and the change
    that takes it back (or makes it again)."""

    what: str
    change: Change


class LegrunApp(App[int]):
    """The planner: week (1), history (2), trends (3), profile (4), season (5)."""

    CSS_PATH = "legrun.tcss"
    TITLE = "legrun"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding(
            "q", "quit", "Quit", id="quit", tooltip="Leave legrun: everything was saved as you went"
        ),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("1", "show_week", "Week", show=False, id="week"),
        Binding("2", "show_history", "History", show=False, id="history"),
        Binding("3", "show_trends", "Trends", show=False, id="trends"),
        Binding("4", "show_profile", "Profile", show=False, id="profile"),
        Binding(
            "5",
            "show_season",
            "Season",
            show=False,
            id="season",
            tooltip="The weeks ahead: to the goal race, else the next 12",
        ),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("U", "redo", "Redo", show=False, id="redo"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="palette"),
        Binding(
            "ctrl+l",
            "refresh",
            "Refresh",
            show=False,
            id="refresh",
            tooltip="Read the database again (another window's changes) and redraw",
        ),
    ]

    def __init__(
        self,
        repository: Repository,
        today: date,
        demo: bool = False,
        welcome: bool = False,
        clock: Callable[[], date] | None = None,
    ) -> None:
        super().__init__()
        # Where "today" comes from after the start (None: it stays as given, as tests want).
        self.clock = clock
        self.welcome = welcome  # offer the welcome form to a new database (run_app does)
        self.repository = repository
        self.today = today
        self.demo = demo
        self.undo_stack: list[Step] = []
        self.redo_stack: list[Step] = []
        # Published after every save (and when another session's writes are noticed): the
        # screens showing the plan subscribe to it and update in place.
        self.plan_changed: Signal[None] = Signal(self, "plan-changed")
        self._plans: dict[date, WeekPlan] = {}  # week start -> plan, until the next save
        self._plans_version = -1
        self._seen_version: int | None = None  # the data_version the screens last showed
        self.sub_title = "demo data" if demo else ""
        # Set by `run_app`: the command line turned the garbage collector off for the
        # start-up; a second after it the collector's passes are left to the moments the
        # keyboard is still (`collector.py`): a full pass over Textual, the screens and the
        # plans was a 30-80 ms pause in the middle of typing or of a save. Not in tests:
        # many apps in one process would each leave their objects frozen.
        self.freeze_after_start = False
        self._collector: IdleCollector | None = None
        # What must still happen if the process ends without unwinding (the terminal gone,
        # or the watchdog): `run_app` adds the demo's throwaway folder here.
        self.at_hard_exit: list[Callable[[], None]] = []
        self._terminal_fd: int | None = None  # the terminal the app started on, if any
        self._leaving = False
        self._watchdog: threading.Timer | None = None

    # -- start and stop -----------------------------------------------------------------------

    def on_mount(self) -> None:
        saved = self.repository.setting("theme")
        if saved and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._install_signal_handlers()
        from legrun.tui.flows import offer_draft

        if not offer_draft(self):
            self._welcome()
        self._seen_version = self.repository.data_version()
        self.set_interval(1.0, self.watch_outside, name="outside-watch")
        if self.freeze_after_start:
            # Once the start-up frames are out and the app waits for its first key.
            self.set_timer(_COLLECT_AFTER_START, self._freeze_what_start_up_made)

    def get_default_screen(self) -> Screen[None]:
        """The week is the bottom of the screen stack, not a screen pushed over Textual's
        empty default one: that one, laid out and drawn again once the week had mounted,
        cost a second and a third full frame at start-up."""
        from legrun.tui.screens.week import WeekScreen

        return WeekScreen()

    @property
    def _background_screens(self) -> list[Screen[Any]]:
        """The screens that show through the top one: none when it is opaque. Textual counts
        the screens under the top one down to the first opaque one, whatever the top one is,
        so under the (opaque) welcome the week's first layout repainted the welcome whole: a
        second full frame at a new user's start-up."""
        if self.screen.styles.background.a == 1:
            return []
        found: list[Screen[Any]] = super()._background_screens
        return found

    def _freeze_what_start_up_made(self) -> None:
        """The collector was off for the start-up: one pass now frees what start-up left in
        cycles, what remains is frozen out of every later pass, and from now on the long
        passes wait for the keyboard to be still."""
        self._collector = IdleCollector()
        self._collector.start()
        self.set_interval(_COLLECTOR_TICK, self._collector.tick, name="idle-collector")

    async def on_event(self, event: events.Event) -> None:
        if self._collector is not None and isinstance(event, _INPUT):
            self._collector.input()
        await super().on_event(event)

    def watch_outside(self) -> None:
        """Each second: has another session (a second terminal, a script) written to the
        database, or has midnight passed? Then every screen re-plans and redraws, so an app
        left open over SSH never shows yesterday's plan or misses another window's log.
        And has the terminal gone without a SIGHUP reaching the app (the session leader above
        it took the hang-up and did not pass it on)? Then it leaves, rather than run on with
        its database open and Textual's input thread spinning on end-of-file."""
        if self._terminal_gone():
            self._exit_on_signal(signal.SIGHUP)
            return
        changed = False
        if self.clock is not None:
            now = self.clock()
            if now != self.today:
                self.today = now
                changed = True
        try:
            version = self.repository.data_version()
        except StorageError:
            return  # the database is unreadable for now: the next save says so
        if version != self._seen_version:
            self._seen_version = version
            changed = True
        if changed:
            self.data_changed()

    def _welcome(self) -> None:
        """A new database opens with a short form of what the plan is built on."""
        from legrun.tui.screens.welcome import SETTING, WelcomeScreen, wants_welcome

        repo = self.repository
        if not self.welcome or self.demo:
            return
        profile = repo.profile()
        # Someone with a profile of their own is past it: no count of the history then.
        if not profile.is_default or not wants_welcome(
            profile, repo.session_count(), repo.setting(SETTING)
        ):
            return

        def answered(result: Profile | None) -> None:
            with contextlib.suppress(StorageError):
                repo.set_setting(SETTING, "saved" if result else "skipped")
            if result is None:
                self.notify("The defaults stay until you set your own: 4 opens the profile.")
            else:
                self.change(
                    SaveProfile(result),
                    "setting up your profile",
                    "Profile saved: the week is planned on your numbers (u undoes).",
                )

        self.push_screen(WelcomeScreen(self.today, profile), answered)

    def _remember_theme(self, theme: object) -> None:
        with contextlib.suppress(StorageError):
            self.repository.set_setting("theme", self.theme)

    def _install_signal_handlers(self) -> None:
        # Textual does not handle SIGHUP, which a dropped SSH connection sends. Every edit is
        # already committed, so leaving at once (terminal restored, forms dropped) is enough.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._exit_on_signal, sig)
        stream = sys.__stdin__
        if not self.is_headless and stream is not None and stream.isatty():
            self._terminal_fd = stream.fileno()  # looked at each second (`watch_outside`)

    def _exit_on_signal(self, sig: int) -> None:
        """Leave on SIGHUP or SIGTERM. A form's last keys (kept 0.3 s after typing stops) are
        kept now and the database is closed, so nothing is lost or left open whatever follows.
        If the terminal has gone there is nothing to give back: Textual's shutdown would only
        write to a dead terminal (once, on a busy machine, for more than 3 s), so the process
        ends here. Otherwise it leaves cleanly, the terminal restored, and a watchdog ends it
        if that has not happened within 3 s (Textual can block on its output then, #6692)."""
        if self._leaving:
            return
        self._leaving = True
        from legrun.tui.screens.form import FormScreen

        for screen in self.screen_stack:
            if isinstance(screen, FormScreen):
                screen.keep_pending_draft()
        self.repository.close()
        code = 128 + sig
        if self._terminal_gone():
            self._hard_exit(code)
        if not self.is_headless:  # (no terminal to restore, in tests)
            self._watchdog = threading.Timer(3.0, self._hard_exit, [code])
            self._watchdog.daemon = True
            self._watchdog.start()
        self.exit(return_code=code)

    def stop_watchdog(self) -> None:
        """The run is over and the terminal given back: a signal's watchdog can go."""
        if self._watchdog is not None:
            self._watchdog.cancel()

    def _hard_exit(self, code: int) -> None:
        for step in self.at_hard_exit:
            with contextlib.suppress(Exception):  # the process ends whatever a step does
                step()
        os._exit(code)

    def _terminal_gone(self) -> bool:
        """Whether the terminal the app started on has been hung up: every call on it then
        fails (EIO), even `isatty`, which is why the descriptor is kept from the start."""
        if self._terminal_fd is None:
            return False
        try:
            termios.tcgetattr(self._terminal_fd)
        except (termios.error, OSError):
            return True
        return False

    # -- the plan -----------------------------------------------------------------------------

    def plan_for(self, day: date) -> WeekPlan:
        """The plan of the week containing `day`. A week ahead is planned from the ones before
        it, so asking for one plans those too: they are kept (with a few weeks beyond) until
        something is saved, and paging through the weeks costs a look-up."""
        version = self.repository.data_version()
        if version != self._plans_version:
            # Another session (a second terminal, a script) wrote to the database.
            self._plans.clear()
            self._plans_version = version
        week_start = self.repository.profile().week_start
        week = week_start_for(day, week_start)
        plan = self._plans.get(week)
        if plan is None:
            current = week_start_for(self.today, week_start)
            if week > current:
                horizon = current + timedelta(weeks=MAX_WEEKS_AHEAD)
                first, last = current, min(week + timedelta(weeks=_PLAN_AHEAD), horizon)
            else:
                first = last = week
            for found in load_week_plans(self.repository, first, last, self.today):
                self._plans[found.week_start] = found
            plan = self._plans[week]
        return plan

    def within_plan(self, day: date) -> bool:
        """Whether `day` falls in a week the plan reaches (two years ahead at most); says so
        when it does not."""
        starts = self.repository.profile().week_start
        horizon = week_start_for(self.today, starts) + timedelta(weeks=MAX_WEEKS_AHEAD)
        if week_start_for(day, starts) <= horizon:
            return True
        self.notify(f"The plan reaches {MAX_WEEKS_AHEAD} weeks ahead.", timeout=3)
        return False

    def forget_plans(self) -> None:
        """What the plans are made of changed: plan again when next asked."""
        self._plans.clear()

    def data_changed(self) -> None:
        """Something was saved: every screen that shows the plan refreshes in place."""
        self.forget_plans()
        # Our own write changes no data_version of ours (SQLite counts other connections'):
        # note where we are, so the watch does not refresh for it a second time.
        with contextlib.suppress(StorageError):
            self._seen_version = self.repository.data_version()
        self.plan_changed.publish(None)

    def action_refresh(self) -> None:
        """Read everything again (another window or a script may have written) and redraw
        the whole terminal (ctrl+l, as in a shell, after a garbled SSH session)."""
        self._plans_version = -1
        self.data_changed()
        self.refresh(layout=True, repaint=True)
        self.notify("Refreshed from the database.", timeout=2)

    # -- saving, undo and redo: the one way a screen writes ------------------------------------

    def change(
        self, change: Change, what: str, done: str | None = None, *, clearing: str | None = None
    ) -> bool:
        """Make `change` (one transaction), re-plan, and keep its inverse for `u`. `what` names
        it for the undo message ("logging 5 km run on Tue 01 Dec"); `done` is said when it is
        made. A refusal (a full disk, a locked file, a session deleted elsewhere) is said in
        one line and changes nothing; the screen keeps what was typed. True when saved.
        `clearing` names a setting emptied in the same transaction, not undone with it (a
        form's draft: it goes exactly when what it held is saved)."""
        try:
            if clearing is None:
                inverse = self.repository.apply(change)
            else:
                with self.repository.transaction():
                    inverse = self.repository.apply(change)
                    self.repository.set_setting(clearing, "")
        except StorageError as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=8)
            return False
        self.undo_stack.append(Step(what, inverse))
        self.redo_stack.clear()
        self.data_changed()
        if done:
            self.notify(done, timeout=3)
        return True

    def action_undo(self) -> None:
        self._take(self.undo_stack, self.redo_stack, "undo", "Undone")

    def action_redo(self) -> None:
        self._take(self.redo_stack, self.undo_stack, "redo", "Redone")

    def _take(self, source: list[Step], target: list[Step], verb: str, said: str) -> None:
        if not source:
            self.notify(f"Nothing to {verb}.", timeout=3)
            return
        step = source[-1]
        try:
            inverse = self.repository.apply(step.change)
        except StorageError as exc:
            self.notify(f"Could not {verb} the {step.what}: {exc}", severity="error", timeout=8)
            return
        source.pop()
        target.append(Step(step.what, inverse))
        self.data_changed()
        self.notify(f"{said}: {step.what}", timeout=3)

    # -- navigation ---------------------------------------------------------------------------

    def action_show_week(self) -> None:
        self._return_to_week()

    def action_show_history(self) -> None:
        from legrun.tui.screens.history import HistoryScreen

        self._show(HistoryScreen)

    def action_show_trends(self) -> None:
        from legrun.tui.screens.trends import TrendsScreen

        self._show(TrendsScreen)

    def action_show_profile(self) -> None:
        from legrun.tui.screens.profile import ProfileScreen

        self._show(ProfileScreen, keep=False)

    def action_show_season(self) -> None:
        from legrun.tui.screens.season import SeasonScreen

        self._show(SeasonScreen)

    def _show(self, kind: type[Screen[None]], keep: bool = True) -> None:
        """Go to one of the numbered screens, on top of the week (its home). A screen that
        shows what is stored is `keep`: built once, then shown as it was left (its tab, its
        filter, its row), with what changed meanwhile re-read. The profile is a form, and
        opens afresh with what is saved."""
        if isinstance(self.screen, kind):
            return
        self._return_to_week()
        self.push_screen(self.kept_screen(kind) if keep else kind())

    def kept_screen(self, kind: type[Kept]) -> Kept:
        """The one screen of `kind`, made the first time it is asked for and installed, so
        that leaving it keeps it: showing it again is a switch, not a build. Building a
        screen anew (composing, styling, mounting, and the frame Textual draws again once
        the mount settles) cost most of the 40 to 80 ms a screen took to open."""
        name = kind.__name__
        if self.is_screen_installed(name):
            found = self.get_screen(name)
            assert isinstance(found, kind)
            return found
        screen = kind()
        self.install_screen(screen, name)
        return screen

    def open_day(self, day: date, cursor: int = 0) -> None:
        """The day screen on `day`, with its `cursor`-th session selected."""
        from legrun.tui.screens.day import DayScreen

        screen = self.kept_screen(DayScreen)
        screen.show_day(day, cursor)
        self.push_screen(screen)

    def _return_to_week(self) -> None:
        from legrun.tui.screens.week import WeekScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, WeekScreen):
            self.pop_screen()

    def action_help(self) -> None:
        from legrun.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Textual's palette, guarded against its races (see `widgets.palette`)."""
        from legrun.tui.widgets.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, Palette):
            self.push_screen(Palette(id="--command-palette"))

    # -- command palette: every action, by name -----------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from legrun.tui.screens.transfer import TransferScreen

        # Of Textual's own commands, the one that means something here (its key panel, the
        # maximise toggles and the SVG screenshot do not: `?` is the help).
        for command in super().get_system_commands(screen):
            if command.title in _TEXTUAL_COMMANDS:
                yield command
        seen: set[str] = set()
        from legrun.tui.interop.actions import ACTIONS

        for action in ACTIONS:
            yield SystemCommand(
                action.title,
                action.help,
                lambda action=action: self.push_screen(TransferScreen(action)),
            )
        # Ours (they have ids) before Textual's for the same action (its ctrl+q Quit).
        for active in sorted(screen.active_bindings.values(), key=lambda a: a.binding.id is None):
            binding = active.binding
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            if binding.action.split(".")[-1] in _GENERIC_ACTIONS:
                continue
            seen.add(binding.action)
            key = binding.key_display or binding.key
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip} (key: {key})" if binding.tooltip else f"key: {key}",
                lambda action=binding.action, node=active.node: self.run_action(action, node),
            )


def make_app(
    repository: Repository,
    today: date,
    demo: bool = False,
    welcome: bool = False,
    clock: Callable[[], date] | None = None,
) -> LegrunApp:
    """Build the app on a repository, with `today` pinned (tests freeze it). `welcome` offers
    a new database the welcome form (the real app does; most tests start past it); `clock`
    makes today follow it past midnight (the real app's is the system date)."""
    return LegrunApp(repository, today=today, demo=demo, welcome=welcome, clock=clock)


def run_app(
    repo: Repository,
    today: date,
    demo: bool = False,
    clock: Callable[[], date] | None = None,
    at_hard_exit: Iterable[Callable[[], None]] = (),
) -> int:
    """Run the app on `repo` (its caller opens and closes it); today follows `clock` (none
    when the date is pinned, as `$LEGRUN_TODAY` does). `at_hard_exit` is what the caller
    would do after it returns that must happen even if the process ends at once."""
    from legrun.tui.escdelay import lengthen_escape_delay
    from legrun.tui.foreign_bytes import replace_foreign_bytes

    lengthen_escape_delay()  # over SSH a key's escape sequence may arrive split
    replace_foreign_bytes()  # or a byte that is not UTF-8 (Textual #6456)
    app = make_app(repo, today=today, demo=demo, welcome=True, clock=clock)
    app.freeze_after_start = True
    app.at_hard_exit.extend(at_hard_exit)
    # Textual hands each frame to a thread that writes it to the terminal (and reads keys in
    # another). That thread needs the interpreter lock, which the event loop, busy with what
    # follows the frame (a notification, a closed form taken down), gave up only every 5 ms
    # (Python's switch interval): a save reached the terminal 26-27 ms after its key, 18-21
    # ms with 0.5 ms (benchmarks' pseudo-terminal, ten-year database).
    interval = sys.getswitchinterval()
    sys.setswitchinterval(_SWITCH_INTERVAL)
    try:
        app.run()
    finally:
        sys.setswitchinterval(interval)
    app.stop_watchdog()
    return app.return_code or 0
