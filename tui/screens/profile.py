"""The profile (key 4): every field, recurring leg days, days with no training, same-day hard
days, the weekly target in km or minutes, the goal race, and the heart-rate zones they imply."""

from __future__ import annotations

from datetime import date
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from legrun.planner.fields import BOUNDS
from legrun.planner.goal import DISTANCES, Goal, check_goal_date, parse_distance
from legrun.planner.models import (
    PREFERRED_CROSS,
    WEEKDAYS,
    Profile,
    ValidationError,
    parse_date,
    switch_text,
)
from legrun.planner.plan import KIND_LABELS
from legrun.planner.profile_fields import profile_from_text
from legrun.planner.recurrence import describe_rule
from legrun.planner.zones import HR_BANDS, karvonen, run_hr_range
from legrun.storage.changes import Change, SaveGoal, SaveProfile, Together
from legrun.tui.screens.base import LegrunScreen
from legrun.tui.screens.form import FIELD_NAVIGATION
from legrun.tui.widgets.field_input import FieldInput, after_keys_on_their_way, value_of
from legrun.tui.widgets.key_bar import KeyBar

# The profile's fields: (name, label, placeholder). Their text is read by
# planner.profile_fields.PROFILE_TEXT, the same reading `legrun-tui profile set` does.
FIELDS = (
    ("age", "Age", BOUNDS["age"].span),
    ("max_hr", "Max HR", "measured bpm, or empty to estimate"),
    ("resting_hr", "Resting HR", "bpm, optional"),
    ("runs_per_week", "Runs a week", BOUNDS["runs_per_week"].span),
    ("weekly_km", "Weekly km", "target, e.g. 25"),
    ("weekly_minutes", "Weekly minutes", "a target in time instead of km, e.g. 200 (or empty)"),
    ("long_run_day", "Long-run day", "mon..sun"),
    ("week_start", "Week starts", "mon or sun"),
    ("units", "Units", "km or mi"),
    ("cross", "Cross-training", "bike,swim,yoga,walk"),
    ("leg_days", "Leg days", "e.g. mon,thu (or none)"),
    ("unavailable", "Unavailable", "days with no training at all, e.g. sat (or none)"),
    ("same_day_hard", "Same-day hard", "on: a quality run may go before legs; off (default)"),
)

# Fields that take numbers only (other keys are not typed into them).
NUMBER_FIELDS: dict[str, Literal["integer", "number"]] = {
    "age": "integer",
    "max_hr": "integer",
    "resting_hr": "integer",
    "runs_per_week": "integer",
    "weekly_km": "number",
    "weekly_minutes": "integer",
}

# The goal race, on one row after the profile's fields: (name, label before it, placeholder).
GOAL_FIELDS = (
    ("goal_date", "date", "YYYY-MM-DD"),
    ("goal_distance", "distance", "e.g. half"),
    ("goal_name", "name", "optional"),
)


def goal_field_values(goal: Goal | None) -> dict[str, str]:
    """The goal race as the form shows it: `half` for a named distance, else its km."""
    if goal is None:
        return {name: "" for name, _, _ in GOAL_FIELDS}
    distance = next(
        (name for name, km in DISTANCES.items() if abs(km - goal.distance_km) < 1e-9),
        f"{goal.distance_km:g}",
    )
    return {"goal_date": goal.date.isoformat(), "goal_distance": distance, "goal_name": goal.name}


def goal_from_fields(values: dict[str, str], today: date) -> Goal | None:
    """Read the goal race; None when its three fields are empty (no goal). The planner's parsers
    and the Goal itself say what is allowed; the date is not checked against today here."""
    date_text, distance_text, name = (values[n] for n, _, _ in GOAL_FIELDS)
    if not (date_text or distance_text or name):
        return None
    if not date_text and not distance_text:
        raise ValidationError(
            "the goal race needs a date and a distance (or empty its three fields for no goal)"
        )
    if not date_text:
        raise ValidationError("the goal race needs a date: YYYY-MM-DD")
    if not distance_text:
        raise ValidationError("the goal race needs a distance: 5k, 10k, half, marathon or km")
    return Goal(
        date=parse_date(date_text, today), distance_km=parse_distance(distance_text), name=name
    )


