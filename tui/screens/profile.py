"""The profile (key 4): every field, recurring leg days, days with no training, same-day hard
days, the weekly target in km or minutes, and the heart-rate zones they imply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from legrun.planner.models import (
    PREFERRED_CROSS,
    WEEKDAYS,
    Profile,
    ValidationError,
    parse_switch,
    parse_weekday,
    parse_weekdays,
    parse_weekly_minutes,
    switch_text,
)
from legrun.planner.plan import KIND_LABELS
from legrun.planner.recurrence import describe_rule, leg_days_rule
from legrun.planner.zones import HR_BANDS, karvonen, run_hr_range
from legrun.storage import StorageError
from legrun.tui.screens.form import FIELD_NAVIGATION

if TYPE_CHECKING:
    from legrun.tui.application import LegrunApp

FIELDS = (
    ("age", "Age", "10-100"),
    ("max_hr", "Max HR", "measured bpm, or empty to estimate"),
    ("resting_hr", "Resting HR", "bpm, optional"),
    ("runs_per_week", "Runs a week", "2-6"),
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


def _optional_int(text: str, what: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(f"{what} must be a whole number, not {text!r}") from None


def profile_from_fields(values: dict[str, str]) -> Profile:
    """Read the form into a Profile; the Profile itself says what is allowed."""
    try:
        weekly_km = float(values["weekly_km"])
    except ValueError:
        raise ValidationError(f"weekly km must be a number, not {values['weekly_km']!r}") from None
    week_start = parse_weekday(values["week_start"])
    leg_days = parse_weekdays(values["leg_days"])
    return Profile(
        age=_optional_int(values["age"], "age") or 0,
        max_hr=_optional_int(values["max_hr"], "max HR"),
        resting_hr=_optional_int(values["resting_hr"], "resting HR"),
        runs_per_week=_optional_int(values["runs_per_week"], "runs a week") or 0,
        weekly_km=weekly_km,
        long_run_day=parse_weekday(values["long_run_day"]),
        week_start=week_start,
        units=values["units"].lower(),
        cross=tuple(p.strip().lower() for p in values["cross"].split(",") if p.strip()),
        leg_days_rule=leg_days_rule(leg_days),
        same_day_hard=parse_switch(values["same_day_hard"], "same-day hard days"),
        unavailable=parse_weekdays(values["unavailable"]),
        weekly_minutes=parse_weekly_minutes(values["weekly_minutes"]),
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


class ProfileScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="profile.back"),
        Binding("ctrl+s", "save", "Save", priority=True, id="profile.save"),
        *FIELD_NAVIGATION,
    ]

    @property
    def legrun(self) -> LegrunApp:
        return self.app  # type: ignore[return-value]

    warned_unsaved = False

    def compose(self) -> ComposeResult:
        profile = self.legrun.repository.profile()
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
        with VerticalScroll(id="profile-body"):
            yield Static(
                "Your profile" + ("  (defaults: make it yours)" if profile.is_default else ""),
                classes="form-title",
            )
            for name, label, hint in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(values[name], placeholder=hint, id=f"p-{name}", compact=True)
            yield Static("", id="profile-error", classes="form-error", markup=False)
            yield Static(id="profile-zones", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Start in the first field, ready to type (not on the scrolling frame around them).
        self.query_one("#p-age", Input).focus()
        self._show_zones()

    def _values(self) -> dict[str, str]:
        return {name: self.query_one(f"#p-{name}", Input).value.strip() for name, _, _ in FIELDS}

    def _show_zones(self) -> Profile | None:
        error = self.query_one("#profile-error", Static)
        try:
            profile = profile_from_fields(self._values())
        except ValidationError as exc:
            error.update(f"✗ {exc}")
            error.add_class("-visible")
            return None
        error.update("")
        error.remove_class("-visible")
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
        lines.append(f"Cross-training choices: {', '.join(PREFERRED_CROSS)}")
        lines.append(settings_line(profile))
        self.query_one("#profile-zones", Static).update("\n".join(lines))
        return profile

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_zones()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        profile = self._show_zones()
        if profile is None:
            return
        repo = self.legrun.repository
        before = repo.profile()
        try:
            repo.save_profile(profile)
        except StorageError as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        if before.is_default:
            self.legrun.push_undo("profile change", repo.reset_profile)
        else:
            self.legrun.push_undo("profile change", lambda: repo.save_profile(before))
        self.legrun.data_changed()
        self.warned_unsaved = False
        self.notify("Profile saved; the week is re-planned.", timeout=3)

    def _unsaved(self) -> bool:
        try:
            edited = profile_from_fields(self._values())
        except ValidationError:
            return True
        return edited != self.legrun.repository.profile()

    def action_back(self) -> None:
        """Leave; with unsaved edits, the first escape says so and the second discards them."""
        if self._unsaved() and not self.warned_unsaved:
            self.warned_unsaved = True
            self.notify(
                "Unsaved changes: ctrl+s saves them, escape again leaves without saving.",
                severity="warning",
                timeout=5,
            )
            return
        self.app.pop_screen()
