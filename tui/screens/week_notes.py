"""The week's warnings and suggestions in full (key `!`): every one with its rule id, wrapped
to the width and scrolled by keyboard; escape or `!` closes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from legrun.planner.plan import WeekPlan, Why
from legrun.tui.screens.base import LegrunModal
from legrun.tui.widgets.hanging_text import HangingText, Line
from legrun.tui.widgets.week_summary import (
    SUGGESTION_MARK,
    WARNING_MARK,
    notes_count,
    phase_words,
    volume_detail,
)


def week_span(plan: WeekPlan) -> str:
    start, end = plan.days[0].date, plan.days[-1].date
    return f"{start:%d %b} - {end:%d %b %Y}"


def _entries(mark: str, notes: tuple[Why, ...], width: int, style: str = "") -> list[Line]:
    # The rule ids in one column, the words wrapping in the next.
    return [
        Line(f"{mark} {why.rule:<{width}}  {why.text}", hang=width + 4, style=style)
        for why in notes
    ]


def notes_screen_lines(plan: WeekPlan) -> list[Line]:
    """What the notes screen says about `plan`, one `Line` per paragraph or entry."""
    lines = [Line(phase_words(plan), style="bold")]
    volume = volume_detail(plan)
    if volume is not None:
        lines.append(Line(volume, hang=2))
    lines.append(Line(""))
    if not plan.warnings and not plan.suggestions:
        lines.append(
            Line("No warnings and no suggestions: the week fits your targets and the rules.")
        )
        return lines
    width = max(len(why.rule) for why in plan.warnings + plan.suggestions)
    if plan.warnings:
        lines.append(
            Line(f"Warnings ({len(plan.warnings)}): what the plan had to give up", style="bold")
        )
        lines += _entries(WARNING_MARK, plan.warnings, width, "$warning")
    else:
        lines.append(Line("No warnings."))
    lines.append(Line(""))
    if plan.suggestions:
        lines.append(
            Line(
                f"Suggestions ({len(plan.suggestions)}): changes you could make; "
                "nothing changes until you make them",
                style="bold",
            )
        )
        lines += _entries(SUGGESTION_MARK, plan.suggestions, width)
    else:
        lines.append(Line("No suggestions."))
    return lines


class WeekNotesScreen(LegrunModal[None]):
    BINDINGS = [
        Binding(
            "escape,exclamation_mark",
            "dismiss(None)",
            "Close",
            key_display="esc, !",
            id="notes.close",
        ),
        Binding("down,j", "scroll('down')", "Scroll down", key_display="↓, j", id="notes.down"),
        Binding("up,k", "scroll('up')", "Scroll up", key_display="↑, k", id="notes.up"),
        Binding(
            "pagedown,space",
            "scroll('page_down')",
            "Page down",
            key_display="pgdn, space",
            id="notes.page_down",
        ),
        Binding("pageup", "scroll('page_up')", "Page up", key_display="pgup", id="notes.page_up"),
        Binding("home,g", "scroll('home')", "Top", key_display="home, g", id="notes.top"),
        Binding("end,G", "scroll('end')", "Bottom", key_display="end, G", id="notes.bottom"),
    ]

    def __init__(self, plan: WeekPlan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        body = VerticalScroll(id="notes-body", classes="form notes", can_focus=False)
        count = notes_count(self.plan) or "no warnings or suggestions"
        body.border_title = f"Week {week_span(self.plan)}: {count}"
        body.border_subtitle = "↑↓ j k pgup pgdn scroll · esc or ! closes"
        with body:
            yield HangingText(id="notes-text")

    def on_mount(self) -> None:
        self.query_one("#notes-text", HangingText).show(notes_screen_lines(self.plan), layout=True)

    def action_scroll(self, how: str) -> None:
        body = self.query_one("#notes-body", VerticalScroll)
        {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[how](animate=False)
