"""Filling a database with the sample weeks of `--demo` (the app, screenshots and tests)."""

from __future__ import annotations

from datetime import date

from legrun.planner.demo import demo_history
from legrun.storage.repository import Repository


def fill_with_demo(repo: Repository, today: date) -> None:
    """Store the demo profile, eight weeks of sessions up to yesterday, and check-ins."""
    profile, sessions, checkins = demo_history(today)
    with repo.transaction():  # (a commit each took half of the demo's 15 ms)
        repo.save_profile(profile)
        repo.add_sessions(sessions)
        for checkin in checkins:
            repo.save_checkin(checkin)
