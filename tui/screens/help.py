"""Help (key ?): generated from the bindings that are live where you pressed it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from legrun.planner.plan import KIND_LABELS, KIND_LETTERS
from legrun.tui.screens.base import LegrunModal
from legrun.tui.widgets.day_column import STATUS_MARKS

_PRETTY_KEYS = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "escape": "esc",
}


def pretty_key(key: str) -> str:
    return ", ".join(_PRETTY_KEYS.get(k.strip(), k.strip()) for k in key.split(","))


class HelpScreen(LegrunModal[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss(None)", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form help"):
            yield Static("Keys here", classes="form-title")
            yield Static(id="help-keys", markup=False)
            yield Static("Legend", classes="section-title")
            yield Static(
                "  ".join(f"{KIND_LETTERS[k]} {label}" for k, label in KIND_LABELS.items())
                + "\n"
                + "  ".join(f"{mark} {status}" for status, mark in STATUS_MARKS.items())
                + "\nEvery planned item says why it is there: open a day with enter."
            )

    def on_mount(self) -> None:
        # The screen underneath is the one whose keys matter.
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        rows: dict[str, str] = {}
        for key, active in below.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.system or "copy" in binding.action:
                continue
            shown = binding.key_display or pretty_key(key)
            action = binding.description
            if action in rows.values():
                # left and h, say, share a description: show them on one row.
                previous = next(k for k, v in rows.items() if v == action)
                rows[f"{previous}, {shown}"] = rows.pop(previous)
                continue
            rows[shown] = action
        width = max((len(k) for k in rows), default=4)
        self.query_one("#help-keys", Static).update(
            "\n".join(f"{k:>{width}}  {v}" for k, v in rows.items())
        )
