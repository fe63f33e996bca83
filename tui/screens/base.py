"""The screens' base classes: `self.app` is the planner's own app, typed as such, so a screen
reaches the repository, the plan and the one save helper without a cast."""

from __future__ import annotations

from collections.abc import Callable

from textual import getters
from textual.screen import ModalScreen, Screen, ScreenResultType

from legrun.tui.application import LegrunApp


class LegrunScreen(Screen[ScreenResultType]):
    """A full screen of the planner."""

    app = getters.app(LegrunApp)
    _stale: Callable[[], None] | None = None

    def follow_plan(self, refresh: Callable[[object], None]) -> None:
        """Call `refresh` when the plan changes (a save, another session's write, midnight):
        at once while this screen is shown, else once when it is shown again, so that a
        screen underneath (the week below a day) is not re-planned on every key above it."""

        def changed(_: object) -> None:
            if self.app.screen is self:  # (not is_current: a screen showing behind is current)
                refresh(None)
            else:
                self._stale = lambda: refresh(None)

        self.app.plan_changed.subscribe(self, changed, immediate=True)

    def on_screen_resume(self) -> None:
        stale, self._stale = self._stale, None
        if stale is not None:
            stale()


class LegrunModal(ModalScreen[ScreenResultType]):
    """A dialog of the planner, over the screen that opened it."""

    app = getters.app(LegrunApp)