def settings_line(profile: Profile) -> str:
    """Which weekly target the planner uses, and what same-day hard days mean (one line)."""
    if profile.weekly_minutes is not None:
        target = f"{profile.weekly_minutes} min"  # used instead of the km
    else:
        target = f"{profile.weekly_km:g} km"
    if profile.same_day_hard:
        same_day = "on: legs >= 6 h after a quality run"
    else:
        same_day = "off: no run on a leg day"
    return f"Weekly target {target} · same-day hard {same_day}"


class ProfileScreen(LegrunScreen[None]):
    BINDINGS = [
        Binding(
            "escape",
            "back",
            "Back",
            id="profile.back",
            tooltip="In a field: out of it (the app's keys work again); else back to the week",
        ),
        Binding("ctrl+s", "save", "Save", priority=True, id="profile.save"),
        *FIELD_NAVIGATION,
    ]

    warned_unsaved = False

    def compose(self) -> ComposeResult:
        repo = self.app.repository
        profile = repo.profile()
        values = {
            "age": str(profile.age),
            "max_hr": str(profile.max_hr or ""),
            "resting_hr": str(profile.resting_hr or ""),
            "runs_per_week": str(profile.runs_per_week),
            "weekly_km": f"{profile.weekly_km:g}",
            "long_run_day": WEEKDAYS[profile.long_run_day],
            "week_start": WEEKDAYS[profile.week_start],
            "units": profile.units,
            "cross": ",".join(profile.cross),
            "leg_days": describe_rule(profile.leg_days_rule),
            "weekly_minutes": str(profile.weekly_minutes or ""),
            "unavailable": ",".join(WEEKDAYS[d] for d in profile.unavailable) or "none",
            "same_day_hard": switch_text(profile.same_day_hard),
        }
        goal_values = goal_field_values(repo.goal())
        with VerticalScroll(id="profile-body"):
            yield Static(
                "Your profile"
                + ("  (defaults: make it yours)" if profile.is_default else "")
                + " · esc: out of a field",
                classes="form-title",
            )
            for name, label, hint in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield FieldInput(
                        values[name],
                        placeholder=hint,
                        id=f"p-{name}",
                        compact=True,
                        type=NUMBER_FIELDS.get(name, "text"),
                    )
            # One row, so that the profile, the goal race and the zones fit 80x24 unscrolled.
            with Horizontal(classes="field", id="profile-goal"):
                yield Label("Goal race", classes="field-label")
                for name, label, hint in GOAL_FIELDS:
                    yield Label(label, classes="goal-label")
                    yield FieldInput(
                        goal_values[name], placeholder=hint, id=f"p-{name}", compact=True
                    )
            yield Static("", id="profile-error", classes="form-error", markup=False)
            yield Static(id="profile-zones", markup=False)
        yield KeyBar(palette=True)

    def on_mount(self) -> None:
        # Start in the first field, ready to type (not on the scrolling frame around them).
        self.query_one("#p-age", Input).focus()
        self._check()

    def _values(self) -> dict[str, str]:
        return {
            name: value_of(self.query_one(f"#p-{name}", Input)).strip() for name, _, _ in FIELDS
        }

    def _goal_values(self) -> dict[str, str]:
        return {
            name: value_of(self.query_one(f"#p-{name}", Input)).strip()
            for name, _, _ in GOAL_FIELDS
        }

    def _edited_goal(self) -> Goal | None:
        """The goal race in the fields. A new or changed race must be 2 weeks away or more, as
        `goal set` says; the stored one, left as it is, is kept even in race week or after it
        (so that the profile can still be saved then)."""
        goal = goal_from_fields(self._goal_values(), self.app.today)
        if goal is not None and goal != self.app.repository.goal():
            check_goal_date(goal.date, self.app.today)
        return goal

    def _check(self) -> tuple[Profile, Goal | None] | None:
        """Read every field: show the first error, and the zones while the profile is valid.
        The profile and the goal race to save, or None if a field is invalid."""
        problems: list[str] = []
        profile: Profile | None = None
        goal: Goal | None = None
        try:
            profile = profile_from_text(self._values())
        except ValidationError as exc:
            problems.append(str(exc))
        try:
            goal = self._edited_goal()
        except ValidationError as exc:
            problems.append(str(exc))
        error = self.query_one("#profile-error", Static)
        if problems:
            error.update(f"✗ {problems[0]}")
            error.add_class("-visible")
        else:
            error.update("")
            error.remove_class("-visible")
        if profile is not None:
            self._show_zones(profile)
        return None if problems or profile is None else (profile, goal)

    def _show_zones(self, profile: Profile) -> None:
        max_hr = profile.effective_max_hr
        source = "measured" if profile.max_hr else f"estimated: 208 - 0.7 x {profile.age}"
        lines = [f"Max HR {max_hr} bpm ({source}). Targets by run:"]
        for kind, (low_pct, high_pct) in HR_BANDS.items():
            low, high = run_hr_range(kind, max_hr)
            extra = ""
            if profile.resting_hr:
                extra = (
                    f"  (Karvonen {karvonen(max_hr, profile.resting_hr, low_pct)}-"
                    f"{karvonen(max_hr, profile.resting_hr, high_pct)})"
                )
            lines.append(
                f"  {KIND_LABELS[kind]:<13} {int(low_pct * 100)}-{int(high_pct * 100)} %"
                f"  {low}-{high} bpm{extra}"
            )
        others = [a for a in PREFERRED_CROSS if a not in profile.cross]
        chosen = f"Cross-training: {', '.join(profile.cross)}"
        lines.append(f"{chosen} (also: {', '.join(others)})" if others else chosen)
        lines.append(settings_line(profile))
        self.query_one("#profile-zones", Static).update("\n".join(lines))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._check()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        after_keys_on_their_way(self, self._save_now)

    def _save_now(self) -> None:
        checked = self._check()
        if checked is None:
            return
        profile, goal = checked
        goal_changed = goal != self.app.repository.goal()
        change: Change = SaveProfile(profile)
        if goal_changed:
            change = Together((change, SaveGoal(goal)))  # both, or neither
        what = "profile and goal change" if goal_changed else "profile change"
        if not goal_changed:
            done = "Profile saved; the week is re-planned."
        elif goal is None:
            done = "Profile saved, goal race cleared; the week is re-planned."
        else:
            done = (
                f"Profile and goal race saved ({goal.label} on {goal.date.isoformat()}); "
                "the season is re-planned."
            )
        if self.app.change(change, what, done):
            self.warned_unsaved = False

    def _unsaved(self) -> bool:
        try:
            edited = profile_from_text(self._values())
            goal = self._edited_goal()
        except ValidationError:
            return True
        repo = self.app.repository
        return edited != repo.profile() or goal != repo.goal()

    def action_back(self) -> None:
        """Escape in a field leaves the field (then 1-5, ? and q are the app's keys again);
        escape out of the fields leaves the screen: with unsaved edits, the first time it
        says so and the second discards them."""
        if isinstance(self.focused, Input):
            self.set_focus(None)
            self.notify(
                "Out of the fields: tab goes back in, ctrl+s saves, escape leaves.", timeout=3
            )
            return
        if self._unsaved() and not self.warned_unsaved:
            self.warned_unsaved = True
            self.notify(
                "Unsaved changes: ctrl+s saves them, escape again leaves without saving.",
                severity="warning",
                timeout=5,
            )
            return
        self.app.pop_screen()
