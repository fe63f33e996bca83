"""Opening the one SQLite file: where it lives, refusing files that are not ours, migrations.

Every write goes through `write_transaction`, which begins IMMEDIATE: sqlite-utils' own
`atomic()` begins a deferred transaction and fails at once with `database is locked` when
another process writes, while IMMEDIATE waits for the busy timeout (measured, see DESIGN.md).

Everyday reads and writes use the plain `sqlite3` connection; sqlite-utils is loaded only when
a migration runs (its table-creation API writes the schema). Importing it, and its plugin scan,
cost ~80 ms of every command's start-up, which a command that only logs a run should not pay.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x4C475255  # "LGRU"
BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


class StorageError(Exception):
    """The database could not be used (unreadable, not ours, corrupt, locked, too new)."""


def default_path() -> Path:
    """`$LEGRUN_DB`, else the platform's user data dir (e.g. ~/.local/share/legrun/legrun.db)."""
    env = os.environ.get("LEGRUN_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("legrun", appauthor=False)) / "legrun.db"


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from None


def _check_header(path: Path, header: bytes, size: int, quiet: bool) -> None:
    """Refuse anything that is not a legrun database, before SQLite touches it.

    `quiet` says no `-wal` or `-journal` lies beside the file, so no other connection can be
    part-way through writing it and its size must match what its header says.
    """
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise StorageError(f"{path} is not a legrun database (not an SQLite file)")
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise StorageError(f"{path} is not a legrun database (it belongs to another program)")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    truncated = page_size < 512 or size % page_size != 0
    if quiet and not truncated:
        # The page count in the header is valid when its change counters agree.
        (pages,) = struct.unpack(">I", header[28:32])
        if pages and header[24:28] == header[92:96] and size < pages * page_size:
            truncated = True
    if truncated:
        raise StorageError(
            f"{path} is truncated or damaged (shorter than its header says); "
            "restore it from a backup"
        )


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction that takes the write lock up front (BEGIN IMMEDIATE), so that
    concurrent writers wait for each other instead of failing; rolled back on any error,
    a failed COMMIT included. Inside a transaction already, a SAVEPOINT: the inner writes are
    undone alone if they fail, and kept or lost with the outer ones."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT inner")
        try:
            yield conn
        except BaseException:
            # Some errors (a full disk) end the whole transaction, savepoint and all: then
            # there is nothing to roll back to, and the error that ended it is the one to tell.
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute("ROLLBACK TO inner")
                conn.execute("RELEASE inner")
            raise
        conn.execute("RELEASE inner")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StorageError(describe(exc)) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # (A failed COMMIT leaves the transaction open; one SQLite ended itself leaves none.)
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("ROLLBACK")
        raise


def describe(exc: sqlite3.Error) -> str:
    """What a user is told when SQLite refuses: what happened and what to do, in one line."""
    message = str(exc)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return (
            "the database is busy: another program kept it locked for more than "
            f"{BUSY_TIMEOUT_MS / 1000:g} s; try again"
        )
    if "full" in lowered:
        return "the disk is full, so nothing was saved; free some space and try again"
    if "readonly" in lowered or "read-only" in lowered:
        return "the database is read-only (check the file's permissions), so nothing was saved"
    if "disk i/o" in lowered:
        return "the disk could not be read or written (I/O error), so nothing was saved"
    if "malformed" in lowered or "not a database" in lowered:
        return f"the database is damaged ({message}); restore it from a backup"
    return f"the database could not be used: {message}"


class Connection:
    """The one way storage talks to SQLite once the file is open: every `sqlite3.Error`, from
    a statement, a fetch, a COMMIT or a ROLLBACK, comes out as a `StorageError` that says what
    happened (a full disk, a locked file), so nothing above storage sees SQLite's exceptions."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement that changes rows (its cursor has `lastrowid` and `rowcount`)."""
        try:
            return self.raw.execute(sql, params)
        except sqlite3.Error as exc:
            raise StorageError(describe(exc)) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self.raw.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StorageError(describe(exc)) from None

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Every row of a query (fetched here, so that a failing fetch is caught too)."""
        try:
            return self.raw.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StorageError(describe(exc)) from None

    def row(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        try:
            found: tuple[Any, ...] | None = self.raw.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise StorageError(describe(exc)) from None
        return found

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        found = self.row(sql, params)
        return found[0] if found else None

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction (see `write_transaction`); a nested one is a savepoint."""
        try:
            with write_transaction(self.raw):
                yield
        except sqlite3.Error as exc:
            raise StorageError(describe(exc)) from None

    @property
    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.raw.close()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection to a database that is open already (see `open_database`)."""
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as exc:
        raise StorageError(f"cannot open {path}: {describe(exc)}") from None
    return conn


def _remove_if_new(paths: list[Path], existed: set[Path]) -> None:
    for side in paths:
        if side not in existed:
            with contextlib.suppress(OSError):
                side.unlink()


Migrations = Sequence[Callable[["sqlite_utils.Database"], None]]
Fresh = tuple[int, Sequence[str]]
"""A new database's schema at once: the schema version, and the statements that make it."""


