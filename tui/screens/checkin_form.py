"""The morning check-in: soreness 0-10 overall and per muscle group, sleep and energy 1-5."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from legrun.planner.models import MUSCLES, CheckIn
from legrun.tui.screens.form import FormScreen, date_validator, int_validator


class CheckInForm(FormScreen[CheckIn | None]):
    TITLE_TEXT = "Morning check-in"

    def __init__(self, today: date, day: date, previous: CheckIn | None = None) -> None:
        super().__init__(today)
        self.day = day
        self.previous = previous

    def compose_fields(self) -> Iterable[Any]:
        p = self.previous
        yield self.field(
            "date", "Date", self.day.isoformat(), validators=[date_validator(self.today)]
        )
        yield self.field(
            "soreness",
            "Soreness",
            p.soreness if p else "",
            placeholder="0-10 overall",
            validators=[int_validator(0, 10, "soreness")],
        )
        for muscle in MUSCLES:
            yield self.field(
                muscle,
                muscle.capitalize(),
                getattr(p, muscle, None) if p else "",
                placeholder="0-10, optional",
            )
        yield self.field(
            "sleep", "Sleep", p.sleep if p and p.sleep else "", placeholder="1-5, optional"
        )
        yield self.field(
            "energy", "Energy", p.energy if p and p.energy else "", placeholder="1-5, optional"
        )

    def build(self) -> CheckIn:
        return CheckIn(
            date=self.date_value(),
            soreness=self.required_int("soreness", "soreness"),
            quads=self.optional_int("quads", "quads soreness"),
            hamstrings=self.optional_int("hamstrings", "hamstrings soreness"),
            glutes=self.optional_int("glutes", "glutes soreness"),
            calves=self.optional_int("calves", "calves soreness"),
            sleep=self.optional_int("sleep", "sleep"),
            energy=self.optional_int("energy", "energy"),
        )
