-- A legrun database as schema 4 (profile: same-day hard, unavailable days, weekly minutes)
-- wrote it, kept to prove that every later legrun-tui opens it with nothing lost.
-- Never edit: add a new file per schema.
PRAGMA application_id = 1279742549;
PRAGMA user_version = 4;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "profile" (
   "id" INTEGER PRIMARY KEY,
   "age" INTEGER NOT NULL,
   "max_hr" INTEGER,
   "resting_hr" INTEGER,
   "runs_per_week" INTEGER NOT NULL,
   "weekly_km" REAL NOT NULL,
   "long_run_day" INTEGER NOT NULL,
   "week_start" INTEGER NOT NULL,
   "units" TEXT NOT NULL,
   "cross" TEXT,
   "leg_days_rule" TEXT
, same_day_hard INTEGER NOT NULL DEFAULT 0, unavailable TEXT NOT NULL DEFAULT '', weekly_minutes INTEGER);
INSERT INTO profile VALUES(1,29,NULL,58,4,33.0,6,0,'km','swim,yoga','FREQ=WEEKLY;BYDAY=MO,TH',1,'wed',210);
CREATE TABLE IF NOT EXISTS "exercises" (
   "id" INTEGER PRIMARY KEY,
   "session_id" INTEGER NOT NULL REFERENCES "sessions"("id"),
   "position" INTEGER NOT NULL,
   "name" TEXT NOT NULL,
   "sets" INTEGER NOT NULL,
   "reps" INTEGER NOT NULL,
   "load_kg" REAL,
   "muscles" TEXT
);
INSERT INTO exercises VALUES(1,1,0,'back squat',5,5,95.0,'quads,glutes');
INSERT INTO exercises VALUES(2,1,1,'romanian deadlift',3,8,70.0,'hamstrings,glutes');
CREATE TABLE IF NOT EXISTS "checkins" (
   "date" TEXT PRIMARY KEY,
   "soreness" INTEGER NOT NULL,
   "quads" INTEGER,
   "hamstrings" INTEGER,
   "glutes" INTEGER,
   "calves" INTEGER,
   "sleep" INTEGER,
   "energy" INTEGER
);
INSERT INTO checkins VALUES('2026-10-06',4,6,3,2,1,5,4);
INSERT INTO checkins VALUES('2026-10-12',2,NULL,NULL,NULL,NULL,3,NULL);
CREATE TABLE IF NOT EXISTS "checklist_ticks" (
   "date" TEXT NOT NULL,
   "item" TEXT NOT NULL,
   PRIMARY KEY ("date", "item")
);
INSERT INTO checklist_ticks VALUES('2026-10-05','warmup');
CREATE TABLE IF NOT EXISTS "settings" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT NOT NULL
);
INSERT INTO settings VALUES('theme','nord');
CREATE TABLE IF NOT EXISTS "sessions" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, type TEXT NOT NULL, minutes INTEGER NOT NULL, rpe INTEGER, km FLOAT, avg_hr INTEGER, run_kind TEXT, activity TEXT, notes TEXT);
INSERT INTO sessions VALUES(1,'2026-10-05','leg',60,8,NULL,NULL,NULL,NULL,'squats felt heavy');
INSERT INTO sessions VALUES(2,'2026-10-06','run',35,3,5.9000000000000003552,129,'recovery',NULL,NULL);
INSERT INTO sessions VALUES(3,'2026-10-08','run',22,9,5.0,176,'race',NULL,'parkrun PB');
INSERT INTO sessions VALUES(4,'2026-10-09','cross',30,3,NULL,NULL,NULL,'swim',NULL);
CREATE TABLE IF NOT EXISTS "pins" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, to_date TEXT, minutes INTEGER, km FLOAT);
INSERT INTO pins VALUES(1,'2026-10-14','easy_run','skip',NULL,NULL,NULL);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('sessions',5);
INSERT INTO sqlite_sequence VALUES('pins',2);
CREATE INDEX "exercises_by_session"
    ON "exercises" ("session_id", "position");
CREATE INDEX exercises_by_lift ON exercises (name, reps, load_kg);
CREATE INDEX sessions_by_date_covering ON sessions (date, type, minutes, rpe, km);
CREATE INDEX pins_by_date ON pins (date);
COMMIT;
