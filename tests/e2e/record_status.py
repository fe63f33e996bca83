"""Run a command and write how it ended to a file: its exit status, or `signal N` if a
signal killed it. It outlives a hang-up itself (a handler, not SIG_IGN, so the command still
gets the default disposition), to record what the command did when its terminal went away.

Usage: python record_status.py STATUS_FILE COMMAND [ARGS...]"""

import signal
import subprocess
import sys
from pathlib import Path

signal.signal(signal.SIGHUP, lambda signum, frame: None)
code = subprocess.call(sys.argv[2:])
Path(sys.argv[1]).write_text(f"signal {-code}\n" if code < 0 else f"{code}\n")
