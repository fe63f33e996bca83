"""Fixtures of the interop tests: a runner's database with a plan worth exporting, a real
Radicale CalDAV server on 127.0.0.1 (a subprocess on a free port, storage and users in
tmp_path), and khal, a calendar client, with a config and a calendar of the test's own."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

import pytest
from icalendar import Calendar, Event

from legrun.planner.models import Exercise, LegDay, Profile, Run
from legrun.planner.plan import WeekPlan
from legrun.planner.recurrence import leg_days_rule
from legrun.storage import Repository
from legrun.storage.plans import load_week_plans
from tests.conftest import TODAY

MONDAY = TODAY - timedelta(days=TODAY.weekday())  # 2026-11-23, the first day of TODAY's week
LEG_DAY_ID = 32  # the id of this week's logged leg day in `athlete_db`
USER, PASSWORD = "alice", "correct horse"


# -- the runner ------------------------------------------------------------------------------


def fill_athlete(repo: Repository) -> None:
    """Six weeks of training (a leg day, two easy runs, a tempo and a long run each), a 5 km
    race, and this week's leg day logged on Monday: the plan ahead has easy, quality and long
    runs, with workouts paced from the race, and a leg day every Monday."""
    repo.save_profile(
        Profile(age=34, runs_per_week=4, weekly_km=36.0, leg_days_rule=leg_days_rule((0,)))
    )
    for weeks_back in range(6, 0, -1):
        start = MONDAY - timedelta(weeks=weeks_back)
        repo.add_session(LegDay(date=start, minutes=60, rpe=7))
        repo.add_session(Run(date=start + timedelta(days=1), km=7.0, minutes=42, kind="easy"))
        repo.add_session(
            Run(date=start + timedelta(days=2), km=8.0, minutes=45, kind="tempo", rpe=7)
        )
        repo.add_session(Run(date=start + timedelta(days=4), km=6.0, minutes=36, kind="easy"))
        repo.add_session(Run(date=start + timedelta(days=6), km=12.0, minutes=75, kind="long"))
    repo.add_session(Run(date=MONDAY - timedelta(days=10), km=5.0, minutes=24, kind="race", rpe=9))
    leg_day = LegDay(
        date=MONDAY,
        minutes=65,
        rpe=8,
        exercises=(Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),),
        notes="felt strong",
    )
    assert repo.add_session(leg_day) == LEG_DAY_ID


@pytest.fixture
def athlete_db(db_path: Path) -> Path:
    """A closed database file holding `fill_athlete`'s training."""
    with Repository.open(db_path) as repo:
        fill_athlete(repo)
    return db_path


def plans_of(db: Path, weeks: int = 4) -> list[WeekPlan]:
    """The plans of this week and the next `weeks - 1`, read the way the app reads them."""
    with Repository.open(db) as repo:
        last = MONDAY + timedelta(weeks=weeks - 1)
        return load_week_plans(repo, MONDAY, last, TODAY)


def read_events(path: Path) -> dict[str, Event]:
    """The VEVENTs of an .ics file, by UID (a UID twice fails the test)."""
    calendar = Calendar.from_ical(path.read_bytes())
    events: dict[str, Event] = {}
    for event in calendar.events:
        uid = str(event["UID"])
        assert uid not in events, f"UID {uid} twice"
        events[uid] = event
    return events


