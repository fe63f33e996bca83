"""The leg-day form: date, minutes, RPE, an exercise list with completion, notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from legrun.planner.fields import BOUNDS
from legrun.planner.models import Exercise, LegDay, ValidationError, parse_exercise
from legrun.tui.screens.form import FormScreen, bound_validator, date_validator

COMMON_EXERCISES = (
    "back squat",
    "front squat",
    "romanian deadlift",
    "deadlift",
    "walking lunge",
    "bulgarian split squat",
    "leg press",
    "hamstring curl",
    "hip thrust",
    "standing calf raise",
    "step up",
)


class LegDayForm(FormScreen[LegDay | None]):
    TITLE_TEXT = "Log a leg day"
    BINDINGS = [
        Binding(
            "delete,backspace", "remove_exercise", "Remove exercise", show=False, id="leg.remove"
        ),
    ]

    def __init__(
        self,
        today: date,
        day: date,
        known_exercises: Iterable[str] = (),
        minutes: int = 60,
        rpe: int | None = None,
        session: LegDay | None = None,
        exercises: Iterable[Exercise] = (),
        title: str | None = None,
    ) -> None:
        """`session` edits a stored leg day; `exercises` (and minutes, RPE) start a new one
        from a template or the last leg day."""
        super().__init__(today)
        self.day = session.date if session else day
        self.minutes = session.minutes if session else minutes
        self.rpe = session.rpe if session else rpe
        self.notes = session.notes if session else ""
        self.exercises: list[Exercise] = list(session.exercises) if session else list(exercises)
        if title is not None:
            self.TITLE_TEXT = title
        names = list(dict.fromkeys([*known_exercises, *COMMON_EXERCISES]))
        self.suggester = SuggestFromList(names, case_sensitive=False)
        if session is not None:
            self.TITLE_TEXT = "Edit leg day"

    def compose_fields(self) -> Iterable[Any]:
        yield self.field(
            "date", "Date", self.day.isoformat(), validators=[date_validator(self.today)]
        )
        yield self.field(
            "minutes", "Minutes", self.minutes, validators=[bound_validator(BOUNDS["minutes"])]
        )
        rpe = BOUNDS["rpe"]
        yield self.field(
            "rpe",
            f"RPE {rpe.span}",
            self.rpe or "",
            placeholder=f"how hard, {rpe.span}",
            validators=[bound_validator(rpe)],
        )
        yield self.field(
            "exercise",
            "Exercise",
            "",
            placeholder="back squat 5x5@100kg, enter adds",
            suggester=self.suggester,
        )
        yield OptionList(*self._options(), id="exercise-list", compact=True)
        yield Static("", id="exercise-hint", classes="field-hint")
        yield self.field("notes", "Notes", self.notes, placeholder="optional")

    def draft(self) -> dict[str, Any]:
        return {**super().draft(), "exercises": [e.describe() for e in self.exercises]}

    def restore_draft(self, draft: dict[str, Any]) -> None:
        super().restore_draft(draft)
        if "exercises" in draft:
            try:
                self.exercises = [parse_exercise(text) for text in draft["exercises"]]
            except ValidationError:
                self.exercises = []
            self._refresh_list()

    def _options(self) -> list[Option]:
        return [Option(Content(e.describe()), id=str(i)) for i, e in enumerate(self.exercises)]

    def on_mount(self) -> None:
        # FormScreen.on_mount runs too (Textual calls handlers along the MRO).
        self._refresh_list()

    def _refresh_list(self) -> None:
        listing = self.query_one("#exercise-list", OptionList)
        listing.clear_options()
        listing.add_options(self._options())
        listing.display = bool(self.exercises)
        hint = self.query_one("#exercise-hint", Static)
        hint.update(
            f"{len(self.exercises)} exercise(s); in the list, delete removes one"
            if self.exercises
            else "NAME SETSxREPS[@LOAD kg|lb], or set by set: squat 5@100, 3@110kg; enter adds"
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "f-exercise" and event.value.strip():
            event.stop()
            event.prevent_default()  # enter here adds the exercise; it does not save the form
            try:
                exercise = parse_exercise(event.value)
            except ValidationError as exc:
                self.show_error(str(exc))
                return
            self.exercises.append(exercise)
            self.keep_draft()
            event.input.value = ""
            self.query_one("#form-error", Static).update("")
            self._refresh_list()

    def action_remove_exercise(self) -> None:
        listing = self.query_one("#exercise-list", OptionList)
        if not listing.has_focus or listing.highlighted is None:
            return
        del self.exercises[listing.highlighted]
        self.keep_draft()
        self._refresh_list()

    def build(self) -> LegDay:
        pending = self.text("exercise")
        exercises = list(self.exercises)
        if pending:
            exercises.append(parse_exercise(pending))
        return LegDay(
            date=self.date_value(),
            minutes=self.required("minutes"),
            rpe=self.required("rpe"),
            exercises=tuple(exercises),
            notes=self.text("notes"),
        )
