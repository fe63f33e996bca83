"""Moving data in or out from the app (the command palette's export, import and backup):
a path to confirm or type, then the work done off the UI thread with a progress bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static

from legrun.storage import Repository, StorageError
from legrun.tui.interop.actions import Action, ActionError
from legrun.tui.screens.base import LegrunModal
from legrun.tui.widgets.field_input import FieldInput, value_of


class TransferScreen(LegrunModal[None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="transfer.cancel")]

    class Progressed(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        def __init__(self, summary: str | None, error: str | None) -> None:
            super().__init__()
            self.summary, self.error = summary, error

    def __init__(self, action: Action) -> None:
        super().__init__()
        self.action = action
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form chooser"):
            yield Static(self.action.title, classes="form-title")
            yield Static(self.action.help, classes="field-hint")
            what = "files, separated by spaces" if self.action.files else "file"
            yield Static(f"The {what}:", classes="field-hint")
            yield FieldInput(self.action.default_path, id="transfer-path", compact=True)
            yield ProgressBar(total=1, show_eta=False, id="transfer-progress")
            yield Static("", id="form-error", classes="form-error", markup=False)
            yield Static("enter starts · esc cancels", classes="form-keys")

    def on_mount(self) -> None:
        self.query_one("#transfer-path", FieldInput).focus()

    def paths(self) -> list[Path]:
        text = value_of(self.query_one("#transfer-path", FieldInput)).strip()
        parts = text.split() if self.action.files else [text]
        return [Path(p).expanduser() for p in parts if p]

    def on_input_submitted(self, event: FieldInput.Submitted) -> None:
        event.stop()
        if self.running:
            return
        paths = self.paths()
        if not paths:
            self.show_error("give a path first")
            return
        database = self.app.repository.path
        if database is None:
            self.show_error("this database has no file to work from")
            return
        self.running = True
        self.query_one("#transfer-path", FieldInput).disabled = True
        self._run(database, paths, self.app.today)

    @work(thread=True, exclusive=True, group="transfer", exit_on_error=False)
    def _run(self, database: Path, paths: list[Path], today: date) -> None:
        """In a thread of its own, on a connection of its own (one belongs to one thread)."""

        def progress(done: int, total: int) -> None:
            self.post_message(self.Progressed(done, total))

        try:
            opened = Repository.open(database) if self.action.writes else None
            repo = opened or self.app.repository.reader()
            try:
                summary = self.action.run(repo, paths, today, progress)
            finally:
                repo.close()
        except (ActionError, StorageError, OSError) as exc:
            self.post_message(self.Finished(None, str(exc)))
            return
        self.post_message(self.Finished(summary, None))

    def on_transfer_screen_progressed(self, message: Progressed) -> None:
        self.query_one("#transfer-progress", ProgressBar).update(
            total=max(1, message.total), progress=message.done
        )

    def on_transfer_screen_finished(self, message: Finished) -> None:
        self.running = False
        if message.error is not None:
            self.query_one("#transfer-path", FieldInput).disabled = False
            self.query_one("#transfer-path", FieldInput).focus()
            self.show_error(message.error)
            return
        if self.action.writes:
            self.app.data_changed()
        self.dismiss(None)
        self.app.notify(message.summary or "Done.", timeout=6)

    def show_error(self, text: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(f"✗ {text}")
        error.add_class("-visible")

    def action_cancel(self) -> None:
        if self.running:
            self.notify("Still working: it ends in a moment, all or nothing.", timeout=3)
            return
        self.dismiss(None)
