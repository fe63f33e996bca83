"""The morning check-in: soreness 0-10 overall and per muscle group, sleep and energy 1-5."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from legrun.planner.fields import BOUNDS
from legrun.planner.models import MUSCLES, CheckIn
from legrun.tui.screens.form import FormScreen, bound_validator, date_validator


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
            placeholder=f"{BOUNDS['soreness'].span} overall",
            validators=[bound_validator(BOUNDS["soreness"])],
        )
        for name in (*MUSCLES, "sleep", "energy"):
            yield self.field(
                name,
                name.capitalize(),
                getattr(p, name) if p else "",
                placeholder=f"{BOUNDS[name].span}, optional",
            )

    def build(self) -> CheckIn:
        return CheckIn(
            date=self.date_value(),
            soreness=self.required("soreness"),
            quads=self.optional("quads"),
            hamstrings=self.optional("hamstrings"),
            glutes=self.optional("glutes"),
            calves=self.optional("calves"),
            sleep=self.optional("sleep"),
            energy=self.optional("energy"),
        )
