-- A legrun database as schema 3 (ids never reused) wrote it, kept to prove that every later
-- legrun-tui opens it with nothing lost. Never edit: add a new file per schema.
PRAGMA application_id = 1279742549;
PRAGMA user_version = 3;
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
);
INSERT INTO profile VALUES(1,38,186,55,5,41.5,5,6,'mi','bike,walk','FREQ=WEEKLY;BYDAY=TU,FR');
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
INSERT INTO exercises VALUES(1,1,0,'back squat',5,5,110.0,'quads,glutes');
INSERT INTO exercises VALUES(2,1,1,'nordic curl',3,6,NULL,'hamstrings');
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
INSERT INTO checkins VALUES('2026-09-02',5,7,6,3,1,4,3);
CREATE TABLE IF NOT EXISTS "checklist_ticks" (
   "date" TEXT NOT NULL,
   "item" TEXT NOT NULL,
   PRIMARY KEY ("date", "item")
);
INSERT INTO checklist_ticks VALUES('2026-09-01','warmup');
INSERT INTO checklist_ticks VALUES('2026-09-01','fuel');
CREATE TABLE IF NOT EXISTS "settings" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT NOT NULL
);
INSERT INTO settings VALUES('theme','textual-dark');
CREATE TABLE IF NOT EXISTS "sessions" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, type TEXT NOT NULL, minutes INTEGER NOT NULL, rpe INTEGER, km FLOAT, avg_hr INTEGER, run_kind TEXT, activity TEXT, notes TEXT);
INSERT INTO sessions VALUES(1,'2026-09-01','leg',70,9,NULL,NULL,NULL,NULL,'heavy');
INSERT INTO sessions VALUES(2,'2026-09-02','run',40,3,6.7999999999999998223,131,'recovery',NULL,NULL);
INSERT INTO sessions VALUES(3,'2026-09-03','run',50,7,10.0,NULL,'tempo',NULL,'2x15 min');
INSERT INTO sessions VALUES(5,'2026-09-06','run',110,6,19.30000000000000071,142,'long',NULL,NULL);
INSERT INTO sessions VALUES(6,'2026-09-07','cross',45,2,NULL,NULL,NULL,'yoga',NULL);
CREATE TABLE IF NOT EXISTS "pins" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, to_date TEXT, minutes INTEGER, km FLOAT);
INSERT INTO pins VALUES(1,'2026-09-09','easy_run','move','2026-09-10',NULL,NULL);
INSERT INTO pins VALUES(3,'2026-09-12','cross_training','add',NULL,40,NULL);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('sessions',7);
INSERT INTO sqlite_sequence VALUES('pins',3);
CREATE INDEX "exercises_by_session"
    ON "exercises" ("session_id", "position");
CREATE INDEX exercises_by_lift ON exercises (name, reps, load_kg);
CREATE INDEX sessions_by_date_covering ON sessions (date, type, minutes, rpe, km);
CREATE INDEX pins_by_date ON pins (date);
COMMIT;
