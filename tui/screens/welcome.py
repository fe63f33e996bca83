"""The first minutes of a new user: a short form of what the plan is built on (age, runs a
week, weekly target, leg days, long-run day), each field skippable, before the first week is
planned on someone else's numbers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.widgets import Static

from legrun.planner.fields import BOUNDS
from legrun.planner.models import WEEKDAYS, Profile, ValidationError
from legrun.planner.profile_fields import PROFILE_ATTRIBUTE, PROFILE_TEXT
from legrun.planner.recurrence import describe_rule
from legrun.tui.screens.form import FormScreen, bound_validator

# (field, label, placeholder) of what the first plan needs most.
WELCOME_FIELDS = (
    ("age", "Age", f"{BOUNDS['age'].span}: sets your heart-rate zones"),
    ("runs_per_week", "Runs a week", BOUNDS["runs_per_week"].span),
    ("weekly_km", "Weekly km", "what you run in a week now, e.g. 20"),
    ("leg_days", "Leg days", "e.g. mon,thu (or none)"),
    ("long_run_day", "Long-run day", "mon..sun"),
)
NUMBERS = ("age", "runs_per_week", "weekly_km")
SETTING = "welcomed"  # stored once the welcome was answered or skipped


def wants_welcome(profile: Profile, sessions: int, setting: str | None) -> bool:
    """A new database: no profile of the user's, nothing logged, the welcome not yet seen."""
    return profile.is_default and sessions == 0 and setting is None


class WelcomeScreen(FormScreen[Profile | None]):
    """Save makes these the profile (the rest keeps its defaults); escape keeps the defaults."""

    TITLE_TEXT = "Welcome to legrun: a few numbers, and the plan is yours"
    KEYS_TEXT = "enter saves · tab next field · esc keeps the defaults"

    def __init__(self, today: date, profile: Profile) -> None:
        super().__init__(today)
        self.profile = profile

    def compose_fields(self) -> Iterable[Any]:
        p = self.profile
        values = {
            "age": p.age,
            "runs_per_week": p.runs_per_week,
            "weekly_km": f"{p.weekly_km:g}",
            "leg_days": describe_rule(p.leg_days_rule),
            "long_run_day": WEEKDAYS[p.long_run_day],
        }
        yield Static("The defaults are filled in: change what is not you.", classes="field-hint")
        for name, label, hint in WELCOME_FIELDS:
            validators = [bound_validator(BOUNDS[name])] if name in NUMBERS else None
            yield self.field(name, label, values[name], placeholder=hint, validators=validators)

    def on_mount(self) -> None:
        self.query_one("#f-age").focus()

    def build(self) -> Profile:
        changes: dict[str, object] = {}
        for name, _, _ in WELCOME_FIELDS:
            text = self.text(name)
            if not text and name in NUMBERS:
                raise ValidationError(f"{BOUNDS[name].name} is needed (or esc keeps the defaults)")
            changes[PROFILE_ATTRIBUTE.get(name, name)] = PROFILE_TEXT[name](text)
        return self.profile.with_changes(**changes)
