"""The screens' base classes: `self.app` is the planner's own app, typed as such, so a screen
reaches the repository, the plan and the one save helper without a cast."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from textual import events, getters
from textual.await_complete import AwaitComplete
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen, ScreenResultType

from legrun.tui.application import LegrunApp


def _hide_toasts_for_now(screen: Screen[Any]) -> None:
    """Textual shows a screen's notifications once its first frame is out, and the first
    time it does, it sets the (hidden) toast rack's display again, which lays the screen out
    and draws it whole a second time. Set now, in the mount, that costs nothing."""
    with contextlib.suppress(NoMatches):
        screen.query_one("#textual-toastrack").display = False


def _styling(screen: Screen[Any]) -> tuple[object, ...]:
    """What the styles of a screen off the stack can change with: the theme (the palette
    changes it from any screen) and the app's classes."""
    app = screen.app
    return (app.theme, app.ansi_color, tuple(sorted(app.classes)))


class _PlannerScreen(Screen[ScreenResultType]):
    """What the planner's screens and dialogs share: the app typed as the planner's, the
    toast rack set in the mount, and no needless restyle when shown.

    Textual restyles every widget of a screen each time it shows it, in case something
    that styles them changed meanwhile: a table then drops every row it had drawn and draws
    them all again (half of the 50 ms history took to show again), and a form just mounted,
    styled a moment before, is styled twice (a third of the welcome's first frame). That is
    skipped when nothing that styles it changed since it was mounted or last hidden. The
    handlers run before Textual's (this class comes before Screen in the MRO)."""

    app = getters.app(LegrunApp)
    _styled_for: tuple[object, ...] | None = None  # `_styling()` when mounted or last hidden

    def on_mount(self) -> None:
        _hide_toasts_for_now(self)
        self._styled_for = _styling(self)

    def on_screen_suspend(self) -> None:
        self._styled_for = _styling(self)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if event.refresh_styles and self._styled_for == _styling(self):
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        """A resize to the size the screen is laid out at already changes nothing. At
        start-up the screen is laid out when it is first shown and then told the size twice
        (by the app, and by its own first layout), and Textual laid it out and drew it
        again for each; the app also hands on a terminal's report of the size it has (tmux
        and SSH clients resend it), which ends here too."""
        if self.size == event.size and self._compositor.size == event.size:
            event.prevent_default()


class LegrunScreen(_PlannerScreen[ScreenResultType]):
    """A full screen of the planner."""

    _stale: Callable[[], None] | None = None

    def follow_plan(
        self, refresh: Callable[[object], None], behind: Callable[[], None] | None = None
    ) -> None:
        """Call `refresh` when the plan changes (a save, another session's write, midnight):
        at once while this screen is shown, else once when it is shown again, so that a
        screen underneath (the week below a day) is not re-planned on every key above it.
        `behind` is told of each change made while the screen is hidden (to read it ahead,
        off the UI thread: then clear `_stale` once it is shown)."""

        def changed(_: object) -> None:
            if self.app.screen is self:  # (not is_current: a screen showing behind is current)
                refresh(None)
            else:
                self._stale = lambda: refresh(None)
                if behind is not None:
                    behind()

        self.app.plan_changed.subscribe(self, changed, immediate=True)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # (Textual calls each class's handler in turn: the restyle skip runs after this.)
        stale, self._stale = self._stale, None
        if stale is not None:
            stale()


class LegrunModal(ModalScreen[ScreenResultType], _PlannerScreen[ScreenResultType]):
    """A dialog of the planner, over the screen that opened it."""

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        """Close this dialog, and only it: a second way out in the same read (two keys that
        each close it) must not close the screen under it, which Textual's pop would."""
        app = self.app
        if app.screen is not self:
            done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return done
        if not app.is_screen_installed(self):
            # Taken down once the screen under it is drawn again, not before: removing a
            # form's widgets took 2-4 ms of every save ahead of the frame that shows it saved.
            name = f"-closing-{id(self)}"
            app.install_screen(self, name)
            app.call_after_refresh(self._take_down, name)
        return super().dismiss(result)

    async def _take_down(self, name: str) -> None:
        self.app.uninstall_screen(name)
        await self.remove()
