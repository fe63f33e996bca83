"""Paging through history newest first, filtered, without ever loading all of it.

Keyset paging on (date, id) walks the date index: the thousandth page costs what the first
does, which a growing OFFSET would not. `Repository` offers these as its own methods.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from legrun.planner.models import AnySession

if TYPE_CHECKING:
    from legrun.storage.database import Connection

_TYPES = {"leg": "leg", "run": "run", "cross": "cross"}


@dataclass(frozen=True)
class HistoryFilter:
    kind: str | None = None  # leg | run | cross
    start: date | None = None
    end: date | None = None
    search: str = ""  # in notes and exercise names

    def but(self, **changes: Any) -> HistoryFilter:
        """This filter with some of its fields changed."""
        return replace(self, **changes)

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.kind is not None:
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


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class HistoryQueries:
    """The history screen's reads, as methods of `Repository`."""

    _db: Connection

    if TYPE_CHECKING:

        def _sessions_where(
            self, where: str, params: list[Any], order: str = ..., limit: int | None = None
        ) -> list[AnySession]: ...

    def history_page(
        self,
        where: HistoryFilter,
        after: tuple[date, int] | None = None,
        limit: int = 100,
    ) -> list[AnySession]:
        """Up to `limit` sessions matching `where`, newest first, older than `after` (date, id)."""
        clause, params = where.where()
        if after is not None:
            clause += " AND (s.date < ? OR (s.date = ? AND s.id < ?))"
            params += [after[0].isoformat(), after[0].isoformat(), after[1]]
        return self._sessions_where(clause, params, order="s.date DESC, s.id DESC", limit=limit)

    def history_count(self, where: HistoryFilter) -> int:
        clause, params = where.where()
        return int(self._db.value(f"SELECT count(*) FROM sessions s WHERE {clause}", params))
