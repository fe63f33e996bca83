"""Random key sequences over every screen and form, at random terminal sizes (Pilot).

Each sequence is ~30 keys drawn from the app's own bindings, the keys of the widgets it uses,
printable characters, digits and the editing and navigation keys, started from the demo
data, from an empty database with the welcome form, or from a draft left by a dropped
connection, often after a few keys that open one screen or form. Keys arrive one at a time
or in bursts (as one read over SSH delivers them), the terminal is resized on the way, and
now and then a sequence waits long enough for the form's draft to be kept; a quarter of the
sequences then start the app again on the same database, as after a hang-up.

What must hold: no exception escapes (Textual ends the app with the traceback and keeps the
error in `App._exception`, which `run_test` raises on leaving), the app keeps running unless
a quit key was pressed (and then it ends with status 0), and afterwards every row of the
database reads back through the Repository (whose records check themselves on
construction), the planner plans on them, and SQLite's integrity check passes.

Seeded, not shrunk: a failure names its seed; replay it alone with
`LEGRUN_FUZZ_REPLAY=<seed> uv run pytest tests/reliability/test_key_fuzz.py -n 0`.
`LEGRUN_RELIABILITY=full` runs 520 sequences (40 by default, what CI runs: about the fewest
that still try each of the 25 prefixes, which only the two thirds started on the demo data
take);
`LEGRUN_FUZZ_SEED` moves the whole run to other seeds.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import os
import pkgutil
import random
import sqlite3
import string
import traceback
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList
from textual.worker import WorkerCancelled, WorkerFailed

import legrun.tui.screens
import legrun.tui.widgets
from legrun.planner.week_state import week_start_for
from legrun.storage import Repository
from legrun.storage.demo import fill_with_demo
from legrun.storage.plans import load_week_plans
from legrun.tui import application
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.flows import DRAFT
from tests.conftest import TODAY

FULL = os.environ.get("LEGRUN_RELIABILITY", "").strip().lower() == "full"
SEQUENCES = 520 if FULL else 40
PER_TEST = 10 if FULL else 5  # sequences per test item (items spread over the xdist workers)
KEYS = 30
BASE_SEED = int(os.environ.get("LEGRUN_FUZZ_SEED", "20261124"))
REPLAY = os.environ.get("LEGRUN_FUZZ_REPLAY")

QUIT_KEYS = ("q", "ctrl+q")
NAVIGATION = (
    "tab", "shift+tab", "enter", "escape", "left", "right", "up", "down", "space",
    "backspace", "delete", "home", "end", "pageup", "pagedown", "ctrl+s", "ctrl+u",
)  # fmt: skip
PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " éø"
SPECIAL = ("?", "!", "[", "]", "/", *string.digits)


def _binding_keys() -> list[str]:
    """Every key bound by the app, its screens and widgets, and the Textual widgets they use."""
    classes: list[type] = [LegrunApp, Input, OptionList, DataTable, CommandPalette]
    modules = [application]
    for package in (legrun.tui.screens, legrun.tui.widgets):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            modules.append(importlib.import_module(info.name))
    for module in modules:
        classes += [
            obj
            for obj in vars(module).values()
            if inspect.isclass(obj)
            and issubclass(obj, DOMNode)
            and obj.__module__ == module.__name__
        ]
    keys: set[str] = set()
    for cls in classes:
        for klass in cls.__mro__:
            for binding in vars(klass).get("BINDINGS", ()):
                key = binding.key if isinstance(binding, Binding) else binding[0]
                keys.update(k.strip() for k in key.split(","))
    return sorted(keys - set(QUIT_KEYS))


BOUND = _binding_keys()

# Keys that open a screen or form (the demo data's week), and the screen they open.
PREFIXES: tuple[tuple[tuple[str, ...], str | None], ...] = (
    ((), "WeekScreen"),
    (("enter",), "DayScreen"),
    (("enter", "down"), "DayScreen"),
    (("a",), "AddKindScreen"),
    (("a", "l"), "LegDayForm"),
    (("a", "p"), "LegDayForm"),
    (("a", "t"), "TemplateScreen"),
    (("a", "t", "enter"), "LegDayForm"),
    (("a", "r"), "RunForm"),
    (("a", "x"), "CrossForm"),
    (("c",), "CheckInForm"),
    (("enter", "m"), None),
    (("enter", "d"), None),
    (("!",), "WeekNotesScreen"),
    (("?",), "HelpScreen"),
    (("2",), "HistoryScreen"),
    (("2", "enter"), None),
    (("2", "slash"), "HistoryScreen"),
    (("3",), "TrendsScreen"),
    (("4",), "ProfileScreen"),
    (("5",), "SeasonScreen"),
    (("5", "enter"), None),
    (("ctrl+p",), "Palette"),
    (("[", "[", "enter"), "DayScreen"),
    (("]", "]", "a", "r"), "RunForm"),
)
# Two thirds of the sequences start on the demo data, where the prefixes open every screen.
STARTS = ("demo", "demo", "welcome", "demo", "demo", "draft")
DEMO_PLACE = {i: n for n, i in enumerate(i for i, s in enumerate(STARTS) if s == "demo")}


def _key(rnd: random.Random) -> str:
    roll = rnd.random()
    if roll < 0.005:
        return rnd.choice(QUIT_KEYS)
    if roll < 0.35:
        return rnd.choice(NAVIGATION)
    if roll < 0.60:
        return rnd.choice(BOUND)
    if roll < 0.70:
        return rnd.choice(SPECIAL)
    return rnd.choice(PRINTABLE)


def _size(rnd: random.Random) -> tuple[int, int]:
    return rnd.randint(20, 200), rnd.randint(10, 60)


def key_event(key: str) -> events.Key:
    """The event a terminal's key makes, named as Pilot names it (`question_mark`, `space`)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


