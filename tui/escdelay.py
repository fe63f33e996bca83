"""How long a lone escape waits for the rest of a key's escape sequence, over SSH.

An arrow key reaches the app as three bytes, `ESC [ D`. Textual takes an `ESC` followed by
nothing for 100 ms (`textual.constants.ESCAPE_DELAY`, from `$ESCDELAY` in milliseconds, as
ncurses reads it) as the escape key itself. Over a slow or jittery SSH link the bytes of one
key can arrive 150 ms or more apart: the escape then cancels the form, and `[D` is typed as
text (`[` pages a week back). Over SSH the app waits 300 ms instead, unless `$ESCDELAY` says
otherwise; the price is that a lone escape acts 300-400 ms after it is pressed (Textual's
input thread checks the time every 100 ms), which is still quick enough for "back". Locally a
terminal writes a key's bytes at once, and Textual's 100 ms stays.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

SSH_ESCAPE_DELAY_MS = 300
_SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")


def escape_delay_ms(environ: Mapping[str, str]) -> int | None:
    """The escape delay this session needs, in milliseconds; None to keep Textual's own
    (which already follows `$ESCDELAY` when it is set)."""
    if environ.get("ESCDELAY", "").strip():
        return None
    if any(environ.get(name) for name in _SSH_VARIABLES):
        return SSH_ESCAPE_DELAY_MS
    return None


def lengthen_escape_delay(environ: Mapping[str, str] | None = None) -> float:
    """Set Textual's escape delay for this session (call before the app runs); returns it in
    seconds. Textual's input parser reads the constant each time it waits after an escape."""
    from textual import constants

    wanted = escape_delay_ms(os.environ if environ is None else environ)
    if wanted is not None:
        constants.ESCAPE_DELAY = wanted / 1000  # type: ignore[misc]
    return constants.ESCAPE_DELAY
