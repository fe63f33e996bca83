"""The direction of imports, checked in fresh interpreters: the planner is pure, and the
command line never pays for Textual."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import TODAY


def _loaded_after(code: str, env: dict[str, str] | None = None) -> list[str]:
    """Top-level names of every module loaded after running `code` in a fresh interpreter."""
    probe = textwrap.dedent(code) + textwrap.dedent(
        """
        import json as _json, sys as _sys
        print(_json.dumps(sorted({name.split(".")[0] for name in _sys.modules})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_importing_planner_storage_and_the_cli_does_not_load_textual() -> None:
    loaded = _loaded_after("import legrun.planner, legrun.storage, legrun.tui.cli")
    assert "legrun" in loaded  # the probe really imported something
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_every_planner_module_is_free_of_textual_and_sqlite() -> None:
    loaded = _loaded_after(
        """
        import importlib, pkgutil
        import legrun.planner
        for info in pkgutil.walk_packages(legrun.planner.__path__, "legrun.planner."):
            importlib.import_module(info.name)
        """
    )
    assert "legrun" in loaded
    for heavy in ("textual", "rich", "sqlite_utils", "sqlite3", "_sqlite3", "platformdirs"):
        assert heavy not in loaded, heavy


def test_running_cli_commands_does_not_load_textual(
    tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    db = tmp_path / "purity.db"
    commands = [
        ["log", "run", "--date", "today", "--km", "5", "--minutes", "30"],
        ["history", "--json"],
        ["history"],
        ["profile", "show", "--json"],
        ["plan", "--json"],
        ["today"],
    ]
    loaded = _loaded_after(
        f"""
        import contextlib, io
        from legrun.tui.cli import main
        for args in {commands!r}:
            with contextlib.redirect_stdout(io.StringIO()):
                assert main(["--db", {str(db)!r}, *args]) == 0, args
        """,
        env={**isolated_env, "LEGRUN_TODAY": TODAY.isoformat()},
    )
    assert "legrun" in loaded
    assert "textual" not in loaded
    # msgspec prints the JSON: loaded after the planner's import of it, so without
    # typing_extensions (see planner/__init__.py).
    assert "msgspec" in loaded and "typing_extensions" not in loaded


def test_the_planner_loads_msgspec_without_typing_extensions_and_leaves_it_importable() -> None:
    """msgspec falls back to `typing` when typing_extensions cannot be imported; the planner
    hides it for that one import (36 M instructions of every command), not for later ones."""
    loaded = _loaded_after(
        """
        import legrun.planner
        import sys
        assert "msgspec" in sys.modules
        import typing_extensions
        assert typing_extensions.Literal is not None  # the real module, not a stand-in
        from msgspec.structs import replace
        from legrun.planner.models import Run
        run = Run(date=__import__("datetime").date(2026, 11, 24), km=5.0, minutes=30)
        assert replace(run, km=6.0).km == 6.0 and run.km == 5.0
        """
    )
    assert "typing_extensions" in loaded  # imported, on request, after the planner


def test_importing_the_planner_loads_neither_typing_extensions_nor_inspect() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, legrun.planner.models, legrun.planner.engine; print(sorted(n for n in"
            " ('typing_extensions', 'inspect', 'msgspec') if n in sys.modules))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["['msgspec']"]
