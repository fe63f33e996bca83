"""The cross-training form: date, activity, minutes, RPE, notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.suggester import SuggestFromList

from legrun.planner.fields import BOUNDS
from legrun.planner.models import CROSS_ACTIVITIES, CrossTraining, ValidationError
from legrun.tui.screens.form import FormScreen, bound_validator, date_validator


class CrossForm(FormScreen[CrossTraining | None]):
    TITLE_TEXT = "Log cross-training"

    def __init__(
        self,
        today: date,
        day: date,
        activity: str = "bike",
        minutes: int | None = None,
        rpe: int | None = None,
        session: CrossTraining | None = None,
    ) -> None:
        super().__init__(today)
        self.values: dict[str, object] = {
            "date": (session.date if session else day).isoformat(),
            "activity": session.activity if session else activity,
            "minutes": (session.minutes if session else minutes) or "",
            "rpe": (session.rpe if session else rpe) or "",
            "notes": session.notes if session else "",
        }
        if session is not None:
            self.TITLE_TEXT = "Edit cross-training"

    def compose_fields(self) -> Iterable[Any]:
        v = self.values
        yield self.field("date", "Date", v["date"], validators=[date_validator(self.today)])
        yield self.field(
            "activity",
            "Activity",
            v["activity"],
            placeholder=" / ".join(CROSS_ACTIVITIES),
            suggester=SuggestFromList(CROSS_ACTIVITIES),
        )
        yield self.field(
            "minutes", "Minutes", v["minutes"], validators=[bound_validator(BOUNDS["minutes"])]
        )
        yield self.field("rpe", f"RPE {BOUNDS['rpe'].span}", v["rpe"], placeholder="optional")
        yield self.field("notes", "Notes", v["notes"], placeholder="optional")

    def build(self) -> CrossTraining:
        activity = self.text("activity").lower()
        if activity not in CROSS_ACTIVITIES:
            raise ValidationError(f"activity must be one of {', '.join(CROSS_ACTIVITIES)}")
        return CrossTraining(
            date=self.date_value(),
            activity=activity,
            minutes=self.required("minutes"),
            rpe=self.optional("rpe"),
            notes=self.text("notes"),
        )
