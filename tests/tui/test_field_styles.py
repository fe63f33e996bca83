"""A field made with a value is styled once, when it is mounted, and shows whether its value
is valid: Input validates the value it is made with, and Textual used to style the unmounted
field for it there and then (5-9 ms a field, a profile form of a dozen fields 60 ms later)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.color import Color
from textual.validation import Number

from legrun.tui.widgets.field_input import FieldInput


def _count_styling(app: App[Any], seen: list[str], name: Callable[[object], str | None]) -> None:
    """Note in `seen` the name of each node the app's stylesheet styles from now on."""
    update_nodes = app.stylesheet.update_nodes

    def counting(nodes, animate: bool = False) -> None:  # type: ignore[no-untyped-def]
        nodes = list(nodes)
        seen.extend(n for n in map(name, nodes) if n is not None)
        update_nodes(nodes, animate=animate)

    app.stylesheet.update_nodes = counting  # type: ignore[method-assign]


class Fields(App[None]):
    CSS = """
    FieldInput.-valid { background: green; }
    FieldInput.-invalid { background: red; }
    """

    def compose(self) -> ComposeResult:
        yield FieldInput("5", id="good", validators=[Number(maximum=9)])
        yield FieldInput("50", id="bad", validators=[Number(maximum=9)])


async def test_fields_made_with_values_are_styled_at_mount_only_and_show_their_validity() -> None:
    app = Fields()
    styled: list[str] = []
    async with app.run_test() as pilot:
        update_nodes = app.stylesheet.update_nodes

        def counting(nodes, animate: bool = False) -> None:  # type: ignore[no-untyped-def]
            nodes = list(nodes)
            styled.extend(str(node.id) for node in nodes if isinstance(node, FieldInput))
            update_nodes(nodes, animate=animate)

        app.stylesheet.update_nodes = counting  # type: ignore[method-assign]
        # Made (and validated) outside the DOM: no styling yet.
        late = FieldInput("7", id="late", validators=[Number(maximum=9)])
        assert late.has_class("-valid")
        assert styled == []
        await app.mount(late)
        await pilot.pause()
        good, bad = app.query_one("#good"), app.query_one("#bad")
        assert good.styles.background == Color.parse("green")
        assert bad.styles.background == Color.parse("red")
        assert late.styles.background == Color.parse("green")
        # Once mounted, a change of validity restyles the field at once.
        late.value = "70"
        assert late.styles.background == Color.parse("red")
        assert "late" in styled


async def test_a_form_just_opened_is_not_styled_a_second_time_when_shown(repo) -> None:  # type: ignore[no-untyped-def]
    """Textual restyles a whole screen each time it is shown; a form shown right after its
    mount was styled then, so that second pass is skipped (a theme change while it is
    hidden still restyles it, as the kept-screens tests check)."""
    from textual.screen import Screen

    from legrun.tui.application import make_app
    from legrun.tui.screens.run_form import RunForm
    from tests.conftest import TODAY

    app = make_app(repo, today=TODAY)
    restyled: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _count_styling(app, restyled, lambda n: type(n).__name__ if isinstance(n, Screen) else None)
        await pilot.press("a", "r")
        await pilot.pause()
        assert isinstance(app.screen, RunForm)
        assert app.screen.query_one("#f-km").has_focus
        await pilot.press("escape")
        await pilot.pause()
    assert restyled == []


async def test_fields_follow_the_focus_in_an_open_form_and_not_once_it_is_closed(repo) -> None:  # type: ignore[no-untyped-def]
    """Textual restyles a field when it gains or loses the focus. In a form that is shown
    that shows where the cursor is; the focused field of a form just saved is told it lost
    the focus only after the form has left the screen, where restyling it is wasted."""
    from legrun.tui.application import make_app
    from legrun.tui.screens.run_form import RunForm
    from tests.conftest import TODAY

    app = make_app(repo, today=TODAY)
    restyled: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _count_styling(app, restyled, lambda n: str(n.id) if isinstance(n, FieldInput) else None)
        await pilot.press("a", "r", "5", "tab")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RunForm)
        assert form.query_one("#f-minutes").has_focus
        # The field left and the field reached were restyled for their :focus.
        assert {"f-km", "f-minutes"} <= set(restyled)
        await pilot.press("3", "0")
        restyled.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RunForm)
        assert [s.km for s in repo.sessions(TODAY, TODAY)] == [5.0]
    assert restyled == []
