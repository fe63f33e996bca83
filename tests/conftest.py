"""Shared fixtures: real SQLite files in tmp_path, the installed command as a subprocess."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest


def _shared_bytecode_cache() -> Path:
    """Where compiled modules are kept for every test process: the xdist workers, and each
    command a test runs. Where the environment forbids writing `__pycache__` beside the
    sources (PYTHONDONTWRITEBYTECODE), every process compiled each module it imported, and
    pytest rewrote every test module's asserts, again: a worker's collection took 8.8 s of
    CPU, and 2.5 s once they are kept (and each command ~0.3 s more). They go to one
    folder in the temp dir instead, shared by the runs (checked against each source's mtime
    and size, as `__pycache__` is; the path mirrors the source's, so clones do not meet).
    The folder is this user's alone, as pytest's own temp folders are: code planted in it
    by someone else would run in the tests; if it is not, a folder for this run is used."""
    folder = Path(tempfile.gettempdir()) / f"legrun-tests-pycache-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    found = folder.lstat()
    if stat.S_ISDIR(found.st_mode) and found.st_uid == os.getuid() and not found.st_mode & 0o022:
        return folder
    return Path(tempfile.mkdtemp(prefix="legrun-tests-pycache-"))


if sys.dont_write_bytecode:
    # Before the first module of the project or the tests is imported (pytest and its
    # plugins, loaded before any conftest, still compile theirs).
    sys.pycache_prefix = str(_shared_bytecode_cache())
    sys.dont_write_bytecode = False

from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Profile, Run  # noqa: E402
from legrun.storage import Repository  # noqa: E402

TODAY = date(2026, 11, 24)  # a Tuesday; every test runs on this frozen date


def legrun_command() -> list[str]:
    """The installed console script (what a user runs), from this environment."""
    found = shutil.which("legrun-tui", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the legrun-tui console script is not installed in this environment")
    return [found]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "legrun.db"


@pytest.fixture
def repo(db_path: Path) -> Iterator[Repository]:
    repository = Repository.open(db_path)
    try:
        yield repository
    finally:
        repository.close()


@pytest.fixture(scope="session")
def bytecode_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the commands the tests run keep their compiled modules (PYTHONDONTWRITEBYTECODE
    is taken out of their environment): with the tests' own when those have a folder of
    their own (above), else a folder for this session."""
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix)
    return tmp_path_factory.mktemp("pycache")


@pytest.fixture
def isolated_env(tmp_path: Path, bytecode_cache: Path) -> dict[str, str]:
    """An environment whose data dir, config and clock belong to the test."""
    env = dict(os.environ)
    env.update(
        LEGRUN_TODAY=TODAY.isoformat(),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        HOME=str(tmp_path / "home"),
        NO_COLOR="1",
        PYTHONPYCACHEPREFIX=str(bytecode_cache),
    )
    env.pop("LEGRUN_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@pytest.fixture
def cli(db_path: Path, isolated_env: dict[str, str]):
    """Run the installed `legrun-tui --db <tmp db> ARGS...`; returns the CompletedProcess."""

    def run(
        *args: str, db: Path | None = db_path, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        command = legrun_command()
        if db is not None:
            command += ["--db", str(db)]
        return subprocess.run(
            command + list(args),
            capture_output=True,
            text=True,
            env=isolated_env,
            timeout=timeout,
        )

    return run


# -- files as they are on disk: to prove that a refused command wrote nothing -----------------


def file_state(path: Path) -> tuple[str | None, list[str]]:
    """The file's SHA-256 (None if it is missing) and every file beside it sharing its name
    (`x.db`, `x.db-wal`, `x.db-shm`, `x.db-journal`, backups), so a test can compare before
    and after."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    siblings = sorted(p.name for p in path.parent.glob(f"{path.name}*"))
    return digest, siblings


@pytest.fixture
def seeded_db(db_path: Path) -> Path:
    """A closed legrun database with a leg day, a run, a cross-training session, a check-in and
    a profile, written through the repository (ids 1, 2, 3 in that order)."""
    with Repository.open(db_path) as repository:
        repository.save_profile(Profile(age=40, runs_per_week=4, weekly_km=30.0))
        repository.add_session(
            LegDay(
                date=date(2026, 11, 16),
                minutes=55,
                rpe=8,
                exercises=(Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),),
            )
        )
        repository.add_session(Run(date=date(2026, 11, 18), minutes=40, km=7.0, kind="easy"))
        repository.add_session(
            CrossTraining(date=date(2026, 11, 20), minutes=30, rpe=3, activity="swim")
        )
        repository.save_checkin(CheckIn(date=date(2026, 11, 17), soreness=6, quads=7))
    return db_path


def assert_refused(result: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    """The command failed with `code` and said so in one line on stderr, starting
    `legrun-tui: error:`, with no traceback, naming each of `words`. Returns the line."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("legrun-tui: error: "), lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert result.stdout == ""
    return lines[0]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject): two workers more than there are cores. Many tests spend their
    time waiting (on a terminal in tmux, an installed command, a server's timeout): on 2
    cores a third worker took the suite from 216 s to 182 s, and a fourth from 170-190 s to
    151-164 s (a fifth: 169 s, the workers then mostly waiting for the cores)."""
    return (os.cpu_count() or 1) + 2


def _share_css_parsing() -> None:
    """Every app a test starts parses the same CSS (the app's, each widget's defaults) into
    the same rules, about 10 ms of each start: one process-wide cache of Textual's parse,
    keyed as Textual keys its own per-app cache plus the theme's variables (which the rules
    are parsed with), saves that after an app of each theme has started. The rules are
    only read once parsed (an app already reuses them from its own cache on a re-parse)."""
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    shared: dict[tuple[object, ...], object] = {}

    def _parse_rules(self: Stylesheet, css: str, read_from: object, *args: object, **kw: object):
        theme = tuple(sorted(self._variables.items()))
        key = (css, read_from, args, tuple(sorted(kw.items())), theme)
        rules = shared.get(key)
        if rules is None:
            rules = shared[key] = parse_rules(self, css, read_from, *args, **kw)  # type: ignore[arg-type]
        return rules

    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]


_share_css_parsing()
