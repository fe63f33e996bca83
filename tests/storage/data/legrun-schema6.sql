-- A legrun database as schema 6 (imported watch activities) wrote it, kept to prove that every later
-- legrun-tui opens it with nothing lost. Never edit: add a new file per schema.
PRAGMA application_id = 1279742549;
PRAGMA user_version = 6;
BEGIN TRANSACTION;
CREATE TABLE "checkins" (
   "date" TEXT PRIMARY KEY,
   "soreness" INTEGER NOT NULL,
   "quads" INTEGER,
   "hamstrings" INTEGER,
   "glutes" INTEGER,
   "calves" INTEGER,
   "sleep" INTEGER,
   "energy" INTEGER
);
INSERT INTO "checkins" VALUES('2026-11-03',3,5,2,NULL,NULL,4,4);
CREATE TABLE "checklist_ticks" (
   "date" TEXT NOT NULL,
   "item" TEXT NOT NULL,
   PRIMARY KEY ("date", "item")
);
INSERT INTO "checklist_ticks" VALUES('2026-11-02','mobility');
CREATE TABLE "exercises" (
   "id" INTEGER PRIMARY KEY,
   "session_id" INTEGER NOT NULL REFERENCES "sessions"("id"),
   "position" INTEGER NOT NULL,
   "name" TEXT NOT NULL,
   "sets" INTEGER NOT NULL,
   "reps" INTEGER NOT NULL,
   "load_kg" REAL,
   "muscles" TEXT
);
INSERT INTO "exercises" VALUES(1,1,0,'box squat',5,3,90.0,'quads,glutes');
INSERT INTO "exercises" VALUES(2,1,1,'calf raise',3,15,NULL,'calves');
CREATE TABLE goal (id INTEGER PRIMARY KEY CHECK (id = 1), date TEXT NOT NULL, distance_km FLOAT NOT NULL, name TEXT NOT NULL DEFAULT '');
INSERT INTO "goal" VALUES(1,'2027-03-21',10.0,'City 10K');
CREATE TABLE imports (digest TEXT PRIMARY KEY, session_id INTEGER, source TEXT NOT NULL DEFAULT '');
INSERT INTO "imports" VALUES('gpx:3f2a9c',2,'morning.gpx');
CREATE TABLE "pins" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, to_date TEXT, minutes INTEGER, km FLOAT);
INSERT INTO "pins" VALUES(2,'2026-11-11','long_run','move','2026-11-12',NULL,NULL);
CREATE TABLE "profile" (
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
INSERT INTO "profile" VALUES(1,44,178,50,4,36.0,5,0,'km','bike,swim','FREQ=WEEKLY;BYDAY=TU',0,'fri',NULL);
CREATE TABLE "sessions" (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, type TEXT NOT NULL, minutes INTEGER NOT NULL, rpe INTEGER, km FLOAT, avg_hr INTEGER, run_kind TEXT, activity TEXT, notes TEXT);
INSERT INTO "sessions" VALUES(1,'2026-11-02','leg',55,7,NULL,NULL,NULL,NULL,'box squats');
INSERT INTO "sessions" VALUES(2,'2026-11-03','run',41,4,7.25,133,'easy',NULL,NULL);
INSERT INTO "sessions" VALUES(4,'2026-11-08','run',104,6,18.4,145,'long',NULL,'windy');
INSERT INTO "sessions" VALUES(5,'2026-11-09','cross',35,2,NULL,NULL,NULL,'bike',NULL);
CREATE TABLE "settings" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT NOT NULL
);
INSERT INTO "settings" VALUES('theme','gruvbox');
CREATE INDEX "exercises_by_session"
    ON "exercises" ("session_id", "position");
CREATE INDEX exercises_by_lift ON exercises (name, reps, load_kg);
CREATE INDEX sessions_by_date_covering ON sessions (date, type, minutes, rpe, km);
CREATE INDEX pins_by_date ON pins (date);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('sessions',6);
INSERT INTO "sqlite_sequence" VALUES('pins',3);
COMMIT;
