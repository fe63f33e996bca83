-- A legrun database as schema 1 (the first release) wrote it, kept to prove that every
-- later legrun-tui opens it with nothing lost. Never edit: add a new file per schema.
PRAGMA application_id = 1279742549;
PRAGMA user_version = 1;
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
INSERT INTO "checkins" VALUES('2026-03-03',6,7,5,4,2,3,2);
CREATE TABLE "checklist_ticks" (
   "date" TEXT NOT NULL,
   "item" TEXT NOT NULL,
   PRIMARY KEY ("date", "item")
);
INSERT INTO "checklist_ticks" VALUES('2026-03-02','warmup');
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
INSERT INTO "exercises" VALUES(1,1,0,'back squat',5,5,100.0,'quads,glutes');
INSERT INTO "exercises" VALUES(2,1,1,'walking lunge',3,12,NULL,'quads,glutes');
INSERT INTO "exercises" VALUES(3,1,2,'deadlift',3,5,102.1,'hamstrings,glutes');
CREATE TABLE "pins" (
   "id" INTEGER PRIMARY KEY,
   "date" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "action" TEXT NOT NULL,
   "to_date" TEXT,
   "minutes" INTEGER,
   "km" REAL
);
INSERT INTO "pins" VALUES(1,'2026-03-10','easy_run','move','2026-03-11',NULL,NULL);
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
);
INSERT INTO "profile" VALUES(1,42,181,52,4,32.5,5,6,'mi','swim,walk','FREQ=WEEKLY;BYDAY=MO,TH');
CREATE TABLE "sessions" (
   "id" INTEGER PRIMARY KEY,
   "date" TEXT NOT NULL,
   "type" TEXT NOT NULL,
   "minutes" INTEGER NOT NULL,
   "rpe" INTEGER,
   "km" REAL,
   "avg_hr" INTEGER,
   "run_kind" TEXT,
   "activity" TEXT,
   "notes" TEXT
);
INSERT INTO "sessions" VALUES(1,'2026-03-02','leg',65,8,NULL,NULL,NULL,NULL,'felt strong');
INSERT INTO "sessions" VALUES(2,'2026-03-03','run',42,3,7.4,128,'recovery',NULL,NULL);
INSERT INTO "sessions" VALUES(3,'2026-03-04','cross',30,NULL,NULL,NULL,NULL,'swim',NULL);
INSERT INTO "sessions" VALUES(4,'2026-03-08','run',95,6,16.0,NULL,'long',NULL,'hilly');
CREATE TABLE "settings" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT NOT NULL
);
INSERT INTO "settings" VALUES('theme','textual-light');
CREATE INDEX "sessions_by_date"
    ON "sessions" ("date");
CREATE INDEX "exercises_by_session"
    ON "exercises" ("session_id", "position");
CREATE INDEX "pins_by_date"
    ON "pins" ("date");
COMMIT;