def open_database(
    path: Path | str, migrations: Migrations, fresh: Fresh | None = None
) -> sqlite3.Connection:
    """Open (creating if need be) the legrun database at `path` and bring its schema up to date.

    A file that is not ours is refused with its bytes untouched and no `-wal`/`-shm` beside it.
    A schema newer than this program knows is refused, never migrated backwards. Before
    migrating an existing database a backup is taken with VACUUM INTO. A new database gets
    `fresh` (when it is of the latest version) instead of every migration in turn.
    """
    path = Path(path).expanduser()
    sides = [Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file")
    if path.exists() and not path.is_file():
        raise StorageError(f"{path} is not a regular file, so it cannot be a legrun database")
    is_new = not path.exists() or path.stat().st_size == 0
    if not is_new:
        quiet = not any(side.exists() for side in (sides[0], sides[2]))
        _check_header(path, _read_header(path), path.stat().st_size, quiet)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create {path.parent}: {exc.strerror or exc}") from None

    existed = {side for side in sides if side.exists()}
    try:
        db = _connect(path)
    except sqlite3.Error as exc:
        raise StorageError(f"cannot open {path}: {exc}") from None
    try:
        if not is_new:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise StorageError(f"{path} is damaged ({result}); restore it from a backup")
        _migrate(db, path, migrations, fresh)
        db.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        db.close()
        if not is_new:
            _remove_if_new(sides, existed)
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise StorageError(f"{path} is locked by another program; try again") from None
        if "unable to open" in message or "readonly" in message:
            raise StorageError(
                f"{path} cannot be opened for writing (the file or its folder is read-only); "
                "nothing was changed"
            ) from None
        raise StorageError(f"{path} is damaged or unreadable ({message})") from None
    except StorageError:
        db.close()
        if not is_new:
            _remove_if_new(sides, existed)
        raise
    return db


def open_memory(migrations: Migrations, fresh: Fresh | None = None) -> sqlite3.Connection:
    """An empty database in memory with the current schema: what a command that only reads
    answers from when there is no database file yet (so that none is made)."""
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA foreign_keys = ON")
    _migrate(db, Path(":memory:"), migrations, fresh)
    return db


def _create(db: sqlite3.Connection, fresh: Fresh) -> bool:
    """Give an empty database the latest schema at once; False when it is not empty after
    all (then the migrations look at what is there)."""
    version, statements = fresh
    with write_transaction(db):
        # Another process may have created it while this one waited for the lock.
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return False
        for statement in statements:
            db.execute(statement)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {version}")
    return True


def _whole_backup(path: Path, version: int) -> bool:
    """Whether a backup file left from before is a whole database of schema `version`."""
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        ) as db:
            ok = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            return bool(ok and db.execute("PRAGMA user_version").fetchone()[0] == version)
    except sqlite3.Error:
        return False


def _migrate(
    db: sqlite3.Connection, path: Path, migrations: Migrations, fresh: Fresh | None
) -> None:
    known = len(migrations)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > known:
        raise StorageError(
            f"{path} was written by a newer legrun-tui (schema {version}; this one knows "
            f"up to {known}); upgrade legrun-tui to open it"
        )
    if version == known:
        return
    if version == 0 and fresh is not None and fresh[0] == known and _create(db, fresh):
        return
    if version > 0:
        backup = path.with_name(f"{path.name}.schema{version}.bak")
        if backup.exists() and not _whole_backup(backup, version):
            backup.unlink()  # broken (an older version's killed upgrade): take it again
        if not backup.exists():
            # Written under a temporary name and renamed when whole: a backup cut short (a
            # kill, a full disk) never stands in for one, and the next start takes it again.
            partial = path.with_name(f".{path.name}.schema{version}.bak-partial")
            partial.unlink(missing_ok=True)
            db.execute("VACUUM INTO ?", [str(partial)])
            os.replace(partial, backup)
    import sqlite_utils

    schema = sqlite_utils.Database(db, execute_plugins=False, recursive_triggers=False)
    for number, migration in enumerate(migrations[version:], start=version + 1):
        # A migration that rebuilds a table (SQLite's 12-step ALTER) runs with foreign keys
        # off, which can only be switched outside a transaction, and checks them before it
        # commits.
        rebuilds = getattr(migration, "rebuilds_tables", False)
        if rebuilds:
            db.execute("PRAGMA foreign_keys = OFF")
        try:
            with write_transaction(db):
                # Another process may have migrated while this one waited for the lock.
                if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                try:
                    migration(schema)
                    if rebuilds and db.execute("PRAGMA foreign_key_check").fetchone():
                        raise sqlite3.IntegrityError("foreign keys broken by the rebuild")
                except (sqlite3.OperationalError, sqlite3.IntegrityError) as exc:
                    if "locked" in str(exc) or "busy" in str(exc):
                        raise
                    raise StorageError(
                        f"could not upgrade {path} to schema {number} ({exc}); "
                        f"it is left at schema {number - 1}"
                    ) from None
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {number}")
        finally:
            if rebuilds:
                db.execute("PRAGMA foreign_keys = ON")
