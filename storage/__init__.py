"""legrun.storage: the one SQLite file, through sqlite-utils. The only place with SQL.

Above storage, everything goes through a `Repository` (records in and out, one transaction a
write; its mixins `history`, `trends` and `exchange` add the history pages, the trends sums and
every record at once for export, import and backup), `changes` (what a user did, as values
that can be undone and redone) and `plans` (the use cases the CLI and the app share). Every
SQLite error comes out as a `StorageError`.
"""

from legrun.storage.database import StorageError, default_path, write_transaction
from legrun.storage.repository import Repository

__all__ = ["Repository", "StorageError", "default_path", "write_transaction"]