@dataclass
class Sequence:
    """One sequence, all drawn from its seed."""

    seed: int
    start: str
    size: tuple[int, int]
    prefix: tuple[str, ...]
    expected: str | None
    steps: list[tuple[str, object]] = field(default_factory=list)
    again: list[tuple[str, object]] = field(default_factory=list)  # after a restart, if any

    @classmethod
    def from_seed(cls, seed: int) -> Sequence:
        rnd = random.Random(seed)
        start = STARTS[seed % len(STARTS)]
        # Each prefix in turn over the demo starts, so that a default run opens every screen
        # the prefixes name.
        prefix, expected = ((), None)
        if start == "demo":
            demo_count = seed // len(STARTS) * len(DEMO_PLACE) + DEMO_PLACE[seed % len(STARTS)]
            prefix, expected = PREFIXES[demo_count % len(PREFIXES)]
        sequence = cls(seed, start, _size(rnd), prefix, expected)
        sequence.steps = cls._steps(rnd, KEYS)
        if rnd.random() < 0.25:
            sequence.again = cls._steps(rnd, KEYS // 3)
        return sequence

    @staticmethod
    def _steps(rnd: random.Random, count: int) -> list[tuple[str, object]]:
        steps: list[tuple[str, object]] = []
        for _ in range(count):
            roll = rnd.random()
            if roll < 0.05:
                steps.append(("resize", _size(rnd)))
            elif roll < 0.065:
                steps.append(("wait", 0.35))  # long enough for a form's draft to be kept
            # A key, handled before the next (most), or sent with the next in one burst.
            steps.append(("key" if rnd.random() < 0.75 else "burst", _key(rnd)))
        return steps

    def replay_line(self) -> str:
        return (
            f"LEGRUN_FUZZ_REPLAY={self.seed} uv run pytest tests/reliability/test_key_fuzz.py -n 0"
        )


def _seeds() -> list[list[int]]:
    if REPLAY:
        return [[int(REPLAY)]]
    seeds = [BASE_SEED + i for i in range(SEQUENCES)]
    return [seeds[i : i + PER_TEST] for i in range(0, len(seeds), PER_TEST)]


def _prepare(path: Path, start: str) -> None:
    with Repository.open(path) as repo:
        if start in ("demo", "draft"):
            fill_with_demo(repo, TODAY)
        if start == "draft":  # a run form left half typed when the connection dropped
            draft = {
                "kind": "run",
                "day": TODAY.isoformat(),
                "edit": None,
                "fields": {"km": "7.5", "minutes": "", "notes": "windy [D"},
                "focus": "f-minutes",
            }
            repo.set_setting(DRAFT, json.dumps(draft))


async def _settle(pilot: Pilot[int]) -> None:
    """Let the workers finish (one replaced by a newer one ends cancelled; one that failed
    has ended the app, which the checks after run_test see) and their messages be handled."""
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()
    await pilot.pause()


async def _drive(pilot: Pilot[int], steps: list[tuple[str, object]], log: list[str]) -> None:
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for kind, value in steps:
        if app.return_code is not None or not app.is_running:
            log.append("(the app ended)")
            return
        if kind == "resize":
            width, height = value  # type: ignore[misc]
            log.append(f"resize {width}x{height}")
            await pilot.resize_terminal(width, height)
        elif kind == "wait":
            log.append(f"wait {value}")
            await pilot.pause(float(value))  # type: ignore[arg-type]
        else:
            log.append(str(value))
            event = key_event(str(value))
            event.set_sender(app)
            driver.send_message(event)
            if kind == "key":
                await pilot._wait_for_screen()
    await _settle(pilot)


async def _run_app(
    db: Path, sequence: Sequence, steps: list[tuple[str, object]], log: list[str], first: bool
) -> LegrunApp:
    with Repository.open(db) as repo:
        app = make_app(repo, today=TODAY, welcome=sequence.start == "welcome")
        async with app.run_test(size=sequence.size, notifications=True) as pilot:
            await pilot.pause()
            if first:
                on_start = {"welcome": "WelcomeScreen", "draft": "RunForm"}.get(sequence.start)
                if on_start is not None:
                    assert type(app.screen).__name__ == on_start, "the app started elsewhere"
                if sequence.prefix:
                    await pilot.press(*sequence.prefix)
                    await _settle(pilot)
                    log.append(" ".join(sequence.prefix) + f" -> {type(app.screen).__name__}")
                if sequence.expected is not None:
                    assert type(app.screen).__name__ == sequence.expected, (
                        f"{sequence.prefix} opened {type(app.screen).__name__}, "
                        f"not {sequence.expected}"
                    )
            await _drive(pilot, steps, log)
            if app.return_code is None:
                assert app.is_running, "the app stopped without a quit"
        # Leaving run_test raised the app's exception, if it had one.
        assert app._exception is None
        assert app.return_code in (None, 0), f"the app ended with status {app.return_code}"
    return app


def check_database(db: Path) -> None:
    """Every row reads back through the Repository and the planner plans on it."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with Repository.open(db) as repo:
        profile = repo.profile()
        repo.goal()
        sessions = repo.sessions()
        repo.checkins()
        repo.pins()
        records = repo.records()
        assert len(records.sessions) == len(sessions)
        draft = repo.setting(DRAFT)
        if draft:
            assert isinstance(json.loads(draft), dict)
        week = week_start_for(TODAY, profile.week_start)
        plans = load_week_plans(repo, week - timedelta(weeks=1), week + timedelta(weeks=2), TODAY)
        assert len(plans) == 4


@pytest.mark.parametrize("seeds", _seeds(), ids=lambda s: f"seeds-{s[0]}-{s[-1]}")
async def test_random_keys_break_nothing(
    seeds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5-10 s an item: five sequences of ~30 keys, each from a fresh app on the demo data
    (or the welcome, or a draft), a quarter of them started twice; kept together so that the
    xdist workers share them out, rather than one item per sequence."""
    # The palette's exports and backups offer paths under ~: keep them in tmp_path.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    monkeypatch.chdir(tmp_path)
    for seed in seeds:
        sequence = Sequence.from_seed(seed)
        db = tmp_path / f"fuzz-{seed}.db"
        log: list[str] = []
        try:
            _prepare(db, sequence.start)
            app = await _run_app(db, sequence, sequence.steps, log, first=True)
            check_database(db)
            if sequence.again and app.return_code is None:
                log.append("-- the app started again on the same database --")
                await _run_app(db, sequence, sequence.again, log, first=False)
                check_database(db)
        except Exception as exc:
            keys = " ".join(log)
            pytest.fail(
                f"seed {seed} ({sequence.start}, {sequence.size[0]}x{sequence.size[1]}) failed: "
                f"{type(exc).__name__}: {exc}\nkeys: {keys}\nreplay: {sequence.replay_line()}\n"
                + "".join(traceback.format_exception(exc)),
                pytrace=False,
            )


def test_the_sequences_reach_every_screen_the_prefixes_name() -> None:
    # Over a whole run, each start and each prefix is drawn (so every screen is opened).
    drawn = [Sequence.from_seed(BASE_SEED + i) for i in range(SEQUENCES)]
    assert {s.start for s in drawn} == set(STARTS)
    assert {s.prefix for s in drawn if s.start == "demo"} == {p for p, _ in PREFIXES}
    assert all(len([k for k, _ in s.steps if k in ("key", "burst")]) == KEYS for s in drawn)
    assert {"ctrl+s", "ctrl+u", "tab", "shift+tab", "question_mark"} <= {*BOUND, *NAVIGATION}
