"""The benchmark of the whole app (issue 10): one command, figures rather than tests.

    uv run python -m benchmarks              # the full run (about seven minutes)
    uv run python -m benchmarks --quick      # a smoke run (two to three minutes)
    uv run python -m benchmarks --runs 9 --presses 40 --json results.json
    uv run python -m benchmarks --only startup,processes

It builds a ten-year history in a temporary folder (history.py: about five sessions a week,
a check-in every day, a profile, a goal race 20 weeks out; `$LEGRUN_TODAY` pinned to
2026-11-24 so every run plans the same weeks), and measures, each figure the median of runs
interleaved in this one process tree (the machines are shared and noisy: a figure is only
worth its ratio to a reference measured in the same run):

- start-up to a settled first frame in a real pty at 80x24 and 200x50 of `legrun-tui --db`
  on the ten-year and on an empty database (which opens on the welcome form; and once more
  with the welcome skipped, on the empty week), `legrun-tui --demo` and a bare Textual app
  (startup.py), and the peak memory of each after it, and the CPU time of the same starts:
  what the app's threads ran, and how long they waited for a core (the machine's load);
- key to frame and terminal bytes per key on the ten-year database (keys.py), the bare
  app's `]` as the reference;
- the echo of 2,000 characters typed into a note at 100 a second (typing_echo.py);
- whole-process time of the command-line commands, and their CPU time (processes.py);
- the planner's own time in process (planner_time.py).

"Settled": the last byte the app writes before a quiet window (`--quiet-ms`,
`--key-quiet-ms`, 250 ms) in which it writes nothing; the window is never counted. Every
child runs from a bytecode cache (this sandbox sets PYTHONDONTWRITEBYTECODE=1; an installed
program has its cache after the first start) and an isolated HOME and data dir
(workspace.py).

The output is a table (measure | figure | budget | ok?) with the budgets of issue 10:

- start-up <= 1.15x the bare app at 80x24 (ten-year and empty database), `--demo` <= 1.3x;
  ten-year <= 1.05x the empty database, both showing the week (each size);
- key to frame <= 16 ms median for every key; <= 3 KB written for `]`;
- peak memory on the ten-year database <= 1.2x the bare app;
- `plan --json`, `today` and `season --json` <= 120 ms as a whole process;
- the longest gap between a typed key and its echo <= 50 ms.

`--json PATH` writes the same rows (with every sample) for comparing runs. A missed budget
is reported, never an exit code: these are measurements, not tests.
"""
