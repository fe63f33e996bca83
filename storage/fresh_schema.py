# ruff: noqa: E501 (the statements as SQLite keeps them)
"""The schema a new database gets at once (generated: do not edit).

What storage/schema.py's migrations make of an empty database, statement by statement,
written by `uv run python scripts/fresh_schema.py`. A new database gets these in one
transaction instead of every migration in turn through sqlite-utils.
"""

VERSION = 7

STATEMENTS = (
    'CREATE TABLE "profile" (\n   "id" INTEGER PRIMARY KEY,\n   "age" INTEGER NOT NULL,\n   "max_hr" INTEGER,\n   "resting_hr" INTEGER,\n   "runs_per_week" INTEGER NOT NULL,\n   "weekly_km" REAL NOT NULL,\n   "long_run_day" INTEGER NOT NULL,\n   "week_start" INTEGER NOT NULL,\n   "units" TEXT NOT NULL,\n   "cross" TEXT,\n   "leg_days_rule" TEXT\n, same_day_hard INTEGER NOT NULL DEFAULT 0, unavailable TEXT NOT NULL DEFAULT \'\', weekly_minutes INTEGER)',
    'CREATE TABLE "exercises" (\n   "id" INTEGER PRIMARY KEY,\n   "session_id" INTEGER NOT NULL REFERENCES "sessions"("id"),\n   "position" INTEGER NOT NULL,\n   "name" TEXT NOT NULL,\n   "sets" INTEGER NOT NULL,\n   "reps" INTEGER NOT NULL,\n   "load_kg" REAL,\n   "muscles" TEXT\n, per_set TEXT, unit TEXT NOT NULL DEFAULT \'kg\')',
    'CREATE INDEX "exercises_by_session"\n    ON "exercises" ("session_id", "position")',
    'CREATE TABLE "checkins" (\n   "date" TEXT PRIMARY KEY,\n   "soreness" INTEGER NOT NULL,\n   "quads" INTEGER,\n   "hamstrings" INTEGER,\n   "glutes" INTEGER,\n   "calves" INTEGER,\n   "sleep" INTEGER,\n   "energy" INTEGER\n)',
    'CREATE TABLE "checklist_ticks" (\n   "date" TEXT NOT NULL,\n   "item" TEXT NOT NULL,\n   PRIMARY KEY ("date", "item")\n)',
    'CREATE TABLE "settings" (\n   "key" TEXT PRIMARY KEY,\n   "value" TEXT NOT NULL\n)',
    "CREATE INDEX exercises_by_lift ON exercises (name, reps, load_kg)",
    'CREATE TABLE "sessions" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, type TEXT NOT NULL, minutes INTEGER NOT NULL, rpe INTEGER, km FLOAT, avg_hr INTEGER, run_kind TEXT, activity TEXT, notes TEXT)',
    "CREATE INDEX sessions_by_date_covering ON sessions (date, type, minutes, rpe, km)",
    'CREATE TABLE "pins" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, to_date TEXT, minutes INTEGER, km FLOAT)',
    "CREATE INDEX pins_by_date ON pins (date)",
    "CREATE TABLE goal (id INTEGER PRIMARY KEY CHECK (id = 1), date TEXT NOT NULL, distance_km FLOAT NOT NULL, name TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE imports (digest TEXT PRIMARY KEY, session_id INTEGER, source TEXT NOT NULL DEFAULT '')",
)
