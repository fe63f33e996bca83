"""legrun.storage: the one SQLite file, through sqlite-utils. The only place with SQL."""

from legrun.storage.database import StorageError, default_path, write_transaction
from legrun.storage.repository import Repository

__all__ = ["Repository", "StorageError", "default_path", "write_transaction"]
