"""The run form: date, km, minutes, kind, RPE, average HR, notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.suggester import SuggestFromList

from legrun.planner.fields import BOUNDS
from legrun.planner.models import RUN_KINDS, Run, ValidationError
from legrun.tui.screens.form import FormScreen, bound_validator, date_validator


class RunForm(FormScreen[Run | None]):
    TITLE_TEXT = "Log a run"

    def __init__(
        self,
        today: date,
        day: date,
        km: float | None = None,
        minutes: int | None = None,
        kind: str = "easy",
        rpe: int | None = None,
        session: Run | None = None,
    ) -> None:
        super().__init__(today)
        self.values: dict[str, object] = {
            "date": (session.date if session else day).isoformat(),
            "km": f"{session.km:g}" if session else (f"{km:g}" if km is not None else ""),
            "minutes": session.minutes if session else (minutes or ""),
            "kind": session.kind if session else kind,
            "rpe": (session.rpe if session else rpe) or "",
            "avg_hr": (session.avg_hr if session else None) or "",
            "notes": session.notes if session else "",
        }
        if session is not None:
            self.TITLE_TEXT = "Edit run"

    def compose_fields(self) -> Iterable[Any]:
        v = self.values
        yield self.field("date", "Date", v["date"], validators=[date_validator(self.today)])
        yield self.field("km", "Km", v["km"], validators=[bound_validator(BOUNDS["km"])])
        yield self.field(
            "minutes", "Minutes", v["minutes"], validators=[bound_validator(BOUNDS["minutes"])]
        )
        yield self.field(
            "kind",
            "Kind",
            v["kind"],
            placeholder=" / ".join(RUN_KINDS),
            suggester=SuggestFromList(RUN_KINDS),
        )
        yield self.field("rpe", f"RPE {BOUNDS['rpe'].span}", v["rpe"], placeholder="optional")
        yield self.field("avg_hr", "Avg HR", v["avg_hr"], placeholder="optional, bpm")
        yield self.field("notes", "Notes", v["notes"], placeholder="optional")

    def build(self) -> Run:
        kind = self.text("kind").lower() or "easy"
        if kind not in RUN_KINDS:
            raise ValidationError(f"kind must be one of {', '.join(RUN_KINDS)}")
        return Run(
            date=self.date_value(),
            km=self.required("km"),
            minutes=self.required("minutes"),
            kind=kind,
            rpe=self.optional("rpe"),
            avg_hr=self.optional("avg_hr"),
            notes=self.text("notes"),
        )
