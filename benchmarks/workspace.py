"""Everything the measures share: a temporary folder with the databases, the commands, and
the environment every child process runs in.

The children (the app in a pty, the command line as a subprocess, the bare Textual app) all
get the same environment, built from this one with:

- `LEGRUN_TODAY` pinned (`history.TODAY`), so every run plans the same weeks;
- HOME, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_STATE_HOME and TMPDIR inside
  the temporary folder: platformdirs (`user_data_dir("legrun")`, the default database) and
  `--demo` (a `tempfile.mkdtemp` folder) never touch the user's files;
- TERM=xterm-256color, and nothing that changes how the app draws or waits: NO_COLOR,
  COLORTERM, TEXTUAL_*, TMUX, COLUMNS, LINES, ESCDELAY and the SSH_* variables (over SSH the
  app waits longer after a lone escape) are removed, and so is LEGRUN_DB;
- a bytecode cache: this sandbox sets PYTHONDONTWRITEBYTECODE=1, so every start would compile
  every module (Textual's included) again. An installed program runs from its cached
  bytecode after its first start, so the children get PYTHONPYCACHEPREFIX in the temporary
  folder and PYTHONDONTWRITEBYTECODE removed, and every measure warms the cache with a
  start that is not counted.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from benchmarks.history import TODAY, History, build_empty, build_history

_DROPPED = (
    "NO_COLOR",
    "FORCE_COLOR",
    "COLORTERM",
    "LEGRUN_DB",
    "LEGRUN_CALDAV_PASSWORD",
    "TMUX",
    "COLUMNS",
    "LINES",
    "ESCDELAY",
    "SSH_CONNECTION",
    "SSH_CLIENT",
    "SSH_TTY",
    "PYTHONDONTWRITEBYTECODE",
)
BARE_APP = Path(__file__).with_name("bare_app.py")


def installed_command() -> Path:
    """The `legrun-tui` console script of this environment (not `uv run`: its own start-up
    would be counted)."""
    found = shutil.which("legrun-tui", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit("legrun-tui is not installed next to this Python (run `uv sync`)")
    return Path(found)


@dataclass
class Workspace:
    """A temporary folder holding the databases; `fresh_copy` gives each run its own file."""

    root: Path
    ten_year: Path  # the template; the app is never run on it directly
    empty: Path
    empty_week: Path  # empty, the welcome skipped: the app opens on the week
    history: History
    build_seconds: float
    legrun: Path
    env: dict[str, str]
    _copies: int = 0

    @classmethod
    def create(cls, years: float = 10) -> Workspace:
        root = Path(tempfile.mkdtemp(prefix="legrun-bench-"))
        try:
            templates = root / "templates"
            templates.mkdir()
            ten_year, empty = templates / "ten-year.db", templates / "empty.db"
            empty_week = templates / "empty-week.db"
            started = time.perf_counter()
            history = build_history(ten_year, TODAY, years)
            build_seconds = time.perf_counter() - started
            build_empty(empty)
            build_empty(empty_week, welcome_skipped=True)
            return cls(
                root,
                ten_year,
                empty,
                empty_week,
                history,
                build_seconds,
                installed_command(),
                child_environment(root),
            )
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise

    def fresh_copy(self, template: Path) -> Path:
        """A new copy of a template database, in a folder of its own (so its -wal and -shm
        files, and anything the app leaves, go with it)."""
        self._copies += 1
        folder = self.root / "runs" / str(self._copies)
        folder.mkdir(parents=True)
        copy = folder / template.name
        shutil.copyfile(template, copy)
        return copy

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def child_environment(root: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in _DROPPED and not k.startswith("TEXTUAL_")
    }
    home = root / "home"
    for sub in ("data", "config", "cache", "state", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        TERM="xterm-256color",
        LEGRUN_TODAY=TODAY.isoformat(),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        TMPDIR=str(home / "tmp"),
        PYTHONPYCACHEPREFIX=str(root / "pycache"),
    )
    return env
