"""Paging through history newest first, filtered, without ever loading all of it.

Keyset paging on (date, id) walks the date index: the thousandth page costs what the first
does, which a growing OFFSET would not. `Repository` offers these as its own methods.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from msgspec import Struct
from msgspec.structs import replace

from legrun.planner.models import AnySession, CheckIn, LegDay

if TYPE_CHECKING:
    from legrun.storage.database import Connection

_TYPES = {"leg": "leg", "run": "run", "cross": "cross"}
CHECKIN = "checkin"  # the kind of filter that lists the morning check-ins


class HistoryFilter(Struct, frozen=True):
    kind: str | None = None  # leg | run | cross | checkin
    start: date | None = None
    end: date | None = None
    search: str = ""  # in notes and exercise names

    def but(self, **changes: Any) -> HistoryFilter:
        """This filter with some of its fields changed."""
        return replace(self, **changes)

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.kind is not None and self.kind != CHECKIN:
            clauses.append("s.type = ?")
            params.append(_TYPES[self.kind])
        if self.start is not None:
            clauses.append("s.date >= ?")
            params.append(self.start.isoformat())
        if self.end is not None:
            clauses.append("s.date <= ?")
            params.append(self.end.isoformat())
        if self.search.strip():
            pattern = "%" + _escape_like(self.search.strip().lower()) + "%"
            clauses.append(
                "(lower(coalesce(s.notes, '')) LIKE ? ESCAPE '\\' OR EXISTS ("
                "SELECT 1 FROM exercises e WHERE e.session_id = s.id "
                "AND lower(e.name) LIKE ? ESCAPE '\\'))"
            )
            params += [pattern, pattern]
        return " AND ".join(clauses) or "1", params

    @property
    def sessions(self) -> bool:
        return self.kind != CHECKIN

    @property
    def checkins(self) -> bool:
        """Check-ins are listed with everything, or alone; a search (of notes and exercise
        names) finds none."""
        return self.kind in (None, CHECKIN) and not self.search.strip()

    def checkin_where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.start is not None:
            clauses.append("date >= ?")
            params.append(self.start.isoformat())
        if self.end is not None:
            clauses.append("date <= ?")
            params.append(self.end.isoformat())
        return " AND ".join(clauses) or "1", params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class HistoryQueries:
    """The history screen's reads, as methods of `Repository`."""

    _db: Connection

    if TYPE_CHECKING:

        def _sessions_where(
            self, where: str, params: list[Any], order: str = ..., limit: int | None = None
        ) -> list[AnySession]: ...

        def _checkins_where(
            self, where: str, params: list[Any], order: str = ..., limit: int | None = None
        ) -> list[CheckIn]: ...

    def history_page(
        self,
        where: HistoryFilter,
        after: tuple[date, int] | None = None,
        limit: int = 100,
    ) -> list[AnySession | CheckIn]:
        """Up to `limit` records matching `where`, newest first, older than `after` (date, id;
        a check-in counts as id 0, after the day's sessions): sessions and, unless the filter
        leaves them out, the morning check-ins."""
        found: list[AnySession | CheckIn] = []
        if where.sessions:
            clause, params = where.where()
            if after is not None:
                clause += " AND (s.date < ? OR (s.date = ? AND s.id < ?))"
                params += [after[0].isoformat(), after[0].isoformat(), after[1]]
            found += self._sessions_where(
                clause, params, order="s.date DESC, s.id DESC", limit=limit
            )
        if where.checkins:
            clause, params = where.checkin_where()
            if after is not None:
                clause += " AND (date < ? OR (date = ? AND ? > 0))"
                params += [after[0].isoformat(), after[0].isoformat(), after[1]]
            found += self._checkins_where(clause, params, order="date DESC", limit=limit)
        found.sort(key=history_key, reverse=True)
        return found[:limit]

    def last_leg_day(self, on_or_before: date) -> LegDay | None:
        """The latest leg day up to `on_or_before` (a new one can start from it)."""
        found = self._sessions_where(
            "s.type = 'leg' AND s.date <= ?",
            [on_or_before.isoformat()],
            order="s.date DESC, s.id DESC",
            limit=1,
        )
        leg = found[0] if found else None
        return leg if isinstance(leg, LegDay) else None

    def history_count(self, where: HistoryFilter) -> int:
        count = 0
        if where.sessions:
            clause, params = where.where()
            count += int(self._db.value(f"SELECT count(*) FROM sessions s WHERE {clause}", params))
        if where.checkins:
            clause, params = where.checkin_where()
            count += int(self._db.value(f"SELECT count(*) FROM checkins WHERE {clause}", params))
        return count


def history_key(record: AnySession | CheckIn) -> tuple[date, int]:
    """Where a record stands in history: by date, then id (a check-in before the day's
    sessions when read oldest first, after them newest first)."""
    if isinstance(record, CheckIn):
        return record.date, 0
    return record.date, record.id or 0
