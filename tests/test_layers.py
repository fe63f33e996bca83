"""The layer rule, checked statically: every import in every module (at the top, inside a
function, under TYPE_CHECKING) goes down the layers, never up, and SQL stays in storage.

    legrun.tui  --->  legrun.storage  --->  legrun.planner  --->  stdlib, dateutil, msgspec

The subprocess test beside this one (test_import_purity.py) proves what is loaded at run time;
this one also sees imports that only run in some branch, or that a test never reaches.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"planner": 0, "storage": 1, "tui": 2}
# What each layer may import from outside the project (besides the standard library).
# msgspec makes the records (frozen Structs) that every layer passes down and up.
THIRD_PARTY = {
    "planner": {"dateutil", "msgspec"},
    "storage": {"dateutil", "msgspec", "sqlite_utils", "platformdirs"},
    "tui": {
        "dateutil",
        "msgspec",
        "textual",
        "textual_plotext",
        "rich",
        "icalendar",  # the plan as calendar events
        "caldav",  # the plan into a phone's calendar
        "gpxpy",  # runs from GPX files
        "fitdecode",  # runs from FIT files
    },
}
# Modules of the standard library a layer must not use: the planner has no I/O and no clock.
FORBIDDEN_STDLIB = {
    "planner": {"sqlite3", "os", "io", "pathlib", "time", "socket", "subprocess", "threading"},
    "storage": set(),
    "tui": {"sqlite3"},  # everything SQLite goes through storage
}
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET)\b", re.I)


def modules() -> list[tuple[str, Path]]:
    return [
        (layer, path)
        for layer in LAYERS
        for path in sorted((ROOT / layer).rglob("*.py"))
        if "__pycache__" not in path.parts
    ]


def imported(tree: ast.AST) -> list[str]:
    """Every module named by an import statement anywhere in `tree`."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def problems(layer: str, path: Path) -> list[str]:
    source = path.read_text()
    tree = ast.parse(source)
    found = []
    stdlib = __import__("sys").stdlib_module_names
    for name in imported(tree):
        top = name.split(".")[0]
        if top == "legrun":
            other = name.split(".")[1] if "." in name else ""
            if other not in LAYERS:
                found.append(f"imports {name}, which is no layer")
            elif LAYERS[other] > LAYERS[layer]:
                found.append(f"imports {name}: {layer} must not depend on {other}")
        elif top in ("tests", "scripts"):
            found.append(f"imports {name}")
        elif top in FORBIDDEN_STDLIB[layer]:
            found.append(f"imports {name}, which {layer} must not use")
        elif top not in stdlib and top not in THIRD_PARTY[layer]:
            found.append(f"imports {name}, a library {layer} does not declare")
    if layer != "storage":
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and SQL.search(text):
                found.append(f"holds SQL ({text[:40]!r}): SQL lives only in storage")
    return found


@pytest.mark.parametrize(
    "layer, path", modules(), ids=[str(p.relative_to(ROOT)) for _, p in modules()]
)
def test_every_import_goes_down_the_layers(layer: str, path: Path) -> None:
    assert problems(layer, path) == []


def test_the_checker_sees_a_wrong_import_and_sql(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "def later():\n"
        "    from legrun.tui.application import LegrunApp\n"
        "    import sqlite3\n"
        "    return 'SELECT id FROM sessions'\n"
    )
    found = problems("planner", wrong)
    assert any("must not depend on tui" in p for p in found)
    assert any("sqlite3" in p for p in found)
    assert any("holds SQL" in p for p in found)
    assert problems("tui", wrong) == [
        "imports sqlite3, which tui must not use",
        "holds SQL ('SELECT id FROM sessions'): SQL lives only in storage",
    ]
