-- Review database, version 1: what a review file (*.iptreview) holds inside its encrypted
-- envelope. De-identified cases only (ipt-deidentify.h decides what they hold): case codes, no
-- names, no contact details, weeks and session numbers instead of dates. The supervisor's
-- comments, session reviews and log entries are added here and merged into the casebook.
-- PRAGMA application_id is "IPTR"; PRAGMA user_version the version of this layout.

CREATE TABLE review_info (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  casebook_uid  TEXT NOT NULL CHECK (length (casebook_uid) = 32),
  created_at    TEXT NOT NULL
);

CREATE TABLE cases (
  episode_id        INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  status            TEXT NOT NULL,
  planned_sessions  INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 99),
  assessment_end    INTEGER NOT NULL,
  middle_end        INTEGER NOT NULL,
  focus             TEXT,
  secondary_focus   TEXT,
  dispute_stage     TEXT,
  focus_person      TEXT,
  agreed_week       INTEGER,
  weeks_running     INTEGER NOT NULL DEFAULT 0,
  sessions_attended INTEGER NOT NULL DEFAULT 0,
  current_session   INTEGER NOT NULL DEFAULT 0,
  phase             TEXT NOT NULL,
  progress_text     TEXT NOT NULL,
  shared            INTEGER NOT NULL DEFAULT 0,
  formulation       TEXT,
  old_role          TEXT,
  new_role          TEXT,
  -- the outcome so far (clinical.md section 5), NULL columns when none was computed
  outcome           TEXT,
  outcome_rule      TEXT,
  finished_treatment INTEGER,
  caseness          INTEGER,
  recovery          INTEGER,
  reliable_improvement INTEGER,
  reliable_deterioration INTEGER,
  reliable_recovery INTEGER,
  has_gad7          INTEGER,
  phq9_first        INTEGER,
  phq9_last         INTEGER,
  gad7_first        INTEGER,
  gad7_last         INTEGER,
  n_phq9            INTEGER,
  position          INTEGER NOT NULL
);

CREATE TABLE sessions (
  episode_id  INTEGER NOT NULL REFERENCES cases (episode_id),
  number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
  week        INTEGER,
  attendance  TEXT NOT NULL,
  attendees   TEXT NOT NULL,
  duration    INTEGER,
  phase       TEXT NOT NULL,
  tasks_done  INTEGER NOT NULL DEFAULT 0,
  note        TEXT,
  PRIMARY KEY (episode_id, number)
) WITHOUT ROWID;

CREATE TABLE scores (
  episode_id  INTEGER NOT NULL REFERENCES cases (episode_id),
  session     INTEGER NOT NULL,
  measure     TEXT NOT NULL,
  total       INTEGER,
  risk_item   INTEGER,
  PRIMARY KEY (episode_id, session, measure)
) WITHOUT ROWID;

CREATE TABLE people (
  episode_id        INTEGER NOT NULL REFERENCES cases (episode_id),
  position          INTEGER NOT NULL,
  label             TEXT NOT NULL,
  ring              INTEGER NOT NULL CHECK (ring BETWEEN 1 AND 3),
  ideal_ring        INTEGER,
  knows_about_mood  INTEGER NOT NULL DEFAULT 0,
  notes             TEXT,
  PRIMARY KEY (episode_id, position)
) WITHOUT ROWID;

CREATE TABLE life_events (
  episode_id  INTEGER NOT NULL REFERENCES cases (episode_id),
  position    INTEGER NOT NULL,
  week        INTEGER,
  impact      INTEGER NOT NULL CHECK (impact BETWEEN -5 AND 5),
  person      TEXT,
  title       TEXT,
  PRIMARY KEY (episode_id, position)
) WITHOUT ROWID;

CREATE TABLE goals (
  episode_id     INTEGER NOT NULL REFERENCES cases (episode_id),
  position       INTEGER NOT NULL,
  text           TEXT,
  first_rating   INTEGER,
  latest_rating  INTEGER,
  PRIMARY KEY (episode_id, position)
) WITHOUT ROWID;

CREATE TABLE signals (
  episode_id  INTEGER NOT NULL REFERENCES cases (episode_id),
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  rule        TEXT NOT NULL,
  PRIMARY KEY (episode_id, position)
) WITHOUT ROWID;

-- Written by the supervisor; uid: random, so that merging twice adds each once.
CREATE TABLE comments (
  uid             TEXT PRIMARY KEY,
  episode_id      INTEGER NOT NULL REFERENCES cases (episode_id),
  session_number  INTEGER CHECK (session_number IS NULL OR session_number BETWEEN 1 AND 99),
  author          TEXT,
  created_at      TEXT NOT NULL,
  text            TEXT NOT NULL CHECK (length (text) > 0)
) WITHOUT ROWID;

CREATE TABLE session_reviews (
  uid             TEXT PRIMARY KEY,
  episode_id      INTEGER NOT NULL REFERENCES cases (episode_id),
  session_number  INTEGER NOT NULL CHECK (session_number BETWEEN 1 AND 99),
  phase           TEXT NOT NULL,
  task_ratings    TEXT NOT NULL CHECK (ltrim (task_ratings, '0123-') = ''),
  focus_rating    INTEGER CHECK (focus_rating IS NULL OR focus_rating BETWEEN 0 AND 3),
  stance_rating   INTEGER CHECK (stance_rating IS NULL OR stance_rating BETWEEN 0 AND 3),
  comment         TEXT,
  reviewer        TEXT,
  created_at      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE supervision_log (
  uid                  TEXT PRIMARY KEY,
  episode_id           INTEGER NOT NULL REFERENCES cases (episode_id),
  date                 TEXT NOT NULL CHECK (date (date, '+0 days') IS date),
  sessions_discussed   TEXT NOT NULL DEFAULT '' CHECK (sessions_discussed NOT GLOB '*[^0-9,]*'),
  recordings_reviewed  INTEGER NOT NULL DEFAULT 0 CHECK (recordings_reviewed >= 0),
  action_points        TEXT,
  author               TEXT,
  created_at           TEXT NOT NULL
) WITHOUT ROWID;

-- The clinical records are the practitioner's: in a review file they are read-only. Only the
-- supervisor's own tables above take changes.
CREATE TRIGGER cases_read_only_update BEFORE UPDATE ON cases
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER cases_read_only_delete BEFORE DELETE ON cases
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER sessions_read_only_update BEFORE UPDATE ON sessions
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER sessions_read_only_delete BEFORE DELETE ON sessions
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER scores_read_only_update BEFORE UPDATE ON scores
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER scores_read_only_delete BEFORE DELETE ON scores
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER people_read_only_update BEFORE UPDATE ON people
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER people_read_only_delete BEFORE DELETE ON people
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER life_events_read_only_update BEFORE UPDATE ON life_events
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER life_events_read_only_delete BEFORE DELETE ON life_events
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER goals_read_only_update BEFORE UPDATE ON goals
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER goals_read_only_delete BEFORE DELETE ON goals
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER signals_read_only_update BEFORE UPDATE ON signals
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
CREATE TRIGGER signals_read_only_delete BEFORE DELETE ON signals
BEGIN
  SELECT RAISE (ABORT, 'the clinical records of a review file are read-only');
END;