# -- Radicale --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Radicale:
    """A Radicale server of the test's own, and a small WebDAV client to look at it with
    (plain HTTP, so the tests do not judge the sync with the library the sync uses)."""

    base: str  # http://127.0.0.1:PORT/
    user: str
    password: str

    def url(self, path: str) -> str:
        return urljoin(self.base, path)

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes, dict[str, str]]:
        login = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        request = urllib.request.Request(
            url,
            data=body,
            method=method,
            headers={"Authorization": f"Basic {login}", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.read(), dict(answer.headers)
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read(), dict(refused.headers)

    def make_calendar(self, name: str) -> str:
        url = self.url(f"{self.user}/{name}/")
        status, body, _ = self.request("MKCALENDAR", url)
        assert status == 201, (status, body)
        return url

    def put(self, calendar_url: str, name: str, ical: bytes) -> None:
        status, body, _ = self.request(
            "PUT", calendar_url + name, ical, {"Content-Type": "text/calendar; charset=utf-8"}
        )
        assert status in (201, 204), (status, body)

    def resources(self, calendar_url: str) -> dict[str, bytes]:
        """Every resource of the calendar, by its href, as the server stores it."""
        status, body, _ = self.request(
            "PROPFIND",
            calendar_url,
            b'<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>',
            {"Depth": "1", "Content-Type": "application/xml"},
        )
        assert status == 207, (status, body)
        hrefs = [e.text or "" for e in ET.fromstring(body).iter("{DAV:}href")]
        found = {}
        for href in hrefs:
            if href.endswith(".ics"):
                code, data, _ = self.request("GET", self.url(href))
                assert code == 200, (code, href)
                found[href] = data
        return found

    def events(self, calendar_url: str) -> dict[str, Event]:
        """Every VEVENT in the calendar, by UID."""
        events: dict[str, Event] = {}
        for href, data in self.resources(calendar_url).items():
            for event in Calendar.from_ical(data).events:
                uid = str(event["UID"])
                assert uid not in events, f"UID {uid} twice (again in {href})"
                events[uid] = event
        return events


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Radicale]:
    """Radicale on 127.0.0.1 on a free port, one user (plain htpasswd), its collections in
    tmp_path; stopped when the test ends."""
    folder = tmp_path / "radicale"
    (folder / "collections").mkdir(parents=True)
    (folder / "users").write_text(f"{USER}:{PASSWORD}\n")
    port = free_port()
    config = folder / "config"
    config.write_text(
        f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {folder / "users"}
htpasswd_encryption = plain
delay = 0.1
[rights]
type = owner_only
[storage]
filesystem_folder = {folder / "collections"}
[web]
type = none
[logging]
level = warning
"""
    )
    log = (folder / "radicale.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(port, process, folder / "radicale.log")
        yield Radicale(f"http://127.0.0.1:{port}/", USER, PASSWORD)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Radicale stopped on start ({process.returncode}): {log.read_text()}")
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail(f"Radicale did not listen on port {port} within 20 s: {log.read_text()}")


# -- khal ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def khal() -> Path:
    """The khal command, installed with the project's test tools (pyproject's dev group)."""
    found = shutil.which("khal", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("khal is not installed in this environment: `uv sync` installs it")
    return Path(found)


@dataclass
class Khal:
    """khal with a config and a calendar folder of the test's own."""

    command: Path
    config: Path
    env: dict[str, str]

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.command), "-c", str(self.config), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
        )

    def listed(self, first: date, last: date) -> list[tuple[str, str, str]]:
        """(date, title, UID) of every event khal lists from `first` to `last`."""
        result = self(
            "list", "--format", "{start-date}|{title}|{uid}", "--day-format", "",
            first.isoformat(), last.isoformat(),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        rows = [line.split("|") for line in result.stdout.splitlines() if line.strip()]
        return [(row[0], row[1], row[2]) for row in rows]


@pytest.fixture
def khal_calendar(khal: Path, tmp_path: Path) -> Khal:
    folder = tmp_path / "khal"
    (folder / "calendar").mkdir(parents=True)
    config = folder / "config"
    config.write_text(
        f"""[calendars]
[[plan]]
path = {folder / "calendar"}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = plan
"""
    )
    env = dict(os.environ)
    env.update(
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config-home"),
        XDG_CACHE_HOME=str(folder / "cache"),
        HOME=str(folder),
        TZ="UTC",
    )
    return Khal(khal, config, env)
