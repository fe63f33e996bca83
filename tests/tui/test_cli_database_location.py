"""Which file the command uses: `--db` beats `$LEGRUN_DB`, which beats the user data dir."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from legrun.storage import Repository

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def _count(path: Path) -> int:
    with Repository.open(path) as repo:
        return repo.session_count()


def _log(cli, db: Path | None):
    result = cli("log", "run", "--date", "today", "--km", "5", "--minutes", "30", db=db)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG data dir is Linux's")
def test_without_db_or_env_the_user_data_dir_is_used(
    cli, tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    _log(cli, db=None)
    # The cli fixture points XDG_DATA_HOME at tmp_path / "xdg-data".
    assert _count(tmp_path / "xdg-data" / "legrun" / "legrun.db") == 1


def test_legrun_db_beats_the_user_data_dir(
    cli, tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    isolated_env["LEGRUN_DB"] = str(tmp_path / "env" / "from-env.db")
    _log(cli, db=None)
    assert _count(tmp_path / "env" / "from-env.db") == 1
    assert not (tmp_path / "xdg-data").exists()


def test_db_beats_legrun_db(cli, tmp_path: Path, isolated_env: dict[str, str]) -> None:
    isolated_env["LEGRUN_DB"] = str(tmp_path / "from-env.db")
    _log(cli, db=tmp_path / "from-flag.db")
    assert _count(tmp_path / "from-flag.db") == 1
    assert not (tmp_path / "from-env.db").exists()
    assert not (tmp_path / "xdg-data").exists()


def test_version_prints_the_package_version(cli, db_path: Path) -> None:
    expected = tomllib.loads(PYPROJECT.read_text())["project"]["version"]
    result = cli("--version", db=None)
    assert result.returncode == 0
    assert result.stdout == f"legrun-tui {expected}\n"
    assert not db_path.exists()


def test_today_shows_todays_date_and_what_was_logged(cli) -> None:
    assert cli("log", "leg", "--date", "today", "--rpe", "8").returncode == 0
    result = cli("today")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("2026-11-24: ")
    assert "leg day" in first
    assert "[done]" in first
