"""What every form shares: labelled fields, inline messages, save and cancel by keyboard.

A form builds the planner's own record from its fields. Numbers are read and marked by their
bounds in planner.fields, the table the records and the command line check against, so a form
can never save what the command line would refuse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.validation import Function, ValidationResult, Validator
from textual.widgets import Input, Label, Static

from legrun.planner.fields import BOUNDS, Bound
from legrun.planner.models import ValidationError, parse_date
from legrun.tui.screens.base import LegrunModal
from legrun.tui.widgets.field_input import FieldInput, after_keys_on_their_way, value_of

T = TypeVar("T")


def date_validator(today: date) -> Validator:
    def ok(text: str) -> bool:
        try:
            parse_date(text, today)
        except ValidationError:
            return False
        return True

    return Function(ok, "a date: YYYY-MM-DD, today, yesterday or tomorrow")


class BoundValidator(Validator):
    """A field's text against its bound in planner.fields: what the record will accept."""

    def __init__(self, bound: Bound[Any]) -> None:
        super().__init__(failure_description=f"{bound.name}: {bound.span}")
        self.bound = bound

    def validate(self, value: str) -> ValidationResult:
        try:
            self.bound.parse(value)
        except ValidationError as exc:
            return self.failure(str(exc), value)
        return self.success()


def bound_validator(bound: Bound[Any]) -> Validator:
    return BoundValidator(bound)


def _as_list(validators: Validator | list[Validator] | None) -> list[Validator]:
    if validators is None:
        return []
    return validators if isinstance(validators, list) else [validators]


# Priority, so that tab moves the focus before the keys typed after it are handed to a field:
# over SSH "7.5<tab>45" often arrives in one read, and without this the 45 lands in the km
# field too. Forms and the profile share these.
FIELD_NAVIGATION = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="field.next"),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous field",
        show=False,
        priority=True,
        id="field.previous",
    ),
]


class FormScreen(LegrunModal[T]):
    """A modal form. Subclasses compose fields with `field()` and implement `build()`."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        *FIELD_NAVIGATION,
    ]
    TITLE_TEXT = "Form"
    KEYS_TEXT = "enter or ctrl+s save · tab next field · esc cancel"

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today
        # What was typed, handed on as it changes (the app keeps it as a draft, so that a
        # dropped connection loses nothing), and a draft to fill the fields with on opening.
        self.on_draft: Callable[[dict[str, Any]], None] | None = None
        self.restore: dict[str, Any] | None = None
        self._draft_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        body = VerticalScroll(classes="form")
        body.can_focus = False  # tab goes from field to field, not to the frame
        with body:
            yield Static(self.TITLE_TEXT, classes="form-title")
            yield from self.compose_fields()
            yield Static("", id="form-error", classes="form-error", markup=False)
            yield Static(self.KEYS_TEXT, classes="form-keys")

    def compose_fields(self) -> Iterable[Any]:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.focus_first_empty()
        if self.restore:
            self.restore_draft(self.restore)

    def draft(self) -> dict[str, Any]:
        """What the form holds now: every field's text (subclasses add what else they hold)."""
        fields = {i.id.removeprefix("f-"): value_of(i) for i in self.query(Input) if i.id}
        focused = self.focused.id if isinstance(self.focused, Input) else None
        return {"fields": fields, "focus": focused}

    def restore_draft(self, draft: dict[str, Any]) -> None:
        for name, value in dict(draft.get("fields", {})).items():
            found = self.query(f"#f-{name}")
            if found and isinstance(found.first(), Input):
                found.first(Input).value = str(value)
        focus = draft.get("focus")
        usable = isinstance(focus, str) and focus.replace("-", "_").isidentifier()
        target = self.query(f"#{focus}") if usable else ()
        if target and isinstance(target.first(), Input):
            target.first().focus()  # where the typing stopped

    def on_input_changed(self, event: Input.Changed) -> None:
        # Kept a moment after the last key, not on each one (typing fast over SSH).
        if self.on_draft is None:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(0.3, self.keep_draft)

    def keep_draft(self) -> None:
        self._draft_timer = None
        # Not once the form is closed: it stays a moment after (`LegrunModal.dismiss`), and
        # its save (or its cancel) has dropped the draft already.
        if self.on_draft is not None and self in self.app.screen_stack:
            self.on_draft(self.draft())

    def keep_pending_draft(self) -> None:
        """Keep now what the last keys typed, if their moment has not come yet (the app is
        about to go: a hang-up, a signal)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self.keep_draft()

    def focus_first_empty(self) -> None:
        """Start where typing is needed: the first empty field, else the first field."""
        inputs = list(self.query(Input))
        target = next((i for i in inputs if not i.value), inputs[0] if inputs else None)
        if target is not None:
            target.focus()

    def field(
        self,
        name: str,
        label: str,
        value: object = "",
        placeholder: str = "",
        validators: Validator | list[Validator] | None = None,
        **input_args: Any,
    ) -> Horizontal:
        text = "" if value is None else str(value)
        bounds = [v.bound for v in _as_list(validators) if isinstance(v, BoundValidator)]
        if bounds and "type" not in input_args:
            # A number field takes digits (and a point) only: other keys never land in it.
            input_args["type"] = "integer" if bounds[0].whole else "number"
        row = Horizontal(
            Label(label, classes="field-label"),
            FieldInput(
                text,
                placeholder=placeholder,
                id=f"f-{name}",
                validators=validators,
                valid_empty=not validators,
                compact=True,
                **input_args,
            ),
            classes="field",
        )
        return row

    def text(self, name: str) -> str:
        return value_of(self.query_one(f"#f-{name}", Input)).strip()

    def optional(self, name: str) -> Any:
        """The number in field `name`, read by its bound (`BOUNDS[name]`); None when empty."""
        return BOUNDS[name].parse_optional(self.text(name))

    def required(self, name: str) -> Any:
        """The same, for a field that must be filled in."""
        value = self.optional(name)
        if value is None:
            raise ValidationError(f"{BOUNDS[name].name} is needed")
        return value

    def date_value(self, name: str = "date") -> date:
        return parse_date(self.text(name), self.today)

    def build(self) -> T:
        """Turn the fields into a record; raise ValidationError with a message to show."""
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        after_keys_on_their_way(self, self._save_now)

    def _save_now(self) -> None:
        if self.app.screen is not self:
            # Closed (or covered) since the save was asked for: another way out of the form
            # in the same read came first. Closing "it" now would close the screen under it.
            return
        try:
            result = self.build()
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        self.dismiss(result)

    def show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(f"✗ {message}")
        error.add_class("-visible")

    def action_cancel(self) -> None:
        self.dismiss(None)
