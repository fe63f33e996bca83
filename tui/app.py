"""Entry point of the Textual app (placeholder until the calendar lands)."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def run_app(path: Path | None, today: date, demo: bool = False) -> int:
    from legrun.storage import Repository
    from legrun.tui.application import make_app

    repo = Repository.open(path)
    try:
        app = make_app(repo, today=today, demo=demo)
        app.run()
        return app.return_code or 0
    finally:
        repo.close()
