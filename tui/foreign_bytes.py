"""Bytes from the terminal that are not UTF-8, over SSH.

Textual's input thread decodes what the terminal sends as strict UTF-8. A terminal set to
another encoding (a Latin-1 `ø` is the single byte 0xF8) or line noise on a flaky link then
raises `UnicodeDecodeError` in that thread, and the app stops reading keys: to the user it
ends with a traceback, whatever form was open. Textual issue #6456 (open as of Textual 8)
asks for `errors="replace"`; until it lands, `replace_foreign_bytes` gives the driver a
decoder that turns each such byte into U+FFFD (a `�` typed into the field, which the user sees
and can delete) and keeps every key after it.
"""

from __future__ import annotations

import codecs
import functools
from typing import Any


def _replacing_decoder(encoding: str) -> Any:
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def replace_foreign_bytes() -> None:
    """Make Textual's Linux driver (the one used in a terminal, local or over SSH) replace
    bytes it cannot decode instead of ending its input thread. Call before the app runs."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not a POSIX system: another driver, another decoder
        return
    if hasattr(linux_driver, "getincrementaldecoder"):
        linux_driver.getincrementaldecoder = _replacing_decoder
